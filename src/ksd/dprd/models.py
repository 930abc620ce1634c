"""One DPRD approval track per burdened region of a cooperation (PP 50/2007 Pasal 9-12).

The track keeps the dates of its events, taken from the letters; its clocks and status are
always computed by ksd.law from those dates, so a page shows the truth even before `ksd tick`
has run. `deemed_approved_on` records that the tick applied Pasal 12 ayat (4).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DprdReview(models.Model):
    cooperation = models.ForeignKey(
        "cooperation.Cooperation", verbose_name=_("cooperation"), on_delete=models.CASCADE,
        related_name="dprd_reviews",
    )  # fmt: skip
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    received_on = models.DateField(_("received by the DPRD on"))
    opinion_sent_on = models.DateField(_("opinion sent on"), null=True, blank=True)
    opinion_received_on = models.DateField(_("opinion received on"), null=True, blank=True)
    resubmitted_on = models.DateField(_("revised draft received on"), null=True, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    rejected_on = models.DateField(_("refused on"), null=True, blank=True)
    deemed_approved_on = models.DateField(_("deemed approved on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"))
    updated_at = models.DateTimeField(_("updated at"))

    class Meta:
        verbose_name = _("DPRD review")
        verbose_name_plural = _("DPRD reviews")
        ordering = ("cooperation", "region")
        indexes = (
            models.Index(fields=("region", "cooperation"), name="dprd_review_by_region"),
            # The dashboard's "tracks still open" (cooperation/queries.py tasks_for).
            models.Index(
                fields=("region", "cooperation"), name="dprd_review_open",
                condition=models.Q(approved_on__isnull=True, rejected_on__isnull=True,
                                   deemed_approved_on__isnull=True),
            ),
        )  # fmt: skip
        constraints = (
            models.UniqueConstraint(fields=("cooperation", "region"), name="dprd_review_once"),
        )

    def __str__(self) -> str:
        return f"{self.cooperation} — DPRD {self.region_id}"

"""One DPRD approval track per burdened region of a cooperation (PP 50/2007 Pasal 9-12).

The track keeps the dates of its events, taken from the letters; its clocks and status are
always computed by ksd.law from those dates, so a page shows the truth even before `ksd tick`
has run. `deemed_approved_on` records that the tick applied Pasal 12 ayat (4).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ksd.regions.names import region_name


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
    # ksd.law's status of the track and its next deadline, stored by cooperation/status.py.
    status = models.CharField(_("status"), max_length=30, blank=True)
    due_on = models.DateField(_("next deadline"), null=True, blank=True)
    due_name = models.CharField(_("what is due"), max_length=30, blank=True)
    # The time limit a decided track's decision is judged against (the oversight scorecard's
    # DPRD timeliness), stored by cooperation/status.py from ksd.law's deadlines of the track:
    # "assessment_due" (Pasal 12 ayat (1)), "deemed_approval_due" after a resubmission
    # (ayat (4)), "none" when the regulation set no clock; blank while undecided or not yet
    # judged. Every save blanks it, so a corrected date is judged again.
    decision_due_name = models.CharField(
        _("decision judged against"), max_length=30, blank=True, editable=False
    )
    decision_due_on = models.DateField(
        _("time limit of the decision"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"))
    updated_at = models.DateTimeField(_("updated at"))
    # ksd tick's schedule, not a fact: the day it must next read this track (a deadline comes
    # within reach of its notice, passes, or a dated step takes effect), counted by ksd.law
    # when the tick last read it. Null: at the next run, by the tick's own rule of which dates
    # are recent (cooperation/jobs.py). Every save resets it, so any recorded step or
    # correction is read again; so do changes of the DPRD clocks or of holidays (dprd/apps.py).
    next_check_on = models.DateField(_("next check by ksd tick"), null=True, editable=False)

    class Meta:
        verbose_name = _("DPRD review")
        verbose_name_plural = _("DPRD reviews")
        ordering = ("cooperation", "region")
        indexes = (
            models.Index(fields=("region", "cooperation"), name="dprd_review_by_region"),
            # The tracks still open (cooperation/status.py invalidate_open_tracks).
            models.Index(
                fields=("region", "cooperation"), name="dprd_review_open",
                condition=models.Q(approved_on__isnull=True, rejected_on__isnull=True,
                                   deemed_approved_on__isnull=True),
            ),
            # ksd tick's tracks due for a reading (cooperation/jobs.py notify_dprd_deadlines).
            models.Index(fields=("next_check_on", "cooperation"), name="dprd_review_next_check"),
        )  # fmt: skip
        constraints = (
            models.UniqueConstraint(fields=("cooperation", "region"), name="dprd_review_once"),
        )

    def __str__(self) -> str:
        return f"{self.cooperation} — DPRD {region_name(self.region_id)}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A changed date may move the track's deadlines: the next tick reads it again.
        self.next_check_on = None
        self.decision_due_name, self.decision_due_on = "", None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "next_check_on",
                "decision_due_name",
                "decision_due_on",
            }
        super().save(*args, **kwargs)


class ClockSetting(models.Model):
    """The administrator's values for PP 28/2018's DPRD clocks of KSDD and KSDPK (the parameter
    pp28_dprd_clocks of ksd.law). Pasal 6 ayat (4) leaves them to a Minister's regulation
    (Permendagri 22/2020), whose text KSD does not ship: until an administrator enters the numbers
    with the decree, no DPRD clock runs under PP 28/2018 and no approval is deemed given.

    A value holds from `in_force_from` until the next one. A row is never edited: a correction
    withdraws it (`withdrawn_at`) and enters a new one; ClockSettingChange keeps who did what."""

    in_force_from = models.DateField(_("in force from"))
    assessment_days = models.PositiveSmallIntegerField(_("assessment (working days)"))
    opinion_days = models.PositiveSmallIntegerField(_("opinion (working days)"))
    revision_days = models.PositiveSmallIntegerField(_("revision (working days)"))
    deemed_approval_days = models.PositiveSmallIntegerField(
        _("deemed approval after resubmission (working days)"), null=True, blank=True
    )
    decree_number = models.CharField(_("regulation"), max_length=200)
    decree_date = models.DateField(_("date of the regulation"))
    note = models.CharField(_("articles and note"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("entered at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("DPRD clock setting")
        verbose_name_plural = _("DPRD clock settings")
        ordering = ("-in_force_from", "-id")
        constraints = (
            models.UniqueConstraint(
                fields=("in_force_from",), condition=models.Q(withdrawn_at__isnull=True),
                name="dprd_clock_setting_one_per_day",
            ),
        )  # fmt: skip

    def __str__(self) -> str:
        return f"{self.decree_number} ({self.in_force_from.isoformat()})"

    def as_value(self) -> dict[str, int | None]:
        """The value of pp28_dprd_clocks, in ksd.law's shape."""
        return {
            "assessment": self.assessment_days,
            "opinion": self.opinion_days,
            "revision": self.revision_days,
            "deemed_approval": self.deemed_approval_days,
        }


class ClockSettingChange(models.Model):
    """The audit trail of ClockSetting: who entered or withdrew which values, and when."""

    class Action(models.TextChoices):
        SET = "set", _("entered")
        WITHDRAWN = "withdrawn", _("withdrawn")

    setting = models.ForeignKey(
        ClockSetting, verbose_name=_("setting"), on_delete=models.PROTECT, related_name="changes"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("at"))
    old_value = models.JSONField(_("old value"), null=True, blank=True)
    new_value = models.JSONField(_("new value"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("DPRD clock setting change")
        verbose_name_plural = _("DPRD clock setting changes")
        ordering = ("-at", "-id")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"

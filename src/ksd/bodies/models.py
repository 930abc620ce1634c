"""Cooperation bodies: a badan kerja sama (PP 50/2007 Pasal 24-25) or a sekretariat kerja sama
(PP 28/2018 Pasal 7), their members and their reports. Rows are written by bodies/services.py."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ksd.regions.names import region_name


class BodyKind(models.TextChoices):
    BADAN = "badan", _("Cooperation body (badan kerja sama)")
    SEKRETARIAT = "sekretariat", _("Cooperation secretariat (sekretariat kerja sama)")


class CooperationBody(models.Model):
    """A body the heads of the cooperating regions formed by a joint decision."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=BodyKind.choices)
    # Pasal 24 ayat (2): formed by a joint decision (keputusan bersama) of the heads of region.
    decision_number = models.CharField(_("joint decision number"), max_length=100)
    decided_on = models.DateField(_("joint decision dated"))
    cooperation = models.ForeignKey(
        "cooperation.Cooperation", verbose_name=_("cooperation"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="bodies",
    )  # fmt: skip
    # The article that allowed it, as ksd.law answered when it was formed.
    citation = models.CharField(_("article"), max_length=120, blank=True)
    formed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("cooperation body")
        verbose_name_plural = _("cooperation bodies")
        ordering = ("name", "id")

    def __str__(self) -> str:
        return self.name


class BodyMember(models.Model):
    """A region's seat in a body and who represents it (Pasal 1 angka 4)."""

    body = models.ForeignKey(
        CooperationBody, verbose_name=_("body"), on_delete=models.CASCADE, related_name="members"
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    representative_name = models.CharField(_("representative"), max_length=200)
    representative_position = models.CharField(_("position"), max_length=200)
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("body member")
        verbose_name_plural = _("body members")
        ordering = ("joined_on", "id")
        constraints = (
            models.UniqueConstraint(
                fields=("body", "region"), condition=models.Q(left_on__isnull=True),
                name="body_member_current_once",
            ),
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True) | models.Q(left_on__gte=models.F("joined_on")),
                name="body_member_leaves_after_joining",
            ),
        )  # fmt: skip

    def __str__(self) -> str:
        return f"{region_name(self.region_id)} — {self.representative_name}"


class BodyReport(models.Model):
    """A periodic report of the body to the heads of the member regions (PP 50/2007 Pasal 25
    ayat (1) huruf c)."""

    body = models.ForeignKey(
        CooperationBody, verbose_name=_("body"), on_delete=models.CASCADE, related_name="reports"
    )
    period = models.CharField(_("period"), max_length=60)
    submitted_on = models.DateField(_("submitted on"))
    summary = models.TextField(_("summary"))
    reported_to = models.ManyToManyField(
        "regions.Region", verbose_name=_("reported to the heads of"), related_name="+"
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("body report")
        verbose_name_plural = _("body reports")
        ordering = ("-submitted_on", "-id")

    def __str__(self) -> str:
        return f"{self.body} — {self.period}"

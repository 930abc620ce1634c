from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """A province, kabupaten or kota, by its Kemendagri code, as ksd.law.regions lists it.

    Rows are reference data: `load_reference_data` writes them and nothing else should.
    """

    class Level(models.TextChoices):
        # Same values as ksd.law.regions.Level.
        PROVINSI = "provinsi", _("Province")
        KABUPATEN = "kabupaten", _("Regency (kabupaten)")
        KOTA = "kota", _("City (kota)")

    class TimeZone(models.TextChoices):
        WIB = "Asia/Jakarta", _("WIB (Asia/Jakarta)")
        WITA = "Asia/Makassar", _("WITA (Asia/Makassar)")
        WIT = "Asia/Jayapura", _("WIT (Asia/Jayapura)")

    code = models.CharField(_("code"), max_length=5, primary_key=True)  # "34" or "34.71"
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=9, choices=Level.choices)
    province = models.ForeignKey(
        "self",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kabkota",
        limit_choices_to={"level": Level.PROVINSI},
    )
    is_autonomous = models.BooleanField(
        _("autonomous region"),
        default=True,
        help_text=_(
            "Only autonomous regions may be parties to a cooperation. DKI Jakarta's "
            "administrative cities and regency are not."
        ),
    )
    timezone = models.CharField(_("time zone"), max_length=32, choices=TimeZone.choices)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ("code",)
        constraints = (
            models.CheckConstraint(
                condition=(
                    models.Q(level="provinsi", province__isnull=True)
                    | (~models.Q(level="provinsi") & models.Q(province__isnull=False))
                ),
                name="region_has_province_unless_province",
                violation_error_message=_(
                    "A province has no parent province; a kabupaten or kota must have one."
                ),
            ),
        )

    def __str__(self) -> str:
        return self.name

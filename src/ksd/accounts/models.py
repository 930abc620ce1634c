"""Who a user is in KSD: a role, and for most roles the region they work for."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OPERATOR = "operator_daerah", _("Regional cooperation officer")
    DPRD = "dprd", _("DPRD secretariat")
    PEMBINA_PROVINSI = "pembina_provinsi", _("Provincial supervisor (governor's bureau)")
    PEMBINA_PUSAT = "pembina_pusat", _("Central supervisor (Ministry of Home Affairs)")
    ADMINISTRATOR = "administrator", _("Administrator")


# A tuple, not a set: its order is written into a migration.
REGIONAL_ROLES = (Role.OPERATOR, Role.DPRD, Role.PEMBINA_PROVINSI)


class Membership(models.Model):
    """One user's role; operators and DPRD users belong to one region, a provincial supervisor
    to one province, central supervisors and administrators to none."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
        related_name="membership",
    )  # fmt: skip
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = (
            models.CheckConstraint(
                condition=(
                    models.Q(role__in=[r.value for r in REGIONAL_ROLES], region__isnull=False)
                    | (~models.Q(role__in=[r.value for r in REGIONAL_ROLES])
                       & models.Q(region__isnull=True))
                ),
                name="membership_region_matches_role",
            ),
        )  # fmt: skip

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"

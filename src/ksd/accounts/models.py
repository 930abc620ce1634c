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
    # A region's own administrator (an operator of that region): invites, lists and disables
    # the region's operators and its DPRD secretariat (accounts/people.py).
    is_regional_admin = models.BooleanField(_("regional administrator"), default=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    # Set with the user's is_active=False; kept here too so that the audit trail of
    # memberships says who disabled whom and when.
    disabled_at = models.DateTimeField(_("disabled at"), null=True, blank=True)

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
            models.CheckConstraint(
                condition=models.Q(is_regional_admin=False) | models.Q(role=Role.OPERATOR),
                name="membership_regional_admin_is_operator",
            ),
        )  # fmt: skip
        indexes = (models.Index(fields=("region", "role"), name="membership_by_region"),)

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"


class Invitation(models.Model):
    """A one-time invitation to join KSD in one role for one region (accounts/people.py).

    The link carries the invitation's id and a random key, signed with the site's secret key and
    valid for INVITATION_DAYS; only the key's SHA-256 is stored. Accepting it sets `accepted_at`
    once: a second use, an expired or a revoked invitation is refused."""

    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    makes_regional_admin = models.BooleanField(_("as regional administrator"), default=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("created at"))
    expires_at = models.DateTimeField(_("valid until"))
    key_hash = models.CharField(_("key (SHA-256)"), max_length=64, unique=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("account created"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=("region", "created_at"), name="invitation_by_region"),)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(makes_regional_admin=False) | models.Q(role=Role.OPERATOR),
                name="invitation_regional_admin_is_operator",
            ),
        )

    def __str__(self) -> str:
        return f"{self.email} — {self.get_role_display()} ({self.region_id})"

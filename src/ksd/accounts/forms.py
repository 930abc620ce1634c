"""Forms of the accounts app: the login form and the admin's membership form."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from ksd.accounts.models import REGIONAL_ROLES, Membership, Role
from ksd.regions.models import Region


class LoginForm(AuthenticationForm):
    """Django's login form with our own words for a wrong username or password."""

    error_messages: ClassVar[dict[str, Any]] = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Wrong username or password. Check both and try again; capital letters matter."
        ),
    }


class MembershipForm(forms.ModelForm):
    """A role and, where the role needs one, the region: an operator or DPRD secretariat works
    for a province, kabupaten or kota; a provincial supervisor for a province; central
    supervisors and administrators for none."""

    class Meta:
        model = Membership
        fields = ("user", "role", "region", "is_regional_admin")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        role, region = data.get("role"), data.get("region")
        if role is None:
            return data
        if data.get("is_regional_admin") and role != Role.OPERATOR:
            self.add_error(
                "is_regional_admin", _("A regional administrator is an operator of its region.")
            )
        if role in REGIONAL_ROLES and region is None:
            self.add_error(
                "region", _("An operator, DPRD or provincial supervisor needs a region.")
            )
        elif role == Role.PEMBINA_PROVINSI and region.level != Region.Level.PROVINSI:
            self.add_error(
                "region",
                _("A provincial supervisor works for a province, not for %(region)s.")
                % {"region": region.name},
            )
        elif role not in REGIONAL_ROLES and region is not None:
            self.add_error(
                "region", _("A central supervisor or an administrator belongs to no region.")
            )
        return data

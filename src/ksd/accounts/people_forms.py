"""Forms of the regional administrator's people page and of the invitation link."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from ksd.accounts.people import KIND_DPRD, KIND_OPERATOR, KIND_REGIONAL_ADMIN

KIND_LABELS = {
    KIND_OPERATOR: _("Operator of the region's cooperation office"),
    KIND_DPRD: _("The region's DPRD secretariat"),
    KIND_REGIONAL_ADMIN: _("Regional administrator (an operator who manages the region's people)"),
}


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the person invited"), max_length=254)
    kind = forms.ChoiceField(label=_("Invited as"))

    def __init__(self, *args: Any, kinds: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, KIND_LABELS[k]) for k in kinds]


class AcceptForm(forms.Form):
    """The invitee chooses a username and a password (Django's password rules apply)."""

    username = forms.CharField(
        label=_("Username"), max_length=150, validators=[User.username_validator],
        help_text=_("Letters, digits and @ . + - _ only."),
    )  # fmt: skip
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(render_value=False),
        help_text=password_validation.password_validators_help_text_html(),
    )  # fmt: skip
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(render_value=False)
    )

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("That username is taken; choose another."))
        return username

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            probe = User(
                username=data.get("username", ""), first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )  # fmt: skip
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data

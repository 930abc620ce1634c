"""Forms of the signing steps. They only check input; the services decide with ksd.law."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ksd.cooperation.widgets import DATE, DateInput
from ksd.core.dates import judgeable_date


class SignForm(forms.Form):
    number = forms.CharField(label=_("Agreement number"), max_length=100)
    signed_on = forms.DateField(validators=[judgeable_date], label=_("Signed on"), widget=DATE)
    starts_on = forms.DateField(
        validators=[judgeable_date], label=_("In force from"), required=False, widget=DATE
    )
    term_years = forms.IntegerField(
        label=_("Term (years)"), required=False, min_value=1, max_value=100
    )


OPINION_LABELS = {
    "pakar": _("Experts"),
    "perangkat_daerah_provinsi": _("Provincial agencies"),
    "menteri": _("Minister of Home Affairs"),
    "menteri_lpnd_terkait": _("Related ministers and heads of agencies"),
}


class OpinionsForm(forms.Form):
    addressees = forms.MultipleChoiceField(
        label=_("Ask"), widget=forms.CheckboxSelectMultiple, choices=list(OPINION_LABELS.items())
    )
    requested_on = forms.DateField(
        validators=[judgeable_date], label=_("Asked on"), widget=DateInput
    )


class SignatoryForm(forms.Form):
    official = forms.TypedChoiceField(label=_("Signed for your region by"), coerce=int, choices=())

    def __init__(self, *args: Any, signers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["official"].choices = signers

"""Forms to raise and settle a dispute. They only check input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ksd.cooperation.widgets import DateInput
from ksd.core.dates import judgeable_date
from ksd.core.limits import TEXT_LIMIT


class DisputeForm(forms.Form):
    between = forms.MultipleChoiceField(
        label=_("Between the parties"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    raised_on = forms.DateField(validators=[judgeable_date], label=_("Raised on"), widget=DateInput)
    description = forms.CharField(
        label=_("What it is about"), max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip

    def __init__(self, *args: Any, parties: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["between"].choices = parties


SETTLEMENT_LABELS = {
    "musyawarah": _("Deliberation (musyawarah)"),
    "gubernur": _("Governor's decree"),
    "menteri": _("Minister's decree"),
    "perjanjian": _("As the agreement provides"),
}


class SettleDisputeForm(forms.Form):
    dispute = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)
    settlement = forms.ChoiceField(label=_("Settled by"), choices=list(SETTLEMENT_LABELS.items()))
    settled_on = forms.DateField(
        validators=[judgeable_date], label=_("Settled on"), widget=DateInput
    )
    decision_number = forms.CharField(label=_("Decree number"), max_length=100, required=False)
    summary = forms.CharField(
        label=_("Decision"), max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 3})
    )

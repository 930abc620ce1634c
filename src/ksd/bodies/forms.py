"""Forms of the bodies pages; the rules (who, which regions, which dates) are in services.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ksd.core.dates import record_date
from ksd.core.limits import TEXT_LIMIT
from ksd.regions.models import Region


def region_choices(codes: set[str] | None = None) -> list[tuple[str, str]]:
    regions = Region.objects.order_by("code")
    if codes is not None:
        regions = regions.filter(code__in=codes)
    return [(r.code, f"{r.code} {r.name}") for r in regions]


class MemberForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"))
    representative_name = forms.CharField(label=_("Representative"), max_length=200)
    representative_position = forms.CharField(label=_("Position"), max_length=200)
    joined_on = forms.DateField(
        validators=[record_date], label=_("Joined on"), widget=forms.DateInput({"type": "date"})
    )

    def __init__(self, *args: Any, regions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = regions  # type: ignore[attr-defined]


class LeaveForm(forms.Form):
    left_on = forms.DateField(
        validators=[record_date], label=_("Left on"), widget=forms.DateInput({"type": "date"})
    )


class ReportForm(forms.Form):
    period = forms.CharField(label=_("Period"), max_length=60)
    submitted_on = forms.DateField(
        validators=[record_date], label=_("Submitted on"), widget=forms.DateInput({"type": "date"})
    )
    summary = forms.CharField(
        label=_("Summary"), max_length=TEXT_LIMIT, widget=forms.Textarea({"rows": 5})
    )
    reported_to = forms.MultipleChoiceField(
        label=_("Reported to the heads of"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, regions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reported_to"].choices = regions  # type: ignore[attr-defined]

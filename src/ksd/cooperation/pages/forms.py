"""The register's filter."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ksd.cooperation.models import (
    CLOSED_BY_RECORD_KEEPING,
    InstitutionModel,
    Kind,
    ManagementModel,
    Stage,
)
from ksd.cooperation.offer.forms import blank as _blank
from ksd.cooperation.queries import SORTS
from ksd.core.widgets import PlainSelect
from ksd.law.regimes import Regime
from ksd.regions.models import Affair, Region

REGIME_CHOICES = [(Regime.PP50_2007.value, "PP 50/2007"), (Regime.PP28_2018.value, "PP 28/2018")]


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label=_("Search in titles"), required=False, max_length=100)
    region = forms.CharField(label=_("Region (code or name)"), required=False, max_length=100)
    province = forms.ModelChoiceField(
        label=_("Province"), required=False, empty_label=_("(all)"),
        queryset=Region.objects.filter(level=Region.Level.PROVINSI), widget=PlainSelect,
    )  # fmt: skip
    stage = forms.ChoiceField(
        label=_("Stage"), required=False,
        choices=_blank([c for c in Stage.choices if c[0] not in CLOSED_BY_RECORD_KEEPING]),
    )  # fmt: skip
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=_blank(Kind.choices))
    regime = forms.ChoiceField(
        label=_("Regulation"), required=False, choices=_blank(REGIME_CHOICES)
    )
    affair = forms.ModelChoiceField(
        label=_("Government affair"), required=False, empty_label=_("(all)"),
        queryset=Affair.objects.order_by("position"), to_field_name="code", widget=PlainSelect,
    )  # fmt: skip
    management_model = forms.ChoiceField(
        label=_("Management arrangement"), required=False, choices=_blank(ManagementModel.choices)
    )
    institution_model = forms.ChoiceField(
        label=_("Institution"), required=False, choices=_blank(InstitutionModel.choices)
    )
    year = forms.IntegerField(
        label=_("Year of the offer"), required=False, min_value=2007, max_value=2100
    )
    signed_year = forms.IntegerField(
        label=_("Year of signing"), required=False, min_value=2007, max_value=2100
    )
    expiring_within = forms.IntegerField(
        label=_("Ends within (days)"), required=False, min_value=0, max_value=3650
    )
    # Read from the stored status (cooperation/status.py), by index.
    overdue = forms.BooleanField(label=_("Only with a deadline passed"), required=False)
    expiring = forms.BooleanField(label=_("Only agreements ending within 90 days"), required=False)
    sort = forms.ChoiceField(
        required=False,
        choices=[("", "")] + [(s, s) for s in SORTS] + [(f"-{s}", f"-{s}") for s in SORTS],
        widget=forms.HiddenInput,
    )

"""The register's filter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from ksd.cooperation import stalled
from ksd.cooperation.models import (
    CLOSED_BY_RECORD_KEEPING,
    InstitutionModel,
    Kind,
    ManagementModel,
    Stage,
)
from ksd.cooperation.object_filters import UNRECORDED
from ksd.cooperation.offer.forms import blank as _blank
from ksd.cooperation.queries import SORTS
from ksd.core import clock
from ksd.core.widgets import (
    PlainCheckboxInput,
    PlainNumberInput,
    PlainSelect,
    PlainTextInput,
)
from ksd.law.regimes import Regime
from ksd.regions.models import Affair, Region

# Filters that may be given more than once, and the cleaned list's name.
REPEATABLE = {"region": "regions", "province": "provinces", "stage": "stages"}
REGIME_CHOICES = [(Regime.PP50_2007.value, "PP 50/2007"), (Regime.PP28_2018.value, "PP 28/2018")]
# The extra choice of the affair and model filters: the records that leave the field empty.
NOT_RECORDED = (UNRECORDED, _("(not recorded)"))


def _or_unrecorded(choices: Any) -> list[tuple[str, Any]]:
    """A filter's choices with "(not recorded)" right after its blank."""
    first, *rest = _blank(choices)
    return [first, NOT_RECORDED, *rest]


class _AffairChoices(ModelChoiceIterator):
    """The affairs, with "(not recorded)" right after the blank; still one query."""

    def __iter__(self) -> Iterator[Any]:
        choices = super().__iter__()
        if self.field.empty_label is not None:
            yield next(choices)
        yield NOT_RECORDED
        yield from choices

    def __len__(self) -> int:
        return super().__len__() + 1


class AffairField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """An affair by its code, or UNRECORDED for the records with no affair at all."""

    iterator = _AffairChoices

    def to_python(self, value: Any) -> Any:
        if value == UNRECORDED:
            return UNRECORDED
        return super().to_python(value)


class RegisterFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search in titles"), required=False, max_length=100, widget=PlainTextInput
    )
    region = forms.CharField(
        label=_("Region (code or name)"), required=False, max_length=100, widget=PlainTextInput
    )
    province = forms.ModelChoiceField(
        label=_("Province"), required=False, empty_label=_("(all)"),
        queryset=Region.objects.filter(level=Region.Level.PROVINSI), widget=PlainSelect,
    )  # fmt: skip
    stage = forms.ChoiceField(
        label=_("Stage"), required=False,
        choices=_blank([c for c in Stage.choices if c[0] not in CLOSED_BY_RECORD_KEEPING]),
        widget=PlainSelect,
    )  # fmt: skip
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=_blank(Kind.choices), widget=PlainSelect
    )
    regime = forms.ChoiceField(
        label=_("Regulation"), required=False, choices=_blank(REGIME_CHOICES), widget=PlainSelect
    )
    affair = AffairField(
        label=_("Government affair"), required=False, empty_label=_("(all)"),
        queryset=Affair.objects.order_by("position"), to_field_name="code", widget=PlainSelect,
    )  # fmt: skip
    management_model = forms.ChoiceField(
        label=_("Management arrangement"), required=False,
        choices=_or_unrecorded(ManagementModel.choices), widget=PlainSelect,
    )  # fmt: skip
    institution_model = forms.ChoiceField(
        label=_("Institution"), required=False, choices=_or_unrecorded(InstitutionModel.choices),
        widget=PlainSelect,
    )  # fmt: skip
    year = forms.IntegerField(
        label=_("Year of the offer"), required=False, min_value=2007, max_value=2100,
        widget=PlainNumberInput,
    )  # fmt: skip
    expiring_within = forms.IntegerField(
        label=_("Ends within (days)"), required=False, min_value=0, max_value=3650,
        widget=PlainNumberInput,
    )  # fmt: skip
    # "Active" cooperation, one meaning everywhere (the oversight pages link here with it): an
    # agreement in force, signed or being implemented (cooperation/status.py IN_FORCE).
    in_force = forms.BooleanField(
        label=_("Only active cooperation (in force: signed or being implemented)"), required=False,
        widget=PlainCheckboxInput,
    )  # fmt: skip
    signed_year = forms.IntegerField(
        label=_("Year of signing"), required=False, min_value=1945, max_value=2100,
        widget=PlainNumberInput,
    )  # fmt: skip
    # Read from the stored status (cooperation/status.py), by index.
    overdue = forms.BooleanField(
        label=_("Only with a deadline passed"), required=False, widget=PlainCheckboxInput
    )
    expiring = forms.BooleanField(
        label=_("Only agreements ending within 90 days"), required=False,
        widget=PlainCheckboxInput,
    )  # fmt: skip
    stalled = forms.ChoiceField(
        label=_("Stalled or at risk"), required=False, widget=PlainSelect,
        error_messages={"invalid_choice": _(
            "“%(value)s” is not a rule of stalled work. Choose one from the list."
        )},
    )  # fmt: skip
    sort = forms.ChoiceField(
        required=False,
        choices=[("", "")] + [(s, s) for s in SORTS] + [(f"-{s}", f"-{s}") for s in SORTS],
        widget=forms.HiddenInput,
    )

    def __init__(self, data: Any = None, *args: Any, today: dt.date | None = None,
                 **kwargs: Any) -> None:  # fmt: skip
        if data is not None and hasattr(data, "copy") and data.get("active"):
            # `active=on`, the older address of the same filter (it once also counted records
            # before signing): "active" means in force, as in_force.
            data = data.copy()
            data.setdefault("in_force", data["active"])
        super().__init__(data, *args, **kwargs)
        # Each rule with the threshold in force today: "Offer not answered > 20 working days".
        day = today or clock.today_in()
        self.fields["stalled"].choices = [  # type: ignore[attr-defined]
            ("", _("(all)")),
            ("any", _("Any rule of stalled work")),
            *((r.key, r.title(day)) for r in stalled.rules()),
        ]

    def clean(self) -> dict[str, Any]:
        """region=, province= and stage= may repeat: a record must have every region and a party
        in every province given (the oversight network's links to one pair), and be at any of
        the stages given (signed or being implemented: the map's "active")."""
        cleaned = super().clean() or {}
        for name, key in REPEATABLE.items():
            values = self.data.getlist(name) if hasattr(self.data, "getlist") else []
            values = [v.strip() for v in values if v.strip()]
            if len(values) < 2 or name in self.errors:
                continue
            field = self.fields[name]
            try:
                cleaned[key] = [field.clean(v) for v in values]
            except forms.ValidationError as error:
                self.add_error(name, error)
        return cleaned

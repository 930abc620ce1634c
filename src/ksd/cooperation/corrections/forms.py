"""Forms of the record keeping on a cooperation's page: correct a fact, a DPRD date, burden
facts or the parties; withdraw the offer; cancel a record entered by mistake. Every change asks
for its reason; the law stays in the services (cooperation/corrections/services.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ksd.cooperation.corrections.services import DPRD_FACTS, REASON_MAX_LENGTH, SHARED_FACTS
from ksd.cooperation.models import InstitutionModel, ManagementModel
from ksd.cooperation.offer.forms import BURDEN_LABELS, FORM_LABELS
from ksd.cooperation.widgets import DATE
from ksd.core.widgets import make_plain
from ksd.law.facts import BURDEN_FIELDS, ThirdPartyForm
from ksd.regions.models import Affair


class _RecordForm(forms.Form):
    """A record-keeping form: its inputs' ids carry the form's key, so the several forms of the
    page never share an id."""

    key = "record"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_{self.key}_%s")
        super().__init__(*args, **kwargs)
        # The page shows up to seven of these forms: their widgets write their markup in
        # Python (ksd.core.widgets), not through a template per widget and per option.
        make_plain(self)


def _reason_field(required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=_("Reason") if required else _("Reason (optional)"), required=required,
        max_length=REASON_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip


class FactCorrectionForm(_RecordForm):
    """One shared fact and its new value, in the input that suits its kind."""

    key = "correct"

    fact = forms.ChoiceField(
        label=_("Fact to correct"), choices=[(n, f.label) for n, f in SHARED_FACTS.items()]
    )
    text = forms.CharField(
        label=_("New text (title, number, sector, objective, scope...)"), required=False,
        max_length=max(f.max_length for f in SHARED_FACTS.values()),
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip
    date = forms.DateField(label=_("New date"), required=False, widget=DATE)
    affair = forms.ModelChoiceField(
        label=_("New government affair"), required=False, empty_label="—",
        queryset=Affair.objects.order_by("position"), to_field_name="code",
    )  # fmt: skip
    management_model = forms.ChoiceField(
        label=_("New management arrangement"), required=False,
        choices=[("", "—"), *ManagementModel.choices],
    )  # fmt: skip
    institution_model = forms.ChoiceField(
        label=_("New institution"), required=False, choices=[("", "—"), *InstitutionModel.choices]
    )
    reason = _reason_field()

    def new_value(self) -> str:
        """The new value as text, read from the input that matches the chosen fact."""
        data = self.cleaned_data
        kind = SHARED_FACTS[data["fact"]].kind
        if kind == "date":
            return data["date"].isoformat() if data["date"] else ""
        if kind == "affair":
            return data["affair"].code if data["affair"] else ""
        if kind in ("management_model", "institution_model"):
            return str(data[kind])
        return str(data["text"])


class DprdDateCorrectionForm(_RecordForm):
    key = "correct_dprd"
    region = forms.ChoiceField(label=_("DPRD of"))
    fact = forms.ChoiceField(label=_("Date to correct"), choices=list(DPRD_FACTS.items()))
    date = forms.DateField(
        label=_("New date"), required=False, widget=DATE,
        help_text=_("Leave empty to remove a date recorded by mistake."),
    )  # fmt: skip
    reason = _reason_field()

    def __init__(self, *args: Any, regions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = regions


class AnswerDateCorrectionForm(_RecordForm):
    key = "correct_answer"
    party = forms.ChoiceField(label=_("Party"))
    date = forms.DateField(label=_("New date"), widget=DATE)
    reason = _reason_field()

    def __init__(self, *args: Any, parties: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = parties


UNCHANGED_CHOICES = [("", _("unchanged")), ("yes", _("Yes")), ("no", _("No"))]


class BurdenCorrectionForm(_RecordForm):
    key = "correct_burden"
    region = forms.ChoiceField(label=_("Region"))
    reason = _reason_field()

    def __init__(self, *args: Any, regions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = regions
        # Yes or no changes a fact; left "unchanged", it keeps what was recorded (never "no").
        for name in BURDEN_FIELDS:
            self.fields[name] = forms.TypedChoiceField(
                label=BURDEN_LABELS[name], required=False, choices=UNCHANGED_CHOICES,
                coerce=lambda v: v == "yes", empty_value=None,
            )  # fmt: skip
        self.order_fields(["region", *BURDEN_FIELDS, "reason"])
        make_plain(self)

    def burden(self) -> dict[str, bool | None]:
        return {name: self.cleaned_data.get(name) for name in BURDEN_FIELDS}


class PartiesCorrectionForm(_RecordForm):
    key = "correct_parties"
    change = forms.ChoiceField(
        label=_("What to change"),
        choices=[("add_region", _("Add a region")), ("add_third_party", _("Add a third party")),
                 ("remove", _("Remove a party"))],
    )  # fmt: skip
    region = forms.CharField(label=_("Region code to add"), required=False, max_length=13)
    third_party_name = forms.CharField(
        label=_("Third party to add"), required=False, max_length=200
    )
    third_party_form = forms.ChoiceField(
        label=_("Its legal form"), required=False,
        choices=[("", "—"), *((f.value, FORM_LABELS[f]) for f in ThirdPartyForm)],
    )  # fmt: skip
    third_party_domestic = forms.BooleanField(label=_("Domestic"), required=False, initial=True)
    party = forms.ChoiceField(label=_("Party to remove"), required=False)
    reason = _reason_field()

    def __init__(self, *args: Any, removable: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [("", "—"), *removable]


class WithdrawOfferForm(_RecordForm):
    key = "withdraw"
    on = forms.DateField(label=_("Withdrawn on"), widget=DATE)
    reason = _reason_field(required=False)


class CancelRecordForm(_RecordForm):
    key = "cancel"
    reason = _reason_field()
    confirm = forms.BooleanField(
        label=_("This record was entered by mistake: cancel it (it is kept in the audit)")
    )

"""Forms of the offer steps: they check the input's shape; the law stays in ksd.law and the
services, whose refusals the views add to these forms as errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ksd.cooperation.abroad.forms import (
    add_foreign_fields,
    clean_foreign,
    foreign_partners,
    foreign_rows,
)
from ksd.cooperation.models import (
    InstitutionModel,
    ManagementModel,
    Party,
)
from ksd.cooperation.widgets import DATE
from ksd.core.dates import judgeable_date
from ksd.law.facts import BURDEN_FIELDS, DRAFT_CONTENT_CODES, ThirdPartyForm
from ksd.regions.models import Affair, Region

THIRD_PARTY_ROWS = 3

CONTENT_LABELS = {
    "subjek": _("Parties (subject)"),
    "objek": _("Object"),
    "ruang_lingkup": _("Scope"),
    "hak_kewajiban": _("Rights and obligations"),
    "jangka_waktu": _("Term"),
    "pengakhiran": _("Ending"),
    "keadaan_memaksa": _("Force majeure"),
    "penyelesaian_perselisihan": _("Dispute settlement"),
    "sanksi": _("Sanctions"),
}
BURDEN_LABELS = {
    "apbd_cost": _("Costs the APBD"),
    "budgeted_current_year": _("Budgeted in this year's APBD"),
    "uses_regional_assets": _("Uses regional assets"),
    "public_pays": _("Burdens the public"),
    "within_skpd_duties": _("Within the agency's (SKPD) duties"),
}
# A burden fact is answered yes or no; until then it is not recorded, never "no".
BURDEN_CHOICES = [("", _("not recorded yet")), ("yes", _("Yes")), ("no", _("No"))]
BURDEN_INITIAL = {True: "yes", False: "no", None: ""}
FORM_LABELS = {
    ThirdPartyForm.KEMENTERIAN_LPND: _("Ministry or non-ministerial agency"),
    ThirdPartyForm.PERSEROAN_TERBATAS: _("Limited company (PT)"),
    ThirdPartyForm.BUMN: _("State-owned enterprise (BUMN)"),
    ThirdPartyForm.BUMD: _("Regional enterprise (BUMD)"),
    ThirdPartyForm.KOPERASI: _("Cooperative"),
    ThirdPartyForm.YAYASAN: _("Foundation (yayasan)"),
    ThirdPartyForm.BADAN_HUKUM_LAIN: _("Other legal entity"),
    ThirdPartyForm.PERSEORANGAN: _("Individual"),
    ThirdPartyForm.ORGANISASI_NON_BADAN_HUKUM: _("Organisation without legal personality"),
}


def blank(choices: Any) -> list[tuple[str, Any]]:
    return [("", _("(all)")), *choices]


class OfferForm(forms.Form):
    """An offer: title, letter, date, the other regions and up to three third parties."""

    title = forms.CharField(label=_("Title"), max_length=300)
    offer_number = forms.CharField(label=_("Offer letter number"), max_length=100, required=False)
    offered_on = forms.DateField(validators=[judgeable_date], label=_("Offer date"), widget=DATE)
    regions = forms.ModelMultipleChoiceField(
        label=_("Other regions (code — name)"), required=False,
        queryset=Region.objects.order_by("code"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )  # fmt: skip
    affair = forms.ModelChoiceField(
        label=_("Object: government affair (UU 23/2014 Pasal 12)"), required=False,
        queryset=Affair.objects.order_by("position"), to_field_name="code",
    )  # fmt: skip
    sector = forms.CharField(label=_("Sector"), max_length=200, required=False)
    management_model = forms.ChoiceField(
        label=_("Management arrangement"), required=False, choices=blank(ManagementModel.choices)
    )
    institution_model = forms.ChoiceField(
        label=_("Institution"), required=False, choices=blank(InstitutionModel.choices)
    )
    is_compulsory = forms.BooleanField(
        label=_("Compulsory cooperation of neighbouring regions (PP 28/2018 Pasal 3 ayat (2))"),
        required=False,
    )
    object_count = forms.IntegerField(
        label=_("Number of objects"), min_value=1, max_value=50, initial=1, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regions"].label_from_instance = lambda r: f"{r.code} — {r.name}"
        form_choices = [("", "—"), *[(f.value, FORM_LABELS[f]) for f in ThirdPartyForm]]
        for i in range(1, THIRD_PARTY_ROWS + 1):
            self.fields[f"third_party_{i}_name"] = forms.CharField(
                label=_("Third party %(n)d: name") % {"n": i}, max_length=200, required=False
            )
            self.fields[f"third_party_{i}_form"] = forms.ChoiceField(
                label=_("legal form"), choices=form_choices, required=False
            )
            self.fields[f"third_party_{i}_domestic"] = forms.BooleanField(
                label=_("domestic"), required=False, initial=True
            )
        add_foreign_fields(self)

    def foreign_rows(self) -> list[list[forms.BoundField]]:
        return foreign_rows(self)

    def foreign_partners(self) -> list[tuple[str, str, str]]:
        return foreign_partners(self.cleaned_data)

    def third_party_rows(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"third_party_{i}_{k}"] for k in ("name", "form", "domestic")]
            for i in range(1, THIRD_PARTY_ROWS + 1)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for i in range(1, THIRD_PARTY_ROWS + 1):
            if data.get(f"third_party_{i}_name") and not data.get(f"third_party_{i}_form"):
                self.add_error(f"third_party_{i}_form", _("Choose the legal form."))
        clean_foreign(self, data)
        return data

    def third_parties(self) -> list[tuple[str, str, bool]]:
        data = self.cleaned_data
        return [
            (data[f"third_party_{i}_name"], data[f"third_party_{i}_form"],
             data[f"third_party_{i}_domestic"])
            for i in range(1, THIRD_PARTY_ROWS + 1)
            if data.get(f"third_party_{i}_name")
        ]  # fmt: skip


class AnswerOfferForm(forms.Form):
    party = forms.ChoiceField(label=_("For"))
    answer = forms.ChoiceField(
        label=_("Answer"), choices=[("accept", _("Accept")), ("decline", _("Decline"))]
    )
    on = forms.DateField(validators=[judgeable_date], label=_("Date of the answer"), widget=DATE)
    reason = forms.CharField(label=_("Reason (when declining)"), required=False, max_length=500)

    def __init__(self, *args: Any, parties: list[Party], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [(p.key, str(p)) for p in parties]


class JointAgreementForm(forms.Form):
    number = forms.CharField(label=_("Joint agreement number"), max_length=100)
    signed_on = forms.DateField(validators=[judgeable_date], label=_("Signed on"), widget=DATE)


class DraftForm(forms.Form):
    """The draft agreement: its contents, term, and each region's burden facts (Pasal 9-10)."""

    contents = forms.MultipleChoiceField(
        label=_("Contents of the draft"), required=False,
        choices=[(c, CONTENT_LABELS[c]) for c in DRAFT_CONTENT_CODES],
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    term_years = forms.IntegerField(
        label=_("Term (years)"), required=False, min_value=1, max_value=100
    )
    continuous = forms.BooleanField(label=_("Continuous"), required=False)
    on = forms.DateField(validators=[judgeable_date], label=_("Drafted on"), widget=DATE)

    def __init__(
        self, *args: Any, regions: list[tuple[str, str, dict[str, bool | None]]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.regions = regions
        for code, _name, burden in regions:
            for name in BURDEN_FIELDS:
                self.fields[f"burden_{code}_{name}"] = forms.TypedChoiceField(
                    label=BURDEN_LABELS[name], required=False, choices=BURDEN_CHOICES,
                    coerce=lambda v: v == "yes", empty_value=None,
                    initial=BURDEN_INITIAL[burden.get(name)],
                )  # fmt: skip

    def burden_rows(self) -> list[tuple[str, str, list[forms.BoundField]]]:
        return [
            (code, name, [self[f"burden_{code}_{f}"] for f in BURDEN_FIELDS])
            for code, name, _burden in self.regions
        ]

    def burdens(self) -> dict[str, dict[str, bool | None]]:
        """Each region's facts: True, False, or None where the user left "not recorded"."""
        return {
            code: {f: self.cleaned_data[f"burden_{code}_{f}"] for f in BURDEN_FIELDS}
            for code, _name, _burden in self.regions
        }

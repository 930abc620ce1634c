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
from ksd.cooperation.offer.services import SUBSTANCE_FIELDS
from ksd.cooperation.widgets import DATE
from ksd.core.dates import judgeable_date
from ksd.law.facts import BURDEN_FIELDS, DRAFT_CONTENT_CODES, ThirdPartyForm
from ksd.regions.models import Affair, Region, ThirdParty

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
# One name per legal form of ksd.law, the same in the offer and in the third-party register
# (regions.models.ThirdParty.Form carries these labels).
FORM_LABELS = {f: ThirdParty.Form(f.value).label for f in ThirdPartyForm}
NONE = _("(none)")
CHOOSE = _("(choose)")


def blank(choices: Any) -> list[tuple[str, Any]]:
    """A choice that may stay empty: its blank reads "(none)", never "(all)" as in a filter."""
    return [("", NONE), *choices]


def _text(label: Any, max_length: int, rows: int = 0) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(label=label, max_length=max_length, required=False, widget=widget)


class OfferForm(forms.Form):
    """An offer: title, letter, date, the other regions and up to three third parties."""

    title = forms.CharField(label=_("Title"), max_length=300)
    offer_number = forms.CharField(label=_("Offer letter number"), max_length=100, required=False)
    offered_on = forms.DateField(validators=[judgeable_date], label=_("Offer date"), widget=DATE)
    regions = forms.ModelMultipleChoiceField(
        label=_("Partner regions"), required=False,
        queryset=Region.objects.order_by("name", "code"),
        widget=forms.SelectMultiple(attrs={"size": 8, "data-ksd-filtered": "regions-filter"}),
        help_text=_("Hold Ctrl (or Cmd) to choose more than one region."),
    )  # fmt: skip
    affair = forms.ModelChoiceField(
        label=_("Object: government affair (UU 23/2014 Pasal 12)"), required=False,
        queryset=Affair.objects.order_by("position"), to_field_name="code", empty_label=NONE,
    )  # fmt: skip
    objective = _text(_("Objective (maksud dan tujuan)"), 2000, rows=3)
    scope = _text(_("Scope (ruang lingkup and object)"), 2000, rows=3)
    value = _text(_("Value (e.g. Rp 1.500.000.000 a year)"), 200)
    funding_source = _text(_("Funding source (sumber pembiayaan)"), 200)
    location = _text(_("Location"), 300)
    contact_person = _text(_("Contact person (name, telephone or e-mail)"), 300)
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

    def __init__(self, *args: Any, own: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The offering region is a party by itself: it is never one of its own partners.
        regions = self.fields["regions"]
        regions.queryset = regions.queryset.exclude(code=own)  # type: ignore[attr-defined]
        regions.label_from_instance = lambda r: r.name  # type: ignore[attr-defined]
        form_choices = [("", CHOOSE), *[(f.value, FORM_LABELS[f]) for f in ThirdPartyForm]]
        for i in range(1, THIRD_PARTY_ROWS + 1):
            self.fields[f"third_party_{i}_record"] = forms.ModelChoiceField(
                label=_("Third party %(n)d from the register") % {"n": i}, required=False,
                queryset=ThirdParty.objects.order_by("name", "pk"), empty_label=NONE,
            )  # fmt: skip
            self.fields[f"third_party_{i}_name"] = forms.CharField(
                label=_("or its name, when it is not in the register"),
                max_length=200,
                required=False,
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
            [self[f"third_party_{i}_{k}"] for k in ("record", "name", "form", "domestic")]
            for i in range(1, THIRD_PARTY_ROWS + 1)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for i in range(1, THIRD_PARTY_ROWS + 1):
            record = data.get(f"third_party_{i}_record")
            if record is not None and data.get(f"third_party_{i}_name"):
                self.add_error(
                    f"third_party_{i}_name",
                    _("Choose the third party from the register or type its name, not both."),
                )
            elif data.get(f"third_party_{i}_name") and not data.get(f"third_party_{i}_form"):
                self.add_error(f"third_party_{i}_form", _("Choose the legal form."))
        clean_foreign(self, data)
        return data

    def third_parties(self) -> list[tuple[str, str, bool, int | None]]:
        """(name, legal form, domestic, register id) of each third party: a register record
        gives its own name and form as they stand on the day of the offer."""
        data = self.cleaned_data
        found: list[tuple[str, str, bool, int | None]] = []
        for i in range(1, THIRD_PARTY_ROWS + 1):
            record = data.get(f"third_party_{i}_record")
            if record is not None:
                found.append((record.name, record.form, record.is_domestic, record.pk))
            elif data.get(f"third_party_{i}_name"):
                found.append((data[f"third_party_{i}_name"], data[f"third_party_{i}_form"],
                              data[f"third_party_{i}_domestic"], None))  # fmt: skip
        return found

    def substance(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in SUBSTANCE_FIELDS}


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

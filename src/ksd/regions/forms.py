"""Forms of the reference pages (third parties, agencies, officials, Surat Kuasa).

The add-forms are model forms: the rules and their messages stay on the models (validators,
clean(), constraints). A record of a region is always made for the user's own region, set on the
instance before validation; the choices offered (agency, grantor, grantee) are that region's
only, so another region's id is refused as an invalid choice.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from ksd.core.dates import record_date
from ksd.core.limits import TEXT_LIMIT
from ksd.regions.models import Agency, Official, PowerOfAttorney, Region, ThirdParty

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _blank(choices: Any) -> list[tuple[str, Any]]:
    return [("", _("(all)")), *choices]


class ThirdPartyFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name or NPWP"), required=False, max_length=100)
    form = forms.ChoiceField(
        label=_("Legal form"), required=False, choices=_blank(ThirdParty.Form.choices)
    )


class RegionFilterForm(forms.Form):
    """Narrows a list to one region, among the regions the user may read."""

    region = forms.ModelChoiceField(
        label=_("Region"), required=False, empty_label=_("(all)"), queryset=Region.objects.none()
    )

    def __init__(self, *args: Any, regions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions  # type: ignore[attr-defined]


class ThirdPartyForm(forms.ModelForm):
    address = ThirdParty._meta.get_field("address").formfield(
        max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 3})
    )

    class Meta:
        model = ThirdParty
        fields = ("name", "form", "is_domestic", "npwp", "nib", "nik", "address", "contact")


def _unique_in_region(model: Any, region_id: str, field: str, value: str, message: str) -> None:
    # The region is not a field of the form, so Django does not check the model's
    # (region, field) unique constraint itself; the message is the constraint's own.
    if value and model.objects.filter(region_id=region_id, **{field: value}).exists():
        raise forms.ValidationError(message, code="unique")


class AgencyForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = ("name", "short_name")

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"]
        _unique_in_region(
            Agency, self.instance.region_id, "name", name,
            _("This region already has an agency with this name."),
        )  # fmt: skip
        return name


class OfficialForm(forms.ModelForm):
    class Meta:
        model = Official
        fields = ("name", "position", "is_head", "agency", "nip", "term_start_on", "term_end_on")
        widgets: ClassVar[dict[str, forms.Widget]] = {"term_start_on": DATE, "term_end_on": DATE}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(  # type: ignore[attr-defined]
            region_id=self.instance.region_id, is_active=True
        )
        for name in ("term_start_on", "term_end_on"):
            self.fields[name].validators.append(record_date)


class PowerOfAttorneyForm(forms.ModelForm):
    scope = PowerOfAttorney._meta.get_field("scope").formfield(
        max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 3})
    )

    class Meta:
        model = PowerOfAttorney
        fields = ("number", "grantor", "grantee", "issued_on", "valid_from", "valid_until", "scope")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "issued_on": DATE,
            "valid_from": DATE,
            "valid_until": DATE,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Every official of the region: who may grant or receive is the model's rule, whose
        # messages (not the head, not in office that day, not an agency official) are shown.
        own = Official.objects.filter(region_id=self.instance.region_id).order_by(
            "-is_head", "name"
        )
        self.fields["grantor"].queryset = own  # type: ignore[attr-defined]
        self.fields["grantee"].queryset = own  # type: ignore[attr-defined]
        for name in ("issued_on", "valid_from", "valid_until"):
            self.fields[name].validators.append(record_date)

    def clean_number(self) -> str:
        number: str = self.cleaned_data["number"]
        _unique_in_region(
            PowerOfAttorney, self.instance.region_id, "number", number,
            _("This region already has a Surat Kuasa with this number."),
        )  # fmt: skip
        return number

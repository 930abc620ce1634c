"""Forms of the steps after signing: copies, implementation, amendment, termination, publication.
They only check input; the services decide with ksd.law."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ksd.cooperation.models import ImplementingAgency
from ksd.cooperation.widgets import DateInput
from ksd.core.dates import judgeable_date
from ksd.core.limits import TEXT_LIMIT

RECIPIENT_LABELS = {
    "gubernur": _("Governor of the province"),
    "menteri": _("Minister of Home Affairs"),
    "menteri_lpnd_terkait": _("Related ministers and heads of agencies"),
    "dprd": _("The region's DPRD"),
}


class CopiesForm(forms.Form):
    recipients = forms.MultipleChoiceField(
        label=_("Recipients"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    sent_on = forms.DateField(validators=[judgeable_date], label=_("Sent on"), widget=DateInput)

    def __init__(self, *args: Any, recipients: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipients"].choices = [(r, RECIPIENT_LABELS.get(r, r)) for r in recipients]


class ImplementationForm(forms.Form):
    known = forms.MultipleChoiceField(
        label=_("Agencies of your region"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=(),
    )  # fmt: skip
    agencies = forms.CharField(
        label=_("Other implementing agencies, one per line"), required=False,
        max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    on = forms.DateField(validators=[judgeable_date], label=_("Started on"), widget=DateInput)

    def __init__(self, *args: Any, known: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["known"].choices = [(name, name) for name in known or []]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("known") and not (data.get("agencies") or "").strip():
            raise forms.ValidationError(_("Name at least one implementing agency."))
        return data

    def clean_agencies(self) -> str:
        """Each line is one agency's name, kept in a column of its own length."""
        text: str = self.cleaned_data["agencies"]
        limit = ImplementingAgency._meta.get_field("agency_name").max_length or 0
        for line in (line.strip() for line in text.splitlines()):
            if len(line) > limit:
                raise forms.ValidationError(
                    _("An agency's name may have at most %(limit)d characters; the one that "
                      "starts “%(start)s” has %(length)d."),
                    params={"limit": limit, "start": line[:30], "length": len(line)},
                )  # fmt: skip
        return text

    def agency_names(self) -> list[str]:
        typed = [
            line.strip() for line in self.cleaned_data["agencies"].splitlines() if line.strip()
        ]
        return [*self.cleaned_data["known"], *typed]


class AmendmentForm(forms.Form):
    number = forms.CharField(label=_("Number of the amendment"), max_length=100)
    signed_on = forms.DateField(validators=[judgeable_date], label=_("Signed on"), widget=DateInput)
    summary = forms.CharField(
        label=_("What it changes"), max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    new_ends_on = forms.DateField(
        validators=[judgeable_date],
        label=_("New end date (for an extension)"),
        required=False,
        widget=DateInput,
    )


# Each ground with its article; the form lists only those of the cooperation's regulation.
GROUND_LABELS = {
    "pasal18_a": _("The parties agree by the agreement's procedure (PP 50/2007 Pasal 18 huruf a)"),
    "pasal18_b": _("Its purpose is reached (PP 50/2007 Pasal 18 huruf b)"),
    "pasal18_c": _("A fundamental change makes it impossible (PP 50/2007 Pasal 18 huruf c)"),
    "pasal18_d": _("A party fails to perform or breaches it (PP 50/2007 Pasal 18 huruf d)"),
    "pasal18_e": _("A new agreement replaces it (PP 50/2007 Pasal 18 huruf e)"),
    "pasal18_f": _("A new legal norm (PP 50/2007 Pasal 18 huruf f)"),
    "pasal18_g": _("Its object is lost (PP 50/2007 Pasal 18 huruf g)"),
    "pasal18_h": _("It harms the national interest (PP 50/2007 Pasal 18 huruf h)"),
    "pasal18_i": _("Its term ends (PP 50/2007 Pasal 18 huruf i)"),
    "pasal9_a": _("Its term ends (PP 28/2018 Pasal 9 ayat (1) huruf a)"),
    "pasal9_b": _("Its purpose is reached (PP 28/2018 Pasal 9 ayat (1) huruf b)"),
    "pasal9_c": _("The parties agree to end it (PP 28/2018 Pasal 9 ayat (1) huruf c)"),
    "pasal9_d": _("A policy change makes it impossible (PP 28/2018 Pasal 9 ayat (1) huruf d)"),
    "pasal9_e": _("Its object is lost or destroyed (PP 28/2018 Pasal 9 ayat (1) huruf e)"),
    "pasal22_2_a": _("A final court judgment (PP 28/2018 Pasal 22 ayat (2) huruf a)"),
    "pasal22_2_b": _("The third party is bankrupt (PP 28/2018 Pasal 22 ayat (2) huruf b)"),
}


class TerminationForm(forms.Form):
    ground = forms.ChoiceField(label=_("Ground"), choices=())
    on = forms.DateField(validators=[judgeable_date], label=_("Ends on"), widget=DateInput)
    early = forms.BooleanField(label=_("Early, at one party's request"), required=False)
    initiated_by = forms.ChoiceField(label=_("At the request of"), required=False, choices=())
    written_notice = forms.BooleanField(label=_("Written notice was given"), required=False)

    def __init__(
        self, *args: Any, parties: list[tuple[str, str]], grounds: tuple[str, ...], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [(g, GROUND_LABELS.get(g, g)) for g in grounds]
        self.fields["initiated_by"].choices = [("", "—"), *parties]


class PublishForm(forms.Form):
    """No fields: publishing is one deliberate click."""

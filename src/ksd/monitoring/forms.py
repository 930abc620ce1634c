"""The shapes of the monitoring forms; the rules (who, which dates) are in services.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ksd.cooperation.widgets import DATE
from ksd.core.dates import judgeable_date
from ksd.core.limits import TEXT_LIMIT
from ksd.documents.storage import MAX_MEGABYTES, NAME_ENDINGS
from ksd.monitoring.models import Obligation, Period
from ksd.monitoring.services import (
    ATTACHMENT_TYPES,
    ATTACHMENTS_AT_ONCE,
    MONEY_MAX,
    OBLIGATION_FIELDS,
    REPORT_FIELDS,
)


def _date(label: Any) -> forms.DateField:
    return forms.DateField(label=label, validators=[judgeable_date], widget=DATE)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.Field):
    """Any number of files; the checks (name, size, type) are the service's, so that a refusal
    names the file and changes nothing."""

    widget = MultipleFileInput

    def __init__(self, **kwargs: Any) -> None:
        accept = ",".join(
            [e for t in ATTACHMENT_TYPES for e in NAME_ENDINGS[t]] + list(ATTACHMENT_TYPES)
        )
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accept}))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> list[Any]:
        files = [f for f in (value if isinstance(value, list | tuple) else [value]) if f]
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


def _attachments_help() -> str:
    return gettext(
        "PDF, DOCX, XLSX, JPEG or PNG, at most %(size)d MB each, at most %(count)d files at once."
    ) % {"size": MAX_MEGABYTES, "count": ATTACHMENTS_AT_ONCE}


def attachments_field(*, required: bool) -> AttachmentsField:
    return AttachmentsField(
        label=_("Attachments (the report document, photos, a spreadsheet)"), required=required,
        help_text=lazy(_attachments_help, str)(),
    )  # fmt: skip


class ScheduleForm(forms.Form):
    period = forms.ChoiceField(label=_("Reporting period"), choices=Period.choices)
    first_due_on = _date(_("First report due on"))
    reason = forms.CharField(
        label=_("Reason for the change (when changing a set schedule)"), required=False,
        max_length=2000, widget=forms.Textarea({"rows": 2}),
    )  # fmt: skip


class ReportForm(forms.Form):
    agency = forms.TypedChoiceField(label=_("Implementing agency"), coerce=int)
    due_on = forms.ChoiceField(label=_("Report for the period due on"))
    progress = forms.CharField(
        label=_("Progress"), max_length=TEXT_LIMIT, widget=forms.Textarea({"rows": 3})
    )
    problems = forms.CharField(
        label=_("Problems"), max_length=TEXT_LIMIT, required=False,
        widget=forms.Textarea({"rows": 2}),
    )  # fmt: skip
    benefits = forms.CharField(
        label=_("Benefits"), max_length=TEXT_LIMIT, required=False,
        widget=forms.Textarea({"rows": 2}),
    )  # fmt: skip
    money_spent = forms.IntegerField(
        label=_("Money spent in the period (rupiah)"), min_value=0, max_value=MONEY_MAX
    )
    submitted_on = _date(_("Submitted on"))
    attachments = attachments_field(required=False)

    def __init__(
        self, *args: Any, agencies: list[tuple[int, str]], dues: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = agencies  # type: ignore[attr-defined]
        self.fields["due_on"].choices = dues  # type: ignore[attr-defined]


class AttachForm(forms.Form):
    attachments = attachments_field(required=True)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea({"rows": 2}))


class ObligationForm(forms.Form):
    party = forms.TypedChoiceField(label=_("Party"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind"), choices=Obligation.Kind.choices)
    description = forms.CharField(label=_("Description"), max_length=500)
    due_on = _date(_("Due on"))

    def __init__(self, *args: Any, parties: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = parties  # type: ignore[attr-defined]


class DoneForm(forms.Form):
    done_on = _date(_("Done on"))
    evidence = forms.CharField(
        label=_("Evidence"), max_length=TEXT_LIMIT, widget=forms.Textarea({"rows": 2})
    )


CORRECTABLE = (
    *(("report", f) for f in REPORT_FIELDS),
    *(("obligation", f) for f in OBLIGATION_FIELDS),
)


class CorrectionForm(forms.Form):
    """One fact of a recorded report or obligation: `target` is "report:<id>" or
    "obligation:<id>"."""

    target = forms.CharField(widget=forms.HiddenInput, max_length=40)
    field = forms.ChoiceField(label=_("What to correct"))
    value = forms.CharField(
        label=_("Correct value"), max_length=TEXT_LIMIT, required=False,
        help_text=_("Dates as YYYY-MM-DD; money in whole rupiah."),
        widget=forms.Textarea({"rows": 2}),
    )  # fmt: skip
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args: Any, fields: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = fields  # type: ignore[attr-defined]

    def target_of(self) -> tuple[str, int] | None:
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        if kind not in ("report", "obligation") or not pk.isdigit():
            return None
        return kind, int(pk)

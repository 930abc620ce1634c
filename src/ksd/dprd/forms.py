"""Forms of the DPRD steps; each names the region whose track it is about."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ksd.core.dates import dprd_date

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _TrackForm(forms.Form):
    region = forms.CharField(max_length=5, widget=forms.HiddenInput)


class SubmitForm(_TrackForm):
    received_on = forms.DateField(
        validators=[dprd_date], label=_("Received by the DPRD on"), widget=DATE
    )


class OpinionForm(_TrackForm):
    sent_on = forms.DateField(validators=[dprd_date], label=_("Opinion sent on"), widget=DATE)
    received_on = forms.DateField(
        validators=[dprd_date], label=_("Opinion received on"), required=False, widget=DATE
    )
    summary = forms.CharField(
        label=_("Summary of the opinion"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class ResubmissionForm(_TrackForm):
    received_on = forms.DateField(
        validators=[dprd_date], label=_("Revised draft received by the DPRD on"), widget=DATE
    )


class DecisionForm(_TrackForm):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("refuse", _("Refuse"))]
    )
    on = forms.DateField(validators=[dprd_date], label=_("Decided on"), widget=DATE)

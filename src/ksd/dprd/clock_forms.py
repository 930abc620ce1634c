"""The administrator's form for PP 28/2018's DPRD clocks (dprd/clock_settings.py)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ClockSettingForm(forms.Form):
    in_force_from = forms.DateField(label=_("In force from"), widget=DATE)
    assessment = forms.IntegerField(
        label=_("DPRD assessment, working days from receipt"), min_value=1, max_value=365
    )
    opinion = forms.IntegerField(
        label=_("DPRD opinion, working days from receipt"), min_value=1, max_value=365
    )
    revision = forms.IntegerField(
        label=_("Head's revision, working days from the opinion"), min_value=1, max_value=365
    )
    deemed_approval = forms.IntegerField(
        label=_("Deemed approval, working days from the resubmission (empty: none)"),
        min_value=1, max_value=365, required=False,
    )  # fmt: skip
    decree_number = forms.CharField(
        label=_("Regulation"), max_length=200,
        help_text=_("E.g. Permendagri Nomor 22 Tahun 2020, with the article."),
    )  # fmt: skip
    decree_date = forms.DateField(label=_("Date of the regulation"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why it is withdrawn"), max_length=500)

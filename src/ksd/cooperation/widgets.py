"""The date widgets of the cooperation forms (an HTML date input, ISO dates)."""

from __future__ import annotations

from django import forms

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DateInput(forms.DateInput):
    input_type = "date"

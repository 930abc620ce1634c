"""The forms of drafting: which document in which format, and a region's own template."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ksd.documents.drafting.kinds import DraftKind, FileFormat
from ksd.documents.forms import AS_USUAL
from ksd.documents.models import Visibility
from ksd.regions.models import Region

VISIBILITY_CHOICES = [
    (AS_USUAL, _("As usual for its kind (a cover letter stays private to our region; the "
                 "others are shared with the parties)")),
    (Visibility.PRIVATE.value, Visibility.PRIVATE.label),
    (Visibility.PARTIES.value, Visibility.PARTIES.label),
]  # fmt: skip


class DraftForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=DraftKind.choices)
    file_format = forms.ChoiceField(
        label=_("Format"), choices=FileFormat.choices, initial=FileFormat.DOCX,
        widget=forms.RadioSelect,
    )  # fmt: skip
    visibility = forms.ChoiceField(
        label=_("Who sees it"), choices=VISIBILITY_CHOICES, required=False, initial=AS_USUAL,
        widget=forms.RadioSelect,
    )  # fmt: skip

    def __init__(self, *args: Any, pdf_unavailable: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if pdf_unavailable:
            self.fields["file_format"].choices = [(FileFormat.DOCX, FileFormat.DOCX.label)]
            self.fields["file_format"].help_text = pdf_unavailable


class TemplateForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all())
    name = forms.CharField(label=_("Name"), max_length=200)
    file = forms.FileField(
        label=_("DOCX template (at most 2 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
    )

"""The upload form: a kind and a file; the content is checked by the service."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ksd.documents.models import DocumentKind
from ksd.documents.storage import DOCX, PDF


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("File (PDF or DOCX, at most 20 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": f".pdf,.docx,{PDF},{DOCX}"}),
    )

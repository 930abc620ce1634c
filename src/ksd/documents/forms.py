"""The upload form: a kind, who sees the document, and a file; the content is checked by the
service."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ksd.documents.models import DocumentKind, Visibility
from ksd.documents.storage import DOCX, PDF

# Without a choice, the document gets the default of its kind (models.default_visibility); the
# form needs no script to follow the kind chosen above it.
AS_USUAL = ""
VISIBILITY_CHOICES = [
    (AS_USUAL, _("As usual for its kind: shared with the parties for an offer letter, the joint "
                 "agreement, the PKS (draft or signed), DPRD letters and decisions and a Surat "
                 "Kuasa; private to our region for anything else")),
    (Visibility.PRIVATE.value, Visibility.PRIVATE.label),
    (Visibility.PARTIES.value, Visibility.PARTIES.label),
]  # fmt: skip


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    visibility = forms.ChoiceField(
        label=_("Who sees it"), choices=VISIBILITY_CHOICES, required=False,
        initial=AS_USUAL, widget=forms.RadioSelect,
        help_text=_("The supervisors (the governor's bureau and the Ministry) see every "
                    "document. A private document can be shared later; a shared one stays "
                    "shared."),
    )  # fmt: skip
    file = forms.FileField(
        label=_("File (PDF or DOCX, at most 20 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": f".pdf,.docx,{PDF},{DOCX}"}),
    )

"""What KSD drafts from a record, the kind of document each becomes, and the lifecycle step
that needs it (the step's form links to the latest one)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ksd.documents.models import DocumentKind


class DraftKind(models.TextChoices):
    OFFER_LETTER = "surat_penawaran", _("Offer letter (surat penawaran)")
    JOINT_AGREEMENT = "kesepakatan_bersama", _("Joint agreement (kesepakatan bersama)")
    AGREEMENT = "pks", _("Cooperation agreement (PKS)")
    DPRD_LETTER = "surat_dprd", _("Letter to the DPRD chair")
    POWER_OF_ATTORNEY = "surat_kuasa", _("Surat Kuasa")
    COVER_LETTERS = "surat_pengantar", _("Cover letters for the copies")
    ADDENDUM = "adendum", _("Addendum for an amendment")


DOCUMENT_KIND = {
    DraftKind.OFFER_LETTER: DocumentKind.OFFER_LETTER,
    DraftKind.JOINT_AGREEMENT: DocumentKind.JOINT_AGREEMENT,
    DraftKind.AGREEMENT: DocumentKind.DRAFT_AGREEMENT,
    DraftKind.DPRD_LETTER: DocumentKind.DPRD_LETTER,
    DraftKind.POWER_OF_ATTORNEY: DocumentKind.POWER_OF_ATTORNEY,
    DraftKind.COVER_LETTERS: DocumentKind.COVER_LETTER,
    DraftKind.ADDENDUM: DocumentKind.ADDENDUM,
}

# The step form (cooperation/_step.html `key`) that needs each drafted document.
STEP_DRAFTS: dict[str, tuple[DraftKind, ...]] = {
    "answer": (DraftKind.OFFER_LETTER,),
    "joint": (DraftKind.JOINT_AGREEMENT,),
    "draft": (DraftKind.AGREEMENT,),
    "opinions": (DraftKind.AGREEMENT,),
    "submit": (DraftKind.DPRD_LETTER,),
    "resubmit": (DraftKind.DPRD_LETTER,),
    "sign": (DraftKind.AGREEMENT, DraftKind.POWER_OF_ATTORNEY),
    "signatory": (DraftKind.POWER_OF_ATTORNEY,),
    "copies": (DraftKind.COVER_LETTERS,),
    "amend": (DraftKind.ADDENDUM,),
}


class FileFormat(models.TextChoices):
    DOCX = "docx", "DOCX (Word)"
    PDF = "pdf", "PDF"

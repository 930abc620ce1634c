"""Documents a region keeps on a cooperation: the row describes the file, the bytes live on
disk under their SHA-256 (documents/storage.py) and are never overwritten.

A document is private to the region that uploaded it (a working draft), shared with every
party of the cooperation, or, for the signed agreement of a cooperation in the public register,
published (PP 50/2007 Pasal 21). Supervisors see private documents too (core/access.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    OFFER_LETTER = "offer_letter", _("Offer letter")
    JOINT_AGREEMENT = "kesepakatan_bersama", _("Joint agreement (kesepakatan bersama)")
    DRAFT_AGREEMENT = "draft_pks", _("Draft cooperation agreement (PKS)")
    SIGNED_AGREEMENT = "signed_pks", _("Signed cooperation agreement (PKS)")
    DPRD_LETTER = "dprd_letter", _("Letter to or from the DPRD")
    DPRD_DECISION = "dprd_decision", _("DPRD decision")
    POWER_OF_ATTORNEY = "surat_kuasa", _("Surat Kuasa")
    COVER_LETTER = "cover_letter", _("Cover letter for a copy")
    ADDENDUM = "addendum", _("Addendum (amendment of the agreement)")
    OTHER = "other", _("Other")


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Private to our region (working draft)")
    PARTIES = "parties", _("Shared with all parties of the cooperation")
    PUBLIC = "public", _("Published in the public register")


# What the upload form proposes when the uploader does not choose: what the parties exchange or
# sign is shared, anything else starts as the region's own working document.
SHARED_BY_DEFAULT = frozenset({
    DocumentKind.OFFER_LETTER, DocumentKind.JOINT_AGREEMENT, DocumentKind.DRAFT_AGREEMENT,
    DocumentKind.SIGNED_AGREEMENT, DocumentKind.DPRD_LETTER, DocumentKind.DPRD_DECISION,
    DocumentKind.POWER_OF_ATTORNEY, DocumentKind.ADDENDUM,
})  # fmt: skip


def default_visibility(kind: str) -> Visibility:
    return Visibility.PARTIES if kind in SHARED_BY_DEFAULT else Visibility.PRIVATE


class Document(models.Model):
    """One uploaded file. A new version is a new row; rows are never deleted by the app, and two
    rows with the same bytes share one stored file. Only `visibility` changes, and only wider
    (private, then shared, then published), each time with an event (documents/sharing.py)."""

    cooperation = models.ForeignKey(
        "cooperation.Cooperation", verbose_name=_("cooperation"), on_delete=models.CASCADE,
        related_name="documents",
    )  # fmt: skip
    # The region that uploaded the document and decides who else sees it.
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    visibility = models.CharField(_("visible to"), max_length=10, choices=Visibility.choices)
    kind = models.CharField(_("kind"), max_length=24, choices=DocumentKind.choices)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    uploaded_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ("-uploaded_at", "-id")
        indexes = (models.Index(fields=("cooperation", "region"), name="document_coop_region"),)

    def __str__(self) -> str:
        return self.original_name

    @property
    def short_sha256(self) -> str:
        return self.sha256[:12]


class DraftTemplate(models.Model):
    """A region's own DOCX template for the documents KSD drafts (letterhead, numbering
    format), checked before it is kept (documents/drafting/templates.py). Stored like a
    document, by its SHA-256; the newest active one of a region is used."""

    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    is_active = models.BooleanField(_("in use"), default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    uploaded_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        verbose_name = _("drafting template")
        verbose_name_plural = _("drafting templates")
        ordering = ("region", "-uploaded_at", "-id")

    def __str__(self) -> str:
        return f"{self.name} ({self.region_id})"


class Drafted(models.Model):
    """Where a document KSD drafted came from: which draft, in which format, from which
    template, and the record as it stood (its last event), so a reader knows what it shows."""

    document = models.OneToOneField(
        Document, verbose_name=_("document"), on_delete=models.PROTECT, related_name="drafted"
    )
    draft_kind = models.CharField(_("drafted document"), max_length=24)
    file_format = models.CharField(_("format"), max_length=4)
    template = models.ForeignKey(
        DraftTemplate, verbose_name=_("template"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    # The record version: the id of the cooperation's last event when the document was drafted.
    from_event = models.PositiveBigIntegerField(_("from the record as of event"), null=True)
    placeholders = models.PositiveSmallIntegerField(_("facts not yet recorded"), default=0)

    class Meta:
        verbose_name = _("drafted document")
        verbose_name_plural = _("drafted documents")

    def __str__(self) -> str:
        return f"{self.draft_kind} ({self.file_format})"


class TextCheck(models.Model):
    """What KSD read in the text of an uploaded draft PKS: which required contents it seems to
    hold (a keyword heuristic, documents/drafting/content_rules.py). The page sets it beside
    the operator's ticks as the record holds them when it is read."""

    document = models.OneToOneField(
        Document, verbose_name=_("document"), on_delete=models.PROTECT, related_name="text_check"
    )
    readable = models.BooleanField(_("text could be read"))
    # [{"code", "citation", "found"}]: the required contents, in the order of the regulation.
    rows = models.JSONField(_("contents"), default=list)
    checked_at = models.DateTimeField(_("checked at"))

    class Meta:
        verbose_name = _("text check of a draft")
        verbose_name_plural = _("text checks of drafts")

    def __str__(self) -> str:
        return f"{self.document_id}"

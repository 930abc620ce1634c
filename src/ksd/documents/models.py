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
    DocumentKind.POWER_OF_ATTORNEY,
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

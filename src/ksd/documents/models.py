"""Documents one region keeps on a cooperation: the row describes the file, the bytes live on
disk under their SHA-256 (documents/storage.py) and are never overwritten."""

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


class Document(models.Model):
    """One uploaded file. A new version is a new row; rows are never updated or deleted by the
    app, and two rows with the same bytes share one stored file."""

    cooperation = models.ForeignKey(
        "cooperation.Cooperation", verbose_name=_("cooperation"), on_delete=models.CASCADE,
        related_name="documents",
    )  # fmt: skip
    # The region that keeps the document; only its users and supervisors see it.
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
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

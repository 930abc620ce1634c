"""An import of existing agreements, kept between the upload, its preview and its confirmation.

The sheet's cells are read once at upload (exchange/importing/reader.py) and kept here as JSON,
so checking and importing go on in chunks over several requests (or one command) without the
file; each chunk saves how far it got, which is what the progress page shows.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    class Status(models.TextChoices):
        CHECKING = "checking", _("Being checked")
        CHECKED = "checked", _("Checked, waiting for confirmation")
        IMPORTING = "importing", _("Being imported")
        DONE = "done", _("Imported")

    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    # The region an operator imports for; None for an administrator or the command line.
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    file_name = models.CharField(_("file name"), max_length=200)
    file_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    # [[sheet row number, {column key: cell}], ...] as read from the sheet.
    cells = models.JSONField(_("cells"), default=list)
    # One entry per checked row: {"row", "key", "title", "state", "errors": [[column, msg]]}.
    results = models.JSONField(_("results"), default=list)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    checked_rows = models.PositiveIntegerField(_("rows checked"), default=0)
    # How far the import went through `results`, and what it did.
    import_position = models.PositiveIntegerField(_("rows imported so far"), default=0)
    imported_rows = models.PositiveIntegerField(_("rows imported"), default=0)
    skipped_rows = models.PositiveIntegerField(_("rows already present"), default=0)
    created_at = models.DateTimeField(_("created at"))
    updated_at = models.DateTimeField(_("updated at"))

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def valid_rows(self) -> int:
        return sum(1 for r in self.results if r["state"] == "valid")

    @property
    def error_rows(self) -> int:
        return sum(1 for r in self.results if r["state"] == "error")

    @property
    def present_rows(self) -> int:
        return sum(1 for r in self.results if r["state"] == "present")

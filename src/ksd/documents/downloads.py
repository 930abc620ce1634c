"""A stored file (by its SHA-256, documents/storage.py) sent as a download: the documents' own
and a monitoring report's attachments alike."""

from __future__ import annotations

import logging
from typing import Protocol

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from ksd.documents.storage import open_stored

logger = logging.getLogger(__name__)


class StoredFile(Protocol):
    pk: int
    sha256: str
    original_name: str
    content_type: str


def file_response(request: HttpRequest, item: StoredFile) -> HttpResponse:
    """The stored bytes as a download under their original name, or a page saying they are
    missing from storage (logged: the database names a file the storage does not hold)."""
    try:
        stored = open_stored(item.sha256)
    except FileNotFoundError:
        logger.error("%s %s (sha256 %s) is missing from storage", type(item).__name__, item.pk,
                     item.sha256)  # fmt: skip
        return render(request, "documents/missing.html", {"document": item}, status=404)
    return FileResponse(
        stored, as_attachment=True, filename=item.original_name, content_type=item.content_type
    )

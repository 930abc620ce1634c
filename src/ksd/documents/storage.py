"""Where document bytes live: var/documents/<first two hex digits>/<sha256>.

Stored files are mode 0400 in folders of mode 0700: only KSD's own user can read them.
A file is named by the SHA-256 of its content, computed while the upload streams to a temporary
file, then linked into place with os.link, which fails rather than replace an existing name: a
stored file is never overwritten, and the same bytes uploaded twice are stored once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from django.conf import settings
from django.utils.translation import gettext as _

from ksd.core.errors import StepRefused
from ksd.core.private_files import OWNER_ONLY_DIRECTORY, OWNER_READ_ONLY, restrict

MAX_MEGABYTES = 20
MAX_BYTES = MAX_MEGABYTES * 1024 * 1024
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSIONS = {PDF: ".pdf", DOCX: ".docx"}


class Upload(Protocol):
    """What attach_document needs of an upload (Django's UploadedFile has it)."""

    name: str | None

    def chunks(self, chunk_size: int | None = None) -> object: ...


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    content_type: str


def storage_root() -> Path:
    """The folder of stored documents, inside KSD's var/ folder (KSD_VAR_DIR)."""
    return Path(settings.VAR_DIR) / "documents"


def path_for(sha256: str) -> Path:
    return storage_root() / sha256[:2] / sha256


def open_stored(sha256: str) -> BinaryIO:
    return path_for(sha256).open("rb")


def _too_large() -> StepRefused:
    return StepRefused(
        _("The file is larger than %(limit)d MB; upload a smaller file.") % {"limit": MAX_MEGABYTES}
    )


def _content_type(path: Path, head: bytes, name: str) -> str:
    """PDF or DOCX, from the bytes themselves; the name's extension must agree."""
    if head.startswith(b"%PDF-"):
        kind = PDF
    elif head.startswith(b"PK\x03\x04") and _is_docx(path):
        kind = DOCX
    else:
        raise StepRefused(
            _("Only PDF or DOCX files can be uploaded; the content of this file is neither.")
        )
    if not name.lower().endswith(EXTENSIONS[kind]):
        raise StepRefused(
            _("The file's content is %(kind)s but its name does not end in %(extension)s.")
            % {"kind": "PDF" if kind == PDF else "DOCX", "extension": EXTENSIONS[kind]}
        )
    return kind


def _is_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def store(upload: Upload) -> StoredFile:
    """Check and store the upload's bytes; StepRefused, with nothing stored, if they are not a
    PDF or DOCX within the size limit."""
    if (getattr(upload, "size", 0) or 0) > MAX_BYTES:
        raise _too_large()
    root = storage_root()
    root.mkdir(mode=OWNER_ONLY_DIRECTORY, parents=True, exist_ok=True)
    digest, size, head = hashlib.sha256(), 0, b""
    handle, temporary = tempfile.mkstemp(dir=root, prefix=".upload-")
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in upload.chunks():  # type: ignore[attr-defined]
                size += len(chunk)
                if size > MAX_BYTES:
                    raise _too_large()
                head += chunk[: max(0, 8 - len(head))]
                digest.update(chunk)
                out.write(chunk)
        if size == 0:
            raise StepRefused(_("The file is empty."))
        content_type = _content_type(Path(temporary), head, upload.name or "")
        sha256 = digest.hexdigest()
        final = path_for(sha256)
        final.parent.mkdir(mode=OWNER_ONLY_DIRECTORY, exist_ok=True)
        # The same bytes already stored are reused, never replaced.
        with contextlib.suppress(FileExistsError):
            os.link(temporary, final)
        # Readable by KSD's user only, and by nobody writable (files stored 0444 by older
        # versions are tightened when their bytes come again).
        restrict(final, OWNER_READ_ONLY)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return StoredFile(sha256, size, content_type)

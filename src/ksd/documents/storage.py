"""Where document bytes live: var/documents/<first two hex digits>/<sha256>, or, with
KSD_STORAGE=s3, the object <KSD_S3_PREFIX>/<first two hex digits>/<sha256> of an S3-compatible
bucket shared by several app servers (ksd.core.deployment, docs/deploy.md).

A file is named by the SHA-256 of its content, computed while the upload streams to a private
temporary file. On disk it is then linked into place with os.link, which fails rather than
replace an existing name; stored files are mode 0400 in folders of mode 0700, so only KSD's own
user can read them. In a bucket it is put with "If-None-Match: *", which the store refuses when
the name exists, and with its SHA-256, which the store checks against the bytes it received;
objects stay private to the bucket's owner. Either way a stored file is never overwritten, and
the same bytes uploaded twice are stored once.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import tempfile
import unicodedata
import zipfile
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from django.conf import settings
from django.utils.translation import gettext as _

from ksd.core.errors import StepRefused
from ksd.core.private_files import OWNER_ONLY_DIRECTORY, OWNER_READ_ONLY, restrict

MAX_MEGABYTES = 20
MAX_BYTES = MAX_MEGABYTES * 1024 * 1024
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JPEG = "image/jpeg"
PNG = "image/png"
EXTENSIONS = {PDF: ".pdf", DOCX: ".docx"}
# What a cooperation's documents may be; other apps allow more (monitoring's report attachments:
# photos and spreadsheets), each type recognised by its bytes, never by its name.
DOCUMENT_TYPES = (PDF, DOCX)
# The names each type may have, and the word for it in a message.
NAME_ENDINGS: dict[str, tuple[str, ...]] = {
    PDF: (".pdf",), DOCX: (".docx",), XLSX: (".xlsx",), JPEG: (".jpg", ".jpeg"), PNG: (".png",),
}  # fmt: skip
TYPE_WORDS = {PDF: "PDF", DOCX: "DOCX", XLSX: "XLSX", JPEG: "JPEG", PNG: "PNG"}
FILE_NAME_MAX = 255


class Upload(Protocol):
    """What attach_document needs of an upload (Django's UploadedFile has it)."""

    name: str | None

    def chunks(self, chunk_size: int | None = None) -> object: ...


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    content_type: str


class DocumentStoreError(OSError):
    """The object store did not answer as it should; its strerror says why, in one line."""


def in_object_store() -> bool:
    """True when documents live in an S3-compatible bucket (KSD_STORAGE=s3)."""
    return getattr(settings, "DOCUMENT_STORAGE", "local") == "s3"


def storage_root() -> Path:
    """The folder of stored documents on local disk, inside KSD's var/ folder (KSD_VAR_DIR)."""
    return Path(settings.VAR_DIR) / "documents"


def path_for(sha256: str) -> Path:
    return storage_root() / sha256[:2] / sha256


def name_for(sha256: str) -> str:
    """The name under the storage's root or the bucket's prefix."""
    return f"{sha256[:2]}/{sha256}"


def open_stored(sha256: str) -> BinaryIO:
    """The stored bytes, to read; FileNotFoundError when there are none."""
    if in_object_store():
        return _object_store().open(name_for(sha256), "rb")  # type: ignore[no-any-return]
    return path_for(sha256).open("rb")


def staging_folder(root: Path | None = None) -> Path:
    """Where a file is written before it is stored. On disk: the storage's own folder, so that
    os.link can put it in place; for a bucket: Django's upload temporary folder."""
    if root is None and in_object_store():
        return Path(settings.FILE_UPLOAD_TEMP_DIR or tempfile.gettempdir())
    folder = root or storage_root()
    folder.mkdir(mode=OWNER_ONLY_DIRECTORY, parents=True, exist_ok=True)
    return folder


def keep(staged: Path, sha256: str, *, root: Path | None = None) -> None:
    """Store the file `staged`, whose SHA-256 the caller has computed, under that SHA-256; bytes
    already stored under it are kept, never replaced. `root` stores on disk there whatever
    KSD_STORAGE says (ksd restore's target folder)."""
    if root is None and in_object_store():
        _put_object(staged, sha256)
        return
    final = (root or storage_root()) / sha256[:2] / sha256
    final.parent.mkdir(mode=OWNER_ONLY_DIRECTORY, exist_ok=True)
    # The same bytes already stored are reused, never replaced.
    with contextlib.suppress(FileExistsError):
        os.link(staged, final)
    # Readable by KSD's user only, and by nobody writable (files stored 0444 by older
    # versions are tightened when their bytes come again).
    restrict(final, OWNER_READ_ONLY)


@contextlib.contextmanager
def local_copy(sha256: str) -> Iterator[Path | None]:
    """A path on local disk holding the stored bytes (for ksd backup), or None when nothing is
    stored under `sha256`. From a bucket, the bytes are fetched into a private temporary file,
    removed when the block ends."""
    if not in_object_store():
        path = path_for(sha256)
        yield path if path.is_file() else None
        return
    handle, temporary = tempfile.mkstemp(dir=staging_folder(), prefix=".fetch-")
    try:
        with os.fdopen(handle, "wb") as out:
            found = _download(sha256, out)
        yield Path(temporary) if found else None
    finally:
        Path(temporary).unlink(missing_ok=True)


def _download(sha256: str, out: BinaryIO) -> bool:
    """The object's bytes into `out`; False when there is no such object."""
    store = _object_store()
    with _store_errors():
        try:
            store.bucket.download_fileobj(store._normalize_name(name_for(sha256)), out)
        except _client_error() as error:
            if _status(error) == 404:
                return False
            raise
    return True


def _object_store() -> Any:
    """django-storages' S3Storage, as STORAGES["documents"] configures it."""
    from django.core.files.storage import storages

    return storages["documents"]


def _client_error() -> type[Exception]:
    from botocore.exceptions import ClientError

    return ClientError


def _status(error: Exception) -> int | None:
    return getattr(error, "response", {}).get("ResponseMetadata", {}).get("HTTPStatusCode")


@contextlib.contextmanager
def _store_errors() -> Iterator[None]:
    """The object store's failures (refused, unreachable) as DocumentStoreError."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        yield
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code", "")
        raise DocumentStoreError(None, f"the document store refused ({code})") from None
    except BotoCoreError as error:
        raise DocumentStoreError(None, f"the document store cannot be reached ({error})") from None


def _put_object(staged: Path, sha256: str) -> None:
    store = _object_store()
    key = store._normalize_name(name_for(sha256))
    client = store.connection.meta.client
    checksum = base64.b64encode(bytes.fromhex(sha256)).decode("ascii")
    with _store_errors():
        if store.exists(name_for(sha256)):
            return
        with staged.open("rb") as body:
            try:
                client.put_object(
                    Bucket=store.bucket_name, Key=key, Body=body,
                    # Refused when the name exists: a stored object is never replaced.
                    IfNoneMatch="*",
                    # The store checks the bytes it received against their SHA-256.
                    ChecksumSHA256=checksum,
                )  # fmt: skip
            except _client_error() as error:
                # 412: stored meanwhile by another upload of the same bytes, which are kept.
                if _status(error) != 412:
                    raise


def _too_large() -> StepRefused:
    return StepRefused(
        _("The file is larger than %(limit)d MB; upload a smaller file.") % {"limit": MAX_MEGABYTES}
    )


def _sniff(path: Path, head: bytes) -> str | None:
    """The type the bytes themselves show, or None."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        names = _zip_names(path)
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
    return None


def _content_type(
    path: Path, head: bytes, name: str, types: Collection[str] = DOCUMENT_TYPES
) -> str:
    """One of `types`, from the bytes themselves; the name's extension must agree."""
    kind = _sniff(path, head)
    if kind not in types:
        if tuple(types) == DOCUMENT_TYPES:
            raise StepRefused(
                _("Only PDF or DOCX files can be uploaded; the content of this file is neither.")
            )
        raise StepRefused(
            _("Only %(kinds)s files can be uploaded; the content of this file is none of them.")
            % {"kinds": ", ".join(TYPE_WORDS[t] for t in types)}
        )
    if not name.lower().endswith(NAME_ENDINGS[kind]):
        raise StepRefused(
            _("The file's content is %(kind)s but its name does not end in %(extension)s.")
            % {"kind": TYPE_WORDS[kind], "extension": " / ".join(NAME_ENDINGS[kind])}
        )
    return kind


def _zip_names(path: Path) -> list[str]:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.namelist()
    except zipfile.BadZipFile:
        return []


def check_file_name(name: str | None) -> str:
    """The upload's name if it is a plain file name; StepRefused otherwise. Refused: no name, a
    name longer than 255 characters, a folder part (/ or \\), a name starting with a dot (hidden
    files, "..") and control or invisible formatting characters (a line break, a right-to-left
    override that makes "gpj.exe" read as "exe.jpg")."""
    name = name or ""
    if not name.strip():
        raise StepRefused(_("The file has no name; give it one before uploading."))
    if len(name) > FILE_NAME_MAX:
        raise StepRefused(
            _("The file's name is longer than %(limit)d characters; shorten it.")
            % {"limit": FILE_NAME_MAX}
        )
    if (
        "/" in name or "\\" in name or name.startswith(".")
        or any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in name)
    ):  # fmt: skip
        raise StepRefused(
            _("The file's name holds a folder, starts with a dot, or has invisible or control "
              "characters; rename it with plain letters, digits, spaces, dots, dashes or "
              "underscores.")
        )  # fmt: skip
    return name


@dataclass(frozen=True)
class Staged:
    """A checked upload in a private temporary file, not stored yet."""

    path: Path
    file: StoredFile


@contextlib.contextmanager
def checked(upload: Upload, types: Collection[str] = DOCUMENT_TYPES) -> Iterator[Staged]:
    """Stream the upload into a private temporary file and check it: within the size limit, not
    empty, its bytes one of `types` with a name that agrees. StepRefused, with nothing stored,
    otherwise. The temporary file is removed when the block ends: `keep_staged` stores it."""
    if (getattr(upload, "size", 0) or 0) > MAX_BYTES:
        raise _too_large()
    digest, size, head = hashlib.sha256(), 0, b""
    handle, temporary = tempfile.mkstemp(dir=staging_folder(), prefix=".upload-")
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
        content_type = _content_type(Path(temporary), head, upload.name or "", types)
        yield Staged(Path(temporary), StoredFile(digest.hexdigest(), size, content_type))
    finally:
        Path(temporary).unlink(missing_ok=True)


def keep_staged(staged: Staged) -> StoredFile:
    """Store a checked upload under its SHA-256; StepRefused when the store cannot be reached."""
    try:
        keep(staged.path, staged.file.sha256)
    except DocumentStoreError:
        raise StepRefused(
            _("The document store cannot be reached; nothing was stored. Try again later.")
        ) from None
    return staged.file


def store(upload: Upload, types: Collection[str] = DOCUMENT_TYPES) -> StoredFile:
    """Check and store the upload's bytes; StepRefused, with nothing stored, if they are not one
    of `types` (PDF or DOCX unless told) within the size limit."""
    with checked(upload, types) as staged:
        return keep_staged(staged)

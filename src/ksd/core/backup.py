"""`ksd backup FILE`: one zip archive with a consistent snapshot of the database and the stored
documents it refers to; `ksd restore FILE` (ksd/core/restore.py) fills an empty instance from it.

The archive (format "ksd-backup", version 1):

- manifest.json: the format, when and from which engine it was made, the migrations applied,
  each table's columns and row count, and each stored document's SHA-256 and size;
- data/<app_label>.<model>.jsonl: one JSON array per row, in the manifest's column order, read
  in primary-key order. Timestamps keep their microseconds (Django's dumpdata cuts them to
  milliseconds), dates and decimals are written as text, binary data as base64;
- documents/<first two hex digits>/<sha256>: the stored files, as documents/storage.py keeps them
  (read from var/documents, or from the bucket with KSD_STORAGE=s3).

The snapshot is consistent: on PostgreSQL every table is read in one REPEATABLE READ, READ ONLY
transaction, which does not hold writers back; on SQLite the database is first copied page by
page with SQLite's online backup API (writers wait only for that copy), and the tables are read
from the copy. Stored files are never changed or removed once written, so those the snapshot
refers to are the ones on disk.

The archive is written beside FILE under a temporary name, made readable by its owner only (it
holds password hashes and personal data), and linked into place: an existing file is never
replaced, and a failed backup leaves no half-written FILE behind.

Sessions (django_session) are left out: they are bearer tokens of logins, not records.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import json
import os
import sqlite3
import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db import DatabaseError, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.utils import load_backend
from django.utils.duration import duration_iso_string
from django.utils.translation import gettext as _

from ksd.core import clock
from ksd.core.private_files import OWNER_READ_WRITE
from ksd.documents import storage

FORMAT = "ksd-backup"
VERSION = 1
MANIFEST = "manifest.json"
EXCLUDED_TABLES = frozenset({"django_session"})
_CHUNK = 2000
_READ_SIZE = 1024 * 1024


class BackupError(Exception):
    """Why a backup or a restore cannot go on, in one line for the operator."""


@dataclass
class BackupResult:
    path: Path
    tables: int = 0
    rows: int = 0
    documents: int = 0
    # Documents the database refers to whose file is missing from storage or whose bytes no
    # longer match their SHA-256: the archive is written without them.
    missing: list[str] = field(default_factory=list)


def tracked_models() -> list[type[models.Model]]:
    """Every table KSD keeps, many-to-many tables included, once each, in a stable order."""
    found: dict[str, type[models.Model]] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and meta.db_table not in EXCLUDED_TABLES:
            found.setdefault(meta.db_table, model)
    return [found[table] for table in sorted(found)]


def label(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def columns(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return list(model._meta.concrete_fields)


def encode(value: Any) -> Any:
    """A value as JSON can hold it without loss; `decode` reads it back through the field."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()  # datetime.isoformat keeps every microsecond
    if isinstance(value, dt.timedelta):
        return duration_iso_string(value)
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def decode(model_field: models.Field[Any, Any], value: Any) -> Any:
    if value is None or isinstance(model_field, models.JSONField):
        return value
    return model_field.to_python(value)


def applied_migrations(using: str) -> list[list[str]]:
    recorder = MigrationRecorder(connections[using])
    return sorted([app, name] for app, name in recorder.applied_migrations())


# ----- Writing -----


def backup(target: Path | str, *, using: str = "default") -> BackupResult:
    """Write the archive to `target`; BackupError, with nothing written, if it cannot be."""
    path = Path(target)
    if path.exists() or path.is_symlink():
        raise BackupError(
            _("%(path)s already exists; choose a new file name for the backup.") % {"path": path}
        )
    if not path.parent.is_dir():
        raise BackupError(_("The folder %(folder)s does not exist.") % {"folder": path.parent})
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".ksd-backup-")
    except OSError as error:
        raise BackupError(
            _("Cannot write to %(folder)s: %(reason)s")
            % {"folder": path.parent, "reason": error.strerror}
        ) from None
    os.close(handle)
    os.chmod(temporary, OWNER_READ_WRITE)
    result = BackupResult(path)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            with snapshot(using, work_dir=path.parent) as alias:
                manifest, hashes = _write_tables(archive, alias, result)
            manifest["documents"] = _write_documents(archive, hashes, result)
            manifest["missing_documents"] = list(result.missing)
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        os.link(temporary, path)
    except DatabaseError as error:
        raise BackupError(
            _("The database cannot be read (has “ksd migrate” run?): %(reason)s")
            % {"reason": (str(error).splitlines() or [""])[0]}
        ) from None
    except FileExistsError:
        raise BackupError(
            _("%(path)s already exists; choose a new file name for the backup.") % {"path": path}
        ) from None
    except OSError as error:
        raise BackupError(
            _("Cannot write %(path)s: %(reason)s") % {"path": path, "reason": error.strerror}
        ) from None
    finally:
        Path(temporary).unlink(missing_ok=True)
    return result


@contextmanager
def snapshot(using: str, work_dir: Path | None = None) -> Iterator[str]:
    """A database alias that reads one consistent state of `using` for as long as it is open.
    On SQLite that is a copy of the database, made in `work_dir` (default: the system's
    temporary folder) and removed afterwards."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with transaction.atomic(using=using, durable=True):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield using
        return
    if connection.vendor != "sqlite":
        raise BackupError(_("Backups support SQLite and PostgreSQL only."))
    with tempfile.TemporaryDirectory(prefix=".ksd-snapshot-", dir=work_dir) as folder:
        copy = Path(folder) / "snapshot.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        target.close()
        with extra_database(using, copy) as alias:
            yield alias


@contextmanager
def extra_database(like: str, name: Path | str, **overrides: Any) -> Iterator[str]:
    """A temporary database alias configured as `like` (with `overrides`, e.g. another ENGINE)
    but for the database `name`. The connection is made directly, not added to
    settings.DATABASES: it lives only as long as this block, in this thread."""
    alias = f"ksd_extra_{uuid.uuid4().hex}"
    settings_dict = {**connections[like].settings_dict, **overrides, "NAME": name}
    connection = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias)
    setattr(connections._connections, alias, connection)  # type: ignore[attr-defined]
    try:
        yield alias
    finally:
        connection.close()
        delattr(connections._connections, alias)  # type: ignore[attr-defined]


def _write_tables(
    archive: zipfile.ZipFile, alias: str, result: BackupResult
) -> tuple[dict[str, Any], list[str]]:
    """Every table into the archive; the manifest so far, and the SHA-256 of every stored
    document the rows refer to."""
    tables: dict[str, Any] = {}
    for model in tracked_models():
        fields = columns(model)
        names = [f.attname for f in fields]
        count = 0
        with archive.open(f"data/{label(model)}.jsonl", "w", force_zip64=True) as out:
            rows = model._base_manager.using(alias).order_by("pk").values_list(*names)
            for row in rows.iterator(chunk_size=_CHUNK):
                line = json.dumps([encode(v) for v in row], ensure_ascii=False)
                out.write(line.encode("utf-8") + b"\n")
                count += 1
        tables[label(model)] = {"table": model._meta.db_table, "columns": names, "rows": count}
        result.tables += 1
        result.rows += count
    from ksd.documents.models import Document

    found = set(Document._base_manager.using(alias).values_list("sha256", flat=True).distinct())
    # Other apps' rows that point to a stored file (monitoring's report attachments) carry the
    # mark KEEPS_STORED_FILE and a `sha256` column; core imports none of them.
    for model in tracked_models():
        if getattr(model, "KEEPS_STORED_FILE", False):
            rows = model._base_manager.using(alias).values_list("sha256", flat=True)
            found.update(rows.distinct())
    hashes = sorted(found)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": clock.now().isoformat(),
        "database": connections[alias].vendor,
        "migrations": applied_migrations(alias),
        "tables": tables,
    }
    return manifest, hashes


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(_READ_SIZE):
            digest.update(chunk)
    return digest.hexdigest()


def _write_documents(
    archive: zipfile.ZipFile, hashes: list[str], result: BackupResult
) -> list[dict[str, Any]]:
    written: list[dict[str, Any]] = []
    for sha256 in hashes:
        with storage.local_copy(sha256) as source:
            if source is None or _sha256_of(source) != sha256:
                result.missing.append(sha256)
                continue
            archive.write(source, f"documents/{sha256[:2]}/{sha256}", zipfile.ZIP_STORED)
            written.append({"sha256": sha256, "size": source.stat().st_size})
        result.documents += 1
    return written

"""`ksd restore FILE`: fill an empty KSD instance from an archive of `ksd backup`
(ksd/core/backup.py describes the archive).

An empty instance is a new database (nothing migrated yet) or one that `ksd migrate` has just
made: no row in any table but the content types and permissions Django writes on its own, which
the archive's own replace. Anything else is refused, and nothing is changed.

In order: the archive is checked (a zip with a KSD manifest of a format this KSD reads, whose
migrations this KSD knows); the database is migrated to exactly the archive's migrations; every
stored document is checked against its SHA-256 and put in storage; every row is inserted with
its own primary key in one transaction (without signals, so the audit trail records no
"creation" of restored rows), the sequences are moved past the highest key; finally `migrate`
brings the schema and data up to this KSD's version. The append-only triggers are part of the
schema that migrate makes, so a restored event log is as append-only as the original.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DatabaseError, connections, models, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.state import StateApps
from django.utils.translation import gettext as _

from ksd.core.backup import (
    FORMAT,
    MANIFEST,
    VERSION,
    BackupError,
    applied_migrations,
    decode,
    tracked_models,
)
from ksd.documents import storage

SHA256 = re.compile(r"[0-9a-f]{64}")
# Django writes these rows itself after every migrate; the archive's replace them.
REBUILT_BY_MIGRATE = (ContentType, Permission)
_BATCH = 1000
_READ_SIZE = 1024 * 1024


@dataclass
class RestoreResult:
    tables: int = 0
    rows: int = 0
    documents: int = 0


def restore(
    source: Path | str, *, using: str = "default", storage_root: Path | None = None
) -> RestoreResult:
    """Fill the empty database `using` and the document storage from the archive `source`;
    BackupError, with the database unchanged, if the archive or the instance will not do.
    Documents go to the configured storage (var/documents or, with KSD_STORAGE=s3, the
    bucket), or to the folder `storage_root` when one is given."""
    path = Path(source)
    with open_archive(path) as (archive, manifest):
        _require_known_migrations(manifest, using)
        _require_empty(using)
        models_then = _migrate_to(manifest, using)
        result = RestoreResult()
        root = storage_root
        try:
            for document in manifest["documents"]:
                _restore_document(archive, document["sha256"], root)
                result.documents += 1
            _restore_rows(archive, manifest, using, models_then, result)
        except (ValueError, TypeError, KeyError, ValidationError, zipfile.BadZipFile):
            # A damaged or altered archive; the rows' transaction was rolled back.
            raise BackupError(
                _("%(path)s is damaged; nothing was restored.") % {"path": path}
            ) from None
        except OSError as error:
            raise BackupError(
                _("Cannot write the stored documents: %(reason)s") % {"reason": error.strerror}
            ) from None
        except DatabaseError as error:
            raise BackupError(
                _("The database refused the archive's rows; nothing was restored: %(reason)s")
                % {"reason": (str(error).splitlines() or [""])[0]}
            ) from None
    call_command("migrate", database=using, verbosity=0, interactive=False)
    return result


@contextmanager
def open_archive(path: Path) -> Iterator[tuple[zipfile.ZipFile, dict[str, Any]]]:
    if not path.exists():
        raise BackupError(_("%(path)s does not exist.") % {"path": path})
    if not path.is_file():
        raise BackupError(_("%(path)s is not a regular file.") % {"path": path})
    not_a_backup = BackupError(_("%(path)s is not a KSD backup archive.") % {"path": path})
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise not_a_backup from None
    except OSError as error:
        raise BackupError(
            _("Cannot read %(path)s: %(reason)s") % {"path": path, "reason": error.strerror}
        ) from None
    with archive:
        try:
            manifest = json.loads(archive.read(MANIFEST))
        except (KeyError, ValueError, zipfile.BadZipFile):
            raise not_a_backup from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise not_a_backup
        if manifest.get("version") == VERSION and not _well_formed(manifest):
            raise BackupError(_("%(path)s is damaged; nothing was restored.") % {"path": path})
        if manifest.get("version") != VERSION:
            raise BackupError(
                _(
                    "%(path)s is a backup of format version %(version)s; this KSD reads version %(ours)d."
                )
                % {"path": path, "version": manifest.get("version"), "ours": VERSION}
            )
        yield archive, manifest


def _well_formed(manifest: dict[str, Any]) -> bool:
    """The manifest has the shape `backup` writes. A document's SHA-256 names a file in
    storage, so it must be 64 hex digits and nothing else (no "../")."""
    migrations, tables, documents = (
        manifest.get("migrations"), manifest.get("tables"), manifest.get("documents")
    )  # fmt: skip
    return (
        isinstance(migrations, list)
        and all(
            isinstance(m, list) and len(m) == 2 and all(isinstance(p, str) for p in m)
            for m in migrations
        )
        and isinstance(tables, dict)
        and all(
            isinstance(t, dict)
            and isinstance(t.get("columns"), list)
            and all(isinstance(c, str) for c in t["columns"])
            for t in tables.values()
        )
        and isinstance(documents, list)
        and all(
            isinstance(d, dict) and isinstance(d.get("sha256"), str)
            and SHA256.fullmatch(d["sha256"]) is not None
            for d in documents
        )
    )  # fmt: skip


def _require_known_migrations(manifest: dict[str, Any], using: str) -> None:
    executor = MigrationExecutor(connections[using])
    unknown = sorted(
        f"{app}.{name}"
        for app, name in manifest["migrations"]
        if (app, name) not in executor.loader.disk_migrations
    )
    if unknown:
        raise BackupError(
            _(
                "The backup was made by a newer KSD (it has migration %(migration)s); restore it with that version."
            )
            % {"migration": unknown[0]}
        )
    ahead = {tuple(m) for m in applied_migrations(using)} - {
        tuple(m) for m in manifest["migrations"]
    }
    if ahead:
        raise BackupError(
            _(
                "This database is migrated beyond the backup's version; restore into a new database, which the restore migrates itself."
            )
        )


def _require_empty(using: str) -> None:
    connection = connections[using]
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
    for model in tracked_models():
        if model in REBUILT_BY_MIGRATE or model._meta.db_table not in existing:
            continue
        if model._base_manager.using(using).exists():
            raise BackupError(
                _(
                    "The target database is not empty (it has %(table)s rows); restore only into an empty instance."
                )
                % {"table": model._meta.db_table}
            )


def _migrate_to(manifest: dict[str, Any], using: str) -> StateApps:
    """Migrate `using` forward to exactly the archive's migrations (the last of each app);
    the models as they were at that state, to insert the archive's rows with."""
    executor = MigrationExecutor(connections[using])
    graph = executor.loader.graph
    wanted = {tuple(m) for m in manifest["migrations"]}
    leaves = [
        key
        for key in sorted(wanted)
        if not any(
            child.key in wanted and child.key[0] == key[0] for child in graph.node_map[key].children
        )
    ]
    plan = executor.migration_plan(leaves)
    if any(backwards for _, backwards in plan):
        raise BackupError(
            _(
                "This database is migrated beyond the backup's version; restore into a new database, which the restore migrates itself."
            )
        )
    if plan:
        # Unlike the migrate command, the executor writes no content types or permissions:
        # none are wanted here, since the archive brings its own.
        executor.migrate(leaves, plan=plan)
    return executor.loader.project_state(leaves).apps


def _restore_document(archive: zipfile.ZipFile, sha256: str, root: Path | None) -> None:
    name = f"documents/{sha256[:2]}/{sha256}"
    try:
        member = archive.open(name)
    except KeyError:
        raise BackupError(
            _("The archive lacks the stored document %(sha)s.") % {"sha": sha256}
        ) from None
    handle, temporary = tempfile.mkstemp(dir=storage.staging_folder(root), prefix=".restore-")
    try:
        with os.fdopen(handle, "wb") as out, member:
            digest = _copy(member, out)
        if digest != sha256:
            raise BackupError(
                _(
                    "The stored document %(sha)s in the archive is damaged: its bytes do not match its SHA-256."
                )
                % {"sha": sha256}
            )
        # As documents/storage.py stores them: the same bytes already stored are kept.
        storage.keep(Path(temporary), sha256, root=root)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _copy(source: IO[bytes], out: IO[bytes]) -> str:
    digest = hashlib.sha256()
    while chunk := source.read(_READ_SIZE):
        digest.update(chunk)
        out.write(chunk)
    return digest.hexdigest()


def _restore_rows(
    archive: zipfile.ZipFile,
    manifest: dict[str, Any],
    using: str,
    models_then: StateApps,
    result: RestoreResult,
) -> None:
    restored: list[type[models.Model]] = []
    with transaction.atomic(using=using):
        for model in REBUILT_BY_MIGRATE[::-1]:  # permissions point at content types
            model._base_manager.using(using).all()._raw_delete(using)
        for name, table in manifest["tables"].items():
            try:
                model = models_then.get_model(name)
            except (LookupError, ValueError):
                raise BackupError(
                    _("The backup holds a table this KSD does not know: %(table)s.")
                    % {"table": name}
                ) from None
            fields = {f.attname: f for f in model._meta.concrete_fields}
            if set(table["columns"]) - set(fields):
                raise BackupError(
                    _("The backup's columns of %(table)s do not match this KSD's.")
                    % {"table": name}
                )
            order = [fields[column] for column in table["columns"]]
            with archive.open(f"data/{name}.jsonl") as lines:
                batch: list[models.Model] = []
                for line in lines:
                    values = json.loads(line)
                    batch.append(
                        model(
                            **{f.attname: decode(f, v) for f, v in zip(order, values, strict=True)}
                        )
                    )
                    if len(batch) >= _BATCH:
                        model._base_manager.using(using).bulk_create(batch)
                        result.rows += len(batch)
                        batch = []
                model._base_manager.using(using).bulk_create(batch)
                result.rows += len(batch)
            restored.append(model)
            result.tables += 1
        connection = connections[using]
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), restored):
                cursor.execute(statement)
    ContentType.objects.clear_cache()

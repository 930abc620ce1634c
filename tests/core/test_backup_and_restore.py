"""`ksd backup` and `ksd restore` (ksd/core/backup.py, ksd/core/restore.py): a populated
instance, backed up and restored into another, empty one, has every row back to the
microsecond and every stored document byte for byte, with the event log still append-only; on
SQLite and PostgreSQL. Bad input exits 2 with one line, never a traceback."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError, connections, transaction

from ksd.accounts.demo import load_demo
from ksd.cooperation.models import Cooperation, Event
from ksd.core.backup import BackupError, backup, extra_database, tracked_models
from ksd.core.restore import restore
from ksd.documents.models import DocumentKind
from ksd.documents.services import attach_document
from ksd.regions.models import HolidayOverride
from ksd.regions.services import record_holiday_override

PDF_BYTES = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
# A moment whose microseconds a millisecond cut would lose.
UPLOADED_AT = dt.datetime(2016, 3, 1, 2, 30, 15, 123457, tzinfo=dt.UTC)


@pytest.fixture
def var_dir(settings: Any, tmp_path: Path) -> Path:
    settings.VAR_DIR = tmp_path / "source"
    return tmp_path / "source"


def populate() -> None:
    """The demo world (users, memberships, cooperations through their events, bodies), two
    stored documents, a holiday override and the audit trail all of that leaves."""
    call_command("load_reference_data", verbosity=0)
    load_demo(now=dt.datetime(2026, 1, 5, 3, 0, 0, 654321, tzinfo=dt.UTC))
    kartamantul = Cooperation.objects.get(title__startswith="KARTAMANTUL")
    operator = kartamantul.events.exclude(actor=None).first().actor  # type: ignore[union-attr]
    region = operator.membership.region_id
    for name, content in (("penawaran.pdf", PDF_BYTES), ("kb.pdf", PDF_BYTES + b"% KB\n")):
        attach_document(
            kartamantul.pk, actor=operator, region_code=region, kind=DocumentKind.OTHER,
            upload=SimpleUploadedFile(name, content, "application/pdf"), now=UPLOADED_AT,
        )  # fmt: skip
    record_holiday_override(
        HolidayOverride(day=dt.date(2026, 9, 16), action="add", name="Cuti bersama tambahan",
                        decree="Keputusan Bersama Menteri Nomor 9 Tahun 2026"),
        actor=operator, now=UPLOADED_AT,
    )  # fmt: skip


def rows(using: str) -> dict[str, list[tuple[Any, ...]]]:
    found = {}
    for model in tracked_models():
        names = [f.attname for f in model._meta.concrete_fields]
        found[model._meta.db_table] = list(
            model._base_manager.using(using).order_by("pk").values_list(*names)
        )
    return found


def stored_files(root: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.glob("??/*")
        if path.is_file()
    }


@pytest.fixture
def empty_instance(tmp_path: Path) -> Iterator[str]:
    """Another, empty database of the same engine, as a database alias."""
    default = connections["default"]
    if default.vendor == "sqlite":
        with extra_database("default", tmp_path / "target.sqlite3") as alias:
            yield alias
        return
    name = f"{default.settings_dict['NAME']}_restore"
    with default.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        with extra_database("default", name) as alias:
            yield alias
    finally:
        with default.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.mark.django_db(transaction=True)
def test_a_restored_instance_has_every_row_to_the_microsecond_and_every_document(
    var_dir: Path, tmp_path: Path, empty_instance: str
) -> None:
    populate()
    source = rows("default")
    timestamps = [
        value for table in source.values() for row in table for value in row
        if isinstance(value, dt.datetime)
    ]  # fmt: skip
    assert any(moment.microsecond % 1000 for moment in timestamps)
    assert len(source["cooperation_event"]) > 50
    archive = tmp_path / "ksd-backup.zip"

    made = backup(archive)
    restored = restore(archive, using=empty_instance, storage_root=tmp_path / "target-docs")

    assert made.documents == restored.documents == 2
    assert made.rows == restored.rows == sum(len(table) for table in source.values())
    assert rows(empty_instance) == source
    assert stored_files(tmp_path / "target-docs") == stored_files(var_dir / "documents")
    assert all(name == digest for name, digest in stored_files(tmp_path / "target-docs").items())
    assert os.stat(archive).st_mode & 0o077 == 0


@pytest.mark.django_db(transaction=True)
def test_the_restored_event_log_is_still_append_only(
    var_dir: Path, tmp_path: Path, empty_instance: str
) -> None:
    populate()
    backup(tmp_path / "ksd-backup.zip")
    restore(tmp_path / "ksd-backup.zip", using=empty_instance, storage_root=tmp_path / "docs")
    events = Event.objects.using(empty_instance)

    with pytest.raises(IntegrityError), transaction.atomic(using=empty_instance):
        events.update(reason="rewritten")
    with pytest.raises(IntegrityError), transaction.atomic(using=empty_instance):
        events.filter(pk=events.first().pk).delete()  # type: ignore[union-attr]

    assert not events.filter(reason="rewritten").exists()


@pytest.mark.django_db(transaction=True)
def test_a_restore_into_a_populated_instance_is_refused_and_changes_nothing(
    var_dir: Path, tmp_path: Path
) -> None:
    populate()
    backup(tmp_path / "ksd-backup.zip")
    before = rows("default")

    with pytest.raises(BackupError, match="not empty"):
        restore(tmp_path / "ksd-backup.zip", storage_root=tmp_path / "docs")

    assert rows("default") == before
    assert not (tmp_path / "docs").exists()


@pytest.mark.django_db(transaction=True)
def test_a_backup_never_replaces_an_existing_file(var_dir: Path, tmp_path: Path) -> None:
    existing = tmp_path / "yesterday.zip"
    existing.write_bytes(b"yesterday's backup")

    with pytest.raises(BackupError, match="already exists"):
        backup(existing)

    assert existing.read_bytes() == b"yesterday's backup"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".ksd-backup")] == []


# ----- The command line: exit 2 and one clear line -----


def ksd(var: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`ksd` in its own instance: SQLite in `var`, whatever the suite's database."""
    env = {**os.environ, "KSD_VAR_DIR": str(var), "KSD_DB": "sqlite"}
    return subprocess.run(
        [sys.executable, "-m", "ksd", *args], capture_output=True, text=True, env=env,
        timeout=300, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def cli_world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A migrated instance with the demo data, and a backup of it."""
    root = tmp_path_factory.mktemp("cli")
    source = root / "source"
    for command in (("migrate",), ("load_reference_data",), ("load_demo",)):
        assert ksd(source, *command).returncode == 0
    assert ksd(source, "backup", str(root / "backup.zip")).returncode == 0
    return source, root / "backup.zip"


def test_ksd_restore_fills_an_empty_instance_and_refuses_it_the_second_time(
    cli_world: tuple[Path, Path], tmp_path: Path
) -> None:
    _, archive = cli_world

    first = ksd(tmp_path / "target", "restore", str(archive))
    second = ksd(tmp_path / "target", "restore", str(archive))

    assert first.returncode == 0, first.stderr
    assert second.returncode == 2
    assert second.stderr.strip().count("\n") == 0
    assert "kosong" in second.stderr  # "... tidak kosong ..."
    assert "Traceback" not in second.stderr


def _not_an_archive(tmp_path: Path) -> str:
    path = tmp_path / "notes.zip"
    path.write_text("not a zip at all")
    return str(path)


def _a_zip_without_manifest(tmp_path: Path) -> str:
    path = tmp_path / "other.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return str(path)


def _a_newer_format(tmp_path: Path) -> str:
    path = tmp_path / "future.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "ksd-backup", "version": 99}))
    return str(path)


@pytest.mark.parametrize(
    "make_path",
    [
        lambda tmp: str(tmp / "missing.zip"),
        _not_an_archive,
        _a_zip_without_manifest,
        _a_newer_format,
        lambda tmp: str(tmp),  # a folder
        lambda tmp: "/dev/zero",  # a special file: refused, not read forever
    ],
    ids=["missing", "not-a-zip", "zip-without-manifest", "newer-format", "folder", "dev-zero"],
)
def test_ksd_restore_of_a_bad_file_exits_2_with_one_line(tmp_path: Path, make_path: Any) -> None:
    result = ksd(tmp_path / "target", "restore", make_path(tmp_path))

    assert result.returncode == 2
    assert result.stderr.strip()
    assert "\n" not in result.stderr.strip()
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "target",
    ["existing", "missing-folder"],
)
def test_ksd_backup_to_an_unusable_file_exits_2_with_one_line(
    cli_world: tuple[Path, Path], target: str
) -> None:
    source, archive = cli_world
    path = archive if target == "existing" else archive.parent / "no-such-folder" / "b.zip"

    result = ksd(source, "backup", str(path))

    assert result.returncode == 2
    assert result.stderr.strip()
    assert "\n" not in result.stderr.strip()
    assert "Traceback" not in result.stderr

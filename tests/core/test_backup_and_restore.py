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
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError, connections, transaction

from ksd.accounts.demo import load_demo
from ksd.bodies.models import BodyKind
from ksd.bodies.services import MemberSpec, file_report, form_body
from ksd.cooperation.models import Cooperation, Event
from ksd.core.backup import BackupError, backup, extra_database, snapshot, tracked_models
from ksd.core.restore import restore
from ksd.documents.models import DocumentKind
from ksd.documents.services import attach_document
from ksd.regions.models import HolidayOverride, ThirdParty
from ksd.regions.services import record_holiday_override
from regions.records import make_agency, make_head, make_official, power_of_attorney

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
    body = form_body(
        actor=operator, name="Sekretariat Bersama Kartamantul", kind=BodyKind.BADAN,
        decision_number="KB/02/2016", decided_on=dt.date(2016, 2, 1), now=UPLOADED_AT,
        members=[MemberSpec("34.71", "Ir. Suyana", "Asisten Sekretaris Daerah"),
                 MemberSpec("34.04", "Drs. Sutrisna", "Kepala Bappeda")],
    )  # fmt: skip
    file_report(
        body.pk, actor=operator, period="Semester I 2016", submitted_on=dt.date(2016, 7, 1),
        summary="Volume sampah turun 4%.", reported_to=["34.71", "34.04"],
        now=UPLOADED_AT.replace(month=7, day=2),  # a report is filed once it is submitted
    )  # fmt: skip
    head = make_head()
    power_of_attorney(head, make_official(make_agency())).save()
    ThirdParty.objects.create(
        name="Siti Aminah", form=ThirdParty.Form.PERSEORANGAN, nik="3471014101800003"
    )
    reviewers = Group.objects.create(name="Peninjau")
    reviewers.permissions.add(Permission.objects.get(codename="view_event"))
    operator.groups.add(reviewers)


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
    for table in (
        "bodies_bodyreport_reported_to",
        "auth_user_groups",
        "auth_group_permissions",
        "regions_powerofattorney",
        "regions_thirdparty",
        "auditlog_logentry",
        "documents_document",
        "dprd_dprdreview",
    ):
        assert source[table], table
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
def test_the_restored_instance_takes_new_records_after_the_restored_ones(
    var_dir: Path, tmp_path: Path, empty_instance: str
) -> None:
    populate()
    backup(tmp_path / "ksd-backup.zip")
    restore(tmp_path / "ksd-backup.zip", using=empty_instance, storage_root=tmp_path / "docs")
    highest = max(Event.objects.using(empty_instance).values_list("pk", flat=True))
    coop = Cooperation.objects.using(empty_instance).order_by("pk").first()

    new = Event.objects.using(empty_instance).create(
        cooperation=coop, kind=Event._meta.get_field("kind").choices[0][0],
        at=UPLOADED_AT, changes={},
    )  # fmt: skip
    user = User.objects.db_manager(empty_instance).create_user("after-restore")

    assert new.pk > highest
    assert user.pk > max(User.objects.values_list("pk", flat=True))


@pytest.mark.django_db(transaction=True)
def test_a_restore_into_a_populated_instance_is_refused_and_changes_nothing(
    var_dir: Path, tmp_path: Path
) -> None:
    populate()
    backup(tmp_path / "ksd-backup.zip")
    before = rows("default")

    with pytest.raises(BackupError, match="tidak kosong"):
        restore(tmp_path / "ksd-backup.zip", storage_root=tmp_path / "docs")

    assert rows("default") == before
    assert not (tmp_path / "docs").exists()


@pytest.mark.django_db(transaction=True)
def test_a_backup_never_replaces_an_existing_file(var_dir: Path, tmp_path: Path) -> None:
    existing = tmp_path / "yesterday.zip"
    existing.write_bytes(b"yesterday's backup")

    with pytest.raises(BackupError, match="sudah ada"):
        backup(existing)

    assert existing.read_bytes() == b"yesterday's backup"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".ksd-backup")] == []


@pytest.mark.django_db(transaction=True)
def test_the_backup_reads_one_moment_of_the_database_whatever_is_written_meanwhile(
    var_dir: Path,
) -> None:
    """What `backup` reads through `snapshot`: a user added by another connection while the
    snapshot is open is not in it, on either engine."""
    User.objects.create_user("before")
    name = connections["default"].settings_dict["NAME"]

    with snapshot("default") as alias:
        seen_first = list(User.objects.using(alias).values_list("username", flat=True))
        with extra_database("default", name) as other:
            User.objects.db_manager(other).create_user("meanwhile")
        seen_then = list(User.objects.using(alias).values_list("username", flat=True))

    assert seen_first == seen_then == ["before"]
    assert User.objects.filter(username="meanwhile").exists()


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_the_other_engine(var_dir: Path, tmp_path: Path) -> None:
    """SQLite to PostgreSQL or PostgreSQL to SQLite, whichever the suite does not run on."""
    populate()
    source = rows("default")
    backup(tmp_path / "ksd-backup.zip")
    if connections["default"].vendor == "sqlite":
        pytest.skip("SQLite into PostgreSQL: run the suite with KSD_DB=postgres")
    sqlite = {"ENGINE": "ksd.core.sqlite_backend", "OPTIONS": {}, "TEST": {}}

    with extra_database("default", tmp_path / "target.sqlite3", **sqlite) as target:
        restore(tmp_path / "ksd-backup.zip", using=target, storage_root=tmp_path / "docs")
        restored = rows(target)

    assert restored == source


@pytest.mark.django_db(transaction=True)
def test_a_stored_document_missing_from_storage_is_reported_and_the_rest_is_backed_up(
    var_dir: Path, tmp_path: Path
) -> None:
    populate()
    lost = sorted((var_dir / "documents").glob("??/*"))[0]
    lost.unlink()

    made = backup(tmp_path / "ksd-backup.zip")

    assert made.missing == [lost.name]
    assert made.documents == 1
    with zipfile.ZipFile(tmp_path / "ksd-backup.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["missing_documents"] == [lost.name]


def rewritten(archive: Path, tmp_path: Path, change: dict[str, bytes]) -> Path:
    """A copy of `archive` with the members named in `change` replaced."""
    copy = tmp_path / f"altered-{len(list(tmp_path.iterdir()))}.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(copy, "w") as out:
        for item in source.infolist():
            out.writestr(item.filename, change.get(item.filename, source.read(item.filename)))
    return copy


@pytest.mark.django_db(transaction=True)
def test_a_damaged_or_altered_archive_restores_nothing(
    var_dir: Path, tmp_path: Path, empty_instance: str
) -> None:
    populate()
    archive = tmp_path / "ksd-backup.zip"
    backup(archive)
    with zipfile.ZipFile(archive) as source:
        manifest = json.loads(source.read("manifest.json"))
        events = source.read("data/cooperation.event.jsonl")
    sneaky = {**manifest, "documents": [{"sha256": "../escaped", "size": 1}]}
    broken_line = events.replace(b"\n", b"\n[1, 2\n", 1)
    bad_date = events.replace(b'"2016-', b'"2016-13-', 1)

    for change in (
        {"data/cooperation.event.jsonl": broken_line},
        {"data/cooperation.event.jsonl": bad_date},
        {"manifest.json": json.dumps(sneaky).encode()},
    ):
        with pytest.raises(BackupError) as refusal:
            restore(rewritten(archive, tmp_path, change), using=empty_instance,
                    storage_root=tmp_path / "docs")  # fmt: skip
        assert "\n" not in str(refusal.value)
        assert not Event.objects.using(empty_instance).exists()
    assert not (tmp_path.parent / "escaped").exists()


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


def test_ksd_backup_of_an_instance_never_migrated_exits_2_with_one_line(tmp_path: Path) -> None:
    result = ksd(tmp_path / "new", "backup", str(tmp_path / "b.zip"))

    assert result.returncode == 2
    assert "ksd migrate" in result.stderr
    assert "\n" not in result.stderr.strip()
    assert not (tmp_path / "b.zip").exists()

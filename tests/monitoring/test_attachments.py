"""Files attached to a periodic report: stored like the cooperation's documents (by their
SHA-256, never overwritten), downloadable by whoever may see the report and by nobody else,
withdrawn (never replaced) by a correction that keeps the old file, who, when and why. Bad
files get a message in Bahasa Indonesia and change nothing."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import personas
from ksd.cooperation.models import Cooperation
from ksd.core.backup import BackupResult, _write_tables
from ksd.core.errors import StepRefused
from ksd.monitoring import services
from ksd.monitoring.models import Correction, PeriodicReport, ReportAttachment
from monitoring.conftest import TODAY
from monitoring.records import SLEMAN_AGENCY, YK_AGENCY, at
from object_store import moto_endpoint, objects, s3_documents

__all__ = ["moto_endpoint", "s3_documents"]  # fixtures, used by name

D = dt.date
NOW = at(TODAY)
Login = Callable[[User], Client]
PDF = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(17)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(20) + b"\xff\xd9"


def xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("[Content_Types].xml", (2016, 4, 1, 9, 0, 0)), "<Types/>")
        archive.writestr(zipfile.ZipInfo("xl/workbook.xml", (2016, 4, 1, 9, 0, 0)), "<workbook/>")
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "application/octet-stream")


@pytest.fixture(autouse=True)
def var_dir(settings: pytest.FixtureRequest, tmp_path: Path) -> Path:
    settings.VAR_DIR = tmp_path  # type: ignore[attr-defined]
    return tmp_path


def stored_files(var_dir: Path) -> list[str]:
    """The files kept in storage (not the temporary ones, which start with a dot)."""
    root = var_dir / "documents"
    return sorted(p.name for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))


@pytest.fixture
def scheduled(coop: Cooperation) -> Cooperation:
    services.set_schedule(coop.pk, actor=personas.operator_kota_yogyakarta(), period="quarterly",
                          first_due_on=D(2016, 3, 31), now=NOW)  # fmt: skip
    return coop


def monev(coop: Cooperation) -> str:
    return f"/kerja-sama/{coop.pk}/monev/"


def report_post(coop: Cooperation, *files: SimpleUploadedFile) -> dict[str, object]:
    return {
        "agency": coop.implementing_agencies.get(agency_name=YK_AGENCY).pk,
        "due_on": "2016-03-31", "progress": "Koridor 5 beroperasi", "problems": "",
        "benefits": "", "money_spent": "90000000", "submitted_on": "2016-04-05",
        "attachments": list(files),
    }  # fmt: skip


def yk_report(coop: Cooperation, *files: SimpleUploadedFile) -> PeriodicReport:
    facts = services.ReportFacts("Koridor 5 beroperasi", "", "", 90_000_000, D(2016, 4, 5))
    return services.file_report(
        coop.pk, actor=personas.operator_kota_yogyakarta(),
        agency_id=coop.implementing_agencies.get(agency_name=YK_AGENCY).pk,
        due_on=D(2016, 3, 31), facts=facts, now=NOW, uploads=files,
    )  # fmt: skip


def test_the_reporter_attaches_the_report_photos_and_a_spreadsheet_when_filing(
    scheduled: Cooperation, as_user: Login, var_dir: Path
) -> None:  # fmt: skip
    client = as_user(personas.operator_kota_yogyakarta())
    response = client.post(monev(scheduled) + "laporan/", report_post(
        scheduled, upload("Laporan triwulan I.pdf", PDF), upload("halte.jpg", JPEG),
        upload("bus.png", PNG), upload("anggaran.xlsx", xlsx()),
    ))  # fmt: skip
    assert response.status_code == 302
    rows = list(ReportAttachment.objects.order_by("id"))
    assert [(a.original_name, a.content_type) for a in rows] == [
        ("Laporan triwulan I.pdf", "application/pdf"), ("halte.jpg", "image/jpeg"),
        ("bus.png", "image/png"),
        ("anggaran.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ]  # fmt: skip
    assert {a.report for a in rows} == {PeriodicReport.objects.get()}
    # Stored by SHA-256 as the documents are: the name is the content's hash.
    assert stored_files(var_dir) == sorted(a.sha256 for a in rows)
    page = client.get(monev(scheduled)).content.decode()
    for a in rows:
        assert f'href="{monev(scheduled)}lampiran/{a.pk}/"' in page
        assert a.original_name in page


def test_those_who_see_the_report_download_it_and_nobody_else(
    scheduled: Cooperation, as_user: Login
) -> None:  # fmt: skip
    report = yk_report(scheduled, upload("Laporan triwulan I.pdf", PDF))
    (attachment,) = report.attachments.all()
    url = f"{monev(scheduled)}lampiran/{attachment.pk}/"
    for user in (personas.operator_kota_yogyakarta(), personas.operator_sleman(),
                 personas.biro_pemerintahan_diy(), personas.kemendagri()):  # fmt: skip
        response = as_user(user).get(url)
        assert response.status_code == 200, user.username
        assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["Content-Type"] == "application/pdf"
    # Another region, not a party: as if it did not exist; the public: to the login page.
    assert as_user(personas.outsider()).get(url).status_code == 404
    assert Client().get(url).status_code == 302
    # Another cooperation's address does not reach it either.
    assert (
        as_user(personas.kemendagri())
        .get(f"/kerja-sama/{scheduled.pk + 1000}/monev/lampiran/{attachment.pk}/")
        .status_code
        == 404
    )


def test_files_are_attached_later_by_the_reporting_region_only(
    scheduled: Cooperation, as_user: Login, var_dir: Path
) -> None:  # fmt: skip
    report = yk_report(scheduled)
    url = f"{monev(scheduled)}laporan/{report.pk}/lampiran/"
    sleman = as_user(personas.operator_sleman()).post(url, {"attachments": [upload("a.pdf", PDF)]})
    assert sleman.status_code == 400
    assert "operator kerja sama daerahnya sendiri" in sleman.content.decode()
    assert as_user(personas.biro_pemerintahan_diy()).post(
        url, {"attachments": [upload("a.pdf", PDF)]}).status_code == 403  # fmt: skip
    assert ReportAttachment.objects.count() == 0
    assert stored_files(var_dir) == []

    done = as_user(personas.operator_kota_yogyakarta()).post(
        url, {"attachments": [upload("foto.png", PNG)]}
    )
    assert done.status_code == 302
    assert [a.original_name for a in report.attachments.all()] == ["foto.png"]


TOO_BIG = 64


@pytest.mark.parametrize(("name", "content", "message"), [
    ("laporan.pdf", b"", "Berkas ini kosong"),
    ("laporan.pdf", b"MZ\x90\x00 not a pdf", "Hanya berkas PDF, DOCX, XLSX, JPEG, PNG"),
    ("catatan.txt", b"hanya teks", "Hanya berkas PDF, DOCX, XLSX, JPEG, PNG"),
    ("foto.pdf", PNG, "namanya tidak berakhiran .png"),
    ("besar.pdf", PDF + bytes(TOO_BIG), "lebih besar dari"),
    ("\u202egpj.exe", JPEG, "karakter tak terlihat"),
    (".htaccess", PDF, "diawali titik"),
    ("laporan\r\nX-Evil: 1.pdf", PDF, "karakter tak terlihat"),
    ("..\\..\\laporan.pdf", PDF, "folder"),
])  # fmt: skip
def test_a_bad_file_gets_a_message_and_changes_nothing(
    scheduled: Cooperation, var_dir: Path, monkeypatch: pytest.MonkeyPatch, name: str,
    content: bytes, message: str,
) -> None:  # fmt: skip
    monkeypatch.setattr("ksd.documents.storage.MAX_BYTES", len(PDF) + TOO_BIG - 1)
    monkeypatch.setattr("ksd.documents.storage.MAX_MEGABYTES", 1)
    good = upload("baik.pdf", PDF + b"% baik\n")
    with pytest.raises(StepRefused, match=message):
        yk_report(scheduled, good, upload(name, content))
    assert PeriodicReport.objects.count() == ReportAttachment.objects.count() == 0
    # Not even the good file is kept: every file is checked before any is stored.
    assert stored_files(var_dir) == []


def test_a_bad_file_on_the_form_is_named_and_the_report_is_not_recorded(
    scheduled: Cooperation, as_user: Login, var_dir: Path
) -> None:  # fmt: skip
    response = as_user(personas.operator_kota_yogyakarta()).post(
        monev(scheduled) + "laporan/",
        report_post(scheduled, upload("laporan.pdf", PDF), upload("catatan.txt", b"teks")),
    )
    assert response.status_code == 400
    assert "catatan.txt: Hanya berkas PDF, DOCX, XLSX, JPEG, PNG" in response.content.decode()
    assert PeriodicReport.objects.count() == ReportAttachment.objects.count() == 0
    assert stored_files(var_dir) == []


def test_too_many_files_at_once_are_refused(scheduled: Cooperation) -> None:
    files = [upload(f"foto-{i}.png", PNG + bytes([i])) for i in range(11)]
    with pytest.raises(StepRefused, match="paling banyak 10 berkas"):
        yk_report(scheduled, *files)
    assert PeriodicReport.objects.count() == 0


def test_a_wrong_file_is_withdrawn_with_a_reason_and_stays_kept(
    scheduled: Cooperation, as_user: Login, var_dir: Path
) -> None:  # fmt: skip
    report = yk_report(scheduled, upload("laporan-salah.pdf", PDF))
    (wrong,) = report.attachments.all()
    yk = as_user(personas.operator_kota_yogyakarta())
    url = f"{monev(scheduled)}lampiran/{wrong.pk}/tarik/"
    # Without a reason, or by another region: refused, nothing changes.
    assert yk.post(url, {"reason": ""}).status_code == 400
    assert as_user(personas.operator_sleman()).post(url, {"reason": "salah"}).status_code == 400
    assert Correction.objects.count() == 0

    assert yk.post(url, {"reason": "Berkas triwulan II terunggah keliru"}).status_code == 302
    wrong.refresh_from_db()
    correction = Correction.objects.get()
    assert wrong.withdrawal == correction
    assert (correction.report, correction.field, correction.reason, correction.by) == (
        report, "attachment", "Berkas triwulan II terunggah keliru",
        personas.operator_kota_yogyakarta())  # fmt: skip
    assert correction.old_value == f"laporan-salah.pdf (SHA-256 {wrong.sha256})"
    assert yk.post(url, {"reason": "lagi"}).status_code == 400  # already withdrawn
    # The right file comes as a new attachment; the wrong one is still kept and listed.
    yk.post(f"{monev(scheduled)}laporan/{report.pk}/lampiran/",
            {"attachments": [upload("laporan.pdf", PDF + b"% benar\n")]})  # fmt: skip
    assert [a.original_name for a in report.attachments.all()] == [
        "laporan-salah.pdf", "laporan.pdf"]  # fmt: skip
    assert len(stored_files(var_dir)) == 2
    page = as_user(personas.biro_pemerintahan_diy()).get(monev(scheduled)).content.decode()
    assert "<del>" in page
    assert "Berkas triwulan II terunggah keliru" in page
    assert yk.get(f"{monev(scheduled)}lampiran/{wrong.pk}/").status_code == 200


def test_the_same_bytes_twice_are_stored_once(scheduled: Cooperation, var_dir: Path) -> None:
    yk_report(scheduled, upload("foto.png", PNG), upload("foto lagi.png", PNG))
    assert ReportAttachment.objects.count() == 2
    assert len(stored_files(var_dir)) == 1


def test_the_page_reads_attachments_in_the_same_number_of_queries(
    scheduled: Cooperation, as_user: Login
) -> None:  # fmt: skip
    client = as_user(personas.biro_pemerintahan_diy())
    yk_report(scheduled, upload("a.pdf", PDF))

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(monev(scheduled)).status_code == 200
        return len(queries)

    small = count()
    sleman = personas.operator_sleman()
    facts = services.ReportFacts("Jalan", "", "", 0, D(2016, 4, 6))
    services.file_report(
        scheduled.pk, actor=sleman, now=NOW, due_on=D(2016, 3, 31), facts=facts,
        agency_id=scheduled.implementing_agencies.get(agency_name=SLEMAN_AGENCY).pk,
        uploads=[upload(f"foto-{i}.png", PNG + bytes([i])) for i in range(5)],
    )  # fmt: skip
    assert count() == small


def test_a_backup_keeps_the_attached_files(scheduled: Cooperation, tmp_path: Path) -> None:
    report = yk_report(scheduled, upload("a.pdf", PDF), upload("b.png", PNG))
    with zipfile.ZipFile(tmp_path / "b.zip", "w") as archive:
        _manifest, hashes = _write_tables(archive, "default", BackupResult(tmp_path / "b.zip"))
    assert {a.sha256 for a in report.attachments.all()} <= set(hashes)


def test_with_an_object_store_the_file_lands_in_the_bucket_and_downloads_from_it(
    scheduled: Cooperation, as_user: Login, var_dir: Path, s3_documents: str, moto_endpoint: str
) -> None:  # fmt: skip
    report = yk_report(scheduled, upload("foto.png", PNG))
    (attachment,) = report.attachments.all()
    digest = attachment.sha256
    assert objects(moto_endpoint, s3_documents) == {f"documents/{digest[:2]}/{digest}": PNG}
    assert stored_files(var_dir) == []
    response = as_user(personas.biro_pemerintahan_diy()).get(
        f"{monev(scheduled)}lampiran/{attachment.pk}/"
    )
    assert b"".join(response.streaming_content) == PNG  # type: ignore[attr-defined]

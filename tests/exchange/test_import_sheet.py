"""A 5,000-row sheet of existing agreements with mixed errors: every row checked with its row,
column and message in Bahasa Indonesia, nothing written before confirmation, only the valid
rows imported as valid records, and a second import of the same file changes nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from django.contrib.auth.models import User

from ksd.cooperation.law import assessment_for
from ksd.cooperation.models import Cooperation, Event, EventKind, Party, Stage
from ksd.dprd.models import DprdReview
from ksd.exchange.importing import batches
from ksd.exchange.models import ImportBatch

from .sheets import NOW, TODAY, good_row, sheet_bytes

ROWS = 5000


def _row(i: int) -> dict[str, Any]:
    n = i + 1
    kind = i % 10
    if kind == 0:
        return good_row(n, initiator="99.99")
    if kind == 1:
        return good_row(n, signed_on="02/03/2015")
    if kind == 2:
        return good_row(n, title='=CONCATENATE("a","b")')
    if kind == 3:
        return good_row(n, status="berakhir")
    if kind == 4:
        return good_row(n, signed_on=dt.date(2014, 12, 1))
    if kind == 5:  # signed before PP 50/2007 and still running
        return good_row(n, offered_on=dt.date(2005, 3, 1), joint_agreement_signed_on=None,
                        signed_on=dt.date(2005, 6, 1), regions="Kabupaten Bantul",
                        term_years=30, status="")  # fmt: skip
    if kind == 6:  # under PP 28/2018 with a company, being implemented
        return good_row(n, regions="", third_parties="PT Bersih Jaya | perseroan_terbatas",
                        offered_on=dt.date(2019, 2, 1), joint_agreement_signed_on=None,
                        signed_on=dt.date(2019, 8, 1), status="dilaksanakan",
                        implementation_started_on=dt.date(2019, 9, 2))  # fmt: skip
    if kind == 7:  # under PP 50/2007, ended, with Sleman's DPRD approval on record
        return good_row(n, offered_on=dt.date(2009, 1, 5), joint_agreement_signed_on=None,
                        signed_on=dt.date(2009, 6, 1), term_years=5,
                        dprd="34.04=2009-03-02/2009-04-20", status="berakhir")  # fmt: skip
    if kind == 8:  # the agreement of three rows above, again
        return _row(i - 3)
    return good_row(n, regions="", third_parties="CV Maju | persekutuan")


@pytest.fixture
def sheet() -> bytes:
    return sheet_bytes([_row(i) for i in range(ROWS)])


def _errors_of(batch: ImportBatch, row: int) -> list[list[str]]:
    return next(r["errors"] for r in batch.results if r["row"] == row)


@pytest.mark.usefixtures("reference_loaded")
def test_a_5000_row_sheet_with_mixed_errors(sheet: bytes) -> None:
    admin = User.objects.create_user("admin_impor", is_superuser=True, is_staff=True)
    batch = batches.start(sheet, file_name="daftar.xlsx", user=admin, region=None, now=NOW)
    steps = 0
    while batch.status == ImportBatch.Status.CHECKING:
        batch = batches.advance(batch.pk, today=TODAY, now=NOW)
        steps += 1
    assert steps == ROWS // batches.CHUNK  # in chunks: progress is visible between them
    assert Cooperation.objects.count() == 0  # the preview writes nothing

    states = Counter(r["state"] for r in batch.results)
    assert batch.total_rows == ROWS
    assert states == {"valid": 1500, "error": 3500}
    assert _errors_of(batch, 2) == [
        ["Daerah pemrakarsa", "Daerah “99.99” tidak dikenal: tulis kode Kemendagri-nya "
         "(misalnya 34.71) atau namanya yang persis."]
    ]  # fmt: skip
    assert _errors_of(batch, 3) == [
        ["Tanggal penandatanganan", "“02/03/2015” bukan tanggal. Gunakan sel bertipe tanggal, "
         "atau teks berformat TTTT-BB-HH (misalnya 2015-03-02)."]
    ]  # fmt: skip
    [[column, message]] = _errors_of(batch, 4)
    assert column == "Judul"
    assert message.startswith("Sel ini berisi rumus (=CONCATENATE(")
    [[column, message]] = _errors_of(batch, 5)
    assert (column, message[:24]) == ("Status", "Status “berakhir” memerl")
    [[column, message]] = _errors_of(batch, 6)
    assert column == "Tanggal penandatanganan"
    assert "(1 Desember 2014) mendahului penawaran yang tercatat pada 5 Januari 2015" in message
    assert _errors_of(batch, 10) == [
        ["Nomor perjanjian", "Perjanjian yang sama (34.71, nomor PKS/6/2015) sudah ada di baris 7."]
    ]
    [[column, message]] = _errors_of(batch, 11)
    assert column == "Pihak ketiga"
    assert message.startswith("Bentuk hukum “persekutuan” tidak dikenal")

    batch = batches.confirm(batch.pk, now=NOW)
    batch = batches.run_to_end(batch, today=TODAY, now=NOW)
    assert batch.status == ImportBatch.Status.DONE
    assert batch.imported_rows == 1500
    assert Cooperation.objects.count() == 1500

    imported = Event.objects.filter(kind=EventKind.IMPORTED)
    assert imported.count() == 1500
    event = imported.select_related("cooperation").order_by("id").first()
    assert event is not None
    assert event.actor == admin
    assert event.changes["file"] == "daftar.xlsx"

    # Valid records: the regulation by date, the stage by dates, DPRD tracks where given.
    before = Cooperation.objects.get(agreement_number="PKS/6/2015")
    assert (before.regime, before.stage, before.offered_on) == (
        "pp50-2007", Stage.SIGNED, dt.date(2005, 3, 1))  # fmt: skip
    assert "agreement_before_pp50" in {f.code for f in assessment_for(before, as_of=TODAY).findings}
    assert Party.objects.filter(cooperation=before, region_id="34.02").exists()
    company = Cooperation.objects.get(agreement_number="PKS/7/2015")
    assert (company.regime, company.stage, company.kind) == (
        "pp28-2018", Stage.IMPLEMENTING, "third_party")  # fmt: skip
    ended = Cooperation.objects.get(agreement_number="PKS/8/2015")
    assert (ended.stage, ended.ends_on) == (Stage.EXPIRED, dt.date(2014, 5, 31))
    assert DprdReview.objects.get(cooperation=ended).approved_on == dt.date(2009, 4, 20)
    assert DprdReview.objects.count() == 500  # only where the sheet gives them

    # The same file again: every valid row is already recorded, nothing is written twice.
    again = batches.start(sheet, file_name="daftar.xlsx", user=admin, region=None, now=NOW)
    again = batches.run_to_end(again, today=TODAY, now=NOW)
    assert Counter(r["state"] for r in again.results) == {"present": 1500, "error": 3500}
    assert Cooperation.objects.count() == 1500

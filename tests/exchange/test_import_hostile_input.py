"""Hostile or careless files are refused with a clear message and nothing kept: not an xlsx, a
zip that inflates far beyond its size, a million rows, formulas, dates as text, wrong codes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from ksd.cooperation.models import Cooperation
from ksd.exchange.importing import batches
from ksd.exchange.importing.reader import MAX_ROWS, SheetRefused, read_sheet
from ksd.exchange.models import ImportBatch

from .sheets import NOW, TODAY, good_row, sheet_bytes


def _refusal(data: bytes) -> str:
    with pytest.raises(SheetRefused) as refused:
        read_sheet(data)
    return str(refused.value)


def _workbook_with_sheet_xml(sheet_xml_parts: object, *, level: int = 1) -> bytes:
    """A minimal xlsx whose only worksheet is written from `sheet_xml_parts` (an iterable of
    byte strings), streamed into the zip so a huge sheet costs little memory."""
    template = io.BytesIO(sheet_bytes([good_row(1)]))
    out = io.BytesIO()
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target,
    ):
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with target.open(info.filename, "w", force_zip64=True) as sheet:
                    for part in sheet_xml_parts:  # type: ignore[attr-defined]
                        sheet.write(part)
            else:
                target.writestr(info, source.read(info.filename))
    return out.getvalue()


def _rows_xml(count: int) -> object:
    yield (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
           b'.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
           b'Nomor perjanjian</t></is></c><c r="B1" t="inlineStr"><is><t>Judul</t></is></c>'
           b'<c r="C1" t="inlineStr"><is><t>Daerah pemrakarsa</t></is></c><c r="D1" t="inlineStr">'
           b'<is><t>Tanggal penandatanganan</t></is></c></row>')  # fmt: skip
    block = []
    for n in range(2, count + 2):
        block.append(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n))
        if len(block) == 10_000:
            yield b"".join(block)
            block = []
    yield b"".join(block) + b"</sheetData></worksheet>"


def test_a_file_that_is_not_an_xlsx_is_refused() -> None:
    message = _refusal(b"Nomor perjanjian;Judul\nPKS/1;Sampah\n")
    assert message.startswith("Berkas ini bukan buku kerja Excel (.xlsx).")
    # A zip that is not a workbook (a .docx renamed, say) is no better.
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert _refusal(other.getvalue()).startswith("Berkas ini bukan buku kerja Excel")


def test_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    bomb = _workbook_with_sheet_xml([b" " * (8 * 1024 * 1024)] * 10, level=9)
    assert len(bomb) < 1024 * 1024  # a small upload ...
    message = _refusal(bomb)  # ... that would inflate to 80 MB
    assert message.startswith("Buku kerja ini mengembang menjadi lebih dari 64 MB")


TOO_MANY = (
    "Lembar ini memuat lebih dari 10.000 baris perjanjian; pecah menjadi berkas berisi paling "
    "banyak 10.000 baris."
)


def test_a_million_rows_are_refused_with_the_limit_named() -> None:
    # Refused by counting its rows in the zip stream, before any XML parser reads it.
    assert _refusal(_workbook_with_sheet_xml(_rows_xml(1_000_000))) == TOO_MANY
    # Just past the limit, the sheet is read up to the limit and refused there.
    assert _refusal(_workbook_with_sheet_xml(_rows_xml(MAX_ROWS + 1))) == TOO_MANY


def test_a_sheet_without_the_template_headers_is_refused() -> None:
    data = sheet_bytes([good_row(1)], headers=["Judul", "Tanggal penandatanganan"])
    assert _refusal(data).startswith(
        "Baris 1 harus berisi judul kolom templat; yang tidak ada: “Nomor perjanjian”, "
        "“Daerah pemrakarsa”."
    )


@pytest.mark.usefixtures("reference_loaded")
def test_formulas_text_dates_and_wrong_codes_are_row_errors_and_nothing_is_written() -> None:
    rows = [
        good_row(1, term_years="=10*2"),
        good_row(2, signed_on="1 April 2015", ends_on="31/03/2035"),
        good_row(3, initiator="3471", regions="34.04; Kota Atlantis"),
        good_row(4, signed_on="2015-04-01"),  # ISO text is a date as good as a date cell
        good_row(
            5,
            initiator="Kabupaten Sleman",
            regions="Kota Yogyakarta",
            signed_on=dt.date(2999, 1, 1),
        ),
    ]
    batch = batches.start(sheet_bytes(rows), file_name="x.xlsx", user=None, region=None, now=NOW)
    batch = batches.run_to_end(batch, today=TODAY, now=NOW)
    errors = {r["row"]: r["errors"] for r in batch.results}
    assert errors[2] == [[
        "Jangka waktu (tahun)",
        "Sel ini berisi rumus (=10*2); KSD hanya menerima nilai. Salin kolomnya lalu tempel "
        "sebagai nilai.",
    ]]  # fmt: skip
    assert [c for c, _m in errors[3]] == ["Tanggal penandatanganan", "Berlaku sampai"]
    assert errors[3][0][1].startswith("“1 April 2015” bukan tanggal.")
    assert [c for c, _m in errors[4]] == ["Daerah pemrakarsa", "Daerah mitra"]
    assert "“Kota Atlantis” tidak dikenal" in errors[4][1][1]
    assert errors[5] == []
    assert [c for c, _m in errors[6]] == ["Tanggal penandatanganan"]
    assert "2999" in errors[6][0][1]
    assert Cooperation.objects.count() == 0
    assert batch.status == ImportBatch.Status.CHECKED

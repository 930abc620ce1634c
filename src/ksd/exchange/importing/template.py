"""The empty import template: the agreement sheet with its headers, and the instructions."""

from __future__ import annotations

from django.utils import translation

from ksd.exchange.columns import COLUMNS, STATUSES
from ksd.exchange.importing.reader import MAX_ROWS, SHEET_NAME
from ksd.exchange.importing.rows import FORMS
from ksd.regions.models import Affair


def template_bytes() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from ksd.exchange.exporting.xlsx import workbook_bytes

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_NAME
    sheet.append([c.header for c in COLUMNS if c.imported])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(14, len(str(cell.value)) + 2)
    sheet.freeze_panes = "A2"
    # The instructions are in Indonesian, the language of the sheet's headers.
    with translation.override("id"):
        guide = book.create_sheet("Petunjuk")
        guide.append(["Kolom", "Wajib", "Isi"])
        for cell in guide[1]:
            cell.font = Font(bold=True)
        for column in COLUMNS:
            if not column.imported:
                continue
            text = str(column.help)
            if "%(forms)s" in text:
                text = text % {"forms": ", ".join(FORMS)}
            if "%(statuses)s" in text:
                text = text % {"statuses": ", ".join(STATUSES)}
            guide.append([column.header, "ya" if column.required else "", text])
        guide.append([])
        for line in _notes():
            guide.append([line])
        guide.column_dimensions["A"].width = 30
        guide.column_dimensions["C"].width = 110
    affairs = book.create_sheet("Urusan")
    affairs.append(["Kode", "Nama"])
    for code, name in Affair.objects.order_by("position").values_list("code", "name"):
        affairs.append([code, name])
    return workbook_bytes(book)


def _notes() -> list[str]:
    return [
        "Satu baris untuk satu perjanjian yang sudah ditandatangani; baris pertama berisi judul "
        "kolom dan tidak boleh diubah.",
        f"Paling banyak {MAX_ROWS:,} baris per berkas.".replace(",", "."),
        "Tanggal: sel bertipe tanggal, atau teks berformat TTTT-BB-HH (misalnya 2015-03-02).",
        "Rumus tidak diterima: salin kolomnya lalu tempel sebagai nilai.",
        "Perjanjian sebelum PP 50/2007 (sebelum 22 Agustus 2007) yang masih berjalan boleh "
        "dimuat; KSD mencatatnya menurut PP 50/2007 Pasal 26-27.",
        "Baris yang nomornya sudah tercatat untuk daerah pemrakarsa yang sama dilewati, jadi "
        "berkas yang sama boleh dimuat ulang.",
    ]

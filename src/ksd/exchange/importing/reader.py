"""Reading an uploaded agreement sheet without trusting it.

An XLSX file is a zip of XML parts. Before openpyxl opens it, the zip's own directory is checked:
a file that is not a zip or has no workbook is refused, and so is one whose parts would unpack
to more than MAX_UNPACKED_BYTES (a "zip bomb": a small file that inflates to gigabytes). openpyxl
then reads it in read-only mode, row by row, with defusedxml guarding the XML parser, and the
reading stops at the first row past MAX_ROWS. Cells are kept as plain JSON values; a formula is
kept as a formula so the check can refuse it (its value would be whatever Excel last computed).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from ksd.exchange.columns import COLUMNS, REQUIRED

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_PARTS = 2000
MAX_ROWS = 10_000
MAX_CELL_CHARS = 2000
SHEET_NAME = "Kerja sama"

# Rows a worksheet part may hold before openpyxl is let near it: openpyxl parses a whole sheet
# without a <dimension> to size it, so a million tiny rows would cost a minute of CPU.
MAX_ROW_ELEMENTS = 2 * MAX_ROWS
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")

Cell = None | str | int | float | bool | dict[str, str]


class SheetRefused(Exception):  # noqa: N818 - named for what the user sees, as StepRefused
    """The whole file is refused; the message says why, in the user's language."""


@dataclass
class Sheet:
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)


def _check_zip(data: bytes) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise SheetRefused(
            _("The file is larger than %(max)d MB; split it into several files.")
            % {"max": MAX_FILE_BYTES // (1024 * 1024)}
        )
    not_xlsx = _(
        "This file is not an Excel workbook (.xlsx). Save the sheet as “Excel Workbook (.xlsx)” "
        "and upload it again."
    )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise SheetRefused(not_xlsx)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            names = {p.filename for p in parts}
            if "xl/workbook.xml" not in names:
                raise SheetRefused(not_xlsx)
            if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED_BYTES:
                raise SheetRefused(
                    _("The workbook unpacks to more than %(max)d MB, far more than an agreement "
                      "list needs; it was not read. Keep only the agreement sheet and save it "
                      "again.") % {"max": MAX_UNPACKED_BYTES // (1024 * 1024)}
                )  # fmt: skip
            for part in parts:
                if part.filename.startswith("xl/worksheets/") and _too_many_rows(archive, part):
                    raise SheetRefused(_too_many_message())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error):
        raise SheetRefused(not_xlsx) from None


def _too_many_rows(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> bool:
    """Whether a worksheet part holds more row elements than MAX_ROW_ELEMENTS, counted in a
    stream of its bytes; a tag cut by a chunk's end may be missed, which the margin of
    MAX_ROW_ELEMENTS over MAX_ROWS absorbs."""
    count = 0
    with archive.open(part) as stream:
        while chunk := stream.read(1 << 20):
            count += len(_ROW_TAG.findall(chunk))
            if count > MAX_ROW_ELEMENTS:
                return True
    return False


def _too_many_message() -> str:
    return _(
        "The sheet has more than %(max)s rows of agreements; split it into files of at most "
        "%(max)s rows."
    ) % {"max": f"{MAX_ROWS:,}".replace(",", ".")}


def _cell(cell: Any) -> Cell:
    value = cell.value
    if value is None:
        return None
    if cell.data_type == "f":
        return {"f": str(value)[:MAX_CELL_CHARS]}
    if cell.data_type == "e":
        return {"e": str(value)[:50]}
    if isinstance(value, dt.datetime):
        return {"d": value.date().isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    if isinstance(value, bool | int | float):
        return value
    return str(value).strip()[:MAX_CELL_CHARS] or None


def read_sheet(data: bytes) -> Sheet:
    """The agreement rows of an uploaded workbook, or SheetRefused."""
    _check_zip(data)
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on a damaged file; all mean the same here
        raise SheetRefused(
            _("The workbook could not be read; it may be damaged. Open it in a spreadsheet "
              "program, save it as .xlsx and upload it again.")
        ) from None  # fmt: skip
    try:
        return _rows(book)
    except SheetRefused:
        raise
    except Exception:
        raise SheetRefused(
            _("The workbook could not be read; it may be damaged. Open it in a spreadsheet "
              "program, save it as .xlsx and upload it again.")
        ) from None  # fmt: skip
    finally:
        book.close()


def _rows(book: Any) -> Sheet:
    sheet = book[SHEET_NAME] if SHEET_NAME in book.sheetnames else book.worksheets[0]
    too_many = _too_many_message()
    rows = sheet.iter_rows()
    header_row = next(rows, None)
    headers = {}
    for index, cell in enumerate(header_row or ()):
        if isinstance(cell.value, str):
            headers[cell.value.strip().casefold()] = index
    missing = [c.header for c in REQUIRED if c.header.casefold() not in headers]
    if missing:
        raise SheetRefused(
            _("Row 1 must hold the column headers of the template; missing: %(columns)s. "
              "Download the template and copy the agreements into it.")
            % {"columns": ", ".join(f"“{m}”" for m in missing)}
        )  # fmt: skip
    wanted = {
        c.key: headers[c.header.casefold()]
        for c in COLUMNS
        if c.imported and c.header.casefold() in headers
    }
    found = Sheet()
    for number, row in enumerate(rows, start=2):
        cells = {key: _cell(row[i]) if i < len(row) else None for key, i in wanted.items()}
        if all(v is None for v in cells.values()):
            continue
        if len(found.rows) >= MAX_ROWS:
            raise SheetRefused(too_many)
        # Read-only rows carry their own number; the count is the fallback for empty cells.
        at = next((c.row for c in row if getattr(c, "row", None)), number)
        found.rows.append((at, cells))
    if not found.rows:
        raise SheetRefused(_("The sheet holds no agreement below its header row."))
    return found

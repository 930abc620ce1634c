"""The scorecard table as CSV or XLSX: a few lines naming the method version, the year and the
day of the figures, then one row per region with its figures and ranks. A share with no data
is an empty cell, never 0."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from ksd.oversight.scorecard import METHOD_VERSION, RANKED, Period, Rank, Row, Share

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def preamble(period: Period) -> list[list[Any]]:
    return [
        [_("Regional cooperation scorecard"), period.year],
        [_("Method version"), METHOD_VERSION],
        [_("Figures as of"), period.on.isoformat()],
        [_("Method"), "docs/scorecard.md"],
        [],
    ]


def headers() -> list[str]:
    names = [
        _("Code"), _("Region"), _("Level"), _("Province"), _("Flags"),
        _("Cooperation in force"), _("Signed in the year"),
        _("Stalled"), _("In progress"), _("Stalled (%)"),
        _("DPRD decided in time"), _("DPRD decisions with a time limit"), _("DPRD in time (%)"),
        _("DPRD decisions without a time limit"),
        _("Reports on time"), _("Reports due"), _("Reports on time (%)"),
        _("Disputes raised"), _("Disputes settled"),
    ]  # fmt: skip
    for metric in RANKED:
        names.append(_("Rank in the province: %(metric)s") % {"metric": metric.label})
        names.append(_("Rank in the country: %(metric)s") % {"metric": metric.label})
    return names


def _percent(share: Share) -> int | None:
    return share.percent


def _rank(rank: Rank | None) -> str:
    return "" if rank is None else f"{rank.position}/{rank.of}"


def values(row: Row) -> list[Any]:
    cells: list[Any] = [
        row.code, row.name, row.level, row.province_name, ", ".join(row.flag_values),
        row.active, row.signed,
        row.stalled.met, row.stalled.total, _percent(row.stalled),
        row.dprd.met, row.dprd.total, _percent(row.dprd), row.dprd_no_deadline,
        row.reports.met, row.reports.total, _percent(row.reports),
        row.disputes_opened, row.disputes_settled,
    ]  # fmt: skip
    for metric in RANKED:
        cells.append(_rank(row.province_ranks.get(metric.key)))
        cells.append(_rank(row.national_ranks.get(metric.key)))
    return cells


def _text(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_lines(rows: list[Row], period: Period) -> Iterator[str]:
    """UTF-8 with a byte-order mark, which spreadsheet programs read as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for line in preamble(period):
        writer.writerow([_text(v) for v in line])
    writer.writerow(headers())
    yield "\ufeff" + buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_text(v) for v in values(row)])
        yield buffer.getvalue()


def xlsx_bytes(rows: list[Row], period: Period) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Scorecard")[:31])

    def cells(line: list[Any]) -> list[Any]:
        out = []
        for value in line:
            cell = WriteOnlyCell(sheet, value=None if value == "" else value)
            if isinstance(value, str) and value:
                cell.data_type = "s"  # text, even when it starts with "=": never a formula
            out.append(cell)
        return out

    for line in preamble(period):
        sheet.append(cells(line))
    sheet.append(cells(headers()))
    for row in rows:
        sheet.append(cells(values(row)))
    raw = io.BytesIO()
    book.save(raw)
    return raw.getvalue()

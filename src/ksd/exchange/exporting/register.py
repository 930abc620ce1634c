"""The register as a sheet: one row per cooperation in the columns of the import template
(exchange/columns.py), so an exported register imports again unchanged.

Rows come from the register's own query (cooperation/queries.py register), which starts from
the access door: a user exports exactly what the register shows them, with its filters.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet

from ksd.cooperation.models import Cooperation, Party, Stage
from ksd.dprd.models import DprdReview
from ksd.exchange.columns import COLUMNS, HEADERS, STATUS_WORDS
from ksd.law.regimes import INFO, Regime

MAX_XLSX_ROWS = 10_000  # what the import reads back in one file
CHUNK = 1000
PP50_FROM = INFO[Regime.PP50_2007].in_force_from


def export_rows(rows: QuerySet[Cooperation], sort: str) -> QuerySet[Cooperation]:
    """`rows` in the register's order, ties broken by number and title so that the order does
    not depend on the database's ids, with what the columns read in a fixed number of queries
    per chunk."""
    return (
        rows.select_related("affair")
        .prefetch_related(None)  # the register's own prefetch, replaced by the one below
        .prefetch_related(
            Prefetch("parties", queryset=Party.objects.select_related("region").order_by("id")),
            Prefetch("dprd_reviews", queryset=DprdReview.objects.order_by("region_id")),
        )
        .order_by(sort, "agreement_number", "title", "id")
    )


def _region(party: Party) -> str:
    return f"{party.region_id} — {party.region.name}" if party.region else str(party.region_id)


def regulation_label(cooperation: Cooperation) -> str:
    """The regulation the record cites; an agreement made before PP 50/2007 keeps that label
    (PP 50/2007 Pasal 26)."""
    label = INFO[Regime(cooperation.regime)].regulation
    if cooperation.governing_on < PP50_FROM:
        return f"Sebelum PP 50/2007 (dinilai dengan {label} Pasal 26-27)"
    return label


def values(cooperation: Cooperation) -> dict[str, Any]:
    """The row of one cooperation: text, whole numbers and dates."""
    parties = list(cooperation.parties.all())
    initiator = next((p for p in parties if p.region_id == cooperation.initiator_id), None)
    regions = [p for p in parties if p.region_id and p is not initiator]
    third = [p for p in parties if not p.region_id]
    tracks = []
    for review in cooperation.dprd_reviews.all():
        decided = review.approved_on or review.deemed_approved_on
        if decided:
            tracks.append(f"{review.region_id}={review.received_on}/{decided}")
    stage = cooperation.stage
    return {
        "agreement_number": cooperation.agreement_number,
        "title": cooperation.title,
        "initiator": _region(initiator) if initiator else cooperation.initiator_id or "",
        "regions": "; ".join(_region(p) for p in regions),
        "third_parties": "; ".join(
            f"{p.third_party_name} | {p.third_party_form or p.foreign_kind}" for p in third
        ),
        "affair": cooperation.affair.code if cooperation.affair else "",
        "sector": cooperation.sector,
        "offer_number": cooperation.offer_number,
        "offered_on": cooperation.offered_on,
        "joint_agreement_number": cooperation.joint_agreement_number,
        "joint_agreement_signed_on": cooperation.joint_agreement_signed_on,
        "signed_on": cooperation.signed_on,
        "starts_on": cooperation.starts_on,
        "term_years": cooperation.term_years,
        "ends_on": cooperation.ends_on,
        "status": STATUS_WORDS.get(stage) or str(Stage(stage).label),
        "implementation_started_on": cooperation.implementation_started_on
        if stage == Stage.IMPLEMENTING
        else None,
        "dprd": "; ".join(tracks),
        "published": "ya" if cooperation.is_published else "tidak",
        "regulation": regulation_label(cooperation),
    }


# A CSV cell starting with one of these is run as a formula by spreadsheet programs (CSV
# injection): such text is written behind an apostrophe, which they show as plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Cooperation]) -> Iterator[str]:
    """The CSV, line by line (UTF-8 with a byte-order mark, which spreadsheet programs read as
    UTF-8), for a streaming response: memory stays flat however many rows."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(HEADERS)
    for cooperation in rows:
        row = values(cooperation)
        yield writer.writerow([_text(row[c.key]) for c in COLUMNS])


def xlsx_bytes(rows: Iterable[Cooperation]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from ksd.exchange.exporting.xlsx import workbook_bytes

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Kerja sama")
    sheet.append(list(HEADERS))
    for cooperation in rows:
        row = values(cooperation)
        cells = []
        for column in COLUMNS:
            value = row[column.key]
            cell = WriteOnlyCell(sheet, value=None if value == "" else value)
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, str) and value:
                cell.data_type = "s"  # text, even when it starts with "=": never a formula
            cells.append(cell)
        sheet.append(cells)
    return workbook_bytes(book)

"""Agreement sheets built in the tests, as a spreadsheet program would save them."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from openpyxl import Workbook

from ksd.exchange.columns import BY_KEY, COLUMNS

NOW = dt.datetime(2026, 1, 5, 2, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 1, 5)


def sheet_bytes(rows: list[dict[str, Any]], *, headers: list[str] | None = None) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Kerja sama")
    heads = headers or [c.header for c in COLUMNS if c.imported]
    sheet.append(heads)
    keys = [next(c.key for c in COLUMNS if c.header == h) for h in heads]
    for row in rows:
        sheet.append([row.get(k) for k in keys])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def good_row(n: int, **changes: Any) -> dict[str, Any]:
    """A valid agreement of Kota Yogyakarta and Sleman, signed in 2015 for ten years."""
    row: dict[str, Any] = {
        "agreement_number": f"PKS/{n}/2015",
        "title": f"Kerja sama pengelolaan sampah {n}",
        "initiator": "34.71",
        "regions": "34.04",
        "offered_on": dt.date(2015, 1, 5),
        "joint_agreement_number": f"KB/{n}/2015",
        "joint_agreement_signed_on": dt.date(2015, 2, 2),
        "signed_on": dt.date(2015, 4, 1),
        "term_years": 20,
        "status": "ditandatangani",
        "published": "ya",
    }
    row.update(changes)
    return row


def header(key: str) -> str:
    return BY_KEY[key].header

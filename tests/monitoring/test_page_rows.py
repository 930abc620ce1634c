"""A cooperation's monev page lists each agency's latest report dates and every late one; the
rest on request (`?laporan=semua`), so a long-running cooperation's page stays short."""

from __future__ import annotations

import datetime as dt

from ksd.monitoring.page import SHOWN_SLOTS, AgencyRow, Slot


def _row(statuses: list[str]) -> AgencyRow:
    start = dt.date(2010, 3, 31)
    row = AgencyRow(agency=None)  # type: ignore[arg-type]
    row.slots = [Slot(start + dt.timedelta(days=91 * i), s, None) for i, s in enumerate(statuses)]
    return row


def test_the_latest_dates_and_every_late_one_are_listed() -> None:
    statuses = ["submitted"] * 30
    statuses[3] = "late"
    statuses[-1] = "due"
    row = _row(statuses)
    shown = row.shown(every=False)
    assert len(shown) == SHOWN_SLOTS + 1
    assert shown[0] is row.slots[3]
    assert shown[1:] == row.slots[-SHOWN_SLOTS:]
    assert row.shown(every=True) == row.slots


def test_a_short_history_is_listed_whole() -> None:
    row = _row(["submitted"] * SHOWN_SLOTS)
    assert row.shown(every=False) == row.slots

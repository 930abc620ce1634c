"""Due dates of the periodic reports, from the schedule's period and first due date.

Plain dates, no database: the services and the page call these with the stored facts. Neither
PP 50/2007 nor PP 28/2018 sets a reporting period for implementing agencies, so the period is
the parties' choice (ReportingSchedule). The rules KSD applies, each a choice it documents:

- due dates fall every 3, 6 or 12 months on the first due date's day of the month; a month
  without that day (31 April) takes its last day (30 April), and the next due date goes back to
  the first due date's day (31 July);
- an agency owes the reports due on or after the day it was assigned;
- the last report due is the first due date on or after the agreement's end (the report on its
  final period); an agreement with no end date keeps reporting.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection, Iterator


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by `months`, on the same day of the month or the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def due_dates(
    first_due_on: dt.date, months: int, *, since: dt.date | None = None,
    end: dt.date | None = None,
) -> Iterator[dt.date]:  # fmt: skip
    """The due dates from `first_due_on`, every `months`: those on or after `since`, up to the
    first one on or after `end` (endless when `end` is None)."""
    k = 0
    while True:
        day = add_months(first_due_on, k * months)
        k += 1
        if since is not None and day < since:
            if end is not None and day >= end:
                return
            continue
        yield day
        if end is not None and day >= end:
            return


def next_due(
    first_due_on: dt.date, months: int, reported: Collection[dt.date], *,
    since: dt.date | None = None, end: dt.date | None = None,
) -> dt.date | None:  # fmt: skip
    """The earliest due date without a report, or None when every report due until the end is
    in."""
    for day in due_dates(first_due_on, months, since=since, end=end):
        if day not in reported:
            return day
    return None


def dues_until(
    first_due_on: dt.date, months: int, until: dt.date, *, since: dt.date | None = None,
    end: dt.date | None = None,
) -> list[dt.date]:  # fmt: skip
    """The due dates up to `until` and the one after it (the next to come), for the page."""
    found: list[dt.date] = []
    for day in due_dates(first_due_on, months, since=since, end=end):
        found.append(day)
        if day > until:
            break
    return found

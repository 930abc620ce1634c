"""Due dates from a schedule, with known answers (monitoring/schedule.py). No database."""

from __future__ import annotations

import datetime as dt
from itertools import islice

from ksd.monitoring.schedule import add_months, due_dates, dues_until, next_due

D = dt.date


def test_a_month_without_the_day_takes_its_last_day_and_the_next_goes_back() -> None:
    assert add_months(D(2016, 1, 31), 1) == D(2016, 2, 29)  # leap year
    assert add_months(D(2017, 1, 31), 1) == D(2017, 2, 28)
    assert add_months(D(2016, 11, 30), 3) == D(2017, 2, 28)
    assert add_months(D(2016, 3, 31), 12) == D(2017, 3, 31)


def test_quarterly_reports_from_the_end_of_march_fall_at_each_quarter_end() -> None:
    assert list(islice(due_dates(D(2016, 3, 31), 3), 5)) == [
        D(2016, 3, 31), D(2016, 6, 30), D(2016, 9, 30), D(2016, 12, 31), D(2017, 3, 31),
    ]  # fmt: skip


def test_semester_and_yearly_reports() -> None:
    assert list(islice(due_dates(D(2016, 6, 30), 6), 3)) == [
        D(2016, 6, 30), D(2016, 12, 30), D(2017, 6, 30),
    ]  # fmt: skip
    assert list(islice(due_dates(D(2017, 1, 15), 12), 3)) == [
        D(2017, 1, 15), D(2018, 1, 15), D(2019, 1, 15),
    ]  # fmt: skip


def test_an_agency_owes_only_what_falls_due_from_its_assignment() -> None:
    assert next(due_dates(D(2016, 3, 31), 3, since=D(2016, 7, 1))) == D(2016, 9, 30)


def test_the_last_report_is_the_first_due_on_or_after_the_end() -> None:
    # An agreement ending 1 February 2021: the report due 31 March 2021 covers its last period.
    dues = list(due_dates(D(2016, 3, 31), 3, end=D(2021, 2, 1)))
    assert dues[0] == D(2016, 3, 31)
    assert dues[-1] == D(2021, 3, 31)
    assert len(dues) == 21
    assert list(due_dates(D(2016, 3, 31), 3, since=D(2022, 1, 1), end=D(2021, 2, 1))) == []


def test_the_next_due_report_is_the_earliest_without_one() -> None:
    first = D(2016, 3, 31)
    assert next_due(first, 3, set()) == D(2016, 3, 31)
    assert next_due(first, 3, {D(2016, 3, 31)}) == D(2016, 6, 30)
    # A report on a later period does not cover an earlier one.
    assert next_due(first, 3, {D(2016, 6, 30)}) == D(2016, 3, 31)
    assert next_due(first, 12, {D(2016, 3, 31), D(2017, 3, 31)}, end=D(2017, 1, 1)) is None


def test_the_page_lists_the_dues_up_to_today_and_the_next_one() -> None:
    assert dues_until(D(2016, 3, 31), 3, D(2016, 8, 1)) == [
        D(2016, 3, 31), D(2016, 6, 30), D(2016, 9, 30),
    ]  # fmt: skip

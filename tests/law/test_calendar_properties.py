"""Properties of the working-day calendar, checked against the `holidays` package directly rather
than against the calendar's own tables."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ksd.law.calendar import HolidayOverride, OverrideAction, WorkingCalendar


@pytest.fixture(autouse=True)
def _default_language() -> None:
    """Shadows the suite-wide fixture of the same name in tests/conftest.py, which resets Django's
    active language and so needs Django settings: these tests use no Django and must also run
    with `-p no:django`."""


NATIONAL = WorkingCalendar()
# Libur nasional and cuti bersama, straight from the package.
DAYS_OFF = holidays.country_holidays(
    "ID", years=range(2007, 2101), categories=("public", "government")
)

# Starts leave room for the largest n below before the calendar ends in 2100.
starts = st.dates(min_value=dt.date(2007, 1, 1), max_value=dt.date(2095, 12, 31))
counts = st.one_of(st.sampled_from([14, 15, 45]), st.integers(0, 200), st.integers(0, 1200))
fast = settings(max_examples=200, deadline=None)


def is_day_off(day: dt.date) -> bool:
    return day.weekday() >= 5 or day in DAYS_OFF


@fast
@given(starts, counts)
def test_counting_the_days_up_to_the_result_gives_back_n(start: dt.date, n: int) -> None:
    end = NATIONAL.add_working_days(start, n)
    assert NATIONAL.count_working_days(start, end) == n
    assert NATIONAL.count_working_days(end, start) == -n


@fast
@given(starts, st.integers(1, 1200))
def test_the_result_is_never_a_weekend_a_holiday_or_a_cuti_bersama(start: dt.date, n: int) -> None:
    end = NATIONAL.add_working_days(start, n)
    assert not is_day_off(end)
    assert NATIONAL.is_working_day(end)


@fast
@given(starts, st.integers(1, 1200))
def test_the_result_is_strictly_after_the_day_of_receipt(start: dt.date, n: int) -> None:
    assert NATIONAL.add_working_days(start, n) > start


@fast
@given(starts, st.integers(0, 60), counts)
def test_a_later_start_never_gives_an_earlier_end(start: dt.date, later_by: int, n: int) -> None:
    later = start + dt.timedelta(days=later_by)
    assert NATIONAL.add_working_days(later, n) >= NATIONAL.add_working_days(start, n)


@fast
@given(starts, counts)
def test_more_days_never_end_earlier(start: dt.date, n: int) -> None:
    assert NATIONAL.add_working_days(start, n + 1) > NATIONAL.add_working_days(start, n)


@fast
@given(starts, st.integers(0, 400))
def test_the_skipped_days_and_the_n_working_days_fill_the_whole_span(
    start: dt.date, n: int
) -> None:
    explanation = NATIONAL.explain(start, n)
    span = [start + dt.timedelta(days=i) for i in range(1, (explanation.end - start).days + 1)]
    skipped = [s.day for s in explanation.skipped]
    assert skipped == [day for day in span if is_day_off(day)]
    assert len(skipped) + n == len(span)
    assert all(s.reason.id and s.reason.en for s in explanation.skipped)


@fast
@given(starts, starts)
def test_counting_matches_a_day_by_day_walk(a: dt.date, b: dt.date) -> None:
    start, end = min(a, b), min(max(a, b), min(a, b) + dt.timedelta(days=900))
    walk = sum(
        1 for i in range(1, (end - start).days + 1) if not is_day_off(start + dt.timedelta(days=i))
    )
    assert NATIONAL.count_working_days(start, end) == walk


weekdays = starts.filter(lambda day: day.weekday() < 5)


@fast
@given(starts, counts, st.lists(weekdays, max_size=5), st.sampled_from(["34", "34.71", "33"]))
def test_an_added_day_off_is_never_a_result_and_stays_in_its_region(
    start: dt.date, n: int, days: list[dt.date], region: str
) -> None:
    added = [
        HolidayOverride(day, OverrideAction.ADD, "Keputusan (contoh uji)", "Libur", region="34")
        for day in days
    ]
    calendar = WorkingCalendar(added, region=region)
    end = calendar.add_working_days(start, n)
    if region == "34":
        assert n == 0 or end not in days
        assert calendar.count_working_days(start, end) == n
    else:
        assert end == NATIONAL.add_working_days(start, n)

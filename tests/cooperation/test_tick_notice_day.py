"""A DPRD track's next reading by `ksd tick` (tick_batches.next_check) is the day its notice
becomes due, five working days before the deadline by the region's calendar, not any day
before it; never today, so a second run at the same instant reads nothing."""

from __future__ import annotations

import datetime as dt

from ksd.cooperation.tick_batches import NOTICE_WORKING_DAYS, next_check
from ksd.dprd.models import DprdReview
from ksd.law.calendar import calendar_for
from ksd.law.verdicts import Track

TODAY = dt.date(2026, 12, 2)  # a Wednesday
ONE_DAY = dt.timedelta(days=1)


def _review() -> DprdReview:
    return DprdReview(received_on=dt.date(2026, 11, 2))


def test_a_deadline_out_of_reach_is_read_on_the_first_day_its_notice_is_due() -> None:
    calendar = calendar_for()
    # Christmas and the collective leave lie between: the notice day counts working days.
    for due in (dt.date(2026, 12, 15), dt.date(2026, 12, 29), dt.date(2027, 1, 6)):
        track = Track(deadlines={"assessment_due": due}, status="under_review")
        day = next_check(_review(), track, TODAY, set(), calendar)
        assert day > TODAY
        assert calendar.count_working_days(day, due) <= NOTICE_WORKING_DAYS
        assert calendar.count_working_days(day - ONE_DAY, due) > NOTICE_WORKING_DAYS


def test_a_deadline_within_reach_or_today_is_read_again_tomorrow_at_the_earliest() -> None:
    calendar = calendar_for()
    for due in (TODAY, TODAY + ONE_DAY, TODAY + 2 * ONE_DAY):
        # Not noticed: the track is closed (no notice), or the notice went out elsewhere.
        track = Track(deadlines={"assessment_due": due}, status="approved")
        assert next_check(_review(), track, TODAY, set(), calendar) == TODAY + ONE_DAY


def test_a_noticed_deadline_is_read_the_day_after_it() -> None:
    due = dt.date(2026, 12, 7)
    track = Track(deadlines={"assessment_due": due}, status="under_review")
    assert next_check(_review(), track, TODAY, {due}, calendar_for()) == due + ONE_DAY

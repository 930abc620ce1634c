"""ksd tick's schedule of a DPRD track never hides a change: a recorded step or correction (any
save of the track) and a change of the DPRD clocks or of a holiday make the next run read the
open tracks again."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from ksd.dataset.generator import generate
from ksd.dprd.models import ClockSetting, DprdReview
from ksd.regions.models import HolidayOverride

LATER = dt.date(2027, 3, 1)
NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)


@pytest.fixture
def scheduled(regions_loaded: None) -> None:
    from ksd.regions.services import load_affairs

    load_affairs()
    generate(40, seed=3, today=NOW.date(), now=NOW)
    DprdReview.objects.update(next_check_on=LATER)


def _unscheduled_open_tracks() -> int:
    open_tracks = DprdReview.objects.filter(
        approved_on__isnull=True, rejected_on__isnull=True, deemed_approved_on__isnull=True
    )
    assert open_tracks.exists()
    return open_tracks.filter(next_check_on__isnull=True).count()


def test_a_saved_track_is_read_at_the_next_run(scheduled: None) -> None:
    review = DprdReview.objects.order_by("pk").first()
    assert review is not None
    review.updated_at = NOW
    review.save(update_fields=["updated_at"])
    review.refresh_from_db()
    assert review.next_check_on is None
    assert DprdReview.objects.filter(next_check_on=LATER).count() == DprdReview.objects.count() - 1


def test_a_holiday_or_a_clock_change_has_every_open_track_read_again(scheduled: None) -> None:
    assert _unscheduled_open_tracks() == 0
    admin = User.objects.create_user("admin_kalender")
    HolidayOverride.objects.create(
        day=dt.date(2026, 12, 24), action=HolidayOverride.Action.ADD, decree="SKB (uji)",
        name="Cuti bersama (uji)", created_by=admin, created_at=NOW,
    )  # fmt: skip
    open_count = _unscheduled_open_tracks()
    assert open_count > 0

    DprdReview.objects.update(next_check_on=LATER)
    ClockSetting.objects.create(
        in_force_from=dt.date(2020, 1, 1), assessment_days=15, opinion_days=15,
        revision_days=14, deemed_approval_days=15, decree_number="Permendagri (uji)",
        decree_date=dt.date(2019, 12, 1), created_by=admin, created_at=NOW,
    )  # fmt: skip
    assert _unscheduled_open_tracks() == open_count


def test_a_saved_cooperation_has_its_tracks_read_again(scheduled: None) -> None:
    review = DprdReview.objects.order_by("pk").first()
    assert review is not None
    cooperation = review.cooperation
    cooperation.updated_at = NOW
    cooperation.save(update_fields=["updated_at"])
    assert not DprdReview.objects.filter(cooperation=cooperation, next_check_on=LATER).exists()
    assert DprdReview.objects.exclude(cooperation=cooperation).filter(next_check_on=LATER).exists()

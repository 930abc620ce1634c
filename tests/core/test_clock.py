from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from ksd.core import clock


def test_now_is_an_aware_instant_in_utc() -> None:
    before = datetime.now(UTC)
    moment = clock.now()
    after = datetime.now(UTC)

    assert moment.utcoffset() == timedelta(0)
    assert before <= moment <= after


@pytest.mark.parametrize("zone", ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"])
def test_today_in_reads_the_calendar_of_the_given_zone(zone: str) -> None:
    before = datetime.now(ZoneInfo(zone)).date()
    today = clock.today_in(zone)
    after = datetime.now(ZoneInfo(zone)).date()

    assert before <= today <= after


def test_today_defaults_to_jakarta() -> None:
    before = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    today = clock.today_in()
    after = datetime.now(ZoneInfo("Asia/Jakarta")).date()

    assert before <= today <= after


def test_today_in_an_unknown_zone_is_an_error() -> None:
    with pytest.raises(ZoneInfoNotFoundError):
        clock.today_in("Asia/Atlantis")

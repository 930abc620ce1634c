"""The administrator's holiday overrides reach every deadline through calendar_for_region: a day
off added nationwide moves a DPRD deadline by a working day; a regional one moves only that
region's. PP 50/2007 Pasal 12 ayat (2): the DPRD's opinion is due within 15 working days of
receipt, the day of receipt being day 0."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from ksd.law.calendar import OverrideAction
from ksd.regions.models import HolidayOverride
from ksd.regions.services import calendar_for_region, record_holiday_override

pytestmark = pytest.mark.usefixtures("regions_loaded")

NOW = dt.datetime(2026, 9, 1, 2, 0, tzinfo=dt.UTC)
RECEIVED_ON = dt.date(2026, 9, 7)  # a Monday; no holiday in the next three weeks
OPINION_DUE = dt.date(2026, 9, 28)  # 15 working days later, a Monday
KOTA_YOGYAKARTA = "34.71"
DIY = "34"


@pytest.fixture
def operator() -> User:
    return User.objects.create_user("operator_kemendagri", is_staff=True)


def _override(
    actor: User,
    day: dt.date = dt.date(2026, 9, 16),
    *,
    region: str | None = None,
    action: str = HolidayOverride.Action.ADD,
) -> HolidayOverride:
    return record_holiday_override(
        HolidayOverride(
            day=day,
            action=action,
            decree="Keputusan Bersama Menteri Nomor 9 Tahun 2026",
            name="Cuti bersama tambahan",
            region_id=region,
            source="https://example.go.id/skb-9-2026",
        ),
        actor=actor,
        now=NOW,
    )


def _opinion_due(code: str | None) -> dt.date:
    return calendar_for_region(code).add_working_days(RECEIVED_ON, 15)


def test_without_overrides_the_deadline_follows_the_bundled_calendar() -> None:
    assert _opinion_due(None) == OPINION_DUE
    assert _opinion_due(KOTA_YOGYAKARTA) == OPINION_DUE


def test_a_day_off_added_nationwide_moves_every_deadline_by_one_working_day(
    operator: User,
) -> None:
    _override(operator)

    assert _opinion_due(None) == dt.date(2026, 9, 29)
    assert _opinion_due(KOTA_YOGYAKARTA) == dt.date(2026, 9, 29)
    assert _opinion_due(DIY) == dt.date(2026, 9, 29)


def test_a_regional_day_off_moves_only_that_regions_deadline(operator: User) -> None:
    _override(operator, region=KOTA_YOGYAKARTA)

    assert _opinion_due(KOTA_YOGYAKARTA) == dt.date(2026, 9, 29)
    assert _opinion_due(DIY) == OPINION_DUE, "the province's own calendar is untouched"
    assert _opinion_due("34.04") == OPINION_DUE
    assert _opinion_due(None) == OPINION_DUE


def test_the_calendar_names_the_override_and_its_decree(operator: User) -> None:
    _override(operator)

    day_off = calendar_for_region(KOTA_YOGYAKARTA).day_off(dt.date(2026, 9, 16))

    assert day_off is not None
    assert day_off.reason.id == (
        "Cuti bersama tambahan (ditetapkan dengan Keputusan Bersama Menteri Nomor 9 Tahun 2026)"
    )


def test_a_holiday_made_a_working_day_brings_the_deadline_forward(operator: User) -> None:
    received_on = dt.date(2026, 8, 10)
    assert calendar_for_region(None).add_working_days(received_on, 15) == dt.date(2026, 9, 2)

    _override(operator, day=dt.date(2026, 8, 17), action=HolidayOverride.Action.REMOVE)

    assert calendar_for_region(None).add_working_days(received_on, 15) == dt.date(2026, 9, 1)


def test_deleting_the_override_restores_the_deadline(operator: User) -> None:
    _override(operator).delete()

    assert _opinion_due(None) == OPINION_DUE


def test_the_creator_and_the_time_are_recorded(operator: User) -> None:
    override = _override(operator)

    override.refresh_from_db()
    assert override.created_by == operator
    assert override.created_at == NOW


def test_a_second_nationwide_override_for_the_same_day_is_refused(operator: User) -> None:
    _override(operator)

    with pytest.raises(ValidationError) as caught:
        _override(operator)

    assert caught.value.messages == ["Sudah ada ketetapan nasional untuk hari ini."]
    assert HolidayOverride.objects.count() == 1


def test_a_regional_override_may_share_its_day_with_a_nationwide_one(operator: User) -> None:
    _override(operator)
    _override(operator, region=KOTA_YOGYAKARTA)

    with pytest.raises(ValidationError) as caught:
        _override(operator, region=KOTA_YOGYAKARTA)

    assert caught.value.messages == ["Wilayah ini sudah memiliki ketetapan untuk hari ini."]
    assert HolidayOverride.objects.count() == 2


def test_an_override_without_a_decree_is_refused(operator: User) -> None:
    override = HolidayOverride(day=dt.date(2026, 9, 16), action="add", decree="", name="Libur")

    with pytest.raises(ValidationError) as caught:
        record_holiday_override(override, actor=operator, now=NOW)

    assert caught.value.message_dict["decree"] == ["Field ini tidak boleh kosong."]


def test_an_override_outside_the_calendar_is_refused(operator: User) -> None:
    with pytest.raises(ValidationError) as caught:
        _override(operator, day=dt.date(2006, 12, 25))

    assert caught.value.message_dict["day"] == [
        "Kalender hari kerja mencakup 1 Januari 2007 sampai 31 Desember 2100."
    ]


def test_the_actions_are_those_of_the_law() -> None:
    assert set(HolidayOverride.Action.values) == {action.value for action in OverrideAction}

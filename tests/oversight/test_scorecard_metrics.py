"""Every scorecard figure on a small register with answers worked out by hand
(scorecard_records.py), the edge cases included: no DPRD track gives no data, not 0%; a deemed
approval is late even on its own due date; records cancelled by mistake never count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from ksd.oversight.scorecard import Period, Row, Share, scorecard
from ksd.regions.models import Region
from oversight.scorecard_records import (
    BANTUL,
    GUNUNGKIDUL,
    KULON_PROGO,
    SLEMAN,
    TODAY,
    YOGYA,
    build,
)

pytestmark = pytest.mark.django_db


def _rows(year: int) -> dict[str, Row]:
    return {r.code: r for r in scorecard(Period(year, TODAY))}


@pytest.fixture
def rows(kemendagri: User) -> dict[int, dict[str, Row]]:
    build(kemendagri)
    return {2025: _rows(2025), 2026: _rows(2026)}


def test_cooperation_in_force_is_read_on_the_years_last_day_or_today(rows: dict) -> None:
    # 31 Dec 2025: A and the agreement abroad J (C expired in June, D was terminated in October).
    assert rows[2025][YOGYA].active == 2
    assert rows[2025][SLEMAN].active == 2  # A and K
    # Today: B is signed too; I is signed but starts only in September.
    assert rows[2026][YOGYA].active == 3
    assert rows[2026][GUNUNGKIDUL].active == 0
    assert rows[2026][BANTUL].active == 1


def test_signed_in_the_year_counts_terminated_agreements_but_never_cancelled_ones(
    rows: dict,
) -> None:
    assert rows[2025][YOGYA].signed == 3  # A, D, J
    assert rows[2026][YOGYA].signed == 2  # B and I; E was entered by mistake


def test_share_stalled_is_of_the_cooperations_not_yet_signed(rows: dict) -> None:
    assert rows[2026][SLEMAN].stalled == Share(1, 2)  # F has had no step since 5 January
    assert rows[2026][BANTUL].stalled == Share(1, 1)
    assert rows[2026][YOGYA].stalled.value is None  # nothing in progress: no data


def test_dprd_timeliness_counts_decisions_of_the_year_against_their_time_limit(rows: dict) -> None:
    assert rows[2025][YOGYA].dprd == Share(1, 1)
    assert rows[2025][SLEMAN].dprd == Share(0, 1)  # approved after its 45 working days
    assert rows[2025][SLEMAN].dprd_no_deadline == 1  # decided with no time limit: not counted


def test_a_deemed_approval_is_late_even_on_its_own_due_date(rows: dict) -> None:
    assert rows[2026][YOGYA].dprd == Share(0, 1)


def test_a_region_with_no_decided_dprd_track_has_no_data_not_zero(rows: dict) -> None:
    bantul = rows[2026][BANTUL]  # its one track is still undecided
    assert bantul.dprd.total == 0
    assert bantul.dprd.value is None
    assert bantul.dprd.percent is None
    assert "dprd" not in bantul.national_ranks
    assert "dprd" not in bantul.province_ranks


def test_reports_abroad_and_of_bodies(rows: dict) -> None:
    # 2025: J reported on 1 December, within 90 days of signing; the body's report reached
    # Yogyakarta's head but not Sleman's; Bantul joined mid-year and is owed none.
    assert rows[2025][YOGYA].reports == Share(2, 2)
    assert rows[2025][SLEMAN].reports == Share(0, 1)
    assert rows[2025][BANTUL].reports.value is None
    # 2026, still running: K's report was due on 1 March and never made; no body report is
    # late before the year ends.
    assert rows[2026][SLEMAN].reports == Share(0, 1)
    assert rows[2026][YOGYA].reports.value is None


def test_disputes_raised_and_settled_in_the_year_by_party(rows: dict) -> None:
    assert (rows[2025][YOGYA].disputes_opened, rows[2025][YOGYA].disputes_settled) == (1, 0)
    assert (rows[2026][SLEMAN].disputes_opened, rows[2026][SLEMAN].disputes_settled) == (0, 1)
    assert rows[2025][BANTUL].disputes_opened == 0


def test_ranks_within_the_province_and_among_regions_of_the_same_level(rows: dict) -> None:
    diy = rows[2026]
    assert (
        diy[YOGYA].province_ranks["active"].position,
        diy[YOGYA].province_ranks["active"].of,
    ) == (1, 5)
    assert diy[SLEMAN].province_ranks["active"].position == 2  # A and K
    assert diy[BANTUL].province_ranks["active"].position == 3
    # A tie shares its rank: Gunungkidul and Kulon Progo have none in force.
    assert diy[GUNUNGKIDUL].province_ranks["active"].position == 4
    assert diy[KULON_PROGO].province_ranks["active"].position == 4
    # Lower is better for the share stalled: Sleman (50%) before Bantul (100%).
    assert diy[SLEMAN].province_ranks["stalled"].position == 1
    assert diy[BANTUL].province_ranks["stalled"].position == 2
    kota = Region.objects.filter(level="kota", is_autonomous=True).count()
    assert diy[YOGYA].national_ranks["active"].position == 1
    assert diy[YOGYA].national_ranks["active"].of == kota
    assert diy[YOGYA].national_ranks["active"].percentile == 100
    # A province is ranked among the provinces only.
    assert diy["34"].province_ranks == {}
    assert diy["34"].national_ranks["active"].of == Region.objects.filter(level="provinsi").count()


def test_disputes_are_shown_but_never_ranked(rows: dict) -> None:
    assert "disputes_opened" not in rows[2025][YOGYA].national_ranks


def test_period_of_a_past_year_is_read_on_its_last_day() -> None:
    assert Period(2025, TODAY).on == dt.date(2025, 12, 31)
    assert Period(2026, TODAY).on == TODAY
    assert Period(2025, TODAY).complete
    assert not Period(2026, TODAY).complete

"""Which regulation governs, by the cooperation's own date (PP 50/2007 Pasal 28; PP 28/2018
Pasal 51-52)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ksd.law.errors import LawInputError
from ksd.law.regimes import Regime, parse_regime, regime_for


@pytest.mark.parametrize(
    ("day", "regime"),
    [
        (dt.date(2007, 8, 22), Regime.PP50_2007),  # promulgated and in force that day
        (dt.date(2018, 7, 12), Regime.PP50_2007),  # its last day
        (dt.date(2018, 7, 13), Regime.PP28_2018),  # PP 28/2018 promulgated, PP 50 repealed
        (dt.date(2026, 11, 28), Regime.PP28_2018),
    ],
)
def test_the_regime_in_force_on_a_date(day: dt.date, regime: Regime) -> None:
    assert regime_for(day) is regime


def test_a_date_before_pp_50_2007_is_a_clear_error() -> None:
    with pytest.raises(LawInputError) as raised:
        regime_for(dt.date(2007, 8, 21))
    assert raised.value.code == "date_before_regimes"
    assert "PP 50/2007" in raised.value.render("id")


def test_an_unknown_regime_name_lists_the_known_ones() -> None:
    with pytest.raises(LawInputError) as raised:
        parse_regime("pp-2007")
    assert "pp50-2007" in raised.value.render("en")


@given(st.dates(dt.date(2007, 8, 22), dt.date(2100, 12, 31)), st.integers(0, 4000))
def test_a_later_date_never_has_an_older_regime(day: dt.date, days: int) -> None:
    later = min(day + dt.timedelta(days=days), dt.date(2100, 12, 31))
    order = [Regime.PP50_2007, Regime.PP28_2018]
    assert order.index(regime_for(later)) >= order.index(regime_for(day))

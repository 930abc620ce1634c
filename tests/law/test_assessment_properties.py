"""Properties of the rules that must hold for every input, checked with hypothesis."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ksd.law.assessment import assess_json
from ksd.law.region_history import province_on
from ksd.law.regions import Level, all_regions

AUTONOMOUS = sorted(c for c, r in all_regions().items() if r.is_autonomous)
KABKOTA = sorted(
    c for c, r in all_regions().items() if r.level is not Level.PROVINSI and r.is_autonomous
)
TODAY = dt.date(2026, 11, 28)

regions = st.sampled_from(AUTONOMOUS)
dates = st.dates(dt.date(2007, 8, 22), dt.date(2026, 12, 31))
offsets = st.integers(0, 120)


def _at(day: dt.date, offset: int | None) -> str | None:
    return None if offset is None else (day + dt.timedelta(days=offset)).isoformat()


@st.composite
def dprd_tracks(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    received = draw(dates)
    opinion = draw(st.one_of(st.none(), offsets))
    resubmitted = (
        None if opinion is None else draw(st.one_of(st.none(), offsets.map(lambda o: o + opinion)))
    )
    track = {
        "received": received.isoformat(),
        "opinion_sent": _at(received, opinion),
        "resubmitted": _at(received, resubmitted),
    }
    as_of = _at(received, draw(st.integers(0, 400)))
    assert as_of is not None
    return track, as_of


@settings(max_examples=150, deadline=None)
@given(a=regions, b=regions, date=dates)
def test_the_kind_of_a_pair_does_not_depend_on_the_order_of_the_parties(
    a: str, b: str, date: dt.date
) -> None:
    if a == b:
        return
    forward = assess_json(
        {"date": date.isoformat(), "parties": [{"region": a}, {"region": b}]}, today=TODAY
    )
    backward = assess_json(
        {"date": date.isoformat(), "parties": [{"region": b}, {"region": a}]}, today=TODAY
    )
    assert forward["pair_kinds"][0]["kind"] == backward["pair_kinds"][0]["kind"]
    assert forward["dispute"]["authority"] == backward["dispute"]["authority"]


@settings(max_examples=150, deadline=None)
@given(a=st.sampled_from(KABKOTA), b=st.sampled_from(KABKOTA), date=dates)
def test_kabkota_of_one_province_always_go_to_that_provinces_governor(
    a: str, b: str, date: dt.date
) -> None:
    # The province of the date: Merauke (93.01) and Boven Digoel (93.02) were kab/kota of Papua
    # (91) until UU 14/2022.
    province_a = province_on(all_regions()[a], date)
    if a == b or province_a != province_on(all_regions()[b], date):
        return
    result = assess_json(
        {"date": date.isoformat(), "parties": [{"region": a}, {"region": b}]}, today=TODAY
    )
    assert result["dispute"]["authority"] == "gubernur"
    assert result["dispute"]["province"] == province_a


@settings(max_examples=200, deadline=None)
@given(track=dprd_tracks())
def test_no_dprd_is_deemed_to_approve_without_a_resubmission(
    track: tuple[dict[str, Any], str],
) -> None:
    """PP 50/2007 Pasal 12 ayat (4): deemed approval exists only in the resubmission round."""
    events, as_of = track
    facts = {
        "date": "2010-01-04", "regime": "pp50-2007", "as_of": as_of,
        "parties": [{"region": "34.71"}, {"region": "34.04"}],
        "burden": {"apbd_cost": True}, "dprd": {"34.71": events},
    }  # fmt: skip
    status = assess_json(facts, today=TODAY)["dprd"][0]["status"]
    if events["resubmitted"] is None or events["resubmitted"] > as_of:
        assert status != "deemed_approved"
    deadlines = assess_json(facts, today=TODAY)["dprd"][0]["deadlines"]
    if as_of <= "2018-07-12":
        assert deadlines["opinion_due"] < deadlines["assessment_due"]
    # PP 28/2018 Pasal 51: no PP 50/2007 deadline runs past its repeal on 12 July 2018.
    assert all(d is None or d <= "2018-07-12" for d in deadlines.values()) or as_of <= "2018-07-12"


@settings(max_examples=100, deadline=None)
@given(date=dates, region=regions, domestic=st.booleans())
def test_an_individual_is_never_a_third_party_under_pp_50_and_always_may_be_under_pp_28(
    date: dt.date, region: str, domestic: bool
) -> None:
    facts = {
        "date": date.isoformat(),
        "parties": [{"region": region},
                    {"third_party": {"name": "Budi", "form": "perseorangan", "domestic": domestic}}],
    }  # fmt: skip
    result = assess_json(facts, today=TODAY)
    codes = {f["code"] for f in result["findings"]}
    if result["regime"] == "pp50-2007":
        assert "ineligible_party" in codes
    elif domestic:
        assert "ineligible_party" not in codes
        # A region not yet formed on the date (Papua Tengah before UU 15/2022) is the only
        # other reason it may be ineligible.
        assert result["eligible"] or "region_not_formed" in codes

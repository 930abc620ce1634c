"""A region is never judged by a province it did not belong to on the date (issue 7 point 3).

The oracle reads the bundled code-change table directly, independently of ksd.law's own reading:
a kab/kota that moved into a new province belonged, before the moving law's date, to the province
of its old code (the 2022 Papua moves) or to Kalimantan Timur (the 2012 Kalimantan Utara moves,
whose old codes were not recovered; UU 20/2012 names Kalimantan Timur as the daerah induk).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ksd.law.assessment import assess_json
from ksd.law.regions import Level, all_regions

DATA = Path(__file__).resolve().parents[2] / "src" / "ksd" / "law" / "data" / "regions"
TODAY = dt.date(2026, 11, 28)


def _moves() -> dict[str, tuple[str, dt.date]]:
    with (DATA / "region-code-changes.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {
        r["new_code"]: (
            r["old_code"][:2] if r["old_code"][:1].isdigit() else "64",
            dt.date.fromisoformat(r["law_date"]),
        )
        for r in rows
    }


MOVES = _moves()
KABKOTA = sorted(
    c for c, r in all_regions().items() if r.level is not Level.PROVINSI and r.is_autonomous
)
# Half the draws from the regions that moved, so the property meets them often.
kabkota = st.one_of(st.sampled_from(sorted(MOVES)), st.sampled_from(KABKOTA))
dates = st.dates(dt.date(2007, 8, 22), dt.date(2026, 12, 31))


def province_then(code: str, on: dt.date) -> str:
    move = MOVES.get(code)
    if move is not None and on < move[1]:
        return move[0]
    return code[:2]


@settings(max_examples=300, deadline=None)
@given(a=kabkota, b=kabkota, on=dates)
def test_a_region_is_never_judged_by_a_province_it_did_not_belong_to(
    a: str, b: str, on: dt.date
) -> None:
    if a == b:
        return
    out = assess_json(
        {"date": on.isoformat(), "parties": [{"region": a}, {"region": b}]}, today=TODAY
    )
    then = {a: province_then(a, on), b: province_then(b, on)}
    for party in out["parties"]:
        assert party["province"] == then[party["id"]]
    for copy in out["copies"]["signed_agreement"]:
        assert copy["province"] == then[copy["from"]]
    for pair in out["dispute"]["pairs"]:
        if pair["authority"] == "gubernur":
            x, y = pair["parties"]
            assert pair["province"] == then[x] == then[y]
    if out["supervision"] and out["supervision"]["authority"] == "gubernur":
        assert out["supervision"]["province"] == then[a] == then[b]
    same = then[a] == then[b]
    scope = out["pair_kinds"][0]["scope"]
    assert scope == ("kabkota_satu_provinsi" if same else "kabkota_lain_provinsi")


@settings(max_examples=100, deadline=None)
@given(code=st.sampled_from(sorted(MOVES)), on=dates)
def test_an_old_code_and_todays_code_are_the_same_party(code: str, on: dt.date) -> None:
    with (DATA / "region-code-changes.csv").open(encoding="utf-8") as f:
        old = {r["new_code"]: r["old_code"] for r in csv.DictReader(f)}[code]
    if not old[:1].isdigit():
        return
    partner = "91.71" if code != "91.71" else "91.03"
    by_old = assess_json(
        {"date": on.isoformat(), "parties": [{"region": old}, {"region": partner}]}, today=TODAY
    )
    by_new = assess_json(
        {"date": on.isoformat(), "parties": [{"region": code}, {"region": partner}]},
        today=TODAY,
    )
    assert by_old["parties"] == by_new["parties"]
    assert by_old["dispute"] == by_new["dispute"]


@settings(max_examples=200, deadline=None)
@given(a=kabkota, b=st.sampled_from(sorted(all_regions())), on=dates)
def test_borders_are_symmetric_and_a_kabkota_borders_its_province_of_the_day(
    a: str, b: str, on: dt.date
) -> None:
    """UU 23/2014 Pasal 364 ayat (2) huruf b: a province and a kab/kota in its area border."""
    from ksd.law.adjacency import borders
    from ksd.law.region_history import region_on

    ra, rb = region_on(a, on), region_on(b, on)
    assert borders(ra, rb, on) == borders(rb, ra, on)
    province = region_on(province_then(a, on), on)
    assert borders(ra, province, on)

"""Properties of cooperation abroad under PP 28/2018 BAB IV that hold for every input.

Whatever the regions, burden facts, draft contents and DPRD dates: a cooperation with a partner
abroad never falls under the domestic KSDD/KSDPK rules (Pasal 6 ayat (2), Pasal 19 ayat (2),
Pasal 21, the parameter pp28_dprd_clocks), every DPRD must approve (Pasal 30 ayat (1), Pasal 38),
and no DPRD is ever deemed to approve (Pasal 30 ayat (4) gives silence no effect)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ksd.law.assessment import assess_json
from ksd.law.facts import BURDEN_FIELDS, DRAFT_CONTENT_CODES
from ksd.law.foreign_facts import COUNTRIES, INDONESIA
from ksd.law.regions import all_regions

AUTONOMOUS = sorted(c for c, r in all_regions().items() if r.is_autonomous)
DOMESTIC_ONLY = (
    "PP 28/2018 Pasal 6 ayat (2)",
    "PP 28/2018 Pasal 19 ayat (2)",
    "PP 28/2018 Pasal 21",
    "PP 28/2018 Pasal 6 ayat (4)",
)
TODAY = dt.date(2026, 11, 28)

dates = st.dates(dt.date(2018, 7, 13), dt.date(2026, 6, 30))
partners = st.one_of(
    st.builds(
        lambda kind, country: {"foreign": {"name": "Mitra", "kind": kind, "country": country}},
        st.sampled_from(["pemerintah_daerah", "lembaga"]),
        st.sampled_from(sorted(COUNTRIES - {INDONESIA})),
    ),
    st.just({"third_party": {"name": "Mitra", "form": "yayasan", "domestic": False}}),
)


def _on(day: dt.date, offset: int | None) -> str | None:
    return None if offset is None else (day + dt.timedelta(days=offset)).isoformat()


@st.composite
def cooperation_abroad(draw: st.DrawFn) -> dict[str, Any]:
    date = draw(dates)
    codes = draw(st.lists(st.sampled_from(AUTONOMOUS), min_size=1, max_size=3, unique=True))
    burden = draw(st.fixed_dictionaries({name: st.booleans() for name in BURDEN_FIELDS}))
    received = draw(st.one_of(st.none(), st.integers(0, 200)))
    opinion = None if received is None else draw(st.one_of(st.none(), st.integers(0, 60)))
    resubmitted = None if opinion is None else draw(st.one_of(st.none(), st.integers(0, 60)))
    track: dict[str, Any] = {}
    if received is not None:
        track = {
            "received": _on(date, received),
            "opinion_sent": _on(date, None if opinion is None else received + opinion),
            "resubmitted": _on(
                date,
                None
                if resubmitted is None or opinion is None
                else received + opinion + resubmitted,
            ),
        }
    return {
        "date": date.isoformat(),
        "as_of": _on(date, draw(st.integers(0, 900))),
        "parties": [{"region": c} for c in codes] + [draw(partners)],
        "burden": burden,
        "draft_contents": draw(st.lists(st.sampled_from(DRAFT_CONTENT_CODES), unique=True)),
        "dprd": {codes[0]: track} if track else {},
    }


@settings(max_examples=120, deadline=None)
@given(facts=cooperation_abroad())
def test_a_cooperation_abroad_never_falls_under_the_domestic_rules(facts: dict[str, Any]) -> None:
    out = assess_json(facts, today=TODAY)
    cited = [f["citation"] for f in out["findings"]]
    cited += [r["citation"] for v in out["dprd"] for r in v["reasons"]]
    cited += [p["citation"] for p in (out["dispute"] or {}).get("pairs", [])]
    cited += [r["citation"] for r in out["required_contents"]]
    assert not [c for c in cited if c in DOMESTIC_ONLY], cited
    assert {p["name"] for p in out["parameters"]} & {
        "pp28_dprd_clocks",
        "pp28_burden_reading",
    } == set()
    assert all(v["approval_required"] is True for v in out["dprd"])
    assert all(v["status"] != "deemed_approved" for v in out["dprd"])
    assert "dprd_deemed_approved" not in {f["code"] for f in out["findings"]}
    assert out["foreign_cooperation"] is not None
    abroad = [p for p in out["dispute"]["pairs"] if "Mitra" in p["parties"]]
    assert abroad
    assert all(p["authority"] == "negosiasi_konsultasi" for p in abroad)

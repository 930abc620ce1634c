"""Properties of steps across 13 July 2018 and of the one dispute authority, for every input."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from ksd.law.assessment import assess_json
from ksd.law.regions import all_regions

TODAY = dt.date(2026, 11, 28)
REPEAL_EVE = "2018-07-12"
AUTONOMOUS = sorted(c for c, r in all_regions().items() if r.is_autonomous)
near_repeal = st.dates(dt.date(2018, 4, 2), dt.date(2018, 9, 28))


@settings(max_examples=200, deadline=None)
@given(
    received=near_repeal,
    opinion=st.integers(1, 20),
    resubmitted=st.integers(0, 40),
    seen=st.integers(0, 300),
)
def test_no_pp50_deemed_approval_arises_after_pp50_was_repealed(
    received: dt.date, opinion: int, resubmitted: int, seen: int
) -> None:
    """PP 28/2018 Pasal 51: a deemed approval (PP 50/2007 Pasal 12 ayat (4)) exists only when its
    limit ended while PP 50/2007 was in force, whatever day the track is looked at."""
    opinion_on = received + dt.timedelta(days=opinion)
    resubmitted_on = opinion_on + dt.timedelta(days=resubmitted)
    facts = {
        "date": "2018-03-01", "as_of": (resubmitted_on + dt.timedelta(days=seen)).isoformat(),
        "parties": [{"region": "34.71"}, {"region": "34.04"}],
        "burden": {"apbd_cost": True},
        "dprd": {"34.71": {"received": received.isoformat(),
                           "opinion_sent": opinion_on.isoformat(),
                           "resubmitted": resubmitted_on.isoformat()}},
    }  # fmt: skip
    track = assess_json(facts, today=TODAY)["dprd"][0]
    if track["status"] == "deemed_approved":
        assert track["deadlines"]["deemed_approval_due"] < REPEAL_EVE


@settings(max_examples=200, deadline=None)
@given(
    codes=st.lists(st.sampled_from(AUTONOMOUS), min_size=2, max_size=4, unique=True),
    company=st.booleans(),
    on=st.dates(dt.date(2007, 8, 22), dt.date(2026, 12, 31)),
)
def test_one_dispute_authority_reaches_every_pair(
    codes: list[str], company: bool, on: dt.date
) -> None:
    """`dispute.authority` is never given unless it reaches every pair: the same authority, or the
    Minister over a Governor he takes over from (UU 23/2014 Pasal 370 ayat (3))."""
    parties: list[dict[str, object]] = [{"region": c} for c in codes]
    if company:
        parties.append({"third_party": {"name": "PT Contoh", "form": "perseroan_terbatas"}})
    out = assess_json({"date": on.isoformat(), "parties": parties}, today=TODAY)
    dispute = out["dispute"]
    authority = dispute["authority"]
    for pair in dispute["pairs"]:
        if authority is None:
            break
        reaches = (pair["authority"], pair["province"]) == (authority, dispute["province"]) or (
            authority == "menteri"
            and pair["authority"] == "gubernur"
            and pair["escalates_to"] == "menteri"
        )
        assert reaches, (pair, dispute)
    if company and len(codes) >= 2:
        assert authority is None  # the company's disputes never go to a governor or minister

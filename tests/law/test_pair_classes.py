"""The pair rules run once per kind of pair (ksd.law.pair_classes): every assessment must be
exactly what running the regulation's rules on each pair on its own gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ksd.law import assessment as assessment_module
from ksd.law.assessment import assess_json
from ksd.law.facts import Party
from ksd.law.regions import all_regions

TODAY = dt.date(2026, 11, 28)
# Regions (provinces and kab/kota, autonomous or not) of a few provinces, so that pairs within
# one province and across provinces both occur often.
REGIONS = sorted(c for c in all_regions() if c[:2] in ("33", "34", "35", "64", "65"))

third_parties = st.builds(
    lambda n, domestic, form: {"third_party": {"name": f"Mitra {n}", "form": form,
                                               "domestic": domestic}},
    st.integers(0, 9), st.booleans(), st.sampled_from(["perseroan_terbatas", "bumd", "yayasan"]),
)  # fmt: skip
foreign = st.builds(
    lambda n, kind: {"foreign": {"name": f"Partner {n}", "kind": kind, "country": "JP"}},
    st.integers(0, 9), st.sampled_from(["pemerintah_daerah", "lembaga"]),
)  # fmt: skip
parties = st.lists(
    st.one_of(st.sampled_from(REGIONS).map(lambda c: {"region": c}), third_parties, foreign),
    min_size=2, max_size=14, unique_by=str,
)  # fmt: skip
dates = st.dates(dt.date(2008, 1, 1), dt.date(2026, 6, 30))


def _every_pair_on_its_own(
    parties: Sequence[Party], rule: Callable[[Party, Party], Any]
) -> Iterator[tuple[Party, Party, Any]]:
    for i, a in enumerate(parties):
        for b in parties[i + 1 :]:
            yield a, b, rule(a, b)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parties=parties, date=dates, raised=st.one_of(st.none(), dates))
def test_an_assessment_is_the_same_as_with_every_pair_routed_on_its_own(
    monkeypatch: pytest.MonkeyPatch,
    parties: list[dict[str, Any]],
    date: dt.date,
    raised: dt.date | None,
) -> None:
    data: dict[str, Any] = {"date": date.isoformat(), "parties": parties, "compulsory": True}
    if raised is not None and raised >= date:
        data["dispute"] = {"raised_on": raised.isoformat()}
    grouped = assess_json(data, today=TODAY)
    with monkeypatch.context() as patched:
        patched.setattr(assessment_module, "each_pair", _every_pair_on_its_own)
        one_by_one = assess_json(data, today=TODAY)
    assert grouped == one_by_one

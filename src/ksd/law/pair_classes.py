"""Every pair of parties, with the pair rules run once per kind of pair.

The rules for two parties (each regulation's `pair_kind` and `dispute_route`) read only what
kind of party each is (province or kab/kota, autonomous or not; for a partner that is not a
region, whether it is abroad and as what) and whether the two lie in one province, and which
(the Governor of that province settles a dispute of two of its kab/kota, PP 50/2007 Pasal 14;
a province with its own kab/kota is another relation than with one outside it). A province's
`province_code` is its own code, so "one province" covers both. The rules never read a name,
nor a region's code otherwise. Pairs that agree on those facts get equal verdicts, so a
cooperation of 58 parties (1,653 pairs) runs the rules a few dozen times instead of 1,653;
every pair still gets its own verdict in the output.

A pair rule that starts reading anything else of a party must add it to `_kind` or `_key`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import TypeVar

from ksd.law.facts import Party

V = TypeVar("V")


def _kind(party: Party) -> Hashable:
    abroad = party.abroad
    abroad_kind = abroad.kind if abroad is not None else None
    region = party.region
    if region is None:
        return (None, None, abroad_kind)
    return (region.level, region.is_autonomous, abroad_kind)


def _province(party: Party) -> str | None:
    return party.region.province_code if party.region is not None else None


def each_pair(
    parties: Sequence[Party], rule: Callable[[Party, Party], V]
) -> Iterator[tuple[Party, Party, V]]:
    """(a, b, rule(a, b)) for every pair in order, `rule` called once per kind of pair."""
    kinds = [_kind(p) for p in parties]
    provinces = [_province(p) for p in parties]
    verdicts: dict[tuple[Hashable, Hashable, str | None], V] = {}
    for i, a in enumerate(parties):
        for j in range(i + 1, len(parties)):
            shared = provinces[i] if provinces[i] == provinces[j] else None
            key = (kinds[i], kinds[j], shared)
            if key not in verdicts:
                verdicts[key] = rule(a, parties[j])
            yield a, parties[j], verdicts[key]

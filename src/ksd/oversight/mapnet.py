"""The map's and the network's figures: active cooperation per region or province, and the
pairs of regions (or provinces) that are parties to the same active cooperation.

Each figure is one aggregate query over the parties of the cooperations the user may see
(core/access.py): GROUP BY region (or province), and for the pairs a self-join of the parties of
one cooperation, GROUP BY the pair. The number of queries does not grow with the register, and
no row of the register is read into Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, F, QuerySet
from django.db.models.functions import Coalesce

from ksd.cooperation.models import Cooperation, Party
from ksd.cooperation.status import IN_FORCE
from ksd.core.access import visible_cooperations
from ksd.oversight.freshness import Cache, visibility
from ksd.oversight.summed import EVERYTHING, Rows, Span

T = TypeVar("T")

Visitor = AbstractBaseUser | AnonymousUser

# "Active": in force, signed or being implemented (the stored stage; `ksd tick` moves a record
# on when it ends). The register lists the same records with in_force=on.
ACTIVE_STAGES = IN_FORCE


def active_cooperations(user: Visitor) -> QuerySet[Cooperation]:
    return visible_cooperations(user).filter(stage__in=ACTIVE_STAGES)


def _region_parties(
    cooperations: QuerySet[Cooperation], span: Span = EVERYTHING
) -> QuerySet[Party]:
    return Party.objects.filter(
        span.only("cooperation_id"),
        cooperation_id__in=cooperations.filter(span.only("pk")).values("pk"),
        region__isnull=False,
    ).order_by()


def _province_of(prefix: str = "") -> Coalesce:
    """The province of a party's region: its parent, or itself when it is a province."""
    return Coalesce(f"{prefix}region__province_id", f"{prefix}region_id")


def _summed(rows: Rows) -> dict[Any, int]:
    counts: dict[Any, int] = {}
    for _part, key, n in rows:
        counts[key] = counts.get(key, 0) + n
    return counts


def province_rows(cooperations: QuerySet[Cooperation], span: Span = EVERYTHING) -> Rows:
    """`counts_by_province` per slice of the register (oversight/summed.py)."""
    rows = (
        _region_parties(cooperations, span)
        .annotate(key=_province_of(), part=Span.of("cooperation_id"))
        .values("part", "key")
        .annotate(n=Count("cooperation_id", distinct=True))
    )
    return ((row["part"], row["key"], row["n"]) for row in rows)


def counts_by_province(cooperations: QuerySet[Cooperation]) -> dict[str, int]:
    """Per province: the cooperations with a party in it (the province or any of its kab/kota);
    what the register's province=<code> filter lists."""
    return _summed(province_rows(cooperations))


def region_rows(cooperations: QuerySet[Cooperation], span: Span = EVERYTHING) -> Rows:
    """`counts_by_region` per slice of the register."""
    rows = (
        _region_parties(cooperations, span)
        .annotate(part=Span.of("cooperation_id"))
        .values("part", "region_id")
        .annotate(n=Count("cooperation_id", distinct=True))
    )
    return ((row["part"], row["region_id"], row["n"]) for row in rows)


def counts_by_region(cooperations: QuerySet[Cooperation]) -> dict[str, int]:
    """Per region: the cooperations it is a party to (the register's region=<code>)."""
    return _summed(region_rows(cooperations))


@dataclass(frozen=True)
class Pair:
    a: str  # the smaller code
    b: str
    count: int  # the cooperations both are parties to


def pair_rows(
    cooperations: QuerySet[Cooperation], span: Span = EVERYTHING, *, by_province: bool
) -> Rows:
    """`pairs` per slice of the register, keyed (a, b)."""
    if by_province:
        mine, theirs = _province_of(), _province_of("cooperation__parties__")
    else:
        mine, theirs = F("region_id"), F("cooperation__parties__region_id")
    rows = (
        _region_parties(cooperations, span)
        .annotate(a=mine, b=theirs, part=Span.of("cooperation_id"))
        .filter(a__lt=F("b"))
        .values("part", "a", "b")
        .annotate(n=Count("cooperation_id", distinct=True))
    )
    return ((row["part"], (row["a"], row["b"]), row["n"]) for row in rows)


def ranked_pairs(counts: Mapping[Any, int]) -> list[Pair]:
    """The pairs of `pair_rows`' counts, strongest first."""
    found = [Pair(a, b, n) for (a, b), n in counts.items()]
    return sorted(found, key=lambda p: (-p.count, p.a, p.b))


def pairs(cooperations: QuerySet[Cooperation], *, by_province: bool) -> list[Pair]:
    """Each pair of regions (or of provinces) that are parties to the same cooperation, with
    the number of such cooperations; strongest first. Pairs inside one province are left out
    when counting by province."""
    return ranked_pairs(_summed(pair_rows(cooperations, by_province=by_province)))


def connected_rows(cooperations: QuerySet[Cooperation], span: Span = EVERYTHING) -> Rows:
    """Per slice of the register, the cooperations each region is party to together with
    another region."""
    rows = (
        _region_parties(cooperations, span)
        .annotate(other=F("cooperation__parties__region_id"), part=Span.of("cooperation_id"))
        .filter(other__isnull=False)
        .exclude(other=F("region_id"))
        .values("part", "region_id")
        .annotate(n=Count("cooperation_id", distinct=True))
    )
    return ((row["part"], row["region_id"], row["n"]) for row in rows)


def connected_regions(cooperations: QuerySet[Cooperation]) -> set[str]:
    """The regions party to at least one of `cooperations` together with another region."""
    return set(_summed(connected_rows(cooperations)))


# ----- A short cache of the aggregates -----

# The pair query reads every party of every active cooperation in scope (0.4-1 s at 20,000
# cooperations on the shared machine): too slow to repeat on every visit. The aggregates are
# kept per scope, and after a step only the slices of the register it changed are read again
# (oversight/summed.py).


class Aggregates:
    """The figures of one request, each read from the cache or computed once."""

    def __init__(self, user: Visitor) -> None:
        self.active = active_cooperations(user)
        self._scope = visibility(user)
        self._cache = Cache("mapnet")

    def get(self, name: str, compute: Callable[[], T]) -> T:
        return self._cache.get(f"{name}:{self._scope}", compute)

    def summed(
        self, name: str, part: Callable[[Span], Rows], build: Callable[[dict[Any, int]], T]
    ) -> T:
        """`build` of the counts `part` gives, brought up to date slice by slice after a step
        (oversight/summed.py)."""
        return self._cache.summed(f"{name}:{self._scope}", part, build)

    @property
    def computed_at(self) -> dt.datetime | None:
        return self._cache.oldest

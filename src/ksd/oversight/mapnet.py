"""The map's and the network's figures: active cooperation per region or province, and the
pairs of regions (or provinces) that are parties to the same active cooperation.

Each figure is one aggregate query over the parties of the cooperations the user may see
(core/access.py): GROUP BY region (or province), and for the pairs a self-join of the parties of
one cooperation, GROUP BY the pair. The number of queries does not grow with the register, and
no row of the register is read into Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, F, QuerySet
from django.db.models.functions import Coalesce

from ksd.cooperation.models import Cooperation, Party
from ksd.cooperation.status import IN_FORCE
from ksd.core.access import visible_cooperations
from ksd.oversight.freshness import Cache, visibility

T = TypeVar("T")

Visitor = AbstractBaseUser | AnonymousUser

# "Active": in force, signed or being implemented (the stored stage; `ksd tick` moves a record
# on when it ends). The register lists the same records with in_force=on.
ACTIVE_STAGES = IN_FORCE


def active_cooperations(user: Visitor) -> QuerySet[Cooperation]:
    return visible_cooperations(user).filter(stage__in=ACTIVE_STAGES)


def _region_parties(cooperations: QuerySet[Cooperation]) -> QuerySet[Party]:
    return Party.objects.filter(
        cooperation_id__in=cooperations.values("pk"), region__isnull=False
    ).order_by()


def _province_of(prefix: str = "") -> Coalesce:
    """The province of a party's region: its parent, or itself when it is a province."""
    return Coalesce(f"{prefix}region__province_id", f"{prefix}region_id")


def counts_by_province(cooperations: QuerySet[Cooperation]) -> dict[str, int]:
    """Per province: the cooperations with a party in it (the province or any of its kab/kota);
    what the register's province=<code> filter lists."""
    rows = (
        _region_parties(cooperations)
        .annotate(key=_province_of())
        .values("key")
        .annotate(n=Count("cooperation_id", distinct=True))
    )
    return {row["key"]: row["n"] for row in rows}


def counts_by_region(cooperations: QuerySet[Cooperation]) -> dict[str, int]:
    """Per region: the cooperations it is a party to (the register's region=<code>)."""
    rows = (
        _region_parties(cooperations)
        .values("region_id")
        .annotate(n=Count("cooperation_id", distinct=True))
    )
    return {row["region_id"]: row["n"] for row in rows}


@dataclass(frozen=True)
class Pair:
    a: str  # the smaller code
    b: str
    count: int  # the cooperations both are parties to


def pairs(cooperations: QuerySet[Cooperation], *, by_province: bool) -> list[Pair]:
    """Each pair of regions (or of provinces) that are parties to the same cooperation, with
    the number of such cooperations; strongest first. Pairs inside one province are left out
    when counting by province."""
    if by_province:
        mine, theirs = _province_of(), _province_of("cooperation__parties__")
    else:
        mine, theirs = F("region_id"), F("cooperation__parties__region_id")
    rows = (
        _region_parties(cooperations)
        .annotate(a=mine, b=theirs)
        .filter(a__lt=F("b"))
        .values("a", "b")
        .annotate(n=Count("cooperation_id", distinct=True))
        .order_by("-n", "a", "b")
    )
    return [Pair(row["a"], row["b"], row["n"]) for row in rows]


def connected_regions(cooperations: QuerySet[Cooperation]) -> set[str]:
    """The regions party to at least one of `cooperations` together with another region."""
    rows = (
        _region_parties(cooperations)
        .annotate(other=F("cooperation__parties__region_id"))
        .filter(other__isnull=False)
        .exclude(other=F("region_id"))
        .values_list("region_id", flat=True)
        .distinct()
    )
    return set(rows)


# ----- A short cache of the aggregates -----

# The pair query reads every party of every active cooperation in scope (0.4-1 s at 20,000
# cooperations on the shared machine): too slow to repeat on every visit. The aggregates are
# kept per scope until a step is recorded anywhere (oversight/freshness.py).


class Aggregates:
    """The figures of one request, each read from the cache or computed once."""

    def __init__(self, user: Visitor) -> None:
        self.active = active_cooperations(user)
        self._scope = visibility(user)
        self._cache = Cache("mapnet")

    def get(self, name: str, compute: Callable[[], T]) -> T:
        return self._cache.get(f"{name}:{self._scope}", compute)

    @property
    def computed_at(self) -> dt.datetime | None:
        return self._cache.oldest

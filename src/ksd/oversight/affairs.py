"""Affairs and gaps (issue 11 point 5): which government affairs each region cooperates on, which
affairs nobody in scope cooperates on, and which regions cooperate on none.

The object of a cooperation is one government affair (PP 50/2007 Pasal 4), of the three groups of
UU 23/2014 Pasal 11 ayat (1)-(2) and Pasal 12 ayat (1)-(3). Counts are of ACTIVE cooperation,
the one meaning of the oversight pages: in force, signed or being implemented (the stored stage;
the register's `in_force` filter), with a recorded affair, that the user may see (core/access.py). Four aggregate queries, whatever the
number of cooperations: the affairs, the regions in scope, (region, affair) counts, and counts per
affair.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from ksd.accounts.models import Role
from ksd.cooperation.models import Cooperation, Party
from ksd.cooperation.status import IN_FORCE
from ksd.core.access import membership_of, sees_everything, visible_cooperations
from ksd.oversight import summed
from ksd.oversight.freshness import Cache, visibility
from ksd.oversight.summed import EVERYTHING, Span
from ksd.regions.flags import Flag, flags_of
from ksd.regions.models import Affair, Region

Visitor = AbstractBaseUser | AnonymousUser

# The three groups, in the law's order, with the article that names each.
GROUPS: tuple[tuple[str, Any, str], ...] = (
    (
        Affair.Category.WAJIB_PD,
        _("Mandatory affairs related to basic services"),
        "UU 23/2014 Pasal 12 ayat (1)",
    ),
    (
        Affair.Category.WAJIB_NON_PD,
        _("Mandatory affairs not related to basic services"),
        "UU 23/2014 Pasal 12 ayat (2)",
    ),
    (Affair.Category.PILIHAN, _("Optional affairs"), "UU 23/2014 Pasal 12 ayat (3)"),
)


@dataclass(frozen=True)
class Scope:
    """Whose regions the page shows, and the register parameters that say the same."""

    label: str
    province: str | None = None  # the register's `province` filter, when the scope is one
    region: str | None = None  # the register's `region` filter, for a region's own users

    def register_params(self) -> dict[str, str]:
        params = {"in_force": "on"}
        if self.region:
            params["region"] = self.region
        elif self.province:
            params["province"] = self.province
        return params


@dataclass
class AffairCount:
    affair: Affair
    count: int


@dataclass
class GroupCell:
    category: str
    total: int = 0
    affairs: list[AffairCount] = field(default_factory=list)


@dataclass
class RegionRow:
    code: str
    name: str
    flags: list[Flag]
    cells: list[GroupCell]

    @property
    def total(self) -> int:
        return sum(cell.total for cell in self.cells)


class Rows(Sequence[RegionRow]):
    """The regions with active cooperation, each row built when it is read: a page shows 50
    of the country's 500-odd, and only those are built."""

    def __init__(self, regions: list[tuple[str, str]], build: Callable[[str, str], RegionRow]):
        self._regions = regions
        self._build = build

    def __len__(self) -> int:
        return len(self._regions)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    @overload
    def __getitem__(self, index: int) -> RegionRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[RegionRow]: ...
    def __getitem__(self, index: int | slice) -> RegionRow | list[RegionRow]:
        if isinstance(index, slice):
            return [self._build(*region) for region in self._regions[index]]
        return self._build(*self._regions[index])


@dataclass
class Group:
    category: str
    label: Any
    citation: str
    affairs: list[AffairCount]  # every affair of the group with its count in scope

    @property
    def idle(self) -> list[Affair]:
        return [row.affair for row in self.affairs if row.count == 0]


@dataclass
class Overview:
    scope: Scope
    groups: list[Group]
    rows: Sequence[RegionRow]  # regions that cooperate on at least one affair
    gaps: list[RegionRow]  # regions in scope that cooperate on none
    computed_at: dt.datetime | None = None

    @property
    def idle_affairs(self) -> list[Affair]:
        return [affair for group in self.groups for affair in group.idle]


def scope_for(user: Visitor, province: Region | None = None) -> Scope | None:
    """The Ministry (and administrators) the country, or `province`; the governor's bureau its
    province; a region's operator or DPRD secretariat its own region; None for anyone else."""
    if sees_everything(user):
        if province is not None:
            return Scope(province.name, province=province.code)
        return Scope(str(_("Indonesia")))
    membership = membership_of(user)
    if membership is None or membership.region is None:
        return None
    if membership.role == Role.PEMBINA_PROVINSI:
        return Scope(membership.region.name, province=membership.region.code)
    if membership.role in (Role.OPERATOR, Role.DPRD):
        return Scope(membership.region.name, region=membership.region.code)
    return None


def _regions(scope: Scope) -> QuerySet[Region]:
    # DKI Jakarta's kota/kabupaten administrasi cannot be parties (ksd.law.regions).
    regions = Region.objects.filter(is_autonomous=True)
    if scope.region:
        return regions.filter(code=scope.region)
    if scope.province:
        return regions.filter(Q(code=scope.province) | Q(province_id=scope.province))
    return regions


def _active(user: Visitor, prefix: str = "") -> Q:
    """Active cooperation with a recorded affair that `user` may see, as a filter on the
    cooperation reached through `prefix` ("cooperation__" from a party)."""
    condition = Q(**{f"{prefix}affair__isnull": False, f"{prefix}stage__in": IN_FORCE})
    if not sees_everything(user):  # everyone else through the access door's subquery
        condition &= Q(**{f"{prefix}pk__in": visible_cooperations(user).values("pk")})
    return condition


def overview(user: Visitor, scope: Scope, *, flag: Flag | None = None) -> Overview:
    """The matrix, the totals per affair and the gap list; `flag` narrows the gap list."""
    affairs = list(Affair.objects.order_by("position"))
    regions = list(_regions(scope).order_by("code").values_list("code", "name"))
    in_scope = _regions(scope).values("code")
    cached = Cache("affairs")
    key = f"{visibility(user)}.{scope.region or scope.province or 'all'}"
    per_region = cached.summed(
        f"matrix.{key}", lambda span: _matrix_rows(user, in_scope, span), _matrix_of
    )
    totals = cached.summed(
        f"totals.{key}", lambda span: _totals_rows(user, scope, in_scope, span), dict
    )
    groups = [
        Group(
            category,
            label,
            citation,
            [AffairCount(a, totals.get(a.pk, 0)) for a in affairs if a.category == category],
        )
        for category, label, citation in GROUPS
    ]
    flags = flags_of(code for code, _name in regions)
    order = list(Flag)
    # Each affair's group and place, so a region's cells are built from its own counts only.
    place = {a.pk: (i, a) for i, g in enumerate(groups) for a in (r.affair for r in g.affairs)}
    position = {a.pk: n for n, a in enumerate(affairs)}

    def row_of(code: str, name: str) -> RegionRow:
        cells = [GroupCell(group.category) for group in groups]
        for affair_id, n in sorted(per_region.get(code, {}).items(), key=lambda p: position[p[0]]):
            group_index, affair = place[affair_id]
            cells[group_index].affairs.append(AffairCount(affair, n))
            cells[group_index].total += n
        return RegionRow(code, name, sorted(flags.get(code, ()), key=order.index), cells)

    active = [(code, name) for code, name in regions if per_region.get(code)]
    gaps = [row_of(code, name) for code, name in regions if not per_region.get(code)]
    if flag is not None:
        gaps = [row for row in gaps if flag in row.flags]
    rows = Rows(active, row_of)
    return Overview(scope, groups, rows, gaps, cached.oldest)


def _matrix_rows(user: Visitor, in_scope: QuerySet[Any], span: Span = EVERYTHING) -> summed.Rows:
    """Per slice of the register (oversight/summed.py): the active cooperations of each region
    in scope on each affair, keyed (region, affair id)."""
    # A region is party to a cooperation at most once (constraint party_region_once), so
    # counting party rows counts cooperations. From the cooperations, so that a slice is read
    # along their primary key (from the parties, PostgreSQL read every active record).
    pairs = (
        Cooperation.objects.filter(_active(user), span.only("pk"), parties__region_id__in=in_scope)
        .annotate(part=Span.of("pk"))
        .values_list("part", "parties__region_id", "affair_id")
        .annotate(n=Count("parties__id"))
        .order_by()
    )
    return ((part, (code, affair_id), n) for part, code, affair_id, n in pairs)


def _matrix_of(counts: Mapping[Any, int]) -> dict[str, dict[int, int]]:
    """{region: {affair id: active cooperations}} from `_matrix_rows`' counts."""
    per_region: dict[str, dict[int, int]] = {}
    for (code, affair_id), n in counts.items():
        per_region.setdefault(code, {})[affair_id] = n
    return per_region


def _totals_rows(
    user: Visitor, scope: Scope, in_scope: QuerySet[Any], span: Span = EVERYTHING
) -> summed.Rows:
    """Per slice of the register: the active cooperations with a party in scope on each
    affair (each cooperation once), keyed by the affair's id."""
    counted = Cooperation.objects.filter(_active(user), span.only("pk"))
    if scope.region or scope.province:  # the country needs no party filter: all are in it
        counted = counted.filter(
            pk__in=Party.objects.filter(region_id__in=in_scope).values("cooperation_id")
        )
    grouped = (
        counted.annotate(part=Span.of("pk")).values("part", "affair_id").annotate(n=Count("pk"))
    )
    return ((row["part"], row["affair_id"], row["n"]) for row in grouped.order_by())

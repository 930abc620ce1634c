"""The oversight dashboard's figures (issue 11 point 1): how many cooperations the visitor may
see, by province, stage, regulation, kind, government affair and model.

Every figure is one aggregate GROUP BY over the rows the register would list for the same
visitor (core/access.py visible_cooperations without the records closed by record keeping), so
the page costs the same number of queries whatever the size of the register, and each figure
carries the register address that lists exactly the records it counts
(cooperation/pages/forms.py RegisterFilterForm: the same filter names and values).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import cast
from urllib.parse import urlencode

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ksd.accounts.models import Role
from ksd.cooperation.models import (
    CLOSED_BY_RECORD_KEEPING,
    Cooperation,
    InstitutionModel,
    Kind,
    ManagementModel,
    Party,
    Stage,
)
from ksd.cooperation.object_filters import UNRECORDED
from ksd.cooperation.pages.forms import REGIME_CHOICES
from ksd.cooperation.status import IN_FORCE
from ksd.core.access import membership_of, sees_everything, visible_cooperations
from ksd.oversight.freshness import Cache, visibility
from ksd.oversight.summed import EVERYTHING, Rows, Span
from ksd.regions.models import Affair, Region

Visitor = AbstractBaseUser | AnonymousUser


class Reach(StrEnum):
    """How far a visitor's figures reach (docs: /work/briefs/interfaces.md, "who sees what")."""

    COUNTRY = "country"  # the Ministry (and administrators): every region
    PROVINCE = "province"  # the governor's bureau: its province and the province's kab/kota
    REGION = "region"  # a region's operator: its own region


@dataclass(frozen=True)
class Scope:
    reach: Reach
    region: Region | None = None  # the province (PROVINCE) or the region (REGION)


def scope_of(user: Visitor) -> Scope | None:
    """The reach of `user`'s figures, or None for those who get none (a DPRD secretariat
    oversees no one; the public and accounts without a role never reach the page)."""
    if sees_everything(user):
        return Scope(Reach.COUNTRY)
    membership = membership_of(user)
    region = membership.region if membership is not None else None
    if membership is None or region is None:
        return None
    if membership.role == Role.PEMBINA_PROVINSI:
        return Scope(Reach.PROVINCE, region)
    if membership.role == Role.OPERATOR:
        return Scope(Reach.REGION, region)
    return None


def counted(user: Visitor) -> QuerySet[Cooperation]:
    """What the figures count: the rows the register lists for `user` with no filter
    (cooperation/queries.py register()); withdrawn and cancelled records never count."""
    return visible_cooperations(user).exclude(stage__in=CLOSED_BY_RECORD_KEEPING).order_by()


def register_url(**filters: str | int) -> str:
    """The register's address filtered by `filters` (RegisterFilterForm's names)."""
    query = urlencode(filters)
    return reverse("cooperation:register") + (f"?{query}" if query else "")


@dataclass(frozen=True)
class Figure:
    """One number: what it counts, how many, and the register listing exactly those records
    (None when no register filter lists them: a stored value no choice names)."""

    label: str
    count: int
    url: str | None

    @property
    def shown(self) -> str:
        """The count as the active language writes it (Indonesian: 1.234)."""
        return number_format(self.count, force_grouping=True)


@dataclass(frozen=True)
class Breakdown:
    """One chart: the counts of one dimension, with a note on how to read it."""

    key: str
    title: str
    column: str  # what a bar stands for, as the table's first column heading
    bars: list[Figure]
    note: str = ""
    unrecorded: Figure | None = None  # records that leave this dimension empty


@dataclass
class Figures:
    scope: Scope
    year: int
    headline: list[Figure] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    computed_at: dt.datetime | None = None


def figures_for(user: Visitor, scope: Scope, *, today: dt.date) -> Figures:
    """The dashboard of `user` on `today`: the headline numbers and one breakdown per
    dimension, in a fixed number of queries. The counts are kept in the cache until a step is
    recorded (oversight/freshness.py), per reach of the visitor; the labels are the page's."""
    rows = counted(user)
    cached = Cache("figures")
    who = visibility(user)
    year = today.year
    tally = cached.summed(f"tally.{year}.{who}", lambda span: _tally_rows(rows, year, span),
                          lambda counts: Tally(counts, year))  # fmt: skip
    result = Figures(scope, today.year, headline=tally.headline())
    result.breakdowns.append(_by_stage(tally.of["stage"]))
    if scope.reach == Reach.PROVINCE and scope.region is not None:
        province = scope.region
        in_province = cached.summed(
            f"regions.{who}", lambda span: _region_rows(rows, province, span), _by_code
        )
        result.breakdowns.append(_by_region_of(in_province, province))
    by_province = cached.summed(
        f"provinces.{who}", lambda span: _province_rows(rows, span), _by_code
    )
    result.breakdowns.append(_by_province(by_province, every_province=scope.reach == Reach.COUNTRY))
    result.breakdowns += [
        _by_choice(tally.of["regime"], "regime", (_("By regulation"), _("Regulation")),
                   REGIME_CHOICES),
        _by_choice(tally.of["kind"], "kind", (_("By kind"), _("Kind")), Kind.choices),
        _by_affair(tally.of["affair_id"]),
        _by_choice(tally.of["management_model"], "management_model",
                   (_("By management arrangement"), _("Management arrangement")),
                   ManagementModel.choices),
        _by_choice(tally.of["institution_model"], "institution_model",
                   (_("By institution"), _("Institution")), InstitutionModel.choices),
    ]  # fmt: skip
    result.computed_at = cached.oldest
    return result


# The record's own columns the figures count, all in one GROUP BY: one pass over the rows
# instead of one per chart (at national scale each pass reads the whole table).
COLUMNS = ("stage", "regime", "kind", "affair_id", "management_model", "institution_model")


def _tally_rows(rows: QuerySet[Cooperation], year: int, span: Span = EVERYTHING) -> Rows:
    """Per slice of the register (oversight/summed.py): the rows holding each value of each of
    COLUMNS, keyed (column, value), and those signed in `year`, keyed ("signed",)."""
    in_year = Q(signed_on__gte=dt.date(year, 1, 1), signed_on__lte=dt.date(year, 12, 31))
    if span.slices is None:
        # The whole register: one GROUP BY per column. All columns and the slice in one GROUP
        # BY made ~5 rows per record at 100,000 cooperations (every combination in every
        # slice): 2.5 s to read and add up, against ~0.8 s for the one pass without slices.
        for column in COLUMNS:
            counted = rows.annotate(part=Span.of("pk")).values("part", column)
            for row in counted.annotate(n=Count("pk")).order_by():
                yield row["part"], (column, row[column]), row["n"]
        signed = rows.filter(in_year).annotate(part=Span.of("pk")).values("part")
        for row in signed.annotate(n=Count("pk")).order_by():
            yield row["part"], ("signed",), row["n"]
        return
    grouped = (
        rows.filter(span.only("pk"))
        .annotate(part=Span.of("pk"))
        .values("part", *COLUMNS)
        .annotate(n=Count("pk"), signed=Count("pk", filter=in_year))
        .order_by()
    )
    for row in grouped:
        for column in COLUMNS:
            yield row["part"], (column, row[column]), row["n"]
        yield row["part"], ("signed",), row["signed"]


class Tally:
    """How many rows hold each value of each of COLUMNS, and how many were signed in `year`,
    from the counts of `_tally_rows`."""

    def __init__(self, counts: Mapping[Hashable, int], year: int) -> None:
        self.year = year
        self.of: dict[str, Counter[object]] = {column: Counter() for column in COLUMNS}
        self.signed = 0
        for key, n in counts.items():
            if key == ("signed",):
                self.signed = n
            else:
                column, value = cast(tuple[str, object], key)
                self.of[column][value] = n

    def headline(self) -> list[Figure]:
        stages = self.of["stage"]
        in_force = sum(stages[stage.value] for stage in IN_FORCE)
        return [
            Figure(_("All cooperation"), stages.total(), register_url()),
            Figure(_("In force (signed or being implemented)"), in_force,
                   register_url(in_force="on")),
            Figure(_("Signed in %(year)s") % {"year": self.year}, self.signed,
                   register_url(signed_year=self.year)),
        ]  # fmt: skip


def _by_stage(counts: Counter[object]) -> Breakdown:
    """Every stage of the register in the order of the lifecycle, those with none included:
    where the work stops shows as a step down."""
    bars = [
        Figure(str(label), counts[value], register_url(stage=value))
        for value, label in Stage.choices
        if value not in CLOSED_BY_RECORD_KEEPING
    ]
    return Breakdown("stage", _("By stage"), _("Stage"), bars)


def _by_choice(
    counts: Counter[object],
    field_name: str,
    titles: tuple[str, str],
    choices: Iterable[tuple[str, str | Promise]],
) -> Breakdown:
    """Each choice of `field_name`, those with none included; records that leave the field
    empty are counted apart, linked to the register's "(not recorded)" choice."""
    left = Counter(counts)
    bars = [
        Figure(str(label), left.pop(value, 0), register_url(**{field_name: value}))
        for value, label in choices
    ]
    # A stored value no choice names (none today) is still counted, but the register cannot
    # list it, so it gets no link.
    missing = left.pop("", 0) + left.pop(None, 0)
    bars += [Figure(str(value), n, None) for value, n in sorted(left.items(), key=str) if n]
    return Breakdown(field_name, *titles, bars, unrecorded=_unrecorded(field_name, missing))


def _unrecorded(field_name: str, count: int) -> Figure | None:
    """The records that leave `field_name` empty: the register lists exactly them with the
    filter's "(not recorded)" choice (cooperation/object_filters.py)."""
    if not count:
        return None
    return Figure(str(_("Not recorded")), count, register_url(**{field_name: UNRECORDED}))


def _by_affair(counts: Counter[object]) -> Breakdown:
    """The government affairs (UU 23/2014 Pasal 12) cooperated on, most cooperations first,
    then in the law's order. The 32 affairs' names are one small query, whatever is counted."""
    english = (get_language() or "").startswith("en")
    bars = [
        Figure(affair.name_en if english else affair.name, counts[affair.pk],
               register_url(affair=affair.code))
        for affair in Affair.objects.order_by("position")
        if counts[affair.pk]
    ]  # fmt: skip
    return Breakdown(
        "affair",
        _("By government affair"),
        _("Government affair"),
        sorted(bars, key=lambda bar: -bar.count),  # stable: the law's order among equals
        unrecorded=_unrecorded("affair", counts[None]),
    )


def _province_of_party() -> Coalesce:
    """A party region's province: its own code when the party is a province."""
    return Coalesce("region__province_id", "region_id")


def _by_code(counts: Mapping[Hashable, int]) -> dict[str, int]:
    return {str(code): n for code, n in counts.items()}


def _province_rows(rows: QuerySet[Cooperation], span: Span = EVERYTHING) -> Rows:
    grouped = (
        Party.objects.filter(
            span.only("cooperation_id"),
            cooperation__in=rows.filter(span.only("pk")).values("pk"),
            region__isnull=False,
        )
        .annotate(province=_province_of_party(), part=Span.of("cooperation_id"))
        .values("part", "province")
        .annotate(n=Count("cooperation_id", distinct=True))
        .order_by()
    )
    return ((row["part"], row["province"], row["n"]) for row in grouped)


def _by_province(counts: dict[str, int], *, every_province: bool) -> Breakdown:
    """Cooperations with a party in each province (the province itself or one of its kab/kota),
    as the register's province filter finds them. A cooperation across provinces counts in
    each, so the bars add up to more than the total. The Ministry sees every province, those
    with none included; others the provinces they have records in."""
    names = Region.objects.filter(level=Region.Level.PROVINSI).values_list("code", "name")
    bars = [
        Figure(name, counts.get(code, 0), register_url(province=code))
        for code, name in names
        if every_province or counts.get(code)
    ]
    return Breakdown(
        "province", _("By province"), _("Province"), _most_first(bars),
        note=_("A cooperation between regions of several provinces counts in each of them."),
    )  # fmt: skip


def _own_regions(province: Region) -> QuerySet[Region]:
    return Region.objects.filter(Q(code=province.code) | Q(province_id=province.code))


def _region_rows(rows: QuerySet[Cooperation], province: Region, span: Span = EVERYTHING) -> Rows:
    grouped = (
        Party.objects.filter(
            span.only("cooperation_id"),
            cooperation__in=rows.filter(span.only("pk")).values("pk"),
            region__in=_own_regions(province).values("code"),
        )
        .annotate(part=Span.of("cooperation_id"))
        .values("part", "region_id")
        .annotate(n=Count("cooperation_id", distinct=True))
        .order_by()
    )
    return ((row["part"], row["region_id"], row["n"]) for row in grouped)


def _by_region_of(counts: dict[str, int], province: Region) -> Breakdown:
    """For the governor's bureau: cooperations of the province's own government and of each of
    its kab/kota, those with none included."""
    own = _own_regions(province)
    bars = [
        Figure(_label_of(region), counts.get(region.code, 0), register_url(region=region.code))
        for region in own.order_by("code")
    ]
    return Breakdown(
        "region", _("By region in the province"), _("Region"), _most_first(bars),
        note=_("A cooperation between several of these regions counts for each of them."),
    )  # fmt: skip


def _label_of(region: Region) -> str:
    if region.level == Region.Level.PROVINSI:
        return _("Provincial government of %(name)s") % {"name": region.name}
    return str(region.name)


def _most_first(bars: list[Figure]) -> list[Figure]:
    return sorted(bars, key=_by_count_then_name)


def _by_count_then_name(bar: Figure) -> tuple[int, str]:
    return (-bar.count, bar.label)


def scope_title(scope: Scope) -> str:
    """What the figures cover, for the page's heading."""
    name = scope.region.name if scope.region is not None else ""
    if scope.reach == Reach.PROVINCE:
        return _("%(name)s and its regencies and cities") % {"name": name}
    if scope.reach == Reach.REGION:
        return name
    return _("All of Indonesia")

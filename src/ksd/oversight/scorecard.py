"""The regional cooperation scorecard (issue 11 point 4; the method is docs/scorecard.md).

Every figure of every region comes from a handful of GROUP BY queries over stored, indexed
fields, whatever the number of regions or records: never ksd.law per row. The records behind
one region's figures are listed by `records_of` (the region's card).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ksd.bodies.models import BodyMember, BodyReport
from ksd.cooperation.models import (
    CLOSED_BY_RECORD_KEEPING,
    Cooperation,
    Dispute,
    Event,
    EventKind,
    Kind,
    Party,
)
from ksd.cooperation.stalled import rule
from ksd.cooperation.status import BEFORE_SIGNING
from ksd.core.access import visible_cooperations
from ksd.dprd.models import DprdReview
from ksd.oversight.freshness import Cache, Computed, Visitor, visibility
from ksd.oversight.summed import EVERYTHING, Rows, Span, slice_of
from ksd.regions.flags import Flag, flags_of
from ksd.regions.models import Region

StrOrPromise = str | Promise
# Raised whenever a formula, a source field or a parameter below changes (docs/scorecard.md).
METHOD_VERSION = "1"
FIRST_YEAR = 2007  # PP 50/2007


def report_abroad_days(on: dt.date) -> int | None:
    """The days after signing within which a cooperation abroad is reported: the threshold of
    the stalled-work rule "report_abroad_overdue" in force on `on`, one dated value for both the
    dashboards and the scorecard; None before it is in force (PP 28/2018, from 13 July 2018)."""
    abroad = rule("report_abroad_overdue")
    try:
        return None if abroad is None else abroad.value(on).value
    except LookupError:
        return None


def stalled_cooperations(today: dt.date) -> QuerySet[Cooperation]:
    """The stalled cooperations on `today`: the stalled-work rule "no_step" of
    cooperation/stalled.py (before signing, no step for more than its working days,
    KSD_STALLED_WORKING_DAYS), with the value in force on `today`. The one place the scorecard
    reads "stalled"; the other rules (offer unanswered, DPRD overdue...) are counted by their
    own metrics or not at all (docs/scorecard.md)."""
    no_step = rule("no_step")
    if no_step is None:  # only if the registry lost its first rule
        return Cooperation.objects.none()
    return Cooperation.objects.filter(pk__in=no_step.cooperation_ids(today))


@dataclass(frozen=True)
class Period:
    """The year the figures are for, and the day they are read on: the year's last day, or
    today while the year runs."""

    year: int
    today: dt.date

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    @property
    def on(self) -> dt.date:
        return min(self.end, self.today)

    @property
    def complete(self) -> bool:
        return self.end < self.today


@dataclass
class Share:
    """`met` of `total`; no total means no data (shown "tidak ada data", never 0%)."""

    met: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return None if self.total == 0 else self.met / self.total

    @property
    def percent(self) -> int | None:
        value = self.value
        return None if value is None else round(100 * value)


@dataclass(frozen=True)
class Metric:
    key: str
    label: StrOrPromise
    higher_is_better: bool | None  # None: shown, never ranked


METRICS = (
    Metric("active", _("Cooperation in force"), True),
    Metric("signed", _("Signed in the year"), True),
    Metric("stalled", _("Share stalled"), False),
    Metric("dprd", _("DPRD decided in time"), True),
    Metric("reports", _("Reports on time"), True),
    Metric("disputes_opened", _("Disputes raised"), None),
    Metric("disputes_settled", _("Disputes settled"), None),
)
RANKED = tuple(m for m in METRICS if m.higher_is_better is not None)


@dataclass(frozen=True)
class Rank:
    position: int
    of: int

    @property
    def percentile(self) -> int:
        """The share of the other ranked regions this one is at least as good as."""
        if self.of <= 1:
            return 100
        return round(100 * (self.of - self.position) / (self.of - 1))


@dataclass
class Row:
    code: str
    name: str
    level: str
    province: str  # the province's code; the province's own for a province
    province_name: str
    flags: frozenset[Flag] = frozenset()
    active: int = 0
    signed: int = 0
    stalled: Share = field(default_factory=Share)
    dprd: Share = field(default_factory=Share)
    dprd_no_deadline: int = 0
    reports: Share = field(default_factory=Share)
    disputes_opened: int = 0
    disputes_settled: int = 0
    province_ranks: dict[str, Rank] = field(default_factory=dict)
    national_ranks: dict[str, Rank] = field(default_factory=dict)

    def value(self, key: str) -> float | None:
        figure = getattr(self, key)
        return figure.value if isinstance(figure, Share) else float(figure)

    @property
    def level_label(self) -> str:
        return str(Region.Level(self.level).label)

    @property
    def flag_values(self) -> list[str]:
        return sorted(f.value for f in self.flags)


# ----- The figures, one aggregate query (or two) per metric -----


def _parties(cooperations: Q) -> QuerySet[Party]:
    """Region parties of the cooperations matching `cooperations` (a filter on Cooperation)
    that still count: records withdrawn or cancelled never do."""
    kept = Cooperation.objects.filter(cooperations).exclude(stage__in=CLOSED_BY_RECORD_KEEPING)
    return Party.objects.filter(region__isnull=False, cooperation__in=kept.values("pk"))


def in_force_on(day: dt.date) -> Q:
    """Signed and in force on `day`: from its start (or signing) to its end, and not ended
    earlier by termination or expiry."""
    return (
        Q(signed_on__lte=day)
        & (Q(starts_on__isnull=True) | Q(starts_on__lte=day))
        & (Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        & (Q(ended_on__isnull=True) | Q(ended_on__gte=day))
    )


def signed_in(year: int) -> Q:
    return Q(signed_on__year=year)


def in_progress() -> Q:
    return Q(stage__in=BEFORE_SIGNING)


def stalled_on(today: dt.date) -> Q:
    return Q(pk__in=stalled_cooperations(today).values("pk"))


def _decided_on() -> Coalesce:
    # A deemed approval stands over a later decision (ksd.law's dprd_clock), so it comes first.
    return Coalesce("deemed_approved_on", "approved_on", "rejected_on")


def dprd_tracks(period: Period) -> QuerySet[DprdReview]:
    """The DPRD tracks decided in the year, of records that count."""
    return (
        DprdReview.objects.exclude(cooperation__stage__in=CLOSED_BY_RECORD_KEEPING)
        .annotate(decided_on=_decided_on())
        .filter(decided_on__gte=period.start, decided_on__lte=period.on)
    )


ON_TIME = Q(deemed_approved_on__isnull=True, decision_due_on__isnull=False,
            decided_on__lte=F("decision_due_on"))  # fmt: skip
NO_DEADLINE = Q(deemed_approved_on__isnull=True, decision_due_on__isnull=True)


def _dprd_rows(period: Period, span: Span) -> Rows:
    """Per slice of the register and region: the DPRD tracks decided on time, those judged,
    and those decided without a time limit."""
    rows = (
        dprd_tracks(period)
        .filter(span.only("cooperation_id"))
        .annotate(part=Span.of("cooperation_id"))
        .order_by()
        .values("part", "region_id")
        .annotate(
            on_time=Count("id", filter=ON_TIME),
            no_deadline=Count("id", filter=NO_DEADLINE),
            decided=Count("id"),
        )
    )
    for r in rows:
        part, code = r["part"], r["region_id"]
        yield part, ("dprd_on_time", code), r["on_time"]
        yield part, ("dprd_judged", code), r["decided"] - r["no_deadline"]
        yield part, ("dprd_no_deadline", code), r["no_deadline"]


@dataclass(frozen=True)
class Obligation:
    """One report owed by (or to) a region: what, when due, when made (None: not made)."""

    kind: str  # "abroad" or "body"
    region: str
    subject_id: int  # the cooperation abroad, or the body
    subject: str
    due_on: dt.date
    made_on: dt.date | None

    @property
    def on_time(self) -> bool:
        return self.made_on is not None and self.made_on <= self.due_on


def abroad_reports(
    period: Period, regions: Iterable[str] | None = None, span: Span = EVERYTHING
) -> list[Obligation]:
    """PP 28/2018 Pasal 43 ayat (1): the initiating region reports a signed cooperation abroad
    to the Minister, within the days of the stalled-work rule "report_abroad_overdue" in force
    at the period's end (cooperation/stalled.py; the regulation sets no time, ayat (2)). Counted
    in the year its due date falls in, once it is made or its due date has passed."""
    limit = report_abroad_days(period.on)
    if limit is None:
        return []
    days = dt.timedelta(days=limit)
    rows = (
        Cooperation.objects.filter(span.only("pk"), kind=Kind.FOREIGN, initiator__isnull=False,
                                   signed_on__gte=period.start - days,
                                   signed_on__lte=period.end - days)
        .exclude(stage__in=CLOSED_BY_RECORD_KEEPING)
        .annotate(reported_on=Min("events__on",
                                  filter=Q(events__kind=EventKind.FOREIGN_REPORTED)))
        .order_by("signed_on", "pk")
        .values_list("pk", "title", "initiator_id", "signed_on", "reported_on")
    )  # fmt: skip
    if regions is not None:
        rows = rows.filter(initiator_id__in=list(regions))
    found = []
    for pk, title, region, signed_on, reported_on in rows:
        due = signed_on + days
        if reported_on is not None or due < period.today:
            found.append(Obligation("abroad", region, pk, title, due, reported_on))
    return found


def body_reports(period: Period, regions: Iterable[str] | None = None) -> list[Obligation]:
    """PP 50/2007 Pasal 25 ayat (1) huruf c: a cooperation body reports to the head of each
    member region; the law names no frequency, the scorecard expects one report a year to each
    region that was a member the whole year, due on the year's last day. A year still running
    counts a report made, never one not yet made."""
    members = BodyMember.objects.filter(
        joined_on__lte=period.start, body__decided_on__lte=period.start
    ).filter(Q(left_on__isnull=True) | Q(left_on__gte=period.end))
    if regions is not None:
        members = members.filter(region_id__in=list(regions))
    seats = list(
        members.order_by("body__name", "pk").values_list("body_id", "body__name", "region_id")
    )
    if not seats:
        return []
    made: dict[tuple[int, str], dt.date] = {}
    through = BodyReport.reported_to.through.objects.filter(
        bodyreport__body_id__in={s[0] for s in seats},
        bodyreport__submitted_on__gte=period.start,
        bodyreport__submitted_on__lte=period.on,
    ).values_list("bodyreport__body_id", "region_id", "bodyreport__submitted_on")
    for body, region, day in through:
        key = (body, region)
        made[key] = min(day, made.get(key, day))
    found = []
    for body, name, region in seats:
        day = made.get((body, region))
        if day is not None or period.complete:
            found.append(Obligation("body", region, body, name, period.end, day))
    return found


def _body_shares(period: Period) -> dict[str, tuple[int, int]]:
    """Per region: the body reports (oversight/scorecard.py body_reports) made on time, and
    owed; a small table of their own, kept apart from the register's slices."""
    shares: dict[str, tuple[int, int]] = {}
    for duty in body_reports(period):
        met, total = shares.get(duty.region, (0, 0))
        shares[duty.region] = (met + duty.on_time, total + 1)
    return shares


def disputes(period: Period, region: str | None = None, span: Span = EVERYTHING) -> list[Dispute]:
    """Disputes raised or settled in the year, of records that count."""
    rows = (
        Dispute.objects.filter(span.only("cooperation_id"))
        .exclude(cooperation__stage__in=CLOSED_BY_RECORD_KEEPING)
        .filter(
            Q(raised_on__gte=period.start, raised_on__lte=period.on)
            | Q(settled_on__gte=period.start, settled_on__lte=period.on)
        )
        .select_related("cooperation")
        .order_by("raised_on", "pk")
    )
    if region is None:
        return list(rows.defer("description", "decision_summary"))
    # The disputing regions are parties: the region's own cooperations first (by index), then
    # the disputes it is in.
    rows = rows.filter(
        cooperation__in=Party.objects.filter(region_id=region).values("cooperation_id")
    )
    return [d for d in rows if region in d.between]


def _in(day: dt.date | None, period: Period) -> bool:
    return day is not None and period.start <= day <= period.on


# ----- The table: every region of a level, then ranks -----


def _regions() -> list[Row]:
    provinces = dict(Region.objects.filter(level=Region.Level.PROVINSI).values_list("code", "name"))
    rows = []
    for code, name, level, province in Region.objects.filter(is_autonomous=True).values_list(
        "code", "name", "level", "province_id"
    ):
        home = province or code
        rows.append(Row(code, name, level, home, provinces.get(home, "")))
    return rows


def _stalled_in(today: dt.date, span: Span) -> Q:
    """`stalled_on(today)` for the cooperations of `span`: for a few slices, the rule is asked
    about their ids only (as a subquery over the whole register PostgreSQL read every stalled
    record: 34 ms for one slice at 20,000 cooperations)."""
    if span.slices is None or len(span.slices) > NARROW_SLICES:
        return stalled_on(today)
    no_step = rule("no_step")
    if no_step is None:
        return Q(pk__in=[])
    among = list(Cooperation.objects.filter(span.only("pk")).values_list("pk", flat=True))
    return Q(pk__in=no_step.cooperation_ids(today, among))


# Up to how many slices the stalled rule is asked about their ids (one query parameter each).
NARROW_SLICES = 4


def _count_rows(period: Period, span: Span = EVERYTHING) -> Rows:
    """Per slice of the register (oversight/summed.py), every region's counts: keyed (metric,
    region code)."""
    # One pass over the parties per figure: one pass with a filtered count per figure was
    # faster on PostgreSQL (0.2 s against 0.45 s at 20,000 cooperations) but slower on SQLite
    # (1.6-2.0 s against 0.9-1.1 s at 100,000), the default database.
    for name, condition in (
        ("active", in_force_on(period.on)),
        ("signed", signed_in(period.year) & Q(signed_on__lte=period.on)),
        ("open", in_progress()),
        ("stalled", _stalled_in(period.today, span)),
    ):
        parties = (
            _parties(condition & span.only("pk"))
            .filter(span.only("cooperation_id"))
            .annotate(part=Span.of("cooperation_id"))
            .order_by()
            .values_list("part", "region_id")
            .annotate(n=Count("id"))
        )
        yield from ((part, (name, code), n) for part, code, n in parties)
    yield from _dprd_rows(period, span)
    for duty in abroad_reports(period, span=span):
        part = slice_of(duty.subject_id)
        yield part, ("reports_owed", duty.region), 1
        yield part, ("reports_on_time", duty.region), int(duty.on_time)
    for dispute in disputes(period, span=span):
        part = slice_of(dispute.cooperation_id)
        for code in set(dispute.between):
            yield part, ("disputes_opened", code), int(_in(dispute.raised_on, period))
            yield part, ("disputes_settled", code), int(_in(dispute.settled_on, period))


def scorecard(period: Period) -> list[Row]:
    """Every autonomous region's figures for `period`, with its ranks in its province (kab/kota
    only) and among the regions of its level in the country."""
    counts: dict[Hashable, int] = {}
    for _part, key, n in _count_rows(period):
        counts[key] = counts.get(key, 0) + n
    return _scored(counts, _body_shares(period))


def _scored(counts: Mapping[Hashable, int], bodies: dict[str, tuple[int, int]]) -> list[Row]:
    """The rows of every autonomous region from the counts of `_count_rows` and the body
    reports, ranked."""
    rows = _regions()
    flags = flags_of(r.code for r in rows)
    of: dict[str, dict[str, int]] = defaultdict(dict)  # metric -> region -> count
    for key, n in counts.items():
        metric, code = cast(tuple[str, str], key)
        of[metric][code] = n
    (active, signed, open_, stalled, on_time, judged, no_deadline, owed, made, opened,
     settled) = (of[m] for m in ("active", "signed", "open", "stalled", "dprd_on_time",
                                 "dprd_judged", "dprd_no_deadline", "reports_owed",
                                 "reports_on_time", "disputes_opened", "disputes_settled"))  # fmt: skip
    for row in rows:
        code = row.code
        row.flags = flags.get(code, frozenset())
        row.active = active.get(code, 0)
        row.signed = signed.get(code, 0)
        row.stalled = Share(stalled.get(code, 0), open_.get(code, 0))
        row.dprd = Share(on_time.get(code, 0), judged.get(code, 0))
        row.dprd_no_deadline = no_deadline.get(code, 0)
        met, due = bodies.get(code, (0, 0))
        if due or code in owed:
            row.reports = Share(met + made.get(code, 0), due + owed.get(code, 0))
        row.disputes_opened = opened.get(code, 0)
        row.disputes_settled = settled.get(code, 0)
    _rank(rows, lambda r: r.level, "national_ranks")
    _rank([r for r in rows if r.level != Region.Level.PROVINSI], lambda r: r.province,
          "province_ranks")  # fmt: skip
    return rows


def bodies_version() -> tuple[object, ...]:
    """What the figures depend on besides the register (oversight/freshness.py): body reports
    and memberships are not events, so they count apart (small tables)."""
    bodies = BodyMember.objects.aggregate(
        last=Max("id"), left=Count("id", filter=Q(left_on__isnull=False))
    )
    reports = BodyReport.objects.aggregate(last=Max("id"))["last"]
    return (bodies["last"], bodies["left"], reports)


def cached_scorecard(period: Period) -> Computed[list[Row]]:
    """`scorecard(period)` as the pages read it: computed once for every region and kept in the
    cache until a step is recorded, a body report or membership changes, or the day changes
    (oversight/freshness.py); with the time it was computed. After a step, the register's counts
    are read again only for the slices of the register it changed (oversight/summed.py)."""
    figures = Cache("scorecard", extra=bodies_version)
    key = f"{METHOD_VERSION}.{period.year}"

    def computed() -> list[Row]:
        counts = figures.counts(
            f"{key}.{period.today.isoformat()}", lambda span: _count_rows(period, span)
        )
        bodies = figures.get(f"bodies.{key}", lambda: _body_shares(period))
        return _scored(counts, bodies)

    return figures.computed(key, computed, shared=False)


def _rank(rows: list[Row], group: Callable[[Row], str], into: str) -> None:
    """Standard competition ranks ("1, 2, 2, 4") of each ranked metric within each group;
    regions with no data on a metric are not ranked on it."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[group(row)].append(row)
    for members in groups.values():
        for metric in RANKED:
            key = metric.key
            scored = [(_value(getattr(r, key)), r) for r in members]
            values = sorted(v for v, _ in scored if v is not None)
            for value, row in scored:
                if value is None:
                    continue
                # The regions strictly better: above it, or below it when lower is better.
                if metric.higher_is_better:
                    better = len(values) - bisect_right(values, value)
                else:
                    better = bisect_left(values, value)
                getattr(row, into)[key] = Rank(better + 1, len(values))


def _value(figure: Share | int) -> float | None:
    """Row.value of a figure already read."""
    return figure.value if isinstance(figure, Share) else float(figure)


# ----- One region's card: the records behind each figure -----


def _stalled_of(parties: QuerySet[Any], today: dt.date) -> list[int]:
    """The ids of a region's stalled cooperations (`parties`: its party rows' cooperation ids):
    the rule's indexed condition narrowed to the region first, then read as a short list. As
    one nested subquery SQLite read every stalled record of the country (0.5 s at 100,000)."""
    no_step = rule("no_step")
    if no_step is None:
        return []
    ids = no_step.cooperation_ids(today).filter(pk__in=parties)
    return list(ids.values_list("pk", flat=True))


def cached_records(code: str, period: Period, user: Visitor) -> Records:
    """`records_of` as the region's card reads it: kept until a step is recorded on one of the
    region's cooperations (a party's, or one it initiated), a party is added or removed, a
    body report or membership changes, or the day changes; a step elsewhere in the country
    leaves the card's lists as they are."""

    def region_version() -> tuple[object, ...]:
        parties = Party.objects.filter(region_id=code)
        theirs = Q(cooperation_id__in=parties.values("cooperation_id")) | Q(
            cooperation_id__in=Cooperation.objects.filter(initiator_id=code).values("pk")
        )
        last = Event.objects.filter(theirs).aggregate(last=Max("id"))["last"]
        return (last, parties.count(), *bodies_version())

    visible = visible_cooperations(user)
    card = Cache("card", extra=region_version, register=False)
    return card.get(f"{code}.{period.year}.{visibility(user)}",
                    lambda: records_of(code, period, visible))  # fmt: skip


# How many records of each kind a region's card lists; the register lists them all (the card
# links to it with the same filters), so a busy region's card stays one short page.
CARD_ROWS = 25


@dataclass
class Records:
    active: list[Cooperation]
    signed: list[Cooperation]
    in_progress: list[Cooperation]
    stalled: list[Cooperation]
    dprd: list[DprdReview]
    reports: list[Obligation]
    disputes: list[Dispute]


def records_of(code: str, period: Period, visible: QuerySet[Cooperation]) -> Records:
    """The records counted in `code`'s figures, limited to `visible` (the viewer's access door:
    for a region in their scope it holds them all): of each list of cooperations the first
    CARD_ROWS (latest signed first; before signing, latest offered first), and of the DPRD tracks the CARD_ROWS latest decided; each
    list one query."""
    parties = Party.objects.filter(region_id=code).values("cooperation_id")
    mine = visible.filter(pk__in=parties).exclude(stage__in=CLOSED_BY_RECORD_KEEPING)
    signed_first = mine.order_by("-signed_on", "title", "pk")
    # Records before signing have no signing date: the latest offered first, along the
    # register's own index (coop_by_offered), so the first page is found without a sort.
    offered_first = mine.order_by("-offered_on", "-id")

    def listed(condition: Q, rows: QuerySet[Cooperation] = signed_first) -> list[Cooperation]:
        return list(rows.filter(condition).only(
            "pk", "title", "stage", "kind", "signed_on", "starts_on", "ends_on", "ended_on",
            "last_step_on", "offered_on")[:CARD_ROWS])  # fmt: skip

    tracks = dprd_tracks(period).filter(region_id=code)
    if visible.query.has_filters():  # not the Ministry's whole register: through the door
        tracks = tracks.filter(cooperation__in=visible.values("pk"))
    tracks = list(tracks.select_related("cooperation").order_by("-decided_on", "-pk")[:CARD_ROWS])
    abroad = abroad_reports(period, [code])
    # Only the few subjects of the year's reports and disputes are checked against the door.
    disputed = disputes(period, code)
    subjects = {o.subject_id for o in abroad} | {d.cooperation_id for d in disputed}
    shown = set(visible.filter(pk__in=subjects).values_list("pk", flat=True)) if subjects else set()
    return Records(
        active=listed(in_force_on(period.on)),
        signed=listed(signed_in(period.year) & Q(signed_on__lte=period.on)),
        in_progress=listed(in_progress(), offered_first),
        stalled=listed(Q(pk__in=_stalled_of(parties, period.today)), offered_first),
        dprd=tracks,
        reports=[o for o in abroad if o.subject_id in shown] + body_reports(period, [code]),
        disputes=[d for d in disputed if d.cooperation_id in shown],
    )

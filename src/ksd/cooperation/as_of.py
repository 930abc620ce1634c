"""The register and a cooperation as they stood on a past date, read from the event log.

"As it stood on D" is what the register had *recorded* by the end of D (23:59:59 Western
Indonesia Time, Asia/Jakarta, the register's own zone: settings.TIME_ZONE): events whose `at`
falls before D+1 00:00 WIB. So, for an audit:

- a record entered after D does not appear; a record cancelled or withdrawn after D does (it was
  in the register then), to those who may still open it;
- the stage is the one the events recorded by then left (Event.stage);
- a correction recorded after D is not applied: the value shown is the one it replaced, even if
  the correction says the earlier value was wrong all along;
- a step recorded after D has not happened yet: its dates and numbers are empty, even when the
  step's legal date (`on`) is on or before D (it was entered late).

The register filters by the stage, title and offer year as they stood; kind, regulation, the
parties and the object are read as they stand now (they change only by a rare correction before
the offer is accepted), and the stored deadline flags describe today only, so they are not
offered. Lists read one subquery per row over indexes (migration 0023), never the law per row;
ksd.law assesses only the one cooperation a page shows, on the facts as they stood.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    DateField,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Cast, Coalesce, Greatest
from django.utils.translation import gettext as _

from ksd.cooperation import object_filters
from ksd.cooperation.models import (
    CLOSED_BY_RECORD_KEEPING,
    Cooperation,
    Event,
    EventKind,
    Party,
    Stage,
)
from ksd.core.dates import show
from ksd.regions.models import Affair, Region

# The first day a register as of a date can show: PP 50/2007 was made in 2007.
FIRST_DAY = dt.date(2007, 1, 1)
# Filters that describe today only (the stored status), not offered for a past date.
TODAY_ONLY_FILTERS = (
    "overdue", "expiring", "expiring_within", "stalled", "in_force", "signed_year"
)  # fmt: skip


class BadDayError(ValueError):
    """A date the register cannot be shown as of; the message says why, in the page's language."""


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def parse_day(value: str, *, today: dt.date) -> dt.date:
    """The date written YYYY-MM-DD, from 1 January 2007 to today."""
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadDayError(
            _("“%(value)s” is not a date: write it as YYYY-MM-DD, for example 2020-12-31.")
            % {"value": value.strip()[:20]}
        ) from None
    if day < FIRST_DAY:
        raise BadDayError(
            _("The register can be shown as of %(first)s or later (PP 50/2007 was made in 2007).")
            % {"first": show(FIRST_DAY)}
        )
    if day > today:
        raise BadDayError(
            _("%(day)s is in the future: the register can be shown as of today (%(today)s) at "
              "the latest.") % {"day": show(day), "today": show(today)}
        )  # fmt: skip
    return day


def end_of(day: dt.date) -> dt.datetime:
    """The first instant after `day` in the register's zone: events before it count."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone())


# ----- The register: set-based, one subquery per row over an index -----


def _stage_then(end: dt.datetime) -> Subquery:
    """The stage the latest event recorded before `end` left (index event_asof_stage)."""
    return Subquery(
        Event.objects.filter(cooperation=OuterRef("pk"), at__lt=end)
        .exclude(stage="")
        .order_by("-at", "-id")
        .values("stage")[:1]
    )


def _replaced_after(fact: str, end: dt.date | dt.datetime) -> Subquery:
    """The value the first correction of `fact` recorded at or after `end` replaced (index
    event_asof_corrections), as text; NULL when none was."""
    return Subquery(
        Event.objects.filter(
            cooperation=OuterRef("pk"), kind=EventKind.RECORD_CORRECTED, at__gte=end,
            changes__fact=fact,
        )
        .order_by("at", "id")
        .annotate(old=KeyTextTransform("old", "changes"))
        .values("old")[:1],
        output_field=CharField(),
    )  # fmt: skip


def _corrected_after(fact: str, end: dt.datetime) -> QuerySet[Event]:
    """The ids of the records whose `fact` was corrected at or after `end`: few, whatever the
    size of the register (index event_asof_corrections)."""
    return Event.objects.filter(
        kind=EventKind.RECORD_CORRECTED, at__gte=end, changes__fact=fact
    ).values("cooperation_id")


def _closed_by(end: dt.datetime) -> QuerySet[Cooperation]:
    """The ids of the records withdrawn or cancelled before `end`. Both are final, so only a
    record closed today can have been closed then: the set starts from those few (index
    coop_by_stage) and asks each one's own log (index event_asof_stage). As a condition per row
    instead, PostgreSQL chose to hash every closing event, reading the whole event table."""
    return (
        Cooperation.objects.filter(stage__in=CLOSED_BY_RECORD_KEEPING)
        .filter(Exists(Event.objects.filter(
            cooperation=OuterRef("pk"), at__lt=end, stage__in=CLOSED_BY_RECORD_KEEPING
        )))
        .values("pk")
    )  # fmt: skip


def _then_matches(fact: str, current: Q, then: Q, end: dt.datetime) -> Q:
    """`current` for the records whose `fact` nobody corrected since `end`; `then` (on the value
    as it stood, a subquery per row) only for the few that were."""
    corrected = _corrected_after(fact, end)
    return (current & ~Q(pk__in=corrected)) | (Q(pk__in=corrected) & then)


def annotate_then(rows: QuerySet[Cooperation], day: dt.date) -> QuerySet[Cooperation]:
    """`rows` entered by the end of `day` (created_at: a record's first event is recorded with
    it), with the aliases stage_then, title_then and offered_then (the offer date as
    YYYY-MM-DD text) for filters and sorts."""
    end = end_of(day)
    # Aliases, not annotations: computed only where a filter or the sort reads them (the page's
    # own values come from then_rows), so a count never runs them for rows it merely counts.
    return rows.filter(created_at__lt=end).alias(
        stage_then=_stage_then(end),
        title_then=Coalesce(_replaced_after("title", end), F("title")),
        offered_then=Coalesce(
            _replaced_after("offered_on", end), Cast("offered_on", output_field=CharField())
        ),
    )


def last_dated(day: dt.date) -> dt.date:
    """The latest legal date a step entered by the end of `day` (WIB) can bear: a step may be
    dated on the latest calendar day anywhere in Indonesia (core/dates.today_at), and between
    22:00 and midnight WIB it is already the next day in eastern Indonesia (WIT)."""
    return day + dt.timedelta(days=1)


def _latest(fact: str, day: dt.date) -> Greatest:
    """The latest date `fact` of a record dated by the end of `day` can hold today: the last
    day a step entered by then can bear (last_dated), or later for a record whose date a
    correction recorded after `day` moved. One value for the whole query, so an index on
    `fact` can use it as its bound."""
    moved = Cooperation.objects.filter(pk__in=_corrected_after(fact, end_of(day)))
    bound = Value(last_dated(day), output_field=DateField())
    return Greatest(bound, Coalesce(Subquery(moved.order_by(f"-{fact}").values(fact)[:1]), bound))


def register_as_of(
    visible: QuerySet[Cooperation], filters: dict[str, Any], day: dt.date
) -> QuerySet[Cooperation]:
    """The register as it stood at the end of `day`, from the cooperations the user may see
    (`visible`, the access door's), narrowed by the register's filters where they apply.

    Every sort reads its column as it stood (sort_key): the stage of the day, and the title,
    offer date, end date, kind and regulation before any later correction or extension.
    """
    end = end_of(day)
    # An offer entered by the end of `day` is dated by the next day at the latest (last_dated),
    # unless a later correction moved its date: this bound lets the register's offer-date index
    # start there instead of skipping every later record.
    latest = _latest("offered_on", day)
    rows = (
        annotate_then(visible, day).filter(offered_on__lte=latest).exclude(pk__in=_closed_by(end))
    )
    if filters.get("q"):
        rows = rows.filter(
            _then_matches("title", Q(title__icontains=filters["q"]),
                          Q(title_then__icontains=filters["q"]), end)
        )  # fmt: skip
    if stages := filters.get("stages") or ([filters["stage"]] if filters.get("stage") else []):
        rows = rows.filter(stage_then__in=stages)
    if filters.get("year"):
        year = filters["year"]
        rows = rows.filter(
            _then_matches("offered_on", Q(offered_on__year=year),
                          Q(offered_then__startswith=f"{year}-"), end)
        )  # fmt: skip
    for name in ("kind", "regime"):
        if filters.get(name):
            rows = rows.filter(**{name: filters[name]})
    rows = object_filters.narrow(rows, filters)
    rows = _narrow_by_parties(rows, filters, end)
    sort = filters.get("sort") or "-offered_on"
    name = sort.lstrip("-")
    if name == "next_due_on":  # a deadline is today's: the past is read by offer date
        sort, name = "-offered_on", "offered_on"
    key = sort_key(name, day, visible)
    return rows.alias(sort_then=key).order_by(
        F("sort_then").desc() if sort.startswith("-") else F("sort_then").asc(), "-id"
    )


# ----- The parties as they stood -----

# A region's key is its Kemendagri code ("34" or "34.71"); a third party's is its name.
_REGION_CODE = re.compile(r"\d{2}(\.\d{2})?")


@dataclass(frozen=True)
class PartiesThen:
    """The parties of a record as they stood, when a correction recorded since changed them:
    the regions' codes, the regions' names and the third parties' names."""

    codes: frozenset[str]
    region_names: tuple[str, ...]
    third_party_names: tuple[str, ...]

    def name_holds(self, text: str, *, third_parties: bool = True) -> bool:
        """Whether a party's name holds `text`, case aside (as `icontains`)."""
        names = self.region_names + (self.third_party_names if third_parties else ())
        return any(text.casefold() in name.casefold() for name in names)


def parties_changed_after(end: dt.datetime) -> dict[int, PartiesThen]:
    """The records whose parties a correction recorded at or after `end` changed (few: parties
    are corrected only before the offer is accepted), with their parties as they stood. One
    query over those records' party events, whatever the size of the register: the offer and
    each correction of the parties (corrections/services.py correct_parties) name them."""
    latest_keys: dict[int, list[str]] = {}
    names_then: dict[int, list[str]] = {}
    events = (
        Event.objects.filter(cooperation__in=_corrected_after("parties", end))
        .filter(Q(kind=EventKind.OFFERED)
                | Q(kind=EventKind.RECORD_CORRECTED, changes__fact="parties"))
        .order_by("at", "id")
        .values_list("cooperation_id", "at", "kind", "changes")
    )  # fmt: skip
    for cooperation_id, at, kind, changes in events:
        changes = changes if isinstance(changes, dict) else {}
        if at < end:  # the latest list of keys recorded by then
            effects = changes.get("effects") or {}
            keys = (
                changes.get("parties") if kind == EventKind.OFFERED else effects.get("party_keys")
            )
            latest_keys[cooperation_id] = [str(k) for k in keys or []]
        elif kind == EventKind.RECORD_CORRECTED and cooperation_id not in names_then:
            # The first correction since names the parties it replaced: those of the day.
            names_then[cooperation_id] = [str(name) for name in changes.get("old") or []]
    found = {}
    for cooperation_id, names in names_then.items():
        keys = latest_keys.get(cooperation_id, [])
        third = tuple(k for k in keys if not _REGION_CODE.fullmatch(k))
        found[cooperation_id] = PartiesThen(
            codes=frozenset(k for k in keys if _REGION_CODE.fullmatch(k)),
            region_names=tuple(n for n in names if n not in third),
            third_party_names=third,
        )
    return found


def parties_match(
    today: QuerySet[Any], changed: dict[int, PartiesThen], then: Callable[[PartiesThen], bool]
) -> Q:
    """The records one of whose parties matched as they stood: `today` (the ids whose parties
    match now) for the records nobody changed the parties of since, `then` for the few in
    `changed` (parties_changed_after)."""
    if not changed:
        return Q(pk__in=today)
    matched = [pk for pk, parties in changed.items() if then(parties)]
    return (Q(pk__in=today) & ~Q(pk__in=list(changed))) | Q(pk__in=matched)


def _narrow_by_parties(
    rows: QuerySet[Cooperation], filters: dict[str, Any], end: dt.datetime
) -> QuerySet[Cooperation]:
    """The register's region and province filters on the parties as they stood: a party added
    by a correction after the day was not one then, a party removed since was."""
    regions = filters.get("regions") or ([filters["region"]] if filters.get("region") else [])
    provinces = filters.get("provinces") or (
        [filters["province"]] if filters.get("province") else []
    )
    if not regions and not provinces:
        return rows
    changed = parties_changed_after(end)  # one query for every filter
    for region in regions:  # every region given
        if region[:1].isdigit():
            today = Party.objects.filter(region_id=region)
            rows = rows.filter(parties_match(today.values("cooperation_id"), changed,
                                             lambda p, code=region: code in p.codes))  # fmt: skip
        else:
            today = Party.objects.filter(region__name__icontains=region)
            rows = rows.filter(parties_match(
                today.values("cooperation_id"), changed,
                lambda p, text=region: p.name_holds(text, third_parties=False),
            ))  # fmt: skip
    for province in provinces:  # a party in every province given
        code = province.code
        today = Party.objects.filter(Q(region__province_id=code) | Q(region_id=code))
        inside = _codes_in(code, changed)
        rows = rows.filter(parties_match(today.values("cooperation_id"), changed,
                                         lambda p, inside=inside: bool(p.codes & inside)))  # fmt: skip
    return rows


def _codes_in(province: str, changed: dict[int, PartiesThen]) -> frozenset[str]:
    """Of the codes the parties then held, the province's own and its regions' (a region keeps
    its code when it moves to a new province: its row says where it is). No query when no
    record's parties changed since."""
    codes = set().union(*(p.codes for p in changed.values()))
    if not codes:
        return frozenset()
    return frozenset(
        Region.objects.filter(
            Q(province_id=province) | Q(code=province), code__in=codes
        ).values_list("code", flat=True)
    )


# Stages in which the agreement had been signed: its number, dates and term exist.
SIGNED_STAGES = (Stage.SIGNED, Stage.IMPLEMENTING, Stage.TERMINATED, Stage.EXPIRED)


def _changed_after(end: dt.datetime, *, fact: str, extended: bool = False) -> Q:
    """The events recorded at or after `end` that replaced `fact`: a correction of it, a
    correction whose effects changed it (the kind and regulation follow other facts), and, for
    the end date, an amendment that extended it."""
    changed = Q(kind=EventKind.RECORD_CORRECTED) & (
        Q(changes__fact=fact) | Q(changes__effects__has_key=fact)
    )
    if extended:
        changed |= Q(kind=EventKind.EXTENDED)
    return Q(at__gte=end) & changed


def _value_before(end: dt.datetime, fact: str, *, extended: bool = False) -> Subquery:
    """The value of `fact` the first event recorded at or after `end` replaced, as text (dates
    as YYYY-MM-DD): what the record said at the end of the day, as `rewind` takes it back."""
    return Subquery(
        Event.objects.filter(_changed_after(end, fact=fact, extended=extended),
                             cooperation=OuterRef("pk"))
        .order_by("at", "id")
        .annotate(old=Case(
            When(changes__fact=fact, then=KeyTextTransform("old", "changes")),
            When(kind=EventKind.EXTENDED, then=KeyTextTransform(0, KeyTransform(fact, "changes"))),
            default=KeyTextTransform(0, KeyTransform(fact, KeyTransform("effects", "changes"))),
            output_field=CharField(),
        ))
        .values("old")[:1],
        output_field=CharField(),
    )  # fmt: skip


def _changed_ids(end: dt.datetime, fact: str, *, extended: bool = False) -> QuerySet[Event]:
    """The ids of the records whose `fact` an event recorded at or after `end` replaced: a range
    of a partial index per kind (event_asof_corrections, event_asof_extended). A union, not an
    OR over the kinds, which both databases answered by reading the whole event table."""
    corrected = Event.objects.filter(_changed_after(end, fact=fact)).order_by()
    if not extended:
        return corrected.values("cooperation_id")
    extensions = Event.objects.filter(kind=EventKind.EXTENDED, at__gte=end).order_by()
    return corrected.values("cooperation_id").union(extensions.values("cooperation_id"))


def _then(end: dt.datetime, fact: str, current: Any, *, extended: bool = False) -> Case:
    """`fact` as it stood at `end`: today's column (`current`) for the records nobody changed
    since, the value replaced (a subquery per row) only for the few that were, found by one set
    of ids (the corrections' partial index) rather than a probe per row."""
    return Case(
        When(
            pk__in=_changed_ids(end, fact, extended=extended),
            then=_value_before(end, fact, extended=extended),
        ),
        default=current,
        output_field=CharField(),
    )


def sort_key(name: str, day: dt.date, visible: QuerySet[Cooperation]) -> Any:
    """What the register as of `day` sorts by, for the column `name` (queries.SORTS): each
    column's value as it stood at the end of `day`, so a record's place on a page is the one
    its row shows. Dates compare as YYYY-MM-DD text; a record not yet signed then has no end
    date (NULL, sorted where the database sorts an empty end date today)."""
    end = end_of(day)
    if name == "stage":
        return _stage_then(end)
    if name == "ends_on":
        return _ends_then(day)
    fact = name if name in ("title", "kind", "regime") else "offered_on"
    return column_then(visible, end, fact)


def _ends_then(day: dt.date) -> Case:
    """The end date as it stood at the end of `day`, for the register's rows (which carry the
    alias stage_then): empty unless the agreement had been signed by then, else the end date
    before any later correction or extension.

    "Signed by then" reads no event for most records: a record signed today, dated by then
    (last_dated, or moved since by a correction: _latest) and whose signing was not recorded
    after the day was signed by then (a signed record without a signing event was imported as
    signed, and entered by then). Only the few whose signing, or a signatory's, was recorded
    after the day, found as one set (index event_asof_signed), are asked their stage of the day.
    A subquery per record instead read the log of every record entered by then."""
    end = end_of(day)
    signed_later = Event.objects.filter(kind=EventKind.SIGNED, at__gte=end).values("cooperation_id")
    ends = _then(end, "ends_on", Cast("ends_on", output_field=CharField()), extended=True)
    nothing = Value(None, output_field=CharField())
    return Case(
        When(Q(signed_on__isnull=True) | Q(signed_on__gt=_latest("signed_on", day)), then=nothing),
        When(pk__in=signed_later, then=Case(
            When(stage_then__in=SIGNED_STAGES, then=ends), default=nothing,
            output_field=CharField(),
        )),
        default=ends,
        output_field=CharField(),
    )  # fmt: skip


def column_then(visible: QuerySet[Cooperation], end: dt.datetime, fact: str) -> Any:
    """The column `fact` as it stood at `end`, to sort by: the column itself, read along its
    index, when none of the records `visible` had it changed since (one small query over the
    corrections' partial index, and the usual case for a region's register); else today's
    value for the records nobody changed and the replaced value for the few that were."""
    if not visible.filter(pk__in=_changed_ids(end, fact)).exists():
        return F(fact)
    if fact in DATE_FACTS:
        return _then(end, fact, Cast(fact, output_field=CharField()))
    return _then(end, fact, F(fact))


# ----- The public register as it stood -----


def public_as_of(public: QuerySet[Cooperation], day: dt.date) -> QuerySet[Cooperation]:
    """The public register as it stood at the end of `day`, from today's (`public`: published,
    signed, neither withdrawn nor cancelled, core/access.py): the records entered by then that
    had been published by then (no publication recorded after the day; a record imported as
    published, always a signed agreement, was published when it was entered). Publication
    needs a signed agreement (after_signing/services.py publish), so each was signed by then,
    and its stage then was a public one (PUBLIC_STAGES) with no lookup per row. A record
    cancelled since is not shown again: it was entered by mistake.
    Aliases title_then and signed_then (the signing date then, the sort)."""
    end = end_of(day)
    published_later = Event.objects.filter(
        cooperation=OuterRef("pk"), kind=EventKind.PUBLISHED, at__gte=end
    )  # index event_asof_published
    # Signed by then, so dated by then (last_dated) unless a correction since moved the date:
    # the public register's signing-date index starts there. A date, not a subquery (as _latest):
    # PostgreSQL then walks the index from it instead of sorting every record signed before.
    moved = Cooperation.objects.filter(pk__in=_corrected_after("signed_on", end)).aggregate(
        latest=Max("signed_on")
    )["latest"]
    return (
        annotate_then(public, day)
        .filter(signed_on__lte=max(last_dated(day), moved or day))
        .exclude(Exists(published_later))
        .alias(signed_then=column_then(public, end, "signed_on"))
    )


# The record's facts the public search reads as text (queries.public_register).
SEARCHED_FACTS = ("title", "agreement_number", "sector")


def searched_as_of(rows: QuerySet[Cooperation], query: str, day: dt.date) -> QuerySet[Cooperation]:
    """The `rows` the public search finds as of `day`, by each searched fact as it stood: the
    title, the agreement's number, the sector, the government affair and the parties. Each is
    today's column for the records nobody corrected since (one set of ids per fact, over the
    corrections' index) and the value a correction replaced, a subquery, for the few that
    were. A condition on each row the public register's signing-date index walk meets, as
    the other filters as of a day; a list of ids OR-ed with another made SQLite fetch both in
    full and sort them. One query more, for the parties as they stood (parties_changed_after).
    The caller narrows `rows` first to today's matches and `searched_changed` (an index union,
    evaluated once), so that the conditions here run only on those."""
    end = end_of(day)
    columns = {"affair": F("affair__code")}  # a correction names the affair by its code
    rows = rows.alias(**{
        f"searched_{fact}": Case(
            When(pk__in=_corrected_after(fact, end), then=_replaced_after(fact, end)),
            default=columns.get(fact, F(fact)), output_field=CharField(),
        )
        for fact in (*SEARCHED_FACTS, "affair")
    })  # fmt: skip
    affairs = Affair.objects.filter(Q(name__icontains=query) | Q(name_en__icontains=query))
    found = Q(searched_affair__in=affairs.values("code"))
    for fact in SEARCHED_FACTS:
        found |= Q(**{f"searched_{fact}__icontains": query})
    by_region, by_name = party_matches(query)
    found |= parties_match(
        by_region.union(by_name), parties_changed_after(end), lambda p: p.name_holds(query)
    )
    return rows.filter(found)


def searched_changed(day: dt.date) -> QuerySet[Event]:
    """The ids of the records a correction recorded after `day` changed a searched fact of
    (searched_as_of): few, over the corrections' index."""
    return (
        Event.objects.filter(
            kind=EventKind.RECORD_CORRECTED, at__gte=end_of(day),
            changes__fact__in=(*SEARCHED_FACTS, "affair", "parties"),
        )
        .order_by()
        .values("cooperation_id")
    )  # fmt: skip


def party_matches(query: str) -> tuple[QuerySet[Any], QuerySet[Any]]:
    """The ids of the cooperations one of whose parties today is named with `query`, a
    region's name ("Sleman") or a third party's: two index scans, for a union."""
    regions = Region.objects.filter(name__icontains=query).values("code")
    return (
        Party.objects.filter(region_id__in=regions).order_by().values("cooperation_id"),
        Party.objects.filter(third_party_name__icontains=query).order_by().values("cooperation_id"),
    )


def published_documents(documents: QuerySet[Any], day: dt.date) -> QuerySet[Any]:
    """Of today's public `documents`, those already published at the end of `day`: uploaded by
    then, and not published (documents/sharing.py) after it."""
    end = end_of(day)
    later = (
        Event.objects.filter(
            cooperation=OuterRef("cooperation_id"), kind=EventKind.DOCUMENT_PUBLISHED, at__gte=end
        )
        .annotate(document=Cast(KeyTextTransform("document", "changes"), IntegerField()))
        .filter(document=OuterRef("pk"))
    )
    return documents.filter(uploaded_at__lt=end).exclude(Exists(later))


# ----- One record as it stood: its current row, with what came later taken back -----

SIGNED_FIELDS = ("agreement_number", "signed_on", "starts_on", "ends_on", "term_years")
DATE_FACTS = frozenset({
    "offered_on", "joint_agreement_signed_on", "signed_on", "starts_on", "ends_on",
    "implementation_started_on", "ended_on", "received_on", "opinion_sent_on",
    "opinion_received_on", "resubmitted_on", "approved_on", "rejected_on", "accepted_on",
    "declined_on",
})  # fmt: skip
# What a step recorded later had set, emptied again (its value did not exist by then).
_STEP_FIELDS: dict[int, tuple[str, ...]] = {
    EventKind.JOINT_AGREEMENT_SIGNED: ("joint_agreement_number", "joint_agreement_signed_on"),
    EventKind.SIGNED: SIGNED_FIELDS,
    EventKind.IMPLEMENTATION_STARTED: ("implementation_started_on",),
    EventKind.TERMINATED: ("ended_on", "termination_ground", "termination_initiator"),
    EventKind.EXPIRED: ("ended_on",),
}
_REVIEW_FIELDS: dict[int, tuple[str, ...]] = {
    EventKind.DPRD_OPINION: ("opinion_sent_on", "opinion_received_on"),
    EventKind.DPRD_RESUBMITTED: ("resubmitted_on",),
    EventKind.DPRD_APPROVED: ("approved_on",),
    EventKind.DPRD_REJECTED: ("rejected_on",),
    EventKind.DPRD_DEEMED_APPROVED: ("deemed_approved_on",),
}


def _value(fact: str, text: Any) -> Any:
    if fact in DATE_FACTS and isinstance(text, str):
        return dt.date.fromisoformat(text)
    if text is None and fact not in DATE_FACTS and fact != "affair":
        return ""
    return text


@dataclass
class Then:
    """A cooperation as it stood: a detached copy of the record, its parties and DPRD tracks,
    the events recorded by then, and what was taken back (for the page to say so)."""

    day: dt.date
    cooperation: Cooperation
    parties: list[Party]
    reviews: list[Any]
    events: list[Event]
    later_corrections: list[Event] = field(default_factory=list)
    parties_then: list[str] | None = None  # names, when the parties were corrected later


def _detached(obj: Any) -> Any:
    """A copy of a model instance whose changes (and cached relations) leave `obj` alone."""
    twin = copy.copy(obj)
    twin._state = copy.copy(obj._state)
    twin._state.fields_cache = dict(obj._state.fields_cache)
    return twin


def _empty(obj: Any, names: Iterable[str]) -> None:
    for name in names:
        current = getattr(obj, name)
        setattr(obj, name, "" if isinstance(current, str) else None)


def rewind(
    cooperation: Cooperation,
    parties: list[Party],
    reviews: list[Any],
    later: list[Event],
    stage: str,
    affairs: dict[str, Affair] | None = None,
) -> tuple[list[Any], list[str] | None]:
    """Take back, newest first, what the events in `later` (recorded after the day) did to the
    detached `cooperation`, `parties` and `reviews`; returns the tracks that existed then and
    the parties' names then if a later correction changed them. `affairs`: the government
    affairs a later correction replaced, by code (affairs_replaced)."""
    by_key = {p.key: p for p in parties}
    tracks = {r.region_id: r for r in reviews}
    parties_then: list[str] | None = None
    for event in sorted(later, key=lambda e: (e.at, e.id), reverse=True):
        changes = event.changes if isinstance(event.changes, dict) else {}
        kind = event.kind
        if kind == EventKind.RECORD_CORRECTED:
            fact, old = changes.get("fact", ""), changes.get("old")
            effects = changes.get("effects") or {}
            if fact == "parties":
                parties_then = [str(name) for name in old or []]
            elif fact == "burden" and event.region_id:
                party = by_key.get(event.region_id)
                if party is not None:
                    party.burden = old
            elif fact in ("accepted_on", "declined_on") and event.region_id in by_key:
                setattr(by_key[event.region_id], fact, _value(fact, old))
            elif event.region_id and fact in _all_review_fields():
                review = tracks.get(event.region_id)
                if review is not None:
                    setattr(review, fact, _value(fact, old))
            elif fact == "affair":  # the correction names it by its code, not its id
                cooperation.affair = (affairs or {}).get(old) if old else None
            elif hasattr(cooperation, fact):
                setattr(cooperation, fact, _value(fact, old))
            for name in ("regime", "kind"):
                if isinstance(effects.get(name), list):
                    setattr(cooperation, name, effects[name][0])
            if fact == "offered_on" and isinstance(old, str):
                cooperation.governing_on = dt.date.fromisoformat(old)
        elif kind in _STEP_FIELDS:
            _empty(cooperation, _STEP_FIELDS[kind])
        elif kind == EventKind.EXTENDED and isinstance(changes.get("ends_on"), list):
            cooperation.ends_on = _value("ends_on", changes["ends_on"][0])
        elif kind == EventKind.PUBLISHED:
            cooperation.is_published = False
        elif kind == EventKind.OFFER_ACCEPTED and event.region_id in by_key:
            by_key[event.region_id].accepted_on = None
        elif kind == EventKind.OFFER_DECLINED and event.region_id in by_key:
            by_key[event.region_id].declined_on = None
        elif kind == EventKind.DPRD_SUBMITTED:
            tracks.pop(event.region_id or "", None)
        elif kind in _REVIEW_FIELDS and event.region_id in tracks:
            _empty(tracks[event.region_id], _REVIEW_FIELDS[kind])
    cooperation.stage = stage
    return [r for r in reviews if r.region_id in tracks], parties_then


def affairs_replaced(later: Iterable[Event]) -> dict[str, Affair]:
    """The government affairs the corrections in `later` replaced, by code: one query, and
    none when no correction there replaced an affair."""
    codes = {
        e.changes.get("old")
        for e in later
        if e.kind == EventKind.RECORD_CORRECTED and isinstance(e.changes, dict)
        and e.changes.get("fact") == "affair" and e.changes.get("old")
    }  # fmt: skip
    return {a.code: a for a in Affair.objects.filter(code__in=codes)} if codes else {}


def _all_review_fields() -> frozenset[str]:
    return frozenset(
        ("received_on", "opinion_sent_on", "opinion_received_on", "resubmitted_on",
         "approved_on", "rejected_on")
    )  # fmt: skip


def then_rows(rows: list[Cooperation], day: dt.date) -> list[Cooperation]:
    """The register page's rows as they stood (one query for the page, whatever its size):
    each a detached copy with its title, dates and stage of the day, and its parties' names of
    the day (`party_names`) where a later correction changed them."""
    end = end_of(day)
    later: dict[int, list[Event]] = {}
    stage: dict[int, str] = {}
    kinds = (EventKind.RECORD_CORRECTED, EventKind.EXTENDED, *_STEP_FIELDS)
    # Every event of the page's records, in the order recorded: the stage of the day is the
    # latest one's before the end of it; what came later is taken back.
    for event in (
        Event.objects.filter(cooperation__in=[c.pk for c in rows])
        .only("cooperation_id", "kind", "at", "region_id", "changes", "stage")
        .order_by("at", "id")
    ):
        if event.at < end:
            stage[event.cooperation_id] = event.stage or stage.get(event.cooperation_id, "")
        elif event.kind in kinds:
            later.setdefault(event.cooperation_id, []).append(event)
    shown_rows = []
    affairs = affairs_replaced(e for events in later.values() for e in events)
    for row in rows:
        then = _detached(row)
        parties = [_detached(p) for p in row.parties.all()]
        _, names_then = rewind(
            then, parties, [], later.get(row.pk, []), stage.get(row.pk) or row.stage, affairs
        )
        if names_then is not None:  # the parties a later correction replaced
            then.party_names = "; ".join(names_then)  # type: ignore[attr-defined]
        shown_rows.append(then)
    return shown_rows


def cooperation_then(cooperation: Cooperation, day: dt.date, events: list[Event]) -> Then | None:
    """`cooperation` as it stood at the end of `day`, from all its events (`events`, every one
    of the record, oldest first); None if nothing of it was recorded by then."""
    end = end_of(day)
    by_then = [e for e in events if e.at < end]
    staged = [e for e in by_then if e.stage]
    if not by_then:
        return None
    stage = staged[-1].stage if staged else cooperation.stage
    later = [e for e in events if e.at >= end]
    then = _detached(cooperation)
    parties = [_detached(p) for p in cooperation.parties.all()]
    reviews = [_detached(r) for r in cooperation.dprd_reviews.all()]
    drafted = [e for e in by_then if e.kind == EventKind.AGREEMENT_DRAFTED]
    then.draft_contents = list(drafted[-1].changes.get("contents") or []) if drafted else []
    if not drafted:
        for party in parties:
            party.burden = None
    tracks, parties_then = rewind(then, parties, reviews, later, stage, affairs_replaced(later))
    return Then(
        day, then, parties, tracks, by_then,
        later_corrections=[e for e in later if e.kind == EventKind.RECORD_CORRECTED],
        parties_then=parties_then,
    )  # fmt: skip


def banner(day: dt.date) -> str:
    return _(
        "Register as of %(day)s — as recorded up to that date; corrections made later are not "
        "applied"
    ) % {"day": show(day)}

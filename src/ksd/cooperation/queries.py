"""Read models for the pages: the register, a cooperation's page, the dashboard.

Views build no complicated querysets (STYLE §5.2): they call these functions, which start from
the access door (core/access.py) and fetch related rows in a fixed number of queries, whatever
the number of rows. No rule lives here: clocks and statuses come from ksd.law.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import F, Prefetch, Q, QuerySet, prefetch_related_objects
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import gettext_lazy as _

from ksd.accounts.models import Role
from ksd.cooperation import object_filters
from ksd.cooperation.law import calendar_for_region, facts_for, law_lang, law_parameters
from ksd.cooperation.models import (
    CLOSED_BY_RECORD_KEEPING,
    Cooperation,
    Event,
    EventKind,
    ImplementingAgency,
    Kind,
    Notification,
    Party,
    Stage,
)
from ksd.cooperation.status import IN_FORCE
from ksd.core.access import membership_of, visible_cooperations, visible_events
from ksd.dprd.models import DprdReview
from ksd.dprd.stages import SUBMIT_STAGES
from ksd.law.assessment import Assessment, DprdVerdict, assess
from ksd.law.calendar import SkippedDay, WorkingCalendar, calendar_for
from ksd.law.citations import Citation
from ksd.law.facts import BURDEN_FIELDS
from ksd.law.pp28_2018.cite import pasal as pp28
from ksd.law.pp50_2007.dprd import CLOCKS
from ksd.law.regimes import Regime

PAGE_SIZE = 25
# Columns a register may be sorted by; "-" in front sorts descending.
SORTS = ("title", "offered_on", "ends_on", "stage", "kind", "regime", "next_due_on")

Visitor = AbstractBaseUser | AnonymousUser


def with_parties(queryset: QuerySet[Cooperation]) -> QuerySet[Cooperation]:
    return queryset.prefetch_related(
        Prefetch("parties", queryset=Party.objects.select_related("region"))
    )


def _party_filter(**lookups: Any) -> Q:
    return Q(pk__in=Party.objects.filter(**lookups).values("cooperation_id"))


def register(user: Visitor, filters: dict[str, Any], *, today: dt.date) -> QuerySet[Cooperation]:
    """The cooperations `user` may see, narrowed by the register's filters and sorted; parties
    come in one more query for the whole page."""
    # Withdrawn offers and records cancelled as entered by mistake leave the register; the
    # audit list (cooperation/corrections/views.py) keeps them.
    rows = visible_cooperations(user).exclude(stage__in=CLOSED_BY_RECORD_KEEPING)
    if filters.get("q"):
        rows = rows.filter(title__icontains=filters["q"])
    # region, province and stage may repeat (pages/forms.py): every region and province given.
    for region in _repeated(filters, "region", "regions"):
        if region[:1].isdigit():
            rows = rows.filter(_party_filter(region_id=region))
        else:
            rows = rows.filter(_party_filter(region__name__icontains=region))
    for province in _repeated(filters, "province", "provinces"):
        code = province.code
        rows = rows.filter(_party_filter(region__province_id=code) | _party_filter(region_id=code))
    if stages := _repeated(filters, "stage", "stages"):
        rows = rows.filter(stage__in=stages)
    rows = object_filters.narrow(rows, filters)
    for name in ("kind", "regime"):
        if filters.get(name):
            rows = rows.filter(**{name: filters[name]})
    if filters.get("year"):
        rows = rows.filter(offered_on__year=filters["year"])
    if filters.get("in_force"):
        rows = rows.filter(stage__in=IN_FORCE)
    if filters.get("signed_year"):
        rows = rows.filter(signed_on__year=filters["signed_year"])
    if filters.get("expiring_within") is not None:
        until = today + dt.timedelta(days=filters["expiring_within"])
        rows = rows.filter(ends_on__gte=today, ends_on__lte=until)
    # The stored status (cooperation/status.py): flags and the next deadline, never the law.
    if filters.get("overdue"):
        rows = rows.filter(is_overdue=True)
    if filters.get("expiring"):
        rows = rows.filter(is_expiring=True)
    # Stalled and at-risk work (cooperation/stalled.py): one indexed subquery per rule.
    if filters.get("stalled"):
        from ksd.cooperation.stalled import q_for

        rows = rows.filter(q_for(filters["stalled"], today))
    sort = filters.get("sort") or "-offered_on"
    if sort.lstrip("-") == "next_due_on":  # records with no deadline come last either way
        due = F("next_due_on")
        order = due.desc(nulls_last=True) if sort.startswith("-") else due.asc(nulls_last=True)
        return with_parties(rows.order_by(order, "-id" if sort.startswith("-") else "id"))
    return with_parties(rows.order_by(sort, "-id"))


def _repeated(filters: dict[str, Any], name: str, many: str) -> list[Any]:
    """The values of a filter that may be given more than once (`many`), else its one value."""
    if filters.get(many):
        return list(filters[many])
    return [filters[name]] if filters.get(name) else []


def public_register(query: str, day: dt.date | None = None) -> QuerySet[Cooperation]:
    """What the public sees: only the published register (core/access.py decides what that is);
    as it stood at the end of `day` when given (as_of.public_as_of).

    `query` is looked for in the title, the agreement's number, the object (government affair,
    sector), and the parties: a region's name ("Sleman") or a third party's. Not in what the
    register does not publish (the offer's and the joint agreement's numbers). Each is a
    subquery of the one statement, so a page costs the same number of queries whatever matches;
    on PostgreSQL trigram indexes serve the "contains" searches (migration cooperation 0019).
    The page's published signed agreements come in one query.
    """
    from ksd.cooperation import as_of
    from ksd.documents.models import Document, DocumentKind, Visibility

    rows = visible_cooperations(AnonymousUser())
    if day is not None:
        rows = as_of.public_as_of(rows, day)
    if query and day is None:
        rows = rows.filter(pk__in=_public_matches(query))
    elif query and day is not None:  # each fact as it stood: today's unless corrected since
        # Today's matches and the few records corrected since (one index union, as today's
        # search), then each of those read as it stood.
        candidates = _public_matches(query, as_of.searched_changed(day))
        rows = as_of.searched_as_of(rows.filter(pk__in=candidates), query, day)
    agreements = Document.objects.filter(
        kind=DocumentKind.SIGNED_AGREEMENT, visibility=Visibility.PUBLIC
    ).order_by("-uploaded_at", "-id")
    if day is not None:
        agreements = as_of.published_documents(agreements, day)
        order: tuple[Any, ...] = (F("signed_then").desc(), "-id")
    else:
        order = ("-signed_on", "-id")
    return with_parties(
        rows.select_related("affair")
        .prefetch_related(Prefetch("documents", queryset=agreements, to_attr="published"))
        .order_by(*order)
    )


def _public_matches(query: str, *also: QuerySet[Any]) -> QuerySet[Any]:
    """The ids of the cooperations `query` finds (public_register), and those of `also`. A
    union of index scans rather than one OR over joined tables, which PostgreSQL could only
    answer by reading every cooperation."""
    from ksd.cooperation.as_of import party_matches
    from ksd.regions.models import Affair

    affairs = Affair.objects.filter(Q(name__icontains=query) | Q(name_en__icontains=query))
    words = (
        Q(title__icontains=query) | Q(agreement_number__icontains=query)
        | Q(sector__icontains=query)
    )  # fmt: skip
    return (
        Cooperation.objects.filter(words)
        .order_by()
        .values("pk")
        .union(
            Cooperation.objects.filter(affair__in=affairs.values("pk")).order_by().values("pk"),
            *party_matches(query),
            *also,
        )
    )


def load_page(cooperation: Cooperation) -> Cooperation:
    """Fetch what a cooperation's page shows, in a fixed number of queries."""
    prefetch_related_objects(
        [cooperation],
        Prefetch("parties", queryset=Party.objects.select_related("region")),
        Prefetch("dprd_reviews", queryset=DprdReview.objects.select_related("region")),
        # Only the events record keeping reads (corrections, withdrawal, cancellation); the
        # timeline reads its latest rows itself (latest_events), never the whole history.
        Prefetch(
            "events",
            queryset=Event.objects.filter(kind__in=RECORD_KEEPING_EVENTS).select_related(
                "actor", "region"
            ),
            to_attr="record_events",
        ),
        "disputes",
        "affair",
    )
    # What exists only after signing is read only then (one query each, whatever the size).
    if cooperation.stage in (Stage.SIGNED, Stage.IMPLEMENTING):
        prefetch_related_objects([cooperation], "signatories")
    if cooperation.implementation_started_on is not None:
        prefetch_related_objects(
            [cooperation],
            Prefetch(
                "implementing_agencies",
                queryset=ImplementingAgency.objects.select_related("region").order_by("id"),
            ),
        )
    return cooperation


# Events a cooperation's page reads in full: record keeping shows every correction.
RECORD_KEEPING_EVENTS = (
    EventKind.RECORD_CORRECTED,
    EventKind.RECORD_CANCELLED,
    EventKind.OFFER_WITHDRAWN,
)
# How many of the latest events a cooperation's page shows; the history page shows them all.
TIMELINE_SIZE = 20
HISTORY_PAGE_SIZE = 50


def with_kind_labels(events: Iterable[Event]) -> list[Event]:
    """`events` with `kind_label` set: one translation each, where `get_kind_display` would
    translate every kind's label to build its lookup (~35 per event)."""
    rows = list(events)
    for event in rows:
        try:
            event.kind_label = EventKind(event.kind).label  # type: ignore[attr-defined]
        except ValueError:
            event.kind_label = str(event.kind)  # type: ignore[attr-defined]
    return rows


REGIME_LABELS = {Regime.PP50_2007.value: "PP 50/2007", Regime.PP28_2018.value: "PP 28/2018"}


def with_row_labels(rows: Iterable[Cooperation]) -> list[Cooperation]:
    """A register page's rows with what each shows in words, worked out once per page rather
    than by the template per row: `party_names` ("Kota Yogyakarta; Kabupaten Sleman", its
    prefetched parties), `kind_label`, `stage_label` and `regime_label`. Each label is
    translated once per page, where `get_kind_display` builds a lookup of every label per call."""
    rows = list(rows)
    kinds = {value: str(label) for value, label in Kind.choices}
    stages = {value: str(label) for value, label in Stage.choices}
    for row in rows:
        if not hasattr(row, "party_names"):  # the register as of a day may have set them
            row.party_names = "; ".join(str(p) for p in row.parties.all())  # type: ignore[attr-defined]
        row.kind_label = kinds.get(row.kind, row.kind)  # type: ignore[attr-defined]
        row.stage_label = stages.get(row.stage, row.stage)  # type: ignore[attr-defined]
        row.regime_label = REGIME_LABELS.get(row.regime, row.regime)  # type: ignore[attr-defined]
    return rows


# Events in the order of their legal dates (the date of the step, from its document); an event
# without one (an automatic job, a correction) stands at the day it was recorded; the time of
# entry and the row decide between events of one day.
LEGAL_ORDER = (Coalesce(F("on"), TruncDate("at")), F("at"), F("id"))


def latest_events(user: Visitor, cooperation: Cooperation) -> tuple[list[Event], bool]:
    """The latest TIMELINE_SIZE events (by legal date) of `cooperation` that `user` may see (core/access.py
    visible_events: no event of another region's private document), oldest first, and whether
    older ones exist (one query: one row more than shown)."""
    newest_first = with_kind_labels(
        visible_events(user, Event.objects.filter(cooperation=cooperation))
        .select_related("actor", "region")
        .order_by(*(f.desc() for f in LEGAL_ORDER))[: TIMELINE_SIZE + 1]
    )
    return list(reversed(newest_first[:TIMELINE_SIZE])), len(newest_first) > TIMELINE_SIZE


def history(user: Visitor, cooperation: Cooperation) -> QuerySet[Event]:
    """Every event of `cooperation` that `user` may see, earliest legal date first, for the
    full history
    page."""
    return (
        visible_events(user, Event.objects.filter(cooperation=cooperation))
        .select_related("actor", "region")
        .order_by(*(f.asc() for f in LEGAL_ORDER))
    )


# ----- DPRD clocks with their "why" -----


class Calendars:
    """Working calendars of the regions a page shows, with the administrator's overrides read
    in one query for all of them (calendar_for_region reads one region per query, which would
    make a page's query count grow with its parties)."""

    def __init__(self, codes: Iterable[str | None]) -> None:
        wanted = sorted({c for c in codes if c})
        self._rows: dict[str | None, list[Any]] | None = None
        try:
            from ksd.regions.models import HolidayOverride
        except ImportError:  # no override table: ksd.law's bundled calendar only
            return
        rows = HolidayOverride.objects.filter(
            Q(region__isnull=True) | Q(region_id__in=wanted)
        ).order_by("day", "pk")
        self._rows = {}
        for row in rows:
            self._rows.setdefault(row.region_id, []).append((row.day, row.pk, row.to_law()))

    def __call__(self, code: str) -> WorkingCalendar:
        if self._rows is None:
            return calendar_for_region(code)
        nationwide = self._rows.get(None, [])
        mine = self._rows.get(code, [])
        # In the order calendar_for_region reads them: by day, then by row.
        return calendar_for(code, [o for _d, _pk, o in sorted([*nationwide, *mine])])


def calendars_of(cooperations: Iterable[Cooperation]) -> Calendars:
    return Calendars(p.region_id for c in cooperations for p in c.parties.all())


def assessment_with(
    cooperation: Cooperation, calendars: Calendars, *, today: dt.date
) -> Assessment:
    """ksd.law's assessment of the record as of `today`, with the page's calendars."""
    return assess(
        facts_for(cooperation, as_of=today), calendars=calendars, parameters=law_parameters()
    )


# Which date is day 0 of each deadline (PP 50/2007 Pasal 12 ayat (1)-(4)).
_DAY0 = {
    "assessment_due": lambda r: r.received_on,
    "opinion_due": lambda r: r.received_on,
    "revision_due": lambda r: r.opinion_received_on or r.opinion_sent_on,
    "deemed_approval_due": lambda r: r.resubmitted_on,
}
# The deadline that matters next in each open status of a track.
NEXT_DEADLINE = {
    "under_review": "assessment_due",
    "assessment_overdue": "assessment_due",
    "opinion_given": "revision_due",
    "revision_overdue": "revision_due",
    "resubmitted": "deemed_approval_due",
}
OPEN_STATUSES = frozenset(NEXT_DEADLINE)
STATUS_LABELS = {
    "not_submitted": _("Not yet submitted"),
    "unknown": _("Burden facts not recorded"),
    "not_required": _("No DPRD approval needed"),
    "under_review": _("Under review by the DPRD"),
    "assessment_overdue": _("DPRD review overdue"),
    "opinion_given": _("DPRD opinion given: revise and resubmit"),
    "revision_overdue": _("Resubmission overdue"),
    "resubmitted": _("Revised draft resubmitted"),
    "approved": _("Approved"),
    "rejected": _("Refused"),
    "deemed_approved": _("Deemed approved"),
}
DEADLINE_LABELS = {
    "assessment_due": _("DPRD decision due"),
    "opinion_due": _("DPRD opinion due"),
    "revision_due": _("Resubmission due"),
    "deemed_approval_due": _("Deemed approval after"),
}


def _deadline_citation(regime: str, name: str, *, abroad: bool = False) -> Citation:
    if abroad:  # KSDPL/KSDLL: 45 working days from the head's letter (KSDLL by Pasal 38)
        return pp28("30", "4")
    if regime != Regime.PP50_2007:
        return pp28("6", "4")
    return {
        "assessment_due": CLOCKS.assessment_citation,
        "opinion_due": CLOCKS.opinion_citation,
        "revision_due": CLOCKS.revision_citation,
        "deemed_approval_due": CLOCKS.deemed_citation or CLOCKS.assessment_citation,
    }[name]


@dataclass
class Deadline:
    name: str
    due_on: dt.date
    citation: str
    working_days_left: int
    explanation: str
    skipped: tuple[SkippedDay, ...]

    @property
    def label(self) -> str:
        return str(DEADLINE_LABELS[self.name])

    @property
    def is_overdue(self) -> bool:
        return self.working_days_left < 0

    @property
    def working_days_overdue(self) -> int:
        return -self.working_days_left


@dataclass
class DprdTrack:
    region_code: str
    region_name: str
    status: str
    approval_required: bool | None
    review: DprdReview | None
    deadlines: list[Deadline] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.status, self.status))

    @property
    def next_deadline(self) -> Deadline | None:
        wanted = NEXT_DEADLINE.get(self.status)
        return next((d for d in self.deadlines if d.name == wanted), None)


def dprd_tracks(
    cooperation: Cooperation,
    assessment: Assessment,
    calendars: Calendars,
    *,
    today: dt.date,
    parties: Iterable[Party] | None = None,
    reviews_then: Iterable[DprdReview] | None = None,
) -> list[DprdTrack]:
    """Each region's DPRD track: status, and each deadline with its countdown in working days
    and the days off it skips (from ksd.law's calendar of that region). `parties` and
    `reviews_then`, when given, replace the record's (the record as it stood: as_of.py)."""
    lang = law_lang()
    party_rows = cooperation.parties.all() if parties is None else parties
    names = {p.region_id: p.region.name for p in party_rows if p.region}
    review_rows = cooperation.dprd_reviews.all() if reviews_then is None else reviews_then
    reviews = {r.region_id: r for r in review_rows}
    return [
        _track(
            cooperation,
            v,
            names,
            reviews,
            calendars(v.region),
            today,
            lang,
            abroad=assessment.foreign is not None,
        )
        for v in assessment.dprd
    ]


def _track(
    cooperation: Cooperation,
    verdict: DprdVerdict,
    names: dict[str | None, str],
    reviews: dict[str, DprdReview],
    calendar: WorkingCalendar,
    today: dt.date,
    lang: Any,
    *,
    abroad: bool = False,
) -> DprdTrack:
    review = reviews.get(verdict.region)
    track = DprdTrack(
        verdict.region,
        names.get(verdict.region, verdict.region),
        verdict.track.status,
        verdict.approval_required,
        review,
        reasons=[f"{r.message.render(lang)} ({r.citation})" for r in verdict.reasons],
    )
    for name, due in verdict.track.deadlines.items():
        start = _DAY0[name](review) if review is not None else None
        if due is None or start is None:
            continue
        explanation = calendar.explain(start, calendar.count_working_days(start, due))
        track.deadlines.append(
            Deadline(
                name,
                due,
                str(_deadline_citation(cooperation.regime, name, abroad=abroad)),
                calendar.count_working_days(today, due),
                explanation.render(lang),
                explanation.skipped,
            )
        )
    return track


# ----- What the visitor may do now -----


@dataclass
class Steps:
    """The steps the page offers this visitor now; the services still decide (and may refuse)."""

    answer_parties: list[Party] = field(default_factory=list)
    sign_joint_agreement: bool = False
    draft: bool = False
    sign: bool = False
    submit_regions: list[str] = field(default_factory=list)
    opinion_regions: list[str] = field(default_factory=list)
    resubmit_regions: list[str] = field(default_factory=list)
    decide_regions: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return any(vars(self).values())


def steps_for(user: Visitor, cooperation: Cooperation, tracks: list[DprdTrack]) -> Steps:
    """An operator acts for its own region (and, as initiator, records a third party's answer);
    a DPRD user records its own DPRD's opinion and decision; anyone else only reads."""
    steps = Steps()
    membership = membership_of(user)
    if membership is None or membership.region_id is None:
        return steps
    own = membership.region_id
    parties = list(cooperation.parties.all())
    is_party = any(p.region_id == own for p in parties)
    stage = cooperation.stage
    status = {t.region_code: t for t in tracks}
    mine = status.get(own)
    if membership.role == Role.DPRD:
        if mine is not None and mine.status in OPEN_STATUSES:
            steps.decide_regions.append(own)
        if mine is not None and mine.status in ("under_review", "assessment_overdue"):
            steps.opinion_regions.append(own)
        return steps
    if membership.role != Role.OPERATOR or not is_party:
        return steps
    initiator = cooperation.initiator_id == own
    if stage == Stage.OFFERED:
        steps.answer_parties = [
            p
            for p in parties
            if not (p.is_initiator or p.accepted_on or p.declined_on)
            and (p.region_id == own or (initiator and not p.region_id))
        ]
    steps.sign_joint_agreement = stage == Stage.ACCEPTED
    steps.draft = stage in (Stage.JOINT_AGREEMENT, Stage.DRAFTING, Stage.READY_TO_SIGN)
    steps.sign = stage in (Stage.DRAFTING, Stage.DPRD_REVIEW, Stage.READY_TO_SIGN)
    if mine is not None:
        in_stage = stage in SUBMIT_STAGES[Regime(cooperation.regime)]
        if in_stage and mine.review is None and mine.approval_required:
            steps.submit_regions.append(own)
        if mine.status in ("under_review", "assessment_overdue"):
            steps.opinion_regions.append(own)
        if mine.status in ("opinion_given", "revision_overdue"):
            steps.resubmit_regions.append(own)
    return steps


def burden_regions(
    cooperation: Cooperation,
) -> list[tuple[str, str, dict[str, bool | None]]]:
    """(code, name, current burden facts) of each region party, for the drafting form."""
    return [
        (p.region_id, p.region.name, p.burden or dict.fromkeys(BURDEN_FIELDS))
        for p in cooperation.parties.all()
        if p.region_id and p.region
    ]


# ----- The dashboard: cooperation/dashboard.py, from the stored status -----


NOTICES_SHOWN = 20


def notifications_for(user: Visitor) -> list[Notification]:
    """What `ksd tick` left for the user's region, newest first, on cooperations the user sees."""
    membership = membership_of(user)
    if membership is None or membership.region_id is None:
        return []
    visible = visible_cooperations(user).exclude(stage__in=CLOSED_BY_RECORD_KEEPING).values("pk")
    return list(
        Notification.objects.filter(region_id=membership.region_id, cooperation__in=visible)
        .select_related("cooperation")
        .order_by("-created_at", "-id")[:NOTICES_SHOWN]
    )

"""The status lists read, stored on the records: each cooperation's next deadline and its
overdue and expiring flags, each DPRD track's status and deadline, and the open tasks of every
region, DPRD, governor and the Minister (OpenTask).

ksd.law decides all of it; this module only stores its answer. `refresh` runs in the transaction
of every lifecycle step (cooperation/events.py record_event, the one door every step passes
through); `refresh_due` is run by `ksd tick` for what changes as days pass (a deadline passed, an
agreement entering its last months); `ksd recompute_status` rebuilds everything and checks it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _

from ksd.cooperation.abroad.services import FOREIGN_FACT_EVENT_KINDS, foreign_facts_for
from ksd.cooperation.articles import copies_regime
from ksd.cooperation.law import calendar_for_region, facts_for, law_parameters
from ksd.cooperation.models import Cooperation, Event, OpenTask, Stage
from ksd.core import clock
from ksd.core.bulk import insert_rows, prefetch_reverse, update_rows
from ksd.core.clock import date_in
from ksd.core.dates import today_at
from ksd.dprd.models import DprdReview
from ksd.dprd.stages import SUBMIT_STAGES
from ksd.law.assessment import Assessment, assess, copies_to_send
from ksd.law.errors import LawInputError
from ksd.law.regimes import Regime
from ksd.law.regions import all_regions

if TYPE_CHECKING:
    from ksd.law.calendar import WorkingCalendar
    from ksd.law.parameters import ParameterValue


class RunLaw(Protocol):
    """The law's inputs a run has already read (`ksd tick`'s tick_batches.Law)."""

    parameters: list[ParameterValue]

    def calendar(self, code: str) -> WorkingCalendar: ...

    def assess(self, cooperation: Cooperation, *, as_of: dt.date) -> Assessment:
        """The record's facts and DPRD verdicts (all `compute` reads), made once per run."""
        ...


# An agreement is "expiring" in its last days, as `ksd tick` notices it (jobs.EXPIRY_NOTICE_DAYS).
EXPIRING_WITHIN_DAYS = 90
# Stages that ask nothing more of anyone.
CLOSED_STAGES = (
    Stage.DECLINED, Stage.TERMINATED, Stage.EXPIRED, Stage.WITHDRAWN, Stage.CANCELLED,
)  # fmt: skip
# Stages before signing: a cooperation that stays in one of them without a step "stalls".
BEFORE_SIGNING = (
    Stage.OFFERED, Stage.ACCEPTED, Stage.JOINT_AGREEMENT, Stage.DRAFTING, Stage.DPRD_REVIEW,
    Stage.READY_TO_SIGN,
)  # fmt: skip
IN_FORCE = (Stage.SIGNED, Stage.IMPLEMENTING)
CHUNK = 500


class TaskKind:
    """What an open task asks; who it waits for follows from the kind (WAITS_FOR)."""

    ANSWER_OFFER = "answer_offer"
    SIGN_JOINT_AGREEMENT = "sign_joint_agreement"
    BURDEN_FACTS = "burden_facts"
    DRAFT = "draft_agreement"
    SUBMIT_DPRD = "submit_dprd"
    RESUBMIT_DPRD = "resubmit_dprd"
    SIGN = "sign"
    SEND_COPIES = "send_copies"
    REPORT_ABROAD = "report_abroad"
    SETTLE_DISPUTE = "settle_dispute"
    DPRD_DECIDE = "dprd_decide"
    GOVERNOR_DISPUTE = "governor_dispute"
    MINISTER_DISPUTE = "minister_dispute"


OPERATOR_TASKS = (
    TaskKind.ANSWER_OFFER, TaskKind.SIGN_JOINT_AGREEMENT, TaskKind.BURDEN_FACTS, TaskKind.DRAFT,
    TaskKind.SUBMIT_DPRD, TaskKind.RESUBMIT_DPRD, TaskKind.SIGN, TaskKind.SEND_COPIES,
    TaskKind.REPORT_ABROAD, TaskKind.SETTLE_DISPUTE,
)  # fmt: skip
TASK_LABELS = {
    TaskKind.ANSWER_OFFER: _("Answer the offer"),
    TaskKind.SIGN_JOINT_AGREEMENT: _("Record the signed joint agreement"),
    TaskKind.BURDEN_FACTS: _("Record the burden facts of your region"),
    TaskKind.DRAFT: _("Record the draft agreement"),
    TaskKind.SUBMIT_DPRD: _("Submit the draft to your DPRD"),
    TaskKind.RESUBMIT_DPRD: _("Resubmit the revised draft to your DPRD"),
    TaskKind.SIGN: _("Sign the agreement"),
    TaskKind.SEND_COPIES: _("Send copies of the signed agreement"),
    TaskKind.REPORT_ABROAD: _("Report the cooperation abroad to the Minister"),
    TaskKind.SETTLE_DISPUTE: _("Settle the dispute"),
    TaskKind.DPRD_DECIDE: _("Give the DPRD's opinion or decision"),
    TaskKind.GOVERNOR_DISPUTE: _("Dispute for the governor to decide"),
    TaskKind.MINISTER_DISPUTE: _("Dispute for the Minister to decide"),
}
# The section of the cooperation's page where the step is taken (its template's ids).
TASK_ANCHORS = {
    TaskKind.ANSWER_OFFER: "steps",
    TaskKind.SIGN_JOINT_AGREEMENT: "steps",
    TaskKind.BURDEN_FACTS: "steps",
    TaskKind.DRAFT: "steps",
    TaskKind.SUBMIT_DPRD: "dprd",
    TaskKind.RESUBMIT_DPRD: "dprd",
    TaskKind.SIGN: "steps",
    TaskKind.SEND_COPIES: "steps",
    TaskKind.REPORT_ABROAD: "steps",
    TaskKind.SETTLE_DISPUTE: "disputes",
    TaskKind.DPRD_DECIDE: "dprd",
    TaskKind.GOVERNOR_DISPUTE: "disputes",
    TaskKind.MINISTER_DISPUTE: "disputes",
}
# The deadline that matters next in each open status of a DPRD track (cooperation/queries.py
# shows the same one on the cooperation's page).
TRACK_NEXT_DEADLINE = {
    "under_review": "assessment_due",
    "assessment_overdue": "assessment_due",
    "opinion_given": "revision_due",
    "revision_overdue": "revision_due",
    "resubmitted": "deemed_approval_due",
}
DPRD_WAITS = ("under_review", "assessment_overdue", "resubmitted")
OFFICE_WAITS = ("opinion_given", "revision_overdue")
CLEARED = ("approved", "deemed_approved")


@dataclass(frozen=True, order=True)
class TaskRow:
    kind: str
    region: str | None
    subject: str = ""
    due_on: dt.date | None = None
    due_name: str = ""
    status: str = ""
    is_overdue: bool = False


@dataclass
class Status:
    """What is stored for one cooperation, as of one day."""

    next_due_on: dt.date | None = None
    next_due_name: str = ""
    is_overdue: bool = False
    is_expiring: bool = False
    tracks: dict[str, tuple[str, dt.date | None, str]] = field(default_factory=dict)
    tasks: set[TaskRow] = field(default_factory=set)
    # Each track's (decision_due_name, decision_due_on), where ksd.law was asked.
    decisions: dict[str, tuple[str, dt.date | None]] = field(default_factory=dict)

    def fields(self) -> dict[str, Any]:
        return {
            "next_due_on": self.next_due_on,
            "next_due_name": self.next_due_name,
            "is_overdue": self.is_overdue,
            "is_expiring": self.is_expiring,
        }


# ----- Computing the status (no writes) -----


# Stages whose open tasks depend on ksd.law's DPRD verdicts (burden facts, submission, drafting
# once the DPRDs have approved, signing).
LAW_STAGES = (Stage.JOINT_AGREEMENT, Stage.DRAFTING, Stage.DPRD_REVIEW, Stage.READY_TO_SIGN)


def _decided(review: DprdReview) -> bool:
    return bool(review.approved_on or review.rejected_on or review.deemed_approved_on)


def needs_the_law(cooperation: Cooperation) -> bool:
    """Whether the status depends on ksd.law's DPRD verdicts: a stage before signing where they
    decide what waits, a DPRD track still undecided, or a decided one whose time limit is not
    stored yet (decision_deadline). Otherwise (an offer, an agreement in force or ended with
    every track decided) the recorded dates alone say it and the law is not asked: a national
    register is mostly such records."""
    if any(_decided(r) and not r.decision_due_name for r in cooperation.dprd_reviews.all()):
        return True
    if cooperation.stage in CLOSED_STAGES:
        return False
    if cooperation.stage in LAW_STAGES:
        return True
    return not all(_decided(r) for r in cooperation.dprd_reviews.all())


def recorded_decision(
    deemed_approved_on: dt.date | None, approved_on: dt.date | None, rejected_on: dt.date | None
) -> str:
    """A decided track's status as recorded (a deemed approval first, as the law puts it)."""
    if deemed_approved_on:
        return "deemed_approved"
    if approved_on:
        return "approved"
    return "rejected" if rejected_on else ""


def _recorded_track(review: DprdReview) -> str:
    return recorded_decision(review.deemed_approved_on, review.approved_on, review.rejected_on)


def by_end_date(
    stage: str, ends_on: dt.date | None, as_of: dt.date
) -> tuple[dt.date | None, str, bool]:
    """What the agreement's end gives an agreement in force on `as_of`: its next due date and
    name while it has not ended (unless a dated task comes first), and whether it ends within
    EXPIRING_WITHIN_DAYS."""
    if stage not in IN_FORCE or ends_on is None or ends_on < as_of:
        return None, "", False
    return ends_on, "ends_on", ends_on <= as_of + dt.timedelta(days=EXPIRING_WITHIN_DAYS)


def decision_deadline(
    review: DprdReview, deadlines: dict[str, dt.date | None]
) -> tuple[str, dt.date | None]:
    """The time limit a decided track's decision is judged against: 15 working days from the
    resubmission when there was one (PP 50/2007 Pasal 12 ayat (4)), else the assessment's
    45 from receipt (ayat (1)); the numbers are ksd.law's of the track's regulation. "none" when
    that regulation set no such clock (PP 28/2018 until pp28_dprd_clocks is entered)."""
    if not _decided(review):
        return "", None
    name = "deemed_approval_due" if review.resubmitted_on else "assessment_due"
    due = deadlines.get(name)
    return (name, due) if due is not None else ("none", None)


def compute(cooperation: Cooperation, assessment: Assessment | None, as_of: dt.date) -> Status:
    """The status of `cooperation` (loaded by `load_for_status`) on `as_of`, from ksd.law's assessment,
    or from the recorded dates alone where needs_the_law says the law is not needed (None)."""
    status = Status()
    reviews = {r.region_id: r for r in cooperation.dprd_reviews.all()}
    verdicts = {v.region: v for v in assessment.dprd} if assessment is not None else {}
    for region, review in reviews.items():
        verdict = verdicts.get(region)
        if verdict is None:
            status.tracks[region] = (_recorded_track(review), None, "")
            if assessment is not None:  # the law was asked and has no track here: no limit
                status.decisions[region] = decision_deadline(review, {})
            continue
        track = verdict.track.status
        due_name = TRACK_NEXT_DEADLINE.get(track, "")
        due_on = verdict.track.deadlines.get(due_name) if due_name else None
        status.tracks[region] = (track, due_on, due_name if due_on else "")
        status.decisions[region] = decision_deadline(review, verdict.track.deadlines)
    if cooperation.stage not in CLOSED_STAGES:
        status.tasks = _tasks(cooperation, assessment, as_of)
    dated = sorted((t.due_on, t.due_name) for t in status.tasks if t.due_on is not None)
    ends_on, ends_name, status.is_expiring = by_end_date(
        cooperation.stage, cooperation.ends_on, as_of
    )
    if dated:
        status.next_due_on, status.next_due_name = dated[0]
    elif ends_on is not None:
        status.next_due_on, status.next_due_name = ends_on, ends_name
    status.is_overdue = any(t.is_overdue for t in status.tasks)
    return status


def _task(kind: str, region: str | None, *, subject: str = "", due_on: dt.date | None = None,
          due_name: str = "", status: str = "", as_of: dt.date) -> TaskRow:  # fmt: skip
    overdue = due_on is not None and due_on < as_of
    return TaskRow(kind, region, subject, due_on, due_name if due_on else "", status, overdue)


def _tasks(cooperation: Cooperation, assessment: Assessment | None, as_of: dt.date) -> set[TaskRow]:
    parties = list(cooperation.parties.all())
    regions = [p.region_id for p in parties if p.region_id]
    initiator = cooperation.initiator_id
    stage = Stage(cooperation.stage)
    regime = Regime(cooperation.regime)
    tasks: set[TaskRow] = set()

    def add(kind: str, region: str | None, **extra: Any) -> None:
        tasks.add(_task(kind, region, as_of=as_of, **extra))

    if stage == Stage.OFFERED:
        for p in parties:
            if p.is_initiator or p.accepted_on or p.declined_on:
                continue
            if p.region_id:
                add(TaskKind.ANSWER_OFFER, p.region_id)
            elif initiator:  # the initiator records a third party's answer
                add(TaskKind.ANSWER_OFFER, initiator, subject=p.third_party_name)
    if stage == Stage.ACCEPTED:
        for region in regions:
            add(TaskKind.SIGN_JOINT_AGREEMENT, region)
    dprd = list(assessment.dprd) if assessment is not None else []
    cleared = all(
        v.approval_required is False or (v.approval_required and v.track.status in CLEARED)
        for v in dprd
    )
    drafted = bool(cooperation.draft_contents)
    if initiator and not drafted and (
        (stage == Stage.JOINT_AGREEMENT and (regime is Regime.PP50_2007 or cleared))
        or stage == Stage.READY_TO_SIGN
    ):  # fmt: skip
        add(TaskKind.DRAFT, initiator)
    for v in dprd:
        track = v.track.status
        due_name = TRACK_NEXT_DEADLINE.get(track, "")
        due_on = v.track.deadlines.get(due_name) if due_name else None
        if v.approval_required is None and stage in (Stage.JOINT_AGREEMENT, Stage.DRAFTING):
            add(TaskKind.BURDEN_FACTS, v.region)
        elif v.approval_required and track == "not_submitted" and stage in SUBMIT_STAGES[regime]:
            add(TaskKind.SUBMIT_DPRD, v.region)
        elif track in DPRD_WAITS:
            add(TaskKind.DPRD_DECIDE, v.region, due_on=due_on, due_name=due_name, status=track)
        elif track in OFFICE_WAITS:
            add(TaskKind.RESUBMIT_DPRD, v.region, due_on=due_on, due_name=due_name, status=track)
    foreign = (
        assessment.facts.foreign
        if assessment is not None
        else foreign_facts_for(cooperation, cooperation.foreign_events)
    )
    confirmed = foreign is None or foreign.confirmed_on is not None
    signable = stage in (Stage.DRAFTING, Stage.DPRD_REVIEW, Stage.READY_TO_SIGN)
    if signable and drafted and cleared and confirmed:
        for region in regions:
            add(TaskKind.SIGN, region)
    if stage in IN_FORCE:
        _after_signing(cooperation, regions, add)
        if foreign is not None and foreign.reported_on is None and initiator:
            add(TaskKind.REPORT_ABROAD, initiator)
    return tasks


def _after_signing(cooperation: Cooperation, regions: list[str], add: Any) -> None:
    sent: dict[str, set[str]] = {}
    for copy in cooperation.copies_sent.all():
        sent.setdefault(copy.region_id, set()).add(copy.recipient)
    regime = copies_regime(cooperation)
    known = all_regions()
    for region in regions:
        if region not in known:
            continue
        try:
            rule = copies_to_send(regime, known[region])
        except LawInputError:
            continue
        if rule is not None and set(rule.recipients) - sent.get(region, set()):
            add(TaskKind.SEND_COPIES, region)
    for dispute in cooperation.disputes.all():
        if dispute.settled_on is not None:
            continue
        if dispute.authority == "gubernur" and dispute.authority_province_id:
            add(TaskKind.GOVERNOR_DISPUTE, dispute.authority_province_id, subject=str(dispute.pk))
        elif dispute.authority == "menteri":
            add(TaskKind.MINISTER_DISPUTE, None, subject=str(dispute.pk))
        else:  # deliberation or the agreement's own clause: the disputing regions settle it
            for region in dispute.between:
                if region in regions:
                    add(TaskKind.SETTLE_DISPUTE, region, subject=str(dispute.pk))


# ----- Loading and writing -----


def load_for_status(ids: Iterable[int]) -> list[Cooperation]:
    """The cooperations of `ids` with everything `compute` reads, in a fixed number of queries."""
    return load_records(ids, ("parties", "dprd_reviews", "copies_sent", "disputes", "open_tasks"))


def load_records(ids: Iterable[int], relations: Sequence[str]) -> list[Cooperation]:
    """The cooperations of `ids` (by pk) with their affair, the reverse `relations` and the
    events a cooperation abroad is judged by (`foreign_events`), as prefetch_related leaves
    them (core/bulk.prefetch_reverse: one query per relation)."""
    rows = list(
        Cooperation.objects.filter(pk__in=list(ids)).select_related("affair").order_by("pk")
    )
    for name in relations:
        prefetch_reverse(rows, name)
    foreign: dict[int, list[Event]] = {row.pk: [] for row in rows}
    by_pk = {row.pk: row for row in rows}
    if rows:
        events = Event.objects.filter(
            kind__in=FOREIGN_FACT_EVENT_KINDS, cooperation_id__in=list(by_pk)
        )
        for event in events:
            event.cooperation = by_pk[event.cooperation_id]
            foreign[event.cooperation_id].append(event)
    for row in rows:
        row.foreign_events = foreign[row.pk]
    return rows


class _Law:
    """The law's inputs for many records at once: calendars read once, parameters once."""

    def __init__(self, batch: bool, run: RunLaw | None = None) -> None:
        self._calendars: dict[str, WorkingCalendar] = {}
        self._overrides: Any = calendar_for_region
        self._run = run
        if run is not None:  # a run that already read them (`ksd tick`)
            self.parameters = run.parameters
            self._overrides = run.calendar
            return
        self.parameters = law_parameters()
        if batch:
            from ksd.cooperation.queries import Calendars  # the page's reader of overrides

            self._overrides = Calendars(all_regions())

    def calendar(self, code: str) -> WorkingCalendar:
        if code not in self._calendars:
            self._calendars[code] = self._overrides(code)
        return self._calendars[code]

    def assessment(self, cooperation: Cooperation, as_of: dt.date) -> Assessment | None:
        if not needs_the_law(cooperation):
            return None
        if self._run is not None:  # the run's assessment, made once per record and facts
            return self._run.assess(cooperation, as_of=as_of)
        facts = facts_for(cooperation, as_of=as_of, foreign_events=cooperation.foreign_events)
        return assess(facts, calendars=self.calendar, parameters=self.parameters)


def stored(cooperation: Cooperation) -> Status:
    """What is stored now for `cooperation` (loaded by `load_for_status`)."""
    return Status(
        cooperation.next_due_on,
        cooperation.next_due_name,
        cooperation.is_overdue,
        cooperation.is_expiring,
        {r.region_id: (r.status, r.due_on, r.due_name) for r in cooperation.dprd_reviews.all()},
        {
            TaskRow(t.kind, t.region_id, t.subject, t.due_on, t.due_name, t.status, t.is_overdue)
            for t in cooperation.open_tasks.all()
        },
    )


@dataclass
class _Writes:
    """Row changes of a batch, written in a few statements."""

    cooperations: list[Cooperation] = field(default_factory=list)
    reviews: list[DprdReview] = field(default_factory=list)
    stale_tasks: list[int] = field(default_factory=list)
    new_tasks: list[OpenTask] = field(default_factory=list)

    def add(self, cooperation: Cooperation, want: Status, as_of: dt.date) -> bool:
        have = stored(cooperation)
        changed = have.fields() != want.fields()
        for name, value in want.fields().items():
            setattr(cooperation, name, value)
        if changed or cooperation.status_on != as_of:
            cooperation.status_on = as_of
            self.cooperations.append(cooperation)
        decisions_differ = False
        for review in cooperation.dprd_reviews.all():
            value = want.tracks.get(review.region_id, ("", None, ""))
            decision = want.decisions.get(review.region_id)
            track_differs = (review.status, review.due_on, review.due_name) != value
            decision_differs = decision is not None and decision != (
                review.decision_due_name,
                review.decision_due_on,
            )
            if track_differs:
                review.status, review.due_on, review.due_name = value
            if decision_differs and decision is not None:
                review.decision_due_name, review.decision_due_on = decision
                decisions_differ = True
            if track_differs or decision_differs:
                self.reviews.append(review)
        rows = {
            TaskRow(t.kind, t.region_id, t.subject, t.due_on, t.due_name, t.status, t.is_overdue): t
            for t in cooperation.open_tasks.all()
        }
        self.stale_tasks += [t.pk for row, t in rows.items() if row not in want.tasks]
        self.new_tasks += [
            OpenTask(cooperation=cooperation, kind=r.kind, region_id=r.region, subject=r.subject,
                     due_on=r.due_on, due_name=r.due_name, status=r.status,
                     is_overdue=r.is_overdue)
            for r in sorted(want.tasks, key=_task_order) if r not in rows
        ]  # fmt: skip
        return (
            changed or bool(set(rows) ^ want.tasks) or have.tracks != want.tracks
            or decisions_differ
        )  # fmt: skip

    def flush(self) -> None:
        fields = [*Status().fields(), "status_on"]
        update_rows(Cooperation, self.cooperations, fields)
        update_rows(
            DprdReview,
            self.reviews,
            ["status", "due_on", "due_name", "decision_due_name", "decision_due_on"],
        )
        if self.stale_tasks:
            OpenTask.objects.filter(pk__in=self.stale_tasks).delete()
        insert_rows(OpenTask, self.new_tasks)
        self.cooperations, self.reviews, self.stale_tasks, self.new_tasks = [], [], [], []


def _task_order(row: TaskRow) -> tuple[str, str, str]:
    return (row.kind, row.region or "", row.subject)


def refresh(cooperation: Cooperation, *, now: dt.datetime) -> None:
    """Store the status of `cooperation` as ksd.law sees it at `now`; called inside the step's
    transaction, after the step's rows are written (the record is read again from the database,
    so nothing the step kept in memory can be stale)."""
    as_of = today_at(now)
    law = _Law(batch=False)
    writes = _Writes()
    for row in load_for_status([cooperation.pk]):
        writes.add(row, compute(row, law.assessment(row, as_of), as_of), as_of)
        for name in (*Status().fields(), "status_on"):
            setattr(cooperation, name, getattr(row, name))
    writes.flush()


def note_step(cooperation: Cooperation, *, on: dt.date | None, now: dt.datetime) -> None:
    """A step was recorded: the legal date of the latest step (the stalled rule reads it; a
    step without one, such as a correction, counts on the day it is recorded) and the status."""
    day = on or date_in(now)
    if cooperation.last_step_on is None or cooperation.last_step_on < day:
        Cooperation.objects.filter(pk=cooperation.pk).update(last_step_on=day)
        cooperation.last_step_on = day
    refresh(cooperation, now=now)


# ----- Many records: `ksd tick` and `ksd recompute_status` -----


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def due_for_refresh(as_of: dt.date) -> list[int]:
    """Cooperations whose stored status `as_of` may differ from what was stored because days
    have passed: a task's deadline passed, or an agreement entered (or left) its last
    EXPIRING_WITHIN_DAYS; all read by index."""
    window = as_of + dt.timedelta(days=EXPIRING_WITHIN_DAYS)
    # No ORDER BY (the models' default): with it SQLite walks the whole table in that order
    # instead of using the small partial indexes below.
    turning = (
        OpenTask.objects.filter(is_overdue=False, due_on__lt=as_of)
        .order_by()
        .values_list("cooperation_id", flat=True)
    )
    entering = (
        Cooperation.objects.filter(
            is_expiring=False, stage__in=IN_FORCE, ends_on__gte=as_of, ends_on__lte=window
        )
        .order_by()
        .values_list("pk", flat=True)
    )
    leaving = (
        Cooperation.objects.filter(is_expiring=True)
        .filter(Q(ends_on__lt=as_of) | Q(ends_on__gt=window) | ~Q(stage__in=IN_FORCE))
        .order_by()
        .values_list("pk", flat=True)
    )
    ended = (
        Cooperation.objects.filter(next_due_name="ends_on", next_due_on__lt=as_of)
        .order_by()
        .values_list("pk", flat=True)
    )
    # Never computed, or made stale by a change of the calendars or the DPRD clocks.
    stale = (
        Cooperation.objects.filter(status_on__isnull=True).order_by().values_list("pk", flat=True)
    )
    return sorted({*turning, *entering, *leaving, *ended, *stale})


def refresh_many(
    ids: Sequence[int], as_of: dt.date, *, check_only: bool = False,
    progress: Callable[[int, int], None] | None = None, run: RunLaw | None = None,
) -> list[int]:  # fmt: skip
    """Recompute the status of `ids` as of `as_of` in chunks (one commit per chunk); returns the
    ids whose stored status differed. With `check_only`, nothing is written. `progress` is
    told (done, total) after each chunk. `run`: the calendars and parameters a run has read."""
    if not ids:  # the usual tick: nothing changed, nothing to load
        return []
    law = _Law(batch=True, run=run)
    differing: list[int] = []
    done = 0
    for chunk in _chunks(ids):
        with transaction.atomic():
            writes = _Writes()
            rows = load_for_status(chunk)
            for row in rows:
                if writes.add(row, compute(row, law.assessment(row, as_of), as_of), as_of):
                    differing.append(row.pk)
            if not check_only:
                writes.flush()
        done += len(chunk)
        if progress is not None:
            progress(done, len(ids))
    return differing


def refresh_loaded(rows: Sequence[Cooperation], as_of: dt.date, *, run: RunLaw) -> list[int]:
    """Store the status of `rows`, loaded with everything `compute` reads in this transaction,
    whose fields in memory are the ones in the database (`ksd tick`, after its own writes):
    refresh_many without reading them again; returns the ids whose stored status differed."""
    law = _Law(batch=True, run=run)
    writes = _Writes()
    differing = []
    for row in rows:
        if writes.add(row, compute(row, law.assessment(row, as_of), as_of), as_of):
            differing.append(row.pk)
    writes.flush()
    return differing


def refresh_read(rows: Sequence[Cooperation], as_of: dt.date, *, run: RunLaw) -> list[int]:
    """refresh_loaded for `rows` loaded by load_records with their parties and DPRD tracks
    (`ksd tick`'s notices): the other relations `compute` reads are loaded first, in one query
    each."""
    for name in ("copies_sent", "disputes", "open_tasks"):
        prefetch_reverse(rows, name)
    return refresh_loaded(rows, as_of, run=run)


def refresh_due(as_of: dt.date, *, run: RunLaw | None = None) -> int:
    """What `ksd tick` calls: refresh the records that days passing may have changed. `run`:
    the tick's view of the law, whose calendars, parameters and assessments are reused.
    Records that only the date changes are written from their stored columns (status_by_date);
    the others are computed in full."""
    from ksd.cooperation.status_by_date import refresh_by_date  # it reads this module's rules

    differing, left = refresh_by_date(due_for_refresh(as_of), as_of)
    earlier = len(getattr(run, "refreshed", ()))  # the tick's, with the records it read
    return earlier + len(differing) + len(refresh_many(left, as_of, run=run))


def fill_last_steps(ids: Sequence[int] | None = None) -> None:
    """Set last_step_on from the event log, as note_step keeps it."""
    rows = Event.objects.values("cooperation_id").annotate(
        last_on=Max("on"), last_at=Max("at", filter=Q(on__isnull=True))
    )
    if ids is not None:
        rows = rows.filter(cooperation_id__in=list(ids))
    wanted = {}
    for row in rows:
        days = [row["last_on"], date_in(row["last_at"]) if row["last_at"] else None]
        wanted[row["cooperation_id"]] = max(d for d in days if d is not None)
    changed = []
    for cooperation in Cooperation.objects.filter(pk__in=list(wanted)).only("pk", "last_step_on"):
        if cooperation.last_step_on != wanted[cooperation.pk]:
            cooperation.last_step_on = wanted[cooperation.pk]
            changed.append(cooperation)
    update_rows(Cooperation, changed, ["last_step_on"])


def invalidate_open_tracks(region: str | None = None) -> int:
    """The working calendar of `region` (None: every region) or the DPRD clocks changed: the
    deadlines of the open DPRD tracks move. Their records are marked stale in one statement;
    `ksd tick` (refresh_due) computes them again on its next run."""
    tracks = DprdReview.objects.filter(
        approved_on__isnull=True, rejected_on__isnull=True, deemed_approved_on__isnull=True
    )
    if region is not None:
        tracks = tracks.filter(region_id=region)
    rows = Cooperation.objects.filter(pk__in=tracks.values("cooperation_id"))
    return rows.exclude(stage__in=CLOSED_STAGES).update(status_on=None)


def calendar_changed(instance: Any, **_kwargs: Any) -> None:
    """post_save/post_delete receiver of the administrator's holiday overrides."""
    invalidate_open_tracks(getattr(instance, "region_id", None))


def never_computed() -> list[int]:
    return list(
        Cooperation.objects.filter(status_on__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def fill_never_computed(progress: Callable[[int, int], None] | None = None) -> int:
    """Records that have no stored status (a database upgraded from before the stored status,
    or records made stale by a change of calendars or clocks) get it from ksd.law; returns how
    many. `ksd recompute_status --missing` runs it; nothing to do on an up-to-date database."""
    ids = never_computed()
    if ids:
        fill_last_steps(ids)
        refresh_many(ids, today_at(clock.now()), progress=progress)
    return len(ids)

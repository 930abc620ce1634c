"""The dashboard of each role, read from the stored status (cooperation/status.py): indexed
queries of the open tasks, never ksd.law per row. A fixed number of queries whatever the size
of the register: each section reads at most SECTION_SIZE rows (and one more, to say there are
more), then the DPRD tracks and calendars of the rows shown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.cache import cache
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from ksd.accounts.models import Role
from ksd.cooperation import stalled
from ksd.cooperation.law import law_lang
from ksd.cooperation.models import CLOSED_BY_RECORD_KEEPING, Cooperation, OpenTask, Party
from ksd.cooperation.queries import _DAY0, Calendars, Deadline, _deadline_citation
from ksd.cooperation.status import (
    OPERATOR_TASKS,
    TASK_ANCHORS,
    TASK_LABELS,
    TaskKind,
)
from ksd.core.access import membership_of, sees_everything, visible_cooperations
from ksd.dprd.models import DprdReview
from ksd.regions.models import Region

Visitor = AbstractBaseUser | AnonymousUser
# How many rows one section shows; the register lists the rest.
SECTION_SIZE = 25
DPRD_TASKS = (TaskKind.DPRD_DECIDE, TaskKind.RESUBMIT_DPRD)
STATUS_LABELS = {
    "under_review": _("Under review by the DPRD"),
    "assessment_overdue": _("DPRD review overdue"),
    "opinion_given": _("DPRD opinion given: revise and resubmit"),
    "revision_overdue": _("Resubmission overdue"),
    "resubmitted": _("Revised draft resubmitted"),
}


@dataclass
class Item:
    """One row of a dashboard section: a task with its deadline (countdown and why)."""

    task: OpenTask
    deadline: Deadline | None = None

    @property
    def cooperation(self) -> Cooperation:
        return self.task.cooperation

    @property
    def label(self) -> str:
        return str(TASK_LABELS.get(self.task.kind, self.task.kind))

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.task.status, ""))

    @property
    def anchor(self) -> str:
        return TASK_ANCHORS.get(self.task.kind, "")

    @property
    def is_overdue(self) -> bool:
        return self.deadline is not None and self.deadline.is_overdue


@dataclass
class Section:
    key: str
    title: str
    items: list[Item] = field(default_factory=list)
    more: bool = False


@dataclass
class StalledLine:
    """One rule of stalled work on a dashboard: what it is, its threshold, why, how many."""

    key: str
    label: str
    threshold: str
    reason: str
    source: str
    since: dt.date | None
    count: int


@dataclass
class Dashboard:
    sections: list[Section] = field(default_factory=list)
    stalled: list[StalledLine] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(line.count for line in self.stalled) and not any(
            s.items for s in self.sections
        )

    @property
    def items(self) -> list[Item]:
        return [i for s in self.sections for i in s.items]


URGENT_FIRST = ("-is_overdue", F("due_on").asc(nulls_last=True), "pk")


def _urgent_first(rows: QuerySet[OpenTask]) -> QuerySet[OpenTask]:
    """Overdue first, then the nearest deadline, tasks without a legal deadline last."""
    return rows.select_related("cooperation", "region").order_by(*URGENT_FIRST)


def _section(key: str, title: str, rows: QuerySet[OpenTask]) -> Section:
    # The most urgent ids first, sorting the narrow task rows only; then those rows with their
    # cooperation and region (a region's tasks are thousands, the cooperation rows are wide).
    ids = list(rows.order_by(*URGENT_FIRST).values_list("pk", flat=True)[: SECTION_SIZE + 1])
    found = list(_urgent_first(OpenTask.objects.filter(pk__in=ids))) if ids else []
    return Section(key, str(title), [Item(t) for t in found[:SECTION_SIZE]],
                   len(found) > SECTION_SIZE)  # fmt: skip


def _area(province: str) -> Q:
    """Rows of the province's regions (itself included), read through the region index."""
    codes = Region.objects.filter(Q(code=province) | Q(province_id=province)).values("code")
    return Q(region_id__in=codes)


def dashboard_for(user: Visitor, *, today: dt.date, stalled_counts: bool = True) -> Dashboard:
    """The sections of the visitor's dashboard, most urgent first in each; with
    `stalled_counts`, the supervisors' lines of stalled work too (the home page lists only
    the tasks)."""
    membership = membership_of(user)
    board = Dashboard()
    if membership is None:
        return board
    role, own = membership.role, membership.region_id
    # Closed records keep no open task (cooperation/status.py), so no stage filter is needed.
    tasks = OpenTask.objects.all()
    if role == Role.OPERATOR and own:
        board.sections.append(
            _section("mine", _("Waiting for your region"),
                     tasks.filter(region_id=own, kind__in=(*OPERATOR_TASKS, TaskKind.DPRD_DECIDE)))
        )  # fmt: skip
        mine = Party.objects.filter(region_id=own).values("cooperation_id")
        board.sections.append(
            _section("others", _("Waiting for the other parties and authorities"),
                     tasks.filter(cooperation_id__in=mine).exclude(region_id=own))
        )  # fmt: skip
        board.stalled = stalled_lines(user, today) if stalled_counts else []
    elif role == Role.DPRD and own:
        board.sections.append(
            _section("mine", _("Drafts before your DPRD"),
                     tasks.filter(region_id=own, kind=TaskKind.DPRD_DECIDE))
        )  # fmt: skip
        board.sections.append(
            _section("others", _("Waiting for your regional head"),
                     tasks.filter(region_id=own, kind=TaskKind.RESUBMIT_DPRD))
        )  # fmt: skip
    elif role == Role.PEMBINA_PROVINSI and own:
        board.sections.append(
            _section("disputes", _("Disputes for the governor to decide"),
                     tasks.filter(region_id=own, kind=TaskKind.GOVERNOR_DISPUTE))
        )  # fmt: skip
        overdue = tasks.filter(_area(own), kind__in=DPRD_TASKS, due_on__lt=today)
        board.sections.append(
            _section("overdue", _("Overdue DPRD tracks in your province"), overdue)
        )
        board.stalled = stalled_lines(user, today) if stalled_counts else []
    elif role == Role.PEMBINA_PUSAT or sees_everything(user):
        board.sections.append(
            _section("disputes", _("Disputes for the Minister to decide"),
                     tasks.filter(kind=TaskKind.MINISTER_DISPUTE))
        )  # fmt: skip
        overdue = tasks.filter(kind__in=DPRD_TASKS, due_on__lt=today)
        board.sections.append(_section("overdue", _("Overdue DPRD tracks"), overdue))
        board.stalled = stalled_lines(user, today) if stalled_counts else []
    _with_deadlines(board.items, today)
    return board


def stalled_lines(user: Visitor, today: dt.date) -> list[StalledLine]:
    """Each rule of stalled work (cooperation/stalled.py) with the number of cooperations the
    user may see that it flags: the register's own rows (queries.register), so the count and
    the register filtered by the rule agree."""
    lines = []
    counts = _stalled_counts(user, today)
    for rule in stalled.rules():
        try:
            value = rule.value(today)
        except LookupError:
            continue  # not in force yet
        lines.append(StalledLine(
            rule.key, str(rule.label), rule.threshold(today), str(rule.reason),
            value.source, value.since, counts[rule.key],
        ))  # fmt: skip
    return lines


# How long the counts of one scope are kept at most (a step recorded renews them at once).
COUNTS_SECONDS = 120


def _scope(user: Visitor) -> tuple[Any, ...]:
    """Who sees the same cooperations (core/access.py visible_cooperations): everyone who sees
    everything alike, else the members of one role in one region; anyone else on their own."""
    if sees_everything(user):
        return ("all",)
    membership = membership_of(user)
    if membership is not None:
        return ("member", membership.role, membership.region_id)
    return ("user", getattr(user, "pk", None))


def _stalled_counts(user: Visitor, today: dt.date) -> dict[str, int]:
    """The number of cooperations each rule in force flags among those `user` may see: one
    count query per rule, each growing with the register (together ~75 ms of CPU for the
    Ministry at 20,000 cooperations on SQLite, docs/performance.md), so kept in Django's cache per scope, day, thresholds and the state of the
    tables the rules read (stalled.counts_version: one cheap query). Numbers only: the lines'
    words are worked out in the page's language on every visit."""
    in_force = []
    for rule in stalled.rules():
        try:
            in_force.append((rule, rule.value(today).value))
        except LookupError:
            continue
    parts = (_scope(user), today.isoformat(), [(r.key, v) for r, v in in_force],
             stalled.counts_version())  # fmt: skip
    key = "ksd-stalled-counts-" + hashlib.sha256(repr(parts).encode()).hexdigest()
    counts: dict[str, int] | None = cache.get(key)
    if counts is None:
        visible = visible_cooperations(user).exclude(stage__in=CLOSED_BY_RECORD_KEEPING)
        counts = {rule.key: visible.filter(pk__in=rule.cooperation_ids(today)).count()
                  for rule, _value in in_force}  # fmt: skip
        cache.set(key, counts, COUNTS_SECONDS)
    return counts


def _with_deadlines(items: Iterable[Item], today: dt.date) -> None:
    """Each dated DPRD task's countdown in working days and why its date is what it is, from
    the calendar of the DPRD's region: two queries for all the rows shown."""
    dated = [i for i in items if i.task.due_on is not None and i.task.kind in DPRD_TASKS]
    if not dated:
        return
    keys = {(i.task.cooperation_id, i.task.region_id) for i in dated}
    reviews = {
        (r.cooperation_id, r.region_id): r
        for r in DprdReview.objects.filter(
            cooperation_id__in={k[0] for k in keys}, region_id__in={k[1] for k in keys}
        )
    }
    calendars = Calendars(i.task.region_id for i in dated)
    lang = law_lang()
    for item in dated:
        task = item.task
        review = reviews.get((task.cooperation_id, task.region_id))
        start = _DAY0[task.due_name](review) if review and task.due_name in _DAY0 else None
        if start is None or task.due_on is None or task.region_id is None:
            continue
        calendar = calendars(task.region_id)
        explanation = calendar.explain(start, calendar.count_working_days(start, task.due_on))
        abroad = item.cooperation.kind == "foreign"
        item.deadline = Deadline(
            task.due_name, task.due_on,
            str(_deadline_citation(item.cooperation.regime, task.due_name, abroad=abroad)),
            calendar.count_working_days(today, task.due_on),
            explanation.render(lang), explanation.skipped,
        )  # fmt: skip


def regions_named(codes: Iterable[str]) -> dict[str, str]:
    return dict(Region.objects.filter(code__in=set(codes)).values_list("code", "name"))

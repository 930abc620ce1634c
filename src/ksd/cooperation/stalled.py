"""Stalled and at-risk work (issue 11 point 2): named rules, each a dated threshold with its
reason, read by the supervisors' dashboards and the register's `stalled=` filter.

Each rule computes its cut-off date once (the national working-day calendar where its unit is
working days) and answers with one indexed query of the stored status (cooperation/status.py):
the law never runs per row. A threshold's dated values live in data/stalled.yaml; a server
overrides one with the setting KSD_STALLED_<KEY> (no_step: KSD_STALLED_WORKING_DAYS). A record
is judged by the value in force on the day the page is read: the warning is today's.

Apps above cooperation add rules with register_rule() from their AppConfig.ready().
"""

from __future__ import annotations

import calendar as months
import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import (
    CharField,
    Exists,
    IntegerField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Cast
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ksd.cooperation.models import Amendment, Cooperation, Dispute, Event, OpenTask, Stage
from ksd.cooperation.status import BEFORE_SIGNING, IN_FORCE, TaskKind
from ksd.dprd.models import DprdReview
from ksd.law import yaml_data
from ksd.law.calendar import calendar_for

WORKING_DAYS, DAYS, MONTHS = "working_days", "days", "months"
DPRD_TASKS = (TaskKind.DPRD_DECIDE, TaskKind.RESUBMIT_DPRD)
DISPUTE_TASKS = (TaskKind.GOVERNOR_DISPUTE, TaskKind.MINISTER_DISPUTE, TaskKind.SETTLE_DISPUTE)


@dataclass(frozen=True)
class DatedValue:
    since: dt.date | None  # None: set by the server's setting, whatever the date
    value: int
    source: str


@dataclass(frozen=True)
class Parameter:
    """A rule's threshold: its unit, its dated values, and the setting that overrides them."""

    unit: str
    values: tuple[DatedValue, ...]
    setting: str

    def in_force(self, today: dt.date) -> DatedValue:
        configured = getattr(settings, self.setting, None)
        if configured is not None:
            return DatedValue(None, int(configured), self.setting)
        current = None
        for dated in sorted(self.values, key=lambda v: v.since or dt.date.min):
            if dated.since is None or dated.since <= today:
                current = dated
        if current is None:  # before its first date the rule does not apply: nothing matches
            raise LookupError(f"no value of {self.setting} in force on {today}")
        return current

    def describe(self, value: int) -> str:
        """ "20 working days", in the page's language."""
        if self.unit == WORKING_DAYS:
            text = ngettext("%(n)d working day", "%(n)d working days", value)
        elif self.unit == MONTHS:
            text = ngettext("%(n)d month", "%(n)d months", value)
        else:
            text = ngettext("%(n)d day", "%(n)d days", value)
        return text % {"n": value}


@dataclass(frozen=True)
class StalledRule:
    """One warning sign: which cooperations show it today, and why it matters."""

    key: str
    label: str | Promise  # "Offer not answered"
    reason: str | Promise  # why it is a warning sign, with the articles
    parameter: Parameter
    # (threshold value, today) -> a queryset of Cooperation ids ("pk" or "cooperation_id")
    ids: Callable[[int, dt.date], QuerySet[Any]]
    # How the threshold reads after the label: "more than" (>) or "within" (≤).
    within: bool = False

    def value(self, today: dt.date) -> DatedValue:
        return self.parameter.in_force(today)

    def cooperation_ids(self, today: dt.date, among: list[int] | None = None) -> QuerySet[Any]:
        """The ids of the cooperations this rule flags on `today` (one subquery, by index;
        unordered: a subquery needs no sort); with `among`, only those of these ids."""
        try:
            value = self.value(today).value
        except LookupError:
            return Cooperation.objects.none().values("pk")
        ids = self.ids(value, today)
        if among is not None:
            return _narrowed(ids, among)
        return ids if ids.query.combinator else ids.order_by()

    def threshold(self, today: dt.date) -> str:
        """ "> 20 working days" or "≤ 90 days": the label's parameter as the user reads it."""
        try:
            value = self.value(today).value
        except LookupError:
            return "—"
        return f"{'≤' if self.within else '>'} {self.parameter.describe(value)}"

    def title(self, today: dt.date) -> str:
        """ "Offer not answered > 20 working days", as the filter's choices read."""
        return f"{self.label} {self.threshold(today)}"


def _narrowed(ids: QuerySet[Any], among: list[int]) -> QuerySet[Any]:
    """`ids` (a rule's one-column query of cooperation ids) restricted to `among`, inside the
    query: each part of a union alike. The rows are those of `ids` that are in `among`, but
    the database reads them by these ids; as `id IN (rule)`, SQLite would first compute the
    rule for the whole register (a register page: 25 ids, 47 ms of SQL at 20,000
    cooperations; docs/performance.md, round four)."""
    query = ids.query
    if query.combinator:
        parts = [_narrowed(QuerySet(model=q.model, query=q.chain()), among)
                 for q in query.combined_queries]  # fmt: skip
        if query.combinator == "union":
            return parts[0].union(*parts[1:], all=query.combinator_all)
        if query.combinator == "intersection":
            return parts[0].intersection(*parts[1:])
        return parts[0].difference(*parts[1:])
    (column,) = query.values_select
    return ids.filter(**{f"{column}__in": among}).order_by()


# ----- Cut-off dates, computed once per rule and page -----


def stalled_since(today: dt.date, working_days: int) -> dt.date:
    """The latest day D whose `working_days`-th working day after it (D being day 0, DESIGN.md
    "Working days") ended before `today`, on the nationwide calendar: the day before the
    `working_days`-th working day counted back from yesterday. A day off between them (a
    weekend, Waisak) is such a D too: its count starts on the next working day."""
    calendar = calendar_for(None)
    day = today
    counted = 0
    while counted < working_days:
        day -= dt.timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return day - dt.timedelta(days=1)


def months_before(today: dt.date, n: int) -> dt.date:
    """The same day `n` months earlier (the month's last day where it is shorter)."""
    index = today.year * 12 + today.month - 1 - n
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(today.day, months.monthrange(year, month)[1]))


def _days_before(today: dt.date, n: int) -> dt.date:
    """The latest day more than `n` days before `today`."""
    return today - dt.timedelta(days=n + 1)


# ----- The rules' queries -----


def _no_step(value: int, today: dt.date) -> QuerySet[Any]:
    # The partial index coop_stalled (cooperation 0018).
    return Cooperation.objects.filter(
        stage__in=BEFORE_SIGNING, last_step_on__lte=stalled_since(today, value)
    ).values("pk")


def _offer_unanswered(value: int, today: dt.date) -> QuerySet[Any]:
    # coop_by_stage (stage, offered_on); a party still owes its answer (the open task).
    waiting = OpenTask.objects.filter(kind=TaskKind.ANSWER_OFFER, cooperation=OuterRef("pk"))
    return (
        Cooperation.objects.filter(stage=Stage.OFFERED, offered_on__lte=stalled_since(today, value))
        .filter(Exists(waiting))
        .values("pk")
    )


def _joint_agreement_without_pks(value: int, today: dt.date) -> QuerySet[Any]:
    cutoff = months_before(today, value) - dt.timedelta(days=1)
    # The partial index coop_stalled_joint (this branch's migration).
    return Cooperation.objects.filter(
        stage__in=BEFORE_SIGNING, signed_on__isnull=True, joint_agreement_signed_on__lte=cutoff
    ).values("pk")


def _awaiting_signature(value: int, today: dt.date) -> QuerySet[Any]:
    """Waiting since the last DPRD approval (approved or deemed approved); where no DPRD
    approval is needed (no track), since the last step recorded, the draft or later. Two
    branches in a union, each read by index (an OR would scan every track)."""
    cutoff = _days_before(today, value)
    signing = OpenTask.objects.filter(kind=TaskKind.SIGN).order_by()
    tracks = DprdReview.objects.filter(cooperation=OuterRef("cooperation_id"))
    recent = tracks.filter(Q(approved_on__gt=cutoff) | Q(deemed_approved_on__gt=cutoff))
    approved = signing.filter(Exists(tracks), ~Exists(recent)).values("cooperation_id")
    no_dprd = signing.filter(~Exists(tracks), cooperation__last_step_on__lte=cutoff)
    return approved.union(no_dprd.values("cooperation_id"))


def _dprd_overdue(value: int, today: dt.date) -> QuerySet[Any]:
    # task_by_kind (kind, due_on): the stored deadline of each open DPRD track. The end of the
    # resubmission round is no delay: the DPRD is then deemed to have approved (PP 50/2007
    # Pasal 12 ayat (4)), which `ksd tick` records.
    return (
        OpenTask.objects.filter(kind__in=DPRD_TASKS, due_on__lte=_days_before(today, value))
        .exclude(due_name="deemed_approval_due")
        .values("cooperation_id")
    )


def _expiring_unrenewed(value: int, today: dt.date) -> QuerySet[Any]:
    """In force and ending within `value` days, with nothing in progress: "in progress" is an
    amendment (an extension included, PP 50/2007 Pasal 17) signed within the last `value`
    days. KSD keeps no other record of a renewal being prepared."""
    amended = Amendment.objects.filter(
        cooperation=OuterRef("pk"), signed_on__gte=today - dt.timedelta(days=value)
    )
    return (
        Cooperation.objects.filter(
            stage__in=IN_FORCE, ends_on__gte=today, ends_on__lte=today + dt.timedelta(days=value)
        )
        .filter(~Exists(amended))
        .values("pk")
    )


def _dispute_waiting(value: int, today: dt.date) -> QuerySet[Any]:
    # The open task names its dispute by id (cooperation/status.py _after_signing).
    old = Dispute.objects.filter(
        settled_on__isnull=True, raised_on__lte=_days_before(today, value)
    ).values("pk")
    return OpenTask.objects.filter(kind__in=DISPUTE_TASKS, subject__in=_as_text(old)).values(
        "cooperation_id"
    )


def _as_text(ids: QuerySet[Any]) -> QuerySet[Any]:
    """Dispute ids as the open task's subject stores them (text)."""
    return ids.annotate(key=Cast("pk", CharField())).values("key")


def _report_abroad_overdue(value: int, today: dt.date) -> QuerySet[Any]:
    late = Cooperation.objects.filter(pk=OuterRef("cooperation_id"),
                                      signed_on__lte=_days_before(today, value))  # fmt: skip
    return (
        OpenTask.objects.filter(kind=TaskKind.REPORT_ABROAD)
        .filter(Exists(late))
        .values("cooperation_id")
    )


# ----- The registry -----


@functools.cache
def _bundled() -> dict[str, tuple[str, tuple[DatedValue, ...]]]:
    raw = yaml_data.safe_load(
        resources.files("ksd.cooperation").joinpath("data/stalled.yaml").read_text("utf-8")
    )
    table = {}
    for key, spec in raw["rules"].items():
        values = tuple(
            DatedValue(since, int(entry["value"]), " ".join(str(entry["source"]).split()))
            for since, entry in sorted(spec["values"].items())
        )
        table[key] = (spec["unit"], values)
    return table


def bundled_parameter(key: str, setting: str | None = None) -> Parameter:
    """The threshold of `key` as data/stalled.yaml dates it, overridden by KSD_STALLED_<KEY>."""
    unit, values = _bundled()[key]
    return Parameter(unit, values, setting or f"KSD_STALLED_{key.upper()}")


def _builtin() -> list[StalledRule]:
    return [
        StalledRule(
            "no_step",
            _("No step recorded"),
            _(
                "A cooperation not yet signed on which nothing has been recorded for this long. "
                "No regulation sets this time: it is KSD's supervisory choice, for the "
                "supervision that runs from the first talks to the end of a cooperation "
                "(PP 50/2007 Pasal 22 ayat (3); PP 28/2018 Pasal 44 ayat (1) and (4))."
            ),
            bundled_parameter("no_step", "KSD_STALLED_WORKING_DAYS"),
            _no_step,
        ),
        StalledRule(
            "offer_unanswered",
            _("Offer not answered"),
            _(
                "A party has not answered the offer. The offer and its acceptance open the "
                "procedure (PP 50/2007 Pasal 7 huruf a-b; PP 28/2018 Pasal 6 ayat (1) huruf b); "
                "neither sets a time for the answer, so the time is KSD's supervisory choice."
            ),
            bundled_parameter("offer_unanswered"),
            _offer_unanswered,
        ),
        StalledRule(
            "joint_agreement_without_pks",
            _("Joint agreement without an agreement (PKS)"),
            _(
                "The joint agreement was signed but no cooperation agreement followed. A "
                "cooperation takes the form of an agreement (PP 50/2007 Pasal 5 and Pasal 7 "
                "huruf b; PP 28/2018 Pasal 6 ayat (1) huruf d-g and ayat (3)); the time is "
                "KSD's supervisory choice."
            ),
            bundled_parameter("joint_agreement_without_pks"),
            _joint_agreement_without_pks,
        ),
        StalledRule(
            "awaiting_signature",
            _("Draft waiting for signing"),
            _(
                "Every DPRD has approved (or none needs to) and the draft is ready, yet it is not "
                "signed (PP 28/2018 Pasal 6 ayat (1) huruf e-g; PP 50/2007 Pasal 9-10). Counted "
                "from the last DPRD approval, or from the last step where no DPRD approval is "
                "needed; the time is KSD's supervisory choice."
            ),
            bundled_parameter("awaiting_signature"),
            _awaiting_signature,
        ),
        StalledRule(
            "dprd_overdue",
            _("DPRD track overdue"),
            _(
                "A DPRD's deadline has passed: its assessment, its opinion or the regional "
                "head's resubmission (PP 50/2007 Pasal 12 ayat (1)-(3); PP 28/2018 Pasal 30 ayat "
                "(4), and Pasal 38 for KSDLL). The deadlines are the law's; the value is the "
                "grace KSD allows after them."
            ),
            bundled_parameter("dprd_overdue"),
            _dprd_overdue,
        ),
        StalledRule(
            "expiring_unrenewed",
            _("Ending with no amendment in progress"),
            _(
                "The agreement ends within this time (PP 50/2007 Pasal 18 huruf i; PP 28/2018 "
                "Pasal 9 ayat (1) huruf a) and no amendment or extension has been signed in it "
                "(PP 50/2007 Pasal 17). The notice period is KSD's supervisory choice."
            ),
            bundled_parameter("expiring_unrenewed"),
            _expiring_unrenewed,
            within=True,
        ),
        StalledRule(
            "dispute_waiting",
            _("Dispute waiting to be settled"),
            _(
                "A dispute waits for the governor, the Minister or the parties (PP 50/2007 "
                "Pasal 14-16; PP 28/2018 Pasal 8 and 21; UU 23/2014 Pasal 370). No regulation "
                "sets a time: it is KSD's supervisory choice."
            ),
            bundled_parameter("dispute_waiting"),
            _dispute_waiting,
        ),
        StalledRule(
            "report_abroad_overdue",
            _("Cooperation abroad not reported"),
            _(
                "The region must report a cooperation abroad to the Minister (PP 28/2018 "
                "Pasal 43 ayat (1)); ayat (2) leaves the procedure to a Minister's regulation, "
                "so the time after signing is KSD's supervisory choice."
            ),
            bundled_parameter("report_abroad_overdue"),
            _report_abroad_overdue,
        ),
    ]


_RULES: dict[str, StalledRule] = {}


def _registry() -> dict[str, StalledRule]:
    if not _RULES:
        for rule in _builtin():
            _RULES.setdefault(rule.key, rule)
    return _RULES


def rules() -> list[StalledRule]:
    """Every rule, built-in ones first, then those other apps registered."""
    return list(_registry().values())


def rule(key: str) -> StalledRule | None:
    return _registry().get(key)


def register_rule(new: StalledRule, *, reads: Iterable[type[Model]] = ()) -> None:
    """Add a rule (from an AppConfig.ready()); a key is registered once. `reads`: the models
    of the registering app whose rows the rule reads, so that a new row of one of them shows in
    the dashboards' counts at once (counts_version)."""
    registry = _registry()
    if new.key in registry and registry[new.key] is not new:
        raise ValueError(f"stalled rule {new.key!r} is already registered")
    registry[new.key] = new
    for model in reads:
        if model not in _READS:
            _READS.append(model)


# What the rules read; each lifecycle step also appends an Event in the same transaction.
_READS: list[type[Model]] = [Event, Cooperation, OpenTask, DprdReview, Amendment, Dispute]


def counts_version() -> tuple[Any, ...]:
    """The last id of each table the rules read, in one statement of index reads: any step
    recorded (an event), any record, task, track, amendment or dispute added changes it. What
    changes a row in place without a step (`ksd tick` refreshing a stored status, a monitoring
    schedule edited) is not seen here: the dashboards' counts keep at most COUNTS_SECONDS."""
    quote = connection.ops.quote_name
    parts = ", ".join(
        f"(SELECT MAX({quote(m._meta.pk.column)}) FROM {quote(m._meta.db_table)})"  # noqa: S608
        for m in _READS
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {parts}")
        return tuple(cursor.fetchone())


def any_rule_q(today: dt.date) -> Q:
    """`stalled=any`: a cooperation any rule flags (one subquery per rule)."""
    found = Q(pk__in=[])
    for each in rules():
        found |= Q(pk__in=each.cooperation_ids(today))
    return found


def q_for(key: str, today: dt.date) -> Q:
    """The register's filter for `stalled=<key>` or `stalled=any`."""
    if key == "any":
        return any_rule_q(today)
    found = rule(key)
    if found is None:
        raise KeyError(key)
    return Q(pk__in=found.cooperation_ids(today))


def marks_for(ids: list[int], today: dt.date) -> dict[int, list[StalledRule]]:
    """The rules each of `ids` (a register page) hits, in one query: a union of each rule's
    subquery narrowed to the page, each part tagged with its rule's place in the registry."""
    marks: dict[int, list[StalledRule]] = {}
    every = rules()
    if not ids or not every:
        return marks
    sql, params = _marks_statement(every, today, len(ids))
    by_placeholder = dict(zip(_placeholders(len(ids)), ids, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(sql, [by_placeholder.get(p, p) if isinstance(p, int) else p
                             for p in params])  # fmt: skip
        for pk, place in cursor.fetchall():
            marks.setdefault(pk, []).append(every[place])
    for found in marks.values():
        found.sort(key=every.index)
    return marks


# The marks' statement, compiled once per day, thresholds and page size: building the union
# of every rule's query through the ORM cost more CPU than the rest of the register's queries
# together. The page's ids are parameters, first compiled as placeholders no id can equal.
_MARKS_SQL: dict[tuple[Any, ...], tuple[str, tuple[Any, ...]]] = {}


def _placeholders(n: int) -> list[int]:
    return [-(10**15) - i for i in range(n)]


def _marks_statement(
    every: list[StalledRule], today: dt.date, n: int
) -> tuple[str, tuple[Any, ...]]:
    thresholds = []
    for each in every:
        try:
            thresholds.append((each.key, each.value(today).value))
        except LookupError:
            thresholds.append((each.key, None))
    key = (connection.vendor, today, n, tuple(thresholds))
    found = _MARKS_SQL.get(key)
    if found is None:
        among = _placeholders(n)
        parts = [
            Cooperation.objects.filter(pk__in=each.cooperation_ids(today, among=among))
            .order_by()
            .annotate(rule=Value(place, output_field=IntegerField()))
            .values_list("pk", "rule")
            for place, each in enumerate(every)
        ]
        query = parts[0].union(*parts[1:], all=True).query
        sql, params = query.get_compiler(connection=connection).as_sql()
        if len(_MARKS_SQL) > 100:  # a new day, or page sizes: never grows without bound
            _MARKS_SQL.clear()
        found = _MARKS_SQL[key] = (sql, tuple(params))
    return found

"""`ksd tick`: the scheduled work, safe to run every few minutes and idempotent.

It applies deemed approvals (PP 50/2007 Pasal 12 ayat (4); under PP 28/2018 only with the
parameter pp28_dprd_clocks), expires agreements whose term has ended, and leaves notifications
for deadlines coming up, each citing the regulation of its own cooperation. Pages never wait
for it: they compute the same truth from ksd.law on every request.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from ksd.cooperation.articles import article_of
from ksd.cooperation.expiry import expire_many
from ksd.cooperation.models import (
    CLOSED_BY_RECORD_KEEPING,
    Cooperation,
    EventKind,
    Notification,
    Party,
    Stage,
)
from ksd.cooperation.status import due_for_refresh, refresh_read
from ksd.cooperation.tick_batches import (
    NEVER,
    NOTICE_WORKING_DAYS,
    Law,
    Notices,
    chunks,
    next_check,
    save_schedule,
    with_law_facts,
)
from ksd.core.bulk import prefetch_reverse
from ksd.core.clock import DEFAULT_ZONE, date_in
from ksd.core.dates import today_at
from ksd.dprd.deemed import apply_deemed_many
from ksd.dprd.models import DprdReview
from ksd.law.regimes import Regime

# Notify this many working days before a DPRD deadline, and this many days before expiry.
DPRD_NOTICE_WORKING_DAYS = NOTICE_WORKING_DAYS
EXPIRY_NOTICE_DAYS = 90
_OPEN_STAGES = (Stage.DRAFTING, Stage.DPRD_REVIEW, Stage.READY_TO_SIGN)
_DEADLINE_CITATION = {
    "assessment_due": "PP 50/2007 Pasal 12 ayat (1)",
    "opinion_due": "PP 50/2007 Pasal 12 ayat (2)",
    "revision_due": "PP 50/2007 Pasal 12 ayat (3)",
    "deemed_approval_due": "PP 50/2007 Pasal 12 ayat (4)",
}
# PP 28/2018 sets no DPRD clock: its deadlines exist only through the parameter
# pp28_dprd_clocks, standing for the Minister's regulation of Pasal 6 ayat (4).
_PP28_DEADLINE_CITATION = "PP 28/2018 Pasal 6 ayat (4)"


def _deadline_citation(cooperation: Cooperation, name: str) -> str:
    if cooperation.regime == Regime.PP50_2007:
        return _DEADLINE_CITATION[name]
    return _PP28_DEADLINE_CITATION


@dataclass
class TickSummary:
    deemed_approvals: int = 0
    expired: int = 0
    notifications: int = 0

    def __str__(self) -> str:
        return (
            f"tick: {self.deemed_approvals} deemed approvals, {self.expired} expired, "
            f"{self.notifications} notifications"
        )


def apply_deemed_approvals(now: dt.datetime, summary: TickSummary, law: Law) -> None:
    """Tracks resubmitted and still undecided: ksd.law says which are deemed approved today,
    and dprd/deemed.py records them a chunk of records at a time, under the records' locks."""
    # No region's date is later than the date at UTC+14. A track is left out only when both
    # its schedule (DprdReview.next_check_on: the day after a noticed deadline at the latest,
    # reset by any change) and its stored time limit (due_on, the deemed approval's day while
    # it is resubmitted) lie beyond that date; a track with no time limit stored (no clock
    # when it was last read) is read every run, in case the clocks have come since.
    latest_today = (now.astimezone(dt.UTC) + dt.timedelta(hours=14)).date()
    may_be_due = (
        Q(next_check_on__isnull=True) | Q(next_check_on__lte=latest_today)
        | Q(due_on__isnull=True) | Q(due_on__lt=latest_today)
    )  # fmt: skip
    pending = list(
        DprdReview.objects.filter(
            resubmitted_on__isnull=False, deemed_approved_on__isnull=True,
            approved_on__isnull=True, rejected_on__isnull=True,
        ).filter(may_be_due)
        .exclude(cooperation__stage__in=CLOSED_BY_RECORD_KEEPING)
        .order_by("cooperation_id").values_list("cooperation_id", flat=True).distinct()
    )  # fmt: skip
    for chunk in chunks(pending):
        # One commit per chunk: its deemed approvals and their notices.
        with transaction.atomic():
            notices = Notices(now)
            for deemed in apply_deemed_many(chunk, now=now, law=law):
                summary.deemed_approvals += 1
                cooperation = deemed.cooperation
                notices.add(
                    cooperation, deemed.region, Notification.Kind.DEEMED_APPROVAL, deemed.on,
                    _("The DPRD is deemed to have approved “%(title)s”.") % {"title": cooperation.title},
                    article_of(cooperation, EventKind.DPRD_DEEMED_APPROVED),
                )  # fmt: skip
            summary.notifications += notices.flush()


def expire_agreements(now: dt.datetime, summary: TickSummary, law: Law) -> None:
    """Signed or running agreements whose end has passed (expired) or comes within
    EXPIRY_NOTICE_DAYS (a notice): only those are read, by the index on ends_on."""
    # No region's date is later than the date at UTC+14: a bound for every time zone.
    latest_today = (now.astimezone(dt.UTC) + dt.timedelta(hours=14)).date()
    notice_window = latest_today + dt.timedelta(days=EXPIRY_NOTICE_DAYS)
    # An agreement whose every region already has its notice of this end date needs nothing.
    notified = Notification.objects.filter(
        cooperation_id=OuterRef("cooperation_id"), region_id=OuterRef("region_id"),
        kind=Notification.Kind.EXPIRING, due_on=OuterRef("cooperation__ends_on"),
    )  # fmt: skip
    unnotified = Party.objects.filter(cooperation_id=OuterRef("pk"), region__isnull=False).filter(
        ~Exists(notified)
    )
    ending = list(
        Cooperation.objects.filter(
            stage__in=(Stage.SIGNED, Stage.IMPLEMENTING), ends_on__isnull=False,
            ends_on__lte=notice_window,
        ).filter(Q(ends_on__lt=latest_today) | Exists(unnotified))
        .order_by("pk").values_list("pk", flat=True)
    )  # fmt: skip
    for chunk in chunks(ending):
        # One commit per chunk; the expiries of a chunk in a few statements (expiry.py).
        with transaction.atomic():
            notices = Notices(now)
            rows = list(Cooperation.objects.filter(pk__in=list(chunk)).order_by("pk"))
            prefetch_reverse(rows, "parties")
            _expire_or_notify(rows, now, summary, law, notices)
            summary.notifications += notices.flush()


def _expire_or_notify(cooperations: list[Cooperation], now: dt.datetime, summary: TickSummary,
                      law: Law, notices: Notices) -> None:  # fmt: skip
    """Expire each agreement whose end has passed in its first region's zone, else leave each
    region a notice when the end is within EXPIRY_NOTICE_DAYS."""
    regions: dict[int, list[str]] = {}
    ended: dict[dt.date, list[Cooperation]] = {}
    for cooperation in cooperations:
        mine = [p.region_id for p in cooperation.parties.all() if p.region_id is not None]
        regions[cooperation.pk] = mine
        today = date_in(now, law.timezones.get(mine[0], DEFAULT_ZONE) if mine else DEFAULT_ZONE)
        assert cooperation.ends_on is not None  # noqa: S101 - filtered by the caller
        if cooperation.ends_on < today:
            ended.setdefault(today, []).append(cooperation)
        elif 0 <= (cooperation.ends_on - today).days <= EXPIRY_NOTICE_DAYS:
            for region in mine:
                notices.add(
                    cooperation, region, Notification.Kind.EXPIRING, cooperation.ends_on,
                    _("“%(title)s” ends on %(date)s.")
                    % {"title": cooperation.title, "date": cooperation.ends_on.isoformat()},
                    article_of(cooperation, EventKind.EXPIRED),
                )  # fmt: skip
    for today, batch in ended.items():
        for cooperation in expire_many(batch, as_of=today, now=now):
            summary.expired += 1
            for region in regions[cooperation.pk]:
                notices.add(
                    cooperation, region, Notification.Kind.EXPIRED, cooperation.ends_on,
                    _("“%(title)s” has expired.") % {"title": cooperation.title},
                    article_of(cooperation, EventKind.EXPIRED),
                )  # fmt: skip


_CLOSED_TRACK = (
    "approved",
    "rejected",
    "deemed_approved",
    "not_required",
    "not_submitted",
    "unknown",
)


def notify_dprd_deadlines(now: dt.datetime, summary: TickSummary, law: Law) -> None:
    """Open DPRD tracks of cooperations in an open stage that are due for a reading: their
    schedule (DprdReview.next_check_on) says so, or they have none yet and a date recent enough
    to leave a deadline still to come (Law.dprd_lookback). ksd.law decides each track's status
    and deadlines, as on the cooperation's page; the tick then schedules the track's next
    reading (tick_batches.next_check)."""
    today = date_in(now)
    since = today - law.dprd_lookback()
    recent = (
        Q(received_on__gte=since) | Q(opinion_sent_on__gte=since)
        | Q(opinion_received_on__gte=since) | Q(resubmitted_on__gte=since)
    )  # fmt: skip
    due = Q(next_check_on__lte=today) | (Q(next_check_on__isnull=True) & recent)
    ids = list(
        DprdReview.objects.filter(due, cooperation__stage__in=_OPEN_STAGES)
        .exclude(approved_on__lte=today).exclude(rejected_on__lte=today)
        .order_by("cooperation_id").values_list("cooperation_id", flat=True).distinct()
    )  # fmt: skip
    # The stored status that days passing changed (status.refresh_due, which runs after the
    # tick: nothing after this phase changes these records) is refreshed here for the records
    # read anyway, a deadline just passed being most often why both want them.
    as_of = today_at(now)
    stale = set(due_for_refresh(as_of)) if ids else set()
    for chunk in chunks(ids):
        # The chunk's tracks are locked while read and scheduled: a step recorded meanwhile
        # waits, then resets the schedule it would otherwise have lost (DprdReview.save).
        with transaction.atomic():
            locked = list(
                DprdReview.objects.select_for_update()
                .filter(cooperation_id__in=list(chunk))
                .values_list("pk", flat=True)
            )
            schedule = dict.fromkeys(locked, NEVER)
            notices = Notices(now)
            read = with_law_facts(chunk)
            for cooperation in read:
                _notify_and_schedule(cooperation, today, law, notices, schedule)
            summary.notifications += notices.flush()
            save_schedule(schedule)
            law.refreshed += refresh_read([c for c in read if c.pk in stale], as_of, run=law)


def _notify_and_schedule(cooperation: Cooperation, today: dt.date, law: Law, notices: Notices,
                         schedule: dict[int, dt.date]) -> None:  # fmt: skip
    reviews = {r.region_id: r for r in cooperation.dprd_reviews.all()}
    for verdict in law.assess(cooperation, as_of=today).dprd:
        review = reviews.get(verdict.region)
        calendar = law.calendar(verdict.region)
        noticed: set[dt.date] = set()
        if verdict.track.status not in _CLOSED_TRACK:
            for name, due in verdict.track.deadlines.items():
                if due is None or due < today:
                    continue
                if calendar.count_working_days(today, due) <= DPRD_NOTICE_WORKING_DAYS:
                    noticed.add(due)
                    notices.add(
                        cooperation, verdict.region, Notification.Kind.DPRD_DEADLINE, due,
                        _("DPRD deadline for “%(title)s” on %(date)s.")
                        % {"title": cooperation.title, "date": due.isoformat()},
                        _deadline_citation(cooperation, name),
                    )  # fmt: skip
        if review is not None and review.pk in schedule:
            schedule[review.pk] = next_check(review, verdict.track, today, noticed, calendar)


def run_tick(*, now: dt.datetime, law: Law | None = None) -> TickSummary:
    """`law`: the run's view of the law (tick_batches.Law), to share with the stored status's
    refresh_due that follows, so a record read by both is assessed once."""
    summary = TickSummary()
    law = law or Law()
    apply_deemed_approvals(now, summary, law)
    expire_agreements(now, summary, law)
    notify_dprd_deadlines(now, summary, law)
    return summary

"""`ksd tick`: the scheduled work, safe to run every few minutes and idempotent.

It applies deemed approvals (PP 50/2007 Pasal 12 ayat (4); under PP 28/2018 only with the
parameter pp28_dprd_clocks), expires agreements whose term has ended, and leaves notifications
for deadlines coming up, each citing the regulation of its own cooperation. Pages never wait
for it: they compute the same truth from ksd.law on every request.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ksd.cooperation.articles import article_of
from ksd.cooperation.law import assessment_for, calendar_for_region
from ksd.cooperation.models import (
    CLOSED_BY_RECORD_KEEPING,
    Cooperation,
    EventKind,
    Notification,
    Stage,
)
from ksd.cooperation.services import expire
from ksd.core.clock import date_in
from ksd.dprd.models import DprdReview
from ksd.dprd.services import apply_deemed_approval
from ksd.law.regimes import Regime

# Notify this many working days before a DPRD deadline, and this many days before expiry.
DPRD_NOTICE_WORKING_DAYS = 5
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


def _notify(cooperation: Cooperation, region: str, kind: str, due_on: dt.date | None,
            message: str, citation: str, now: dt.datetime) -> bool:  # fmt: skip
    """Create one notification unless the same one exists (the unique constraint decides)."""
    if Notification.objects.filter(
        cooperation=cooperation, region_id=region, kind=kind, due_on=due_on
    ).exists():
        return False
    try:
        with transaction.atomic():
            Notification.objects.create(
                cooperation=cooperation, region_id=region, kind=kind, due_on=due_on,
                message=message, citation=citation, created_at=now,
            )  # fmt: skip
    except IntegrityError:  # a concurrent run created it first
        return False
    return True


def apply_deemed_approvals(now: dt.datetime, summary: TickSummary) -> None:
    pending = DprdReview.objects.filter(
        resubmitted_on__isnull=False, deemed_approved_on__isnull=True,
        approved_on__isnull=True, rejected_on__isnull=True,
    ).exclude(cooperation__stage__in=CLOSED_BY_RECORD_KEEPING).select_related(
        "region", "cooperation")  # fmt: skip
    for review in pending:
        if apply_deemed_approval(review.pk, as_of=date_in(now, review.region.timezone), now=now):
            summary.deemed_approvals += 1
            review.refresh_from_db()
            if _notify(
                review.cooperation, review.region_id, Notification.Kind.DEEMED_APPROVAL,
                review.deemed_approved_on,
                _("The DPRD is deemed to have approved “%(title)s”.") % {"title": review.cooperation.title},
                article_of(review.cooperation, EventKind.DPRD_DEEMED_APPROVED), now,
            ):  # fmt: skip
                summary.notifications += 1


def expire_agreements(now: dt.datetime, summary: TickSummary) -> None:
    ending = Cooperation.objects.filter(
        stage__in=(Stage.SIGNED, Stage.IMPLEMENTING), ends_on__isnull=False
    ).prefetch_related("parties__region")
    for cooperation in ending:
        regions = [p.region for p in cooperation.parties.all() if p.region is not None]
        zone = regions[0].timezone if regions else "Asia/Jakarta"
        today = date_in(now, zone)
        assert cooperation.ends_on is not None  # noqa: S101 - filtered above
        if cooperation.ends_on < today and expire(cooperation.pk, as_of=today, now=now):
            summary.expired += 1
            for region in regions:
                summary.notifications += _notify(
                    cooperation, region.code, Notification.Kind.EXPIRED, cooperation.ends_on,
                    _("“%(title)s” has expired.") % {"title": cooperation.title},
                    article_of(cooperation, EventKind.EXPIRED), now,
                )  # fmt: skip
        elif 0 <= (cooperation.ends_on - today).days <= EXPIRY_NOTICE_DAYS:
            for region in regions:
                summary.notifications += _notify(
                    cooperation, region.code, Notification.Kind.EXPIRING, cooperation.ends_on,
                    _("“%(title)s” ends on %(date)s.")
                    % {"title": cooperation.title, "date": cooperation.ends_on.isoformat()},
                    article_of(cooperation, EventKind.EXPIRED), now,
                )  # fmt: skip


def notify_dprd_deadlines(now: dt.datetime, summary: TickSummary) -> None:
    for cooperation in Cooperation.objects.filter(stage__in=_OPEN_STAGES):
        today = date_in(now)
        for verdict in assessment_for(cooperation, as_of=today).dprd:
            if verdict.track.status in ("approved", "rejected", "deemed_approved", "not_required",
                                        "not_submitted", "unknown"):  # fmt: skip
                continue
            calendar = calendar_for_region(verdict.region)
            for name, due in verdict.track.deadlines.items():
                if due is None or due < today:
                    continue
                if calendar.count_working_days(today, due) <= DPRD_NOTICE_WORKING_DAYS:
                    summary.notifications += _notify(
                        cooperation, verdict.region, Notification.Kind.DPRD_DEADLINE, due,
                        _("DPRD deadline for “%(title)s” on %(date)s.")
                        % {"title": cooperation.title, "date": due.isoformat()},
                        _deadline_citation(cooperation, name), now,
                    )  # fmt: skip


def run_tick(*, now: dt.datetime) -> TickSummary:
    summary = TickSummary()
    apply_deemed_approvals(now, summary)
    expire_agreements(now, summary)
    notify_dprd_deadlines(now, summary)
    return summary

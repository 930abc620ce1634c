"""What the monitoring pages and the stalled rule read: stored, indexed columns only
(ReportingDuty.next_due_on, Obligation.due_on/done_on), a fixed number of queries however many
cooperations there are."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from ksd.cooperation.models import CLOSED_BY_RECORD_KEEPING, Cooperation
from ksd.core.access import involved_ids
from ksd.monitoring.access import Visitor
from ksd.monitoring.models import Obligation, ReportingDuty

# How many late rows a list shows; the count above it tells the rest.
LIST_LIMIT = 200


def cooperations_with_overdue_reports(today: dt.date) -> QuerySet[Any]:
    """The ids of the cooperations with an implementing agency's report due before `today` and
    not in: the stalled rule "report_overdue". One query over the monev_duty_due index."""
    return (
        ReportingDuty.objects.filter(next_due_on__lt=today)
        .exclude(cooperation__stage__in=CLOSED_BY_RECORD_KEEPING)
        .values_list("cooperation_id", flat=True)
        .distinct()
    )


def _in_scope(rows: QuerySet[Any], user: Visitor) -> QuerySet[Any]:
    """`rows` of the cooperations `user` may see (core/access.py); never a withdrawn or
    cancelled record. Those few records are read apart (an index on the stage) and left out by
    id: as a join, PostgreSQL read the whole register to count the late rows (89 ms against
    5 ms at 100,000 cooperations)."""
    closed = Cooperation.objects.filter(stage__in=CLOSED_BY_RECORD_KEEPING).values("pk")
    rows = rows.exclude(cooperation_id__in=closed)
    involved = involved_ids(user)
    return rows if involved is None else rows.filter(cooperation_id__in=involved)


def late_reports(user: Visitor, today: dt.date) -> QuerySet[ReportingDuty]:
    """The implementing agencies whose report was due before `today` and is not in, oldest
    first."""
    return _in_scope(ReportingDuty.objects.filter(next_due_on__lt=today), user).order_by(
        "next_due_on", "id"
    )


def late_obligations(user: Visitor, today: dt.date) -> QuerySet[Obligation]:
    """Obligations and milestones not done by their due date, oldest first."""
    return _in_scope(
        Obligation.objects.filter(done_on__isnull=True, due_on__lt=today), user
    ).order_by("due_on", "id")


# What the late list shows of each row: plain values, not model instances (two hundred rows
# of four models each cost more to build than to read).
REPORT_COLUMNS = ("cooperation_id", "cooperation__title", "implementing_agency__agency_name",
                  "region__name", "next_due_on")  # fmt: skip
OBLIGATION_COLUMNS = ("cooperation_id", "cooperation__title", "party__region__name",
                      "party__third_party_name", "kind", "description", "due_on")  # fmt: skip

"""The report and obligation due dates that reach a region's operators through the daily
digest and the calendar feed (ksd.reminders.waiting's registry): its agencies' next reports and
its party's obligations and milestones not done, due within REMINDER_HORIZON or already late.
Three queries per user.

Only a party region's operators (cooperation officers) get them: they record the reports and
obligations (access.py). A DPRD secretariat gets none, nor does a supervisor: the provincial
bureau and the Ministry see what is late on /pengawasan/monev/ and in the dashboard's count of
the stalled rule "report_overdue". A due date is a calendar day (schedule.py), late the day
after even when that is a day off: the digest then says it has passed with no working day
since; the working days are counted on the region's calendar (regions.services), holidays and
the administrator's overrides included."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from ksd.cooperation.models import CLOSED_BY_RECORD_KEEPING
from ksd.monitoring.access import Visitor, operator_region
from ksd.monitoring.models import Obligation, ReportingDuty
from ksd.regions.services import calendar_for_region
from ksd.reminders.waiting import Waiting

# How far ahead a due date is listed (the digest then sorts by working days left).
REMINDER_HORIZON = dt.timedelta(days=31)


def _page(cooperation_id: int, anchor: str) -> str:
    return reverse("monitoring:cooperation", args=[cooperation_id]) + anchor


def monev_waiting(user: Visitor, today: dt.date) -> list[Waiting]:
    region = operator_region(user)
    if region is None:
        return []
    until = today + REMINDER_HORIZON
    duties = (
        ReportingDuty.objects.filter(region_id=region, next_due_on__lte=until)
        .exclude(cooperation__stage__in=CLOSED_BY_RECORD_KEEPING)
        .select_related("cooperation", "implementing_agency")
        .order_by("next_due_on", "id")
    )
    obligations = (
        Obligation.objects.filter(party__region_id=region, done_on__isnull=True, due_on__lte=until)
        .exclude(cooperation__stage__in=CLOSED_BY_RECORD_KEEPING)
        .select_related("cooperation")
        .order_by("due_on", "id")
    )
    found: list[Waiting] = []
    calendar = None
    for duty in duties:
        calendar = calendar or calendar_for_region(region)
        assert duty.next_due_on is not None  # noqa: S101 - filtered above
        found.append(Waiting(
            duty.cooperation, f"monev_report:{duty.implementing_agency_id}", region,
            _("reporting schedule set by the parties"), duty.next_due_on, _("Report due"),
            calendar.count_working_days(today, duty.next_due_on),
            text=_("Periodic report of %(agency)s") % {
                "agency": duty.implementing_agency.agency_name},
            page=_page(duty.cooperation_id, "#reports"), late=duty.next_due_on < today,
        ))  # fmt: skip
    for obligation in obligations:
        calendar = calendar or calendar_for_region(region)
        found.append(Waiting(
            obligation.cooperation, f"monev_obligation:{obligation.pk}", region,
            _("obligation recorded in the monitoring"), obligation.due_on, _("Due"),
            calendar.count_working_days(today, obligation.due_on),
            text=f"{obligation.get_kind_display()}: {obligation.description}",
            page=_page(obligation.cooperation_id, "#obligations"),
            late=obligation.due_on < today,
        ))  # fmt: skip
    return found

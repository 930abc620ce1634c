"""What a cooperation's monitoring page shows: the schedule, each implementing agency's reports
(submitted, due, late), the body's reports, the parties' obligations and milestones with their
status, and the corrections. A fixed number of queries per page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from ksd.bodies.models import BodyReport, CooperationBody
from ksd.cooperation.models import Cooperation, Event, EventKind, ImplementingAgency
from ksd.monitoring.models import (
    PERIOD_MONTHS,
    Correction,
    Obligation,
    Period,
    PeriodicReport,
    ReportAttachment,
    ReportingSchedule,
)
from ksd.monitoring.schedule import dues_until
from ksd.monitoring.services import correction_label, end_of

STATUS_LABELS = {
    "submitted": _("Submitted"),
    "submitted_late": _("Submitted late"),
    "late": _("Late"),
    "due": _("Due"),
    "open": _("Open"),
    "done": _("Done"),
    "done_late": _("Done late"),
}


def obligation_status(obligation: Obligation, today: dt.date) -> str:
    """open, late (not done and past its due date), done, or done_late."""
    if obligation.done_on is not None:
        return "done_late" if obligation.done_on > obligation.due_on else "done"
    return "late" if obligation.due_on < today else "open"


def report_status(due_on: dt.date, report: PeriodicReport | None, today: dt.date) -> str:
    if report is not None:
        return "submitted_late" if report.submitted_on > due_on else "submitted"
    return "late" if due_on < today else "due"


@dataclass
class Slot:
    due_on: dt.date
    status: str
    report: PeriodicReport | None

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


# How many of an agency's report dates the page lists by default: the latest, and every late
# one before them (`?laporan=semua` lists them all). A cooperation reporting quarterly for
# twenty years has eighty per agency; each row holds its attachments and the party's forms.
SHOWN_SLOTS = 12


@dataclass
class AgencyRow:
    agency: ImplementingAgency
    slots: list[Slot] = field(default_factory=list)

    @property
    def late_count(self) -> int:
        return sum(1 for s in self.slots if s.status == "late")

    def shown(self, every: bool) -> list[Slot]:
        """The slots listed: all of them, or the latest SHOWN_SLOTS and the late ones."""
        if every or len(self.slots) <= SHOWN_SLOTS:
            return self.slots
        latest = len(self.slots) - SHOWN_SLOTS
        return [s for i, s in enumerate(self.slots) if i >= latest or s.status == "late"]


@dataclass
class ObligationRow:
    obligation: Obligation
    status: str

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


@dataclass
class MonevPage:
    cooperation: Cooperation
    schedule: ReportingSchedule | None
    agencies: list[AgencyRow]
    bodies: list[CooperationBody]
    obligations: list[ObligationRow]
    corrections: list[Correction]
    # Cooperation abroad: its reports to the Minister (PP 28/2018 Pasal 43 ayat (1)), recorded
    # by the "report abroad" step of cooperation/abroad.
    minister_reports: list[Event] = field(default_factory=list)

    def unreported_dues(self, region: str | None) -> list[dt.date]:
        """The due dates of `region`'s agencies without a report, up to the next one to come."""
        days = {s.due_on for row in self.agencies if row.agency.region_id == region
                for s in row.slots if s.report is None}  # fmt: skip
        return sorted(days)


def monev_page(cooperation: Cooperation, today: dt.date) -> MonevPage:
    schedule = ReportingSchedule.objects.filter(cooperation=cooperation).first()
    agencies = list(
        ImplementingAgency.objects.filter(cooperation=cooperation)
        .select_related("region").order_by("region_id", "agency_name", "id")
    )  # fmt: skip
    reports: dict[tuple[int, dt.date], PeriodicReport] = {
        (r.implementing_agency_id, r.due_on): r
        for r in PeriodicReport.objects.filter(cooperation=cooperation)
        .select_related("submitted_by")
        .prefetch_related(
            Prefetch(
                "attachments",
                queryset=ReportAttachment.objects.select_related("withdrawal", "withdrawal__by"),
            )
        )
    }
    rows = []
    for agency in agencies:
        row = AgencyRow(agency)
        if schedule is not None:
            months = PERIOD_MONTHS[Period(schedule.period)]
            days = dues_until(schedule.first_due_on, months, today, since=agency.assigned_on,
                              end=end_of(cooperation))  # fmt: skip
            extra = {d for (a, d) in reports if a == agency.pk} - set(days)
            for day in sorted({*days, *extra}):
                report = reports.get((agency.pk, day))
                row.slots.append(Slot(day, report_status(day, report, today), report))
        rows.append(row)
    bodies = list(
        CooperationBody.objects.filter(cooperation=cooperation).prefetch_related(
            Prefetch("reports", queryset=BodyReport.objects.prefetch_related("reported_to"))
        )
    )
    obligations = [
        ObligationRow(o, obligation_status(o, today))
        for o in Obligation.objects.filter(cooperation=cooperation).select_related(
            "party", "party__region"
        )
    ]
    corrections = list(
        Correction.objects.filter(cooperation=cooperation)
        .select_related("by")
        .order_by("-at", "-id")
    )
    for correction in corrections:
        correction.label = correction_label(correction)  # type: ignore[attr-defined]
    minister_reports = list(
        Event.objects.filter(cooperation=cooperation, kind=EventKind.FOREIGN_REPORTED).order_by(
            "on", "id"
        )
    )
    return MonevPage(
        cooperation, schedule, rows, bodies, obligations, corrections, minister_reports
    )


def describe(page: MonevPage) -> dict[str, Any]:
    """Counts for the page's summary line."""
    slots = [s for row in page.agencies for s in row.slots]
    return {
        "late_reports": sum(1 for s in slots if s.status == "late"),
        "late_obligations": sum(1 for o in page.obligations if o.status == "late"),
    }

"""`ksd generate_monitoring` adds monitoring rows to a generated dataset: schedules, reports on
time, late or missing, and obligations, consistent with what the services would keep; the
supervisors' late list shows the expected counts, and the monitoring pages run the same number
of queries however large the dataset grows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import personas
from ksd.accounts.models import Role
from ksd.cooperation.models import CLOSED_BY_RECORD_KEEPING, Cooperation, ImplementingAgency
from ksd.monitoring.models import (
    PERIOD_MONTHS,
    Obligation,
    Period,
    PeriodicReport,
    ReportingDuty,
    ReportingSchedule,
)
from ksd.monitoring.schedule import due_dates
from ksd.monitoring.services import refresh_duties
from ksd.regions.models import Region

TODAY = dt.date(2026, 12, 1)
NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock_at_today(regions_loaded: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from ksd.core import clock
    from ksd.regions.services import load_affairs

    load_affairs()
    monkeypatch.setattr(clock, "now", lambda: NOW)


def generate(cooperations: int, seed: int) -> None:
    call_command("generate_dataset", cooperations=cooperations, seed=seed, stdout=None)
    call_command("generate_monitoring", seed=seed, stdout=None)


def expected_late() -> tuple[int, int]:
    """The late reports and obligations, worked out from the reports and the schedule (not
    from the stored duties the list reads)."""
    late_reports = 0
    agencies = ImplementingAgency.objects.exclude(
        cooperation__stage__in=CLOSED_BY_RECORD_KEEPING
    ).select_related("cooperation__reporting_schedule")
    reported: dict[int, set[dt.date]] = {}
    for agency_id, due in PeriodicReport.objects.values_list("implementing_agency_id", "due_on"):
        reported.setdefault(agency_id, set()).add(due)
    for agency in agencies:
        coop = agency.cooperation
        schedule = coop.reporting_schedule
        months = PERIOD_MONTHS[Period(schedule.period)]
        end = coop.ended_on or coop.ends_on
        for due in due_dates(schedule.first_due_on, months, since=agency.assigned_on, end=end):
            if due >= TODAY:
                break
            if due not in reported.get(agency.pk, set()):
                late_reports += 1  # one line per agency: its earliest missing report
                break
    late_obligations = (
        Obligation.objects.filter(done_on__isnull=True, due_on__lt=TODAY)
        .exclude(cooperation__stage__in=CLOSED_BY_RECORD_KEEPING)
        .count()
    )
    return late_reports, late_obligations


def late_list(user: User) -> tuple[int, int, int]:
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/pengawasan/monev/")
    assert response.status_code == 200
    return response.context["report_count"], response.context["obligation_count"], len(queries)


def test_the_generated_monitoring_is_varied_and_consistent(clock_at_today: None) -> None:
    generate(120, seed=11)
    monitored = Cooperation.objects.filter(reporting_schedule__isnull=False)
    assert monitored.exists()
    reports = list(PeriodicReport.objects.all())
    on_time = [r for r in reports if r.submitted_on <= r.due_on]
    late = [r for r in reports if r.submitted_on > r.due_on]
    assert on_time
    assert late
    assert all(r.submitted_on <= TODAY and r.due_on < TODAY for r in reports)
    duties = {d.implementing_agency_id: d.next_due_on for d in ReportingDuty.objects.all()}
    assert any(d is not None and d < TODAY for d in duties.values())  # some missing
    assert any(d is None or d >= TODAY for d in duties.values())  # some up to date
    assert {o.done_on is None for o in Obligation.objects.all()} == {True, False}
    # The services, refreshing each cooperation's duties, change nothing.
    for coop in monitored:
        refresh_duties(coop)
    assert {d.implementing_agency_id: d.next_due_on for d in ReportingDuty.objects.all()} == duties
    # Run again: nothing is added twice.
    counts = (ReportingSchedule.objects.count(), PeriodicReport.objects.count())
    call_command("generate_monitoring", seed=12, stdout=None)
    assert (ReportingSchedule.objects.count(), PeriodicReport.objects.count()) == counts


def test_the_late_list_shows_the_expected_counts_with_the_same_queries_as_data_grows(
    clock_at_today: None,
) -> None:  # fmt: skip
    generate(60, seed=11)
    agency = ImplementingAgency.objects.filter(cooperation__reporting_duties__isnull=False).first()
    assert agency is not None
    region = Region.objects.get(code=agency.region_id)
    province = region.province_id or region.code
    users = {
        "ministry": personas.kemendagri(),
        "bureau": personas.persona("biro_data_uji", Role.PEMBINA_PROVINSI, province),
        "operator": personas.persona("operator_data_uji", Role.OPERATOR, region.code),
    }
    coop_page = f"/kerja-sama/{agency.cooperation_id}/monev/"

    def page_queries() -> int:
        client = Client()
        client.force_login(users["operator"])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(coop_page).status_code == 200
        return len(queries)

    reports, obligations, small = late_list(users["ministry"])
    assert (reports, obligations) == expected_late()
    assert reports > 0
    assert obligations > 0
    before = {name: late_list(user)[2] for name, user in users.items()}
    page_before = page_queries()

    generate(240, seed=12)
    reports_after, obligations_after, large = late_list(users["ministry"])
    assert (reports_after, obligations_after) == expected_late()
    assert reports_after > reports
    assert large == small
    assert {name: late_list(user)[2] for name, user in users.items()} == before
    assert page_queries() == page_before


def test_without_a_generated_dataset_the_command_says_what_to_do(db: None) -> None:
    with pytest.raises(CommandError, match="generate_dataset"):
        call_command("generate_monitoring", stdout=None)

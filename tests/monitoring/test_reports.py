"""Recording the schedule and the implementing agencies' reports; late detection; who may
record; dates checked like every other step."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

import personas
from ksd.cooperation.models import Cooperation
from ksd.core.errors import StepRefused
from ksd.monitoring import services
from ksd.monitoring.models import PeriodicReport, ReportingDuty
from ksd.monitoring.queries import cooperations_with_overdue_reports
from ksd.monitoring.services import ReportFacts
from monitoring.conftest import TODAY
from monitoring.records import SLEMAN_AGENCY, YK_AGENCY, at

D = dt.date
NOW = at(TODAY)


def quarterly(coop: Cooperation, actor: User) -> None:
    services.set_schedule(coop.pk, actor=actor, period="quarterly", first_due_on=D(2016, 3, 31),
                          now=NOW)  # fmt: skip


def agency(coop: Cooperation, name: str) -> int:
    return coop.implementing_agencies.get(agency_name=name).pk


def facts(submitted_on: dt.date | None = None, money: int = 125_000_000) -> ReportFacts:
    submitted_on = submitted_on or D(2016, 4, 8)
    return ReportFacts("Dua koridor baru beroperasi.", "Armada kurang 4 bus.",
                       "Penumpang naik 12%.", money, submitted_on)  # fmt: skip


def file(coop: Cooperation, actor: User, name: str, due: dt.date, **kw: object) -> PeriodicReport:
    return services.file_report(coop.pk, actor=actor, agency_id=agency(coop, name), due_on=due,
                                facts=facts(**kw), now=NOW)  # type: ignore[arg-type]  # fmt: skip


def next_dues(coop: Cooperation) -> dict[str, dt.date | None]:
    return {
        d.implementing_agency.agency_name: d.next_due_on
        for d in ReportingDuty.objects.filter(cooperation=coop).select_related(
            "implementing_agency"
        )
    }


def test_a_schedule_gives_each_agency_its_first_due_date(coop: Cooperation) -> None:
    quarterly(coop, personas.operator_sleman())
    assert next_dues(coop) == {YK_AGENCY: D(2016, 3, 31), SLEMAN_AGENCY: D(2016, 3, 31)}


def test_a_report_due_before_today_and_not_in_is_late_until_it_is_recorded(
    coop: Cooperation,
) -> None:
    yk, sleman = personas.operator_kota_yogyakarta(), personas.operator_sleman()
    quarterly(coop, yk)
    # Due 31 March: not late on the day itself, late the day after.
    assert coop.pk not in set(cooperations_with_overdue_reports(D(2016, 3, 31)))
    assert coop.pk in set(cooperations_with_overdue_reports(D(2016, 4, 1)))

    file(coop, yk, YK_AGENCY, D(2016, 3, 31))
    file(coop, sleman, SLEMAN_AGENCY, D(2016, 3, 31))
    assert next_dues(coop) == {YK_AGENCY: D(2016, 6, 30), SLEMAN_AGENCY: D(2016, 6, 30)}
    assert coop.pk not in set(cooperations_with_overdue_reports(D(2016, 6, 30)))
    assert coop.pk in set(cooperations_with_overdue_reports(TODAY))

    file(coop, yk, YK_AGENCY, D(2016, 6, 30), submitted_on=D(2016, 7, 20))
    file(coop, sleman, SLEMAN_AGENCY, D(2016, 6, 30), submitted_on=D(2016, 7, 29))
    assert coop.pk not in set(cooperations_with_overdue_reports(TODAY))


def test_the_overdue_query_is_one_query(coop: Cooperation, django_assert_num_queries) -> None:
    quarterly(coop, personas.operator_sleman())
    with django_assert_num_queries(1):
        assert list(cooperations_with_overdue_reports(TODAY)) == [coop.pk]


def test_another_regions_operator_cannot_record_an_agencys_report(coop: Cooperation) -> None:
    quarterly(coop, personas.operator_kota_yogyakarta())
    with pytest.raises(StepRefused, match="operator kerja sama daerahnya sendiri"):
        file(coop, personas.operator_sleman(), YK_AGENCY, D(2016, 3, 31))
    for outsider in (personas.outsider(), personas.biro_pemerintahan_diy(), personas.kemendagri()):
        with pytest.raises(StepRefused):
            file(coop, outsider, YK_AGENCY, D(2016, 3, 31))
        with pytest.raises(StepRefused, match="operator kerja sama daerah para pihak"):
            quarterly(coop, outsider)
    assert PeriodicReport.objects.count() == 0


def test_dates_are_checked_like_every_other_step(coop: Cooperation) -> None:
    yk = personas.operator_kota_yogyakarta()
    with pytest.raises(StepRefused, match="lebih awal dari penandatanganan perjanjian kerja sama"):
        services.set_schedule(coop.pk, actor=yk, period="quarterly",
                              first_due_on=D(2016, 1, 31), now=NOW)  # fmt: skip
    quarterly(coop, yk)
    with pytest.raises(StepRefused, match="1 Januari 2016"):
        file(coop, yk, YK_AGENCY, D(2016, 3, 31), submitted_on=D(2016, 1, 1))
    with pytest.raises(StepRefused, match="2 Agustus 2016"):
        file(coop, yk, YK_AGENCY, D(2016, 3, 31), submitted_on=D(2016, 8, 2))
    with pytest.raises(StepRefused, match="30 April 2016"):
        file(coop, yk, YK_AGENCY, D(2016, 4, 30))
    # The next period's report may come early, not the one after it.
    with pytest.raises(StepRefused, match="31 Desember 2016"):
        file(coop, yk, YK_AGENCY, D(2016, 12, 31))
    file(coop, yk, YK_AGENCY, D(2016, 9, 30))
    file(coop, yk, YK_AGENCY, D(2016, 3, 31))
    with pytest.raises(StepRefused, match="31 Maret 2016"):
        file(coop, yk, YK_AGENCY, D(2016, 3, 31))
    assert PeriodicReport.objects.count() == 2
    # 30 June is still missing: the reports in do not cover it.
    assert next_dues(coop)[YK_AGENCY] == D(2016, 6, 30)


def test_a_schedule_waits_for_the_implementing_agencies(regions_loaded: None) -> None:
    from pages.records import signed_and_published

    yk = personas.operator_kota_yogyakarta()
    signed = signed_and_published(yk, title="Belum dilaksanakan")
    with pytest.raises(StepRefused, match="Catat dahulu dimulainya pelaksanaan"):
        services.set_schedule(signed.pk, actor=yk, period="quarterly",
                              first_due_on=D(2016, 3, 31), now=NOW)  # fmt: skip


def test_changing_the_schedule_needs_a_reason_and_keeps_the_old_one(coop: Cooperation) -> None:
    yk = personas.operator_kota_yogyakarta()
    quarterly(coop, yk)
    with pytest.raises(StepRefused):
        services.set_schedule(coop.pk, actor=yk, period="semester", first_due_on=D(2016, 3, 31),
                              now=NOW)  # fmt: skip
    services.set_schedule(coop.pk, actor=yk, period="semester", first_due_on=D(2016, 6, 30),
                          reason="Disepakati rapat evaluasi 1 Juli 2016", now=NOW)  # fmt: skip
    corrections = {c.field: (c.old_value, c.new_value) for c in coop.monev_corrections.all()}
    assert corrections == {
        "schedule.period": ("quarterly", "semester"),
        "schedule.first_due_on": ("2016-03-31", "2016-06-30"),
    }
    assert next_dues(coop)[YK_AGENCY] == D(2016, 6, 30)

"""The monitoring page of a cooperation and the supervisors' late list: who sees and who may
record, bad input, scope, and a constant number of queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import personas
from ksd.cooperation.models import Cooperation, ImplementingAgency, Kind, Party, Stage
from ksd.monitoring import services
from ksd.monitoring.models import Obligation, PeriodicReport, ReportingDuty
from monitoring.conftest import TODAY
from monitoring.records import SLEMAN_AGENCY, YK_AGENCY, at

D = dt.date
NOW = at(TODAY)
Login = Callable[[User], Client]


@pytest.fixture
def scheduled(coop: Cooperation) -> Cooperation:
    services.set_schedule(coop.pk, actor=personas.operator_kota_yogyakarta(), period="quarterly",
                          first_due_on=D(2016, 3, 31), now=NOW)  # fmt: skip
    return coop


def monev(coop: Cooperation) -> str:
    return f"/kerja-sama/{coop.pk}/monev/"


def report_post(coop: Cooperation, name: str, due: str = "2016-03-31") -> dict[str, object]:
    return {
        "agency": coop.implementing_agencies.get(agency_name=name).pk, "due_on": due,
        "progress": "Koridor 5 beroperasi", "problems": "", "benefits": "",
        "money_spent": "90000000", "submitted_on": "2016-04-05",
    }  # fmt: skip


def test_the_cooperation_page_links_to_its_monitoring(coop: Cooperation, as_user: Login) -> None:
    page = as_user(personas.operator_sleman()).get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert f'href="{monev(coop)}"' in page


def test_a_party_operator_sees_the_schedule_the_late_reports_and_the_forms(
    scheduled: Cooperation, as_user: Login
) -> None:  # fmt: skip
    response = as_user(personas.operator_kota_yogyakarta()).get(monev(scheduled))
    page = response.content.decode()
    assert response.status_code == 200
    assert YK_AGENCY in page
    assert SLEMAN_AGENCY in page
    assert page.count('class="ksd-status late"') == 4  # two agencies, 31 March and 30 June
    assert f'action="{monev(scheduled)}laporan/"' in page
    assert f'action="{monev(scheduled)}kewajiban/"' in page


def test_a_supervisor_reads_without_forms_and_an_outsider_finds_nothing(
    scheduled: Cooperation, as_user: Login
) -> None:  # fmt: skip
    page = as_user(personas.biro_pemerintahan_diy()).get(monev(scheduled)).content.decode()
    assert YK_AGENCY in page
    assert '<form method="post" action="/kerja-sama/' not in page
    assert as_user(personas.outsider()).get(monev(scheduled)).status_code == 404
    assert Client().get(monev(scheduled)).status_code == 302


def test_an_operator_records_its_own_agencys_report(scheduled: Cooperation, as_user: Login) -> None:
    client = as_user(personas.operator_kota_yogyakarta())
    response = client.post(monev(scheduled) + "laporan/", report_post(scheduled, YK_AGENCY))
    assert response.status_code == 302
    report = PeriodicReport.objects.get()
    assert (report.implementing_agency.agency_name, report.money_spent) == (YK_AGENCY, 90_000_000)
    page = client.get(response["Location"]).content.decode()
    assert page.count('class="ksd-status late"') == 3
    # Submitted on 5 April for the period due on 31 March.
    assert page.count('class="ksd-status submitted_late"') == 1


def test_another_region_cannot_record_for_an_agency_nor_a_supervisor_at_all(
    scheduled: Cooperation, as_user: Login
) -> None:  # fmt: skip
    body = report_post(scheduled, YK_AGENCY)
    sleman = as_user(personas.operator_sleman()).post(monev(scheduled) + "laporan/", body)
    assert sleman.status_code == 400
    assert as_user(personas.biro_pemerintahan_diy()).post(
        monev(scheduled) + "laporan/", body).status_code == 403  # fmt: skip
    assert as_user(personas.outsider()).post(monev(scheduled) + "laporan/", body).status_code == 404
    assert PeriodicReport.objects.count() == 0


@pytest.mark.parametrize(("field", "value"), [
    ("submitted_on", "9999-99-99"), ("submitted_on", "0001-01-01"), ("submitted_on", "2016-08-02"),
    ("due_on", "2016-04-30"), ("due_on", "<script>"), ("money_spent", "-5"),
    ("money_spent", "1e30"), ("agency", "abc"), ("agency", "999999"), ("progress", ""),
])  # fmt: skip
def test_bad_input_gets_a_message_and_changes_nothing(
    scheduled: Cooperation, as_user: Login, field: str, value: str
) -> None:  # fmt: skip
    body = report_post(scheduled, YK_AGENCY) | {field: value}
    response = as_user(personas.operator_kota_yogyakarta()).post(
        monev(scheduled) + "laporan/", body
    )
    assert response.status_code == 400
    assert PeriodicReport.objects.count() == 0
    for url, data in ((monev(scheduled) + "jadwal/", {"period": "weekly", "first_due_on": "x"}),
                      (monev(scheduled) + "kewajiban/", {"party": "x", "due_on": "2016-02-30"}),
                      (monev(scheduled) + "koreksi/", {"target": "report:x", "field": "x"}),
                      (monev(scheduled) + "kewajiban/999999/selesai/", {"done_on": "2016-07-01",
                                                                        "evidence": "BA"})):  # fmt: skip
        assert as_user(personas.operator_kota_yogyakarta()).post(url, data).status_code == 400
    assert Obligation.objects.count() == 0


# ----- the supervisors' late list -----


def add_late_cooperations(n: int, region: str, seed: int) -> None:
    """`n` cooperations of `region` with Sleman, each with a late report and a late obligation,
    written straight to the tables (the list reads stored columns only)."""
    now = NOW
    for i in range(n):
        coop = Cooperation.objects.create(
            title=f"Kerja sama {seed}-{i}", kind=Kind.INTER_REGIONAL, stage=Stage.IMPLEMENTING,
            regime="PP50", governing_on=D(2016, 1, 4), offered_on=D(2016, 1, 4),
            signed_on=D(2016, 2, 1), created_at=now, updated_at=now,
        )  # fmt: skip
        party = Party.objects.create(cooperation=coop, region_id=region, is_initiator=True)
        Party.objects.create(cooperation=coop, region_id="34.04")
        agency = ImplementingAgency.objects.create(
            cooperation=coop, region_id=region, agency_name=f"Dinas {i}", assigned_on=D(2016, 2, 15)
        )
        ReportingDuty.objects.create(cooperation=coop, implementing_agency=agency,
                                     region_id=region, next_due_on=D(2016, 6, 30))  # fmt: skip
        Obligation.objects.create(cooperation=coop, party=party, kind="milestone",
                                  description=f"Tahap {i}", due_on=D(2016, 7, 1),
                                  recorded_by=personas.operator_sleman(), created_at=now)  # fmt: skip


def late_list(client: Client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/pengawasan/monev/").content.decode()
    return page, len(queries)


def test_each_supervisor_sees_the_late_work_in_its_scope_only(
    scheduled: Cooperation, as_user: Login, biro_jawa_tengah: User
) -> None:  # fmt: skip
    add_late_cooperations(2, "33.74", seed=1)  # Kota Semarang (Jawa Tengah) with Sleman
    semarang = personas.persona("operator_kota_semarang_monev", "operator_daerah", "33.74")
    pages = {name: as_user(user).get("/pengawasan/monev/").content.decode() for name, user in {
        "kemendagri": personas.kemendagri(), "biro_diy": personas.biro_pemerintahan_diy(),
        "biro_jateng": biro_jawa_tengah, "yogya": personas.operator_kota_yogyakarta(),
        "semarang": semarang, "medan": personas.outsider(),
    }.items()}  # fmt: skip
    title = scheduled.title
    assert title in pages["kemendagri"]
    assert "Kerja sama 1-0" in pages["kemendagri"]
    # DIY's bureau: Trans Jogja and the two with Sleman (a DIY region).
    assert title in pages["biro_diy"]
    assert "Kerja sama 1-1" in pages["biro_diy"]
    assert title not in pages["biro_jateng"]
    assert "Kerja sama 1-1" in pages["biro_jateng"]
    assert title in pages["yogya"]
    assert "Kerja sama 1-0" not in pages["yogya"]
    assert title not in pages["semarang"]
    assert "Kerja sama 1-0" in pages["semarang"]
    assert title not in pages["medan"]
    assert "Kerja sama 1-" not in pages["medan"]
    assert f'href="{monev(scheduled)}#reports"' in pages["kemendagri"]


def test_the_late_list_runs_the_same_queries_at_two_sizes(
    scheduled: Cooperation, as_user: Login
) -> None:  # fmt: skip
    for user in (personas.kemendagri(), personas.biro_pemerintahan_diy(),
                 personas.operator_sleman()):  # fmt: skip
        client = as_user(user)
        add_late_cooperations(2, "34.71", seed=user.pk)
        small_page, small = late_list(client)
        add_late_cooperations(12, "34.71", seed=user.pk + 100)
        large_page, large = late_list(client)
        assert small == large, user.username
        assert large_page.count("#reports") == small_page.count("#reports") + 12


def test_a_correction_on_the_page_shows_the_old_and_new_value_and_the_reason(
    scheduled: Cooperation, as_user: Login
) -> None:  # fmt: skip
    client = as_user(personas.operator_kota_yogyakarta())
    client.post(monev(scheduled) + "laporan/", report_post(scheduled, YK_AGENCY))
    report = PeriodicReport.objects.get()
    response = client.post(monev(scheduled) + "koreksi/", {
        "target": f"report:{report.pk}", "field": "report.money_spent", "value": "95000000",
        "reason": "Salah ketik pada SPJ triwulan I",
    })  # fmt: skip
    assert response.status_code == 302
    page = client.get(monev(scheduled)).content.decode()
    row = page[page.index('aria-labelledby="corrections"') :]
    for text in ("realisasi anggaran (rupiah)", "90000000", "95000000",
                 "Salah ketik pada SPJ triwulan I"):  # fmt: skip
        assert text in row
    # Sleman's operator cannot correct Kota Yogyakarta's agency's report.
    refused = as_user(personas.operator_sleman()).post(monev(scheduled) + "koreksi/", {
        "target": f"report:{report.pk}", "field": "report.money_spent", "value": "1",
        "reason": "x",
    })  # fmt: skip
    assert refused.status_code == 400
    assert PeriodicReport.objects.get().money_spent == 95_000_000

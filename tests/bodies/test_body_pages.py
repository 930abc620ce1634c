"""The bodies pages: a member region's users and the supervisors see a body, its members and
reports; a region outside it does not find it in the list and gets 404 for its page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils.translation import gettext

from ksd.bodies.models import BodyKind, BodyReport, CooperationBody
from ksd.bodies.services import file_report, form_body

from .conftest import MEMBERS, NOW


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def reported(
    sekber_kartamantul: CooperationBody, operator_kota_yogyakarta: User
) -> CooperationBody:
    file_report(
        sekber_kartamantul.pk, actor=operator_kota_yogyakarta, period="Semester I 2016",
        submitted_on=dt.date(2016, 7, 15), summary="TPST Piyungan menerima 450 ton per hari.",
        reported_to=["34.71", "34.04"], now=NOW,
    )  # fmt: skip
    return sekber_kartamantul


def test_member_regions_and_supervisors_see_the_body_in_the_list_and_its_page(
    reported: CooperationBody, operator_sleman: User, kemendagri: User,
    biro_pemerintahan_diy: User,
) -> None:  # fmt: skip
    for user in (operator_sleman, kemendagri, biro_pemerintahan_diy):
        listing = logged_in(user).get("/badan/")
        assert listing.status_code == 200
        assert "Sekretariat Bersama Kartamantul" in listing.content.decode()

        page = logged_in(user).get(f"/badan/{reported.pk}/")
        assert page.status_code == 200
        html = page.content.decode()
        assert "Drs. Sutrisna" in html
        assert "Kepala Bappeda" in html
        assert "Semester I 2016" in html
        assert "TPST Piyungan menerima 450 ton per hari." in html
        assert "PP 50/2007 Pasal 24 ayat (1)" in html


def test_a_region_outside_the_body_does_not_see_it_and_gets_404(
    reported: CooperationBody, operator_kota_semarang: User
) -> None:
    listing = logged_in(operator_kota_semarang).get("/badan/")
    assert listing.status_code == 200
    assert "Kartamantul" not in listing.content.decode()
    assert logged_in(operator_kota_semarang).get(f"/badan/{reported.pk}/").status_code == 404
    assert logged_in(operator_kota_semarang).get("/badan/999999/").status_code == 404


def test_the_public_is_sent_to_log_in(reported: CooperationBody) -> None:
    assert Client().get("/badan/").status_code == 302
    assert Client().get(f"/badan/{reported.pk}/").status_code == 302


def test_the_body_list_needs_a_fixed_number_of_queries(
    reported: CooperationBody, kemendagri: User, django_assert_max_num_queries: object
) -> None:
    client = logged_in(kemendagri)
    client.get("/badan/")  # warm the session and membership
    with django_assert_max_num_queries(6):  # type: ignore[operator]
        response = client.get("/badan/")
    assert response.status_code == 200


def test_a_member_regions_officer_files_a_report_from_the_page(
    sekber_kartamantul: CooperationBody, operator_sleman: User
) -> None:
    client = logged_in(operator_sleman)
    page = client.get(f"/badan/{sekber_kartamantul.pk}/")
    assert f"/badan/{sekber_kartamantul.pk}/laporan/" in page.content.decode()

    response = client.post(
        f"/badan/{sekber_kartamantul.pk}/laporan/",
        {"period": "Tahun 2016", "submitted_on": "2017-01-16", "summary": "Laporan tahunan",
         "reported_to": ["34.71", "34.04", "34.02"]},
        follow=True,
    )  # fmt: skip

    assert response.status_code == 200
    assert "Laporan tahunan" in response.content.decode()
    report = BodyReport.objects.get()
    assert (report.period, report.filed_by) == ("Tahun 2016", operator_sleman)


def test_a_refused_report_shows_the_reason_and_files_nothing(
    sekber_kartamantul: CooperationBody, operator_sleman: User
) -> None:
    response = logged_in(operator_sleman).post(
        f"/badan/{sekber_kartamantul.pk}/laporan/",
        {"period": "Tahun 2016", "submitted_on": "2017-01-16", "summary": "Laporan",
         "reported_to": ["33.74"]},
    )  # fmt: skip
    assert response.status_code == 400  # refused, nothing filed
    message = gettext(
        "A report goes to the heads of regions that are members on the day it is submitted."
    )
    assert message in response.content.decode()
    assert not BodyReport.objects.exists()


def test_members_join_and_leave_from_the_page(
    sekber_kartamantul: CooperationBody, operator_kota_yogyakarta: User
) -> None:
    client = logged_in(operator_kota_yogyakarta)
    seat = sekber_kartamantul.members.get(region_id="34.02")
    response = client.post(
        f"/badan/{sekber_kartamantul.pk}/anggota/{seat.pk}/keluar/", {"left_on": "2018-01-02"}
    )
    assert response.status_code == 302
    seat.refresh_from_db()
    assert seat.left_on == dt.date(2018, 1, 2)

    response = client.post(
        f"/badan/{sekber_kartamantul.pk}/anggota/",
        {"region": "34.02", "representative_name": "Ir. Baru",
         "representative_position": "Kepala Bagian", "joined_on": "2019-01-02"},
    )  # fmt: skip
    assert response.status_code == 302
    assert sekber_kartamantul.members.filter(region_id="34.02", left_on__isnull=True).exists()


def test_a_reader_may_not_change_a_body_and_an_outsider_gets_404(
    sekber_kartamantul: CooperationBody, biro_pemerintahan_diy: User, operator_kota_semarang: User
) -> None:
    url = f"/badan/{sekber_kartamantul.pk}/laporan/"
    data = {"period": "X", "submitted_on": "2017-01-16", "summary": "X", "reported_to": ["34.71"]}
    reader_page = logged_in(biro_pemerintahan_diy).get(f"/badan/{sekber_kartamantul.pk}/")
    assert url not in reader_page.content.decode()
    assert logged_in(biro_pemerintahan_diy).post(url, data).status_code == 403
    assert logged_in(operator_kota_semarang).post(url, data).status_code == 404
    assert not BodyReport.objects.exists()


def test_a_sekretariat_of_pp_28_cites_its_own_regulation_not_pp_50(
    operator_kota_yogyakarta: User,
) -> None:
    """A sekretariat kerja sama exists only under PP 28/2018 (Pasal 7): its page says nothing of
    the badan's reporting duty of PP 50/2007 Pasal 25."""
    sekretariat = form_body(
        actor=operator_kota_yogyakarta, name="Sekretariat Kerja Sama Sampah",
        kind=BodyKind.SEKRETARIAT, decision_number="KB/9/2019", decided_on=dt.date(2019, 4, 1),
        members=MEMBERS[:2], now=NOW,
    )  # fmt: skip
    html = logged_in(operator_kota_yogyakarta).get(f"/badan/{sekretariat.pk}/").content.decode()
    assert "PP 28/2018 Pasal 6 ayat (1) huruf j" in html
    assert "PP 50/2007" not in html

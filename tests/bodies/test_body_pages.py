"""The bodies pages: a member region's users and the supervisors see a body, its members and
reports; a region outside it does not find it in the list and gets 404 for its page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client

from ksd.bodies.models import CooperationBody
from ksd.bodies.services import file_report

from .conftest import NOW


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

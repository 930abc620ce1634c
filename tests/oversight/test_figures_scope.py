"""Who sees which figures: the governor's bureau counts its province and the province's kab/kota
and never a record of another province alone; a region's operator only its own region's; a
DPRD secretariat and an account without a role get 403; the public is sent to log in."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

import personas
from ksd.accounts.models import Role
from ksd.regions.services import load_affairs
from oversight.figures_world import NOW, build, chart, headline

pytestmark = pytest.mark.usefixtures("regions_loaded")


@pytest.fixture(autouse=True)
def world(regions_loaded: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    load_affairs()
    build()


def _page(user: User | None) -> str:
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get("/pengawasan/")
    assert response.status_code == 200
    return response.content.decode()


def _totals(page: str) -> list[int]:
    return [link.count for link in headline(page)]


def test_the_bureau_counts_its_province_and_its_regions_only() -> None:
    page = _page(personas.biro_pemerintahan_diy())

    # A, B, C, E and I; D (Semarang-Magelang) and H (Medan) are other provinces' alone.
    assert _totals(page) == [5, 2, 1]
    assert "Daerah Istimewa Yogyakarta beserta kabupaten dan kotanya" in page


def test_the_bureau_sees_a_partner_province_only_through_its_own_records() -> None:
    page = _page(personas.biro_pemerintahan_diy())

    # Jawa Tengah counts C (Kota Yogyakarta with Kota Magelang), not D; Sumatera Utara is absent.
    assert chart(page, "province") == {"province=34": 5, "province=33": 1}


def test_the_bureau_sees_each_of_its_regions_those_with_none_included() -> None:
    page = _page(personas.biro_pemerintahan_diy())

    assert chart(page, "region") == {
        "region=34.04": 3, "region=34.71": 3, "region=34.02": 2, "region=34": 1,
        "region=34.01": 0, "region=34.03": 0,
    }  # fmt: skip
    assert "Pemerintah Provinsi Daerah Istimewa Yogyakarta" in page


def test_another_provinces_bureau_never_counts_diys_records() -> None:
    jateng = personas.persona("biro_jateng", Role.PEMBINA_PROVINSI, "33")

    page = _page(jateng)

    assert _totals(page) == [2, 1, 1]  # C and D; D signed in 2026
    assert chart(page, "province") == {"province=33": 2, "province=34": 1}


def test_an_operator_counts_only_its_own_regions_records() -> None:
    page = _page(personas.operator_kota_yogyakarta())

    assert _totals(page) == [3, 2, 1]  # A, B, C
    assert chart(page, "stage")["stage=dprd_review"] == 1
    assert chart(page, "stage")["stage=offered"] == 0  # E is Sleman's, I is Bantul's
    assert 'id="figures-region"' not in page
    assert '<p class="lead">Kota Yogyakarta. ' in page


def test_an_operator_of_a_region_with_no_record_sees_zeros() -> None:
    page = _page(personas.outsider())  # Kota Medan: H expired, so nothing in force

    assert _totals(page) == [1, 0, 0]
    assert chart(page, "province") == {"province=12": 1}


@pytest.mark.parametrize("who", ["dprd_kota_yogyakarta", "dprd_sleman"])
def test_a_dprd_secretariat_gets_403(who: str) -> None:
    client = Client()
    client.force_login(getattr(personas, who)())

    response = client.get("/pengawasan/")

    assert response.status_code == 403
    assert "biro pemerintahan provinsi" in response.content.decode()


def test_an_account_without_a_role_gets_403_and_the_public_is_sent_to_log_in() -> None:
    nobody = User.objects.create(username="tanpa_peran")
    client = Client()

    assert client.get("/pengawasan/").status_code == 302
    assert client.get("/pengawasan/")["Location"].startswith("/akun/masuk/")
    client.force_login(nobody)
    assert client.get("/pengawasan/").status_code == 403


def test_the_menu_of_operators_and_supervisors_leads_to_the_figures() -> None:
    for make in (personas.operator_kota_yogyakarta, personas.biro_pemerintahan_diy,
                 personas.kemendagri):  # fmt: skip
        page = _page(make())
        assert '<a href="/pengawasan/" aria-current="page">Pengawasan</a>' in page


@pytest.mark.parametrize(
    "query",
    ["?province=99", "?year=abc", "?stage=%00", "?x=" + "9" * 5000, "?page=-1&sort=;drop"],
)
def test_a_query_string_changes_nothing_and_breaks_nothing(query: str) -> None:
    client = Client()
    client.force_login(personas.kemendagri())

    response = client.get("/pengawasan/" + query)

    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert _totals(response.content.decode()) == [7, 3, 2]


def test_the_page_answers_only_reading() -> None:
    client = Client()
    client.force_login(personas.kemendagri())

    assert client.post("/pengawasan/").status_code == 405

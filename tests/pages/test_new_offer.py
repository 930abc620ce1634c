"""A new offer from the page: an operator offers for its region; the law refuses what it must."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from ksd.cooperation.models import Cooperation, Event, EventKind, Party, Stage


def test_an_operator_offers_a_cooperation_to_other_regions_and_a_company(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    response = as_user(operator_kota_yogyakarta).post(
        "/kerja-sama/baru/",
        {"title": "Air minum regional", "offer_number": "690/12", "offered_on": "2016-03-02",
         "regions": ["34.04", "34.02"], "third_party_1_name": "PT Tirta Mataram",
         "third_party_1_form": "perseroan_terbatas", "third_party_1_domestic": "on"},
    )  # fmt: skip

    coop = Cooperation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/kerja-sama/{coop.pk}/"
    assert coop.stage == Stage.OFFERED
    assert coop.initiator_id == "34.71"
    parties = {p.key for p in Party.objects.filter(cooperation=coop)}
    assert parties == {"34.71", "34.04", "34.02", "PT Tirta Mataram"}
    assert Event.objects.get(cooperation=coop).kind == EventKind.OFFERED


def test_an_individual_as_third_party_is_refused_with_its_article_and_nothing_is_saved(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    response = as_user(operator_kota_yogyakarta).post(
        "/kerja-sama/baru/",
        {"title": "Parkir tepi jalan", "offered_on": "2016-03-02",
         "third_party_1_name": "Budi Santoso", "third_party_1_form": "perseorangan"},
    )  # fmt: skip

    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="ksd-refused"' in page
    assert "perseorangan" in page
    assert "PP 50/2007 Pasal" in page
    assert not Cooperation.objects.exists()
    assert not Event.objects.exists()


def test_an_operator_gets_the_form(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    response = as_user(operator_kota_yogyakarta).get("/kerja-sama/baru/")

    assert response.status_code == 200
    assert 'name="third_party_1_form"' in response.content.decode()


def test_a_supervisor_or_dprd_user_may_not_make_an_offer(
    biro_pemerintahan_diy: User, dprd_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    for user in (biro_pemerintahan_diy, dprd_kota_yogyakarta):
        client = as_user(user)
        assert client.get("/kerja-sama/baru/").status_code == 403
        data = {"title": "X", "offered_on": "2016-03-02", "regions": ["34.04"]}
        assert client.post("/kerja-sama/baru/", data).status_code == 403
    assert not Cooperation.objects.exists()


def test_the_public_is_sent_to_the_login_page(client: Client) -> None:
    response = client.get("/kerja-sama/baru/")

    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/")

"""The public register: published signed cooperation, no login, no drafts, no DPRD internals."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from ksd.cooperation.models import Cooperation
from pages.records import in_dprd_review, signed_and_published


def test_the_public_sees_published_signed_cooperation_and_searches_it(
    operator_kota_yogyakarta: User, client: Client
) -> None:
    signed_and_published(operator_kota_yogyakarta)
    in_dprd_review(operator_kota_yogyakarta)

    page = client.get("/publik/").content.decode()
    found = client.get("/publik/?q=trans").content.decode()
    missed = client.get("/publik/?q=sampah").content.decode()

    assert "Angkutan perkotaan Trans Jogja" in page
    assert "PKS/02/2016" in page
    assert "Piyungan" not in page
    assert "Trans Jogja" in found
    assert "Trans Jogja" not in missed
    assert "Piyungan" not in missed


def test_a_public_page_shows_parties_number_and_dates_but_no_drafts_or_dprd(
    operator_kota_yogyakarta: User, client: Client
) -> None:
    coop = signed_and_published(operator_kota_yogyakarta)

    response = client.get(f"/publik/{coop.pk}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "PKS/02/2016" in page
    assert "1 Februari 2016" in page
    assert "Sleman" in page
    assert "KB/02/2016" not in page  # the joint agreement is not published
    assert "DPRD" not in page
    assert "operator_kota_yogyakarta" not in page


def test_drafts_and_unpublished_agreements_are_404_for_the_public(
    operator_kota_yogyakarta: User, client: Client
) -> None:
    draft = in_dprd_review(operator_kota_yogyakarta)
    unpublished = signed_and_published(operator_kota_yogyakarta, title="Belum diumumkan")
    Cooperation.objects.filter(pk=unpublished.pk).update(is_published=False)

    assert client.get(f"/publik/{draft.pk}/").status_code == 404
    assert client.get(f"/publik/{unpublished.pk}/").status_code == 404
    assert "Belum diumumkan" not in client.get("/publik/?q=Belum").content.decode()


def test_a_logged_in_outsider_sees_the_same_public_register(
    operator_kota_yogyakarta: User, outsider: User, as_user: Callable[[User], Client]
) -> None:
    coop = signed_and_published(operator_kota_yogyakarta)
    draft = in_dprd_review(operator_kota_yogyakarta)
    client = as_user(outsider)

    assert client.get(f"/publik/{coop.pk}/").status_code == 200
    assert client.get(f"/publik/{draft.pk}/").status_code == 404

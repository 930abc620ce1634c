from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.usefixtures("regions_loaded")

LIST = "/admin/regions/region/"


def test_an_administrator_finds_a_region_by_name(admin_client: Client) -> None:
    response = admin_client.get(LIST, {"q": "Yogyakarta"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Kota Yogyakarta" in page
    assert "Kabupaten Sleman" not in page


def test_an_administrator_finds_a_region_by_code(admin_client: Client) -> None:
    page = admin_client.get(LIST, {"q": "34.04"}).content.decode()

    assert "Kabupaten Sleman" in page


def test_the_list_filters_by_level_and_province(admin_client: Client) -> None:
    page = admin_client.get(LIST, {"level__exact": "kota", "province__code__exact": "34"})
    text = page.content.decode()

    assert "Kota Yogyakarta" in text
    assert "Kabupaten Bantul" not in text


def test_regions_cannot_be_added_changed_or_deleted_in_the_admin(admin_client: Client) -> None:
    assert admin_client.get(f"{LIST}add/").status_code == 403
    detail = admin_client.get(f"{LIST}34.71/change/")
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()
    assert admin_client.post(f"{LIST}34.71/delete/", {"post": "yes"}).status_code == 403


def test_strangers_are_sent_to_the_login_page(client: Client) -> None:
    response = client.get(LIST)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]

"""The public register, without logging in: a signed, published agreement is listed and opens;
a signed one not (yet) published is not, and neither is its page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import People, Screenshot
from ksd.cooperation.models import Cooperation
from pages.records import signed_and_published

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]

PUBLISHED = "Angkutan perkotaan Trans Jogja"
UNPUBLISHED = "Penerangan jalan umum perbatasan"


def test_the_public_register_lists_a_published_agreement_and_not_an_unpublished_one(
    browser: Browser, live_server: LiveServer, screenshot: Screenshot
) -> None:
    operator = personas.operator_kota_yogyakarta()
    published = signed_and_published(operator, title=PUBLISHED)
    hidden = signed_and_published(operator, title=UNPUBLISHED)
    Cooperation.objects.filter(pk=hidden.pk).update(is_published=False)

    with People(browser, live_server) as people:
        page = people.open(None, "/publik/")

        expect(page.locator(".current-user a[href='/akun/masuk/']")).to_be_visible()
        row = page.locator(".ksd-table tbody tr").filter(has_text=PUBLISHED)
        expect(row).to_have_count(1)
        expect(row).to_contain_text("PKS/02/2016")
        expect(row).to_contain_text("1 Februari 2016")
        expect(row).to_contain_text("Kota Yogyakarta")
        expect(page.get_by_text(UNPUBLISHED)).to_have_count(0)
        screenshot(page, "public-register")

        row.locator(f'a[href="/publik/{published.pk}/"]').click()
        expect(page.get_by_role("heading", level=1)).to_have_text(PUBLISHED)
        response = page.goto(f"{live_server.url}/publik/{hidden.pk}/")
        assert response is not None
        assert response.status == 404
        # The private register needs a login.
        page.goto(live_server.url + "/kerja-sama/")
        expect(page).to_have_url(live_server.url + "/akun/masuk/?next=/kerja-sama/")

"""An operator of another region (Kota Medan) who opens a Kota Yogyakarta cooperation's address
gets 404, and their register does not list it; the parties' operators do see it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import People
from pages.records import offer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]

TITLE = "Pengelolaan sampah regional TPST Piyungan"


def test_an_operator_of_another_region_gets_404_and_an_empty_register(
    browser: Browser, live_server: LiveServer
) -> None:
    coop = offer(personas.operator_kota_yogyakarta(), title=TITLE)
    with People(browser, live_server) as people:
        outsider = people.page(personas.outsider())

        response = outsider.goto(f"{live_server.url}/kerja-sama/{coop.pk}/")

        assert response is not None
        assert response.status == 404
        expect(outsider.get_by_text(TITLE)).to_have_count(0)
        outsider.goto(live_server.url + "/kerja-sama/")
        expect(outsider.locator(".current-user .who")).to_contain_text("Kota Medan")
        expect(outsider.locator(f'a[href="/kerja-sama/{coop.pk}/"]')).to_have_count(0)
        expect(outsider.get_by_text(TITLE)).to_have_count(0)
        # Searching for it by title finds nothing either.
        outsider.goto(live_server.url + "/kerja-sama/?q=Piyungan")
        expect(outsider.locator(".ksd-table")).to_have_count(0)

        # Sleman, a party to it, finds it in its register and opens it.
        sleman = people.open(personas.operator_sleman(), "/kerja-sama/?q=Piyungan")
        sleman.locator(f'a[href="/kerja-sama/{coop.pk}/"]').click()
        expect(sleman.get_by_role("heading", level=1)).to_have_text(TITLE)

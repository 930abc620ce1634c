"""An offer to an individual (perseorangan) in 2015 is refused on the page: under PP 50/2007
Pasal 1 angka 3 a third party must be a legal entity, and nothing is created."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import People
from ksd.cooperation.models import Cooperation

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]

TITLE = "Pengelolaan parkir Malioboro oleh perorangan"


def test_an_offer_to_an_individual_is_refused_naming_the_article_and_nothing_is_created(
    browser: Browser, live_server: LiveServer
) -> None:
    with People(browser, live_server) as people:
        page = people.open(personas.operator_kota_yogyakarta(), "/kerja-sama/baru/")
        form = page.locator("form.ksd-form")
        form.locator('input[name="title"]').fill(TITLE)
        form.locator('input[name="offered_on"]').fill("2015-06-01")
        form.locator('input[name="third_party_1_name"]').fill("Budi Santoso")
        form.locator('select[name="third_party_1_form"]').select_option("perseorangan")
        expect(form.locator('input[name="third_party_1_domestic"]')).to_be_checked()

        form.locator('button[type="submit"]').click()

        expect(page).to_have_url(live_server.url + "/kerja-sama/baru/")
        refusal = page.get_by_role("alert")
        expect(refusal).to_contain_text("PP 50/2007 Pasal 1 angka 3")
        # What was typed is kept, to be corrected.
        expect(form.locator('input[name="title"]')).to_have_value(TITLE)
        expect(form.locator('input[name="third_party_1_name"]')).to_have_value("Budi Santoso")

        page.goto(live_server.url + "/kerja-sama/")
        expect(page.locator(".ksd-table")).to_have_count(0)
        expect(page.get_by_text(TITLE)).to_have_count(0)

    assert not Cooperation.objects.exists()

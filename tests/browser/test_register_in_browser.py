"""The register with the demo data (`ksd load_demo`): the ministry's supervisor sees all twelve
cooperations and narrows them down with the filters; Kota Yogyakarta's operator sees only
KARTAMANTUL among them, and can make a new offer from there."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from browser.people import People, Screenshot
from ksd.accounts.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]

KARTAMANTUL = "KARTAMANTUL: pengelolaan sampah regional TPST Piyungan (demo)"


def test_the_register_lists_what_each_user_may_see_and_filters_it(
    browser: Browser, live_server: LiveServer, screenshot: Screenshot
) -> None:
    load_demo(now=dt.datetime(2025, 6, 2, 3, 0, tzinfo=dt.UTC))
    kemendagri = User.objects.get(username="demo_kemendagri")
    yogya = User.objects.get(username="demo_operator_yogyakarta")
    with People(browser, live_server) as people:
        page = people.open(kemendagri, "/kerja-sama/")
        expect(page.locator(".ksd-table tbody tr")).to_have_count(12)
        expect(page.locator(".ksd-count")).to_contain_text("12")
        expect(page.locator('a[href="/kerja-sama/baru/"]')).to_have_count(0)  # reads only
        screenshot(page, "register")

        filters = page.locator("form.ksd-filters")
        filters.locator('input[name="region"]').fill("34.71")
        filters.locator('button[type="submit"]').click()
        expect(page.locator(".ksd-table tbody tr")).to_have_count(1)
        expect(page.locator(".ksd-table tbody tr")).to_contain_text(KARTAMANTUL)
        expect(page.locator(".ksd-table tbody tr")).to_contain_text("PP 50/2007")

        operator = people.open(yogya, "/kerja-sama/")
        rows = operator.locator(".ksd-table tbody tr")
        expect(rows.filter(has_text=KARTAMANTUL)).to_have_count(1)
        expect(rows.filter(has_text="BKSP Jabodetabekjur")).to_have_count(0)
        expect(operator.locator('main a[href="/kerja-sama/baru/"]')).to_be_visible()

"""An auditor opens the register as it stood on a past date from the register's own date field,
opens a record as it stood then, and comes back to today."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import People, Screenshot
from ksd.cooperation import services
from pages.records import NOW

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]


def test_the_register_as_of_a_past_date_from_the_date_field(
    browser: Browser, live_server: LiveServer, screenshot: Screenshot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)  # 2 March 2016
    yogya = personas.operator_kota_yogyakarta()
    for title, day in (("Sampah regional Piyungan", dt.date(2016, 1, 4)),
                       ("Angkutan perkotaan Trans Jogja", dt.date(2016, 3, 2))):  # fmt: skip
        services.make_offer(
            actor=yogya, title=title, initiator="34.71",
            parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
            offered_on=day, now=dt.datetime.combine(day, dt.time(3), tzinfo=dt.UTC),
        )  # fmt: skip
    with People(browser, live_server) as people:
        page = people.open(yogya, "/kerja-sama/")
        rows = page.locator(".ksd-table tbody tr")
        expect(rows).to_have_count(2)

        form = page.locator("form.ksd-as-of-form")
        form.locator('input[name="per"]').fill("2016-02-01")
        form.locator('button[type="submit"]').click()

        expect(page).to_have_url(live_server.url + "/kerja-sama/?per=2016-02-01")
        expect(page.locator(".ksd-as-of")).to_contain_text(
            "Register per 1 Februari 2016 — menurut catatan sampai tanggal itu; "
            "koreksi sesudahnya tidak diterapkan"
        )
        expect(rows).to_have_count(1)
        expect(rows).to_contain_text("Sampah regional Piyungan")
        expect(rows).to_contain_text("Penawaran disampaikan")
        screenshot(page, "register-as-of")

        rows.get_by_role("link", name="Sampah regional Piyungan").click()
        expect(page).to_have_url(f"{live_server.url}/kerja-sama/{_first_pk()}/per/2016-02-01/")
        expect(page.locator(".ksd-as-of")).to_contain_text("Register per 1 Februari 2016")
        page.go_back()

        page.get_by_role("link", name="Kembali ke register hari ini").click()
        expect(page).to_have_url(live_server.url + "/kerja-sama/")
        expect(rows).to_have_count(2)
        expect(page.locator(".ksd-as-of")).to_have_count(0)


def _first_pk() -> int:
    from ksd.cooperation.models import Cooperation

    return Cooperation.objects.get(title="Sampah regional Piyungan").pk

"""Logging in on /akun/masuk/ in Chromium: the header then says who you are; a wrong password
shows the error and leaves you logged out."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import Screenshot

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]


def _fill_login(page: Page, username: str, password: str) -> None:
    form = page.locator('form[action="/akun/masuk/"]')
    form.locator('input[name="username"]').fill(username)
    form.locator('input[name="password"]').fill(password)
    form.locator('button[type="submit"]').click()


def test_an_operator_logs_in_and_the_header_names_them_and_their_region(
    live_server: LiveServer, page: Page, screenshot: Screenshot
) -> None:
    personas.operator_kota_yogyakarta()
    page.goto(live_server.url + "/akun/masuk/")
    expect(page.locator('input[name="username"]')).to_be_focused()
    screenshot(page, "login")

    _fill_login(page, "operator_kota_yogyakarta", personas.PASSWORD)

    expect(page).to_have_url(live_server.url + "/")
    who = page.locator(".current-user .who")
    expect(who).to_contain_text("operator_kota_yogyakarta")
    expect(who).to_contain_text("Kota Yogyakarta")
    expect(page.locator('form[action="/akun/keluar/"] button')).to_be_visible()
    # The menu of a logged-in user leads to the register and the dashboard.
    expect(page.locator('.site-nav a[href="/kerja-sama/"]')).to_be_visible()
    expect(page.locator('.site-nav a[href="/dasbor/"]')).to_be_visible()


def test_a_wrong_password_shows_the_error_and_stays_logged_out(
    live_server: LiveServer, page: Page
) -> None:
    personas.operator_kota_yogyakarta()
    page.goto(live_server.url + "/akun/masuk/")

    _fill_login(page, "operator_kota_yogyakarta", "bukan-kata-sandinya")

    expect(page).to_have_url(live_server.url + "/akun/masuk/")
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator(".current-user .who")).to_have_count(0)
    expect(page.locator('.current-user a[href="/akun/masuk/"]')).to_be_visible()
    # The username is kept, the password is not.
    expect(page.locator('input[name="username"]')).to_have_value("operator_kota_yogyakarta")
    expect(page.locator('input[name="password"]')).to_have_value("")
    # Still logged out: the register sends them back to the login page.
    page.goto(live_server.url + "/kerja-sama/")
    expect(page).to_have_url(live_server.url + "/akun/masuk/?next=/kerja-sama/")

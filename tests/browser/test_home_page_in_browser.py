"""The home page as a person sees it: in Chromium, served by `live_server`, with the real CSS."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, Request, expect
from pytest_django.live_server_helper import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]

Screenshot = Callable[[Page, str], Path | None]


def _count(page: Page, label: str) -> str | None:
    """The number shown beside `label` in the reference-data counts."""
    row = page.locator("dl.counts > div").filter(
        has=page.locator("dt", has_text=re.compile(rf"^{re.escape(label)}$"))
    )
    return row.locator("dd").text_content()


def test_home_page_shows_the_region_counts_in_indonesian(
    live_server: LiveServer, page: Page, screenshot: Screenshot
) -> None:
    page.goto(live_server.url + "/")

    expect(page).to_have_title("KSD — Sistem Informasi Kerja Sama Daerah")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "KSD — Sistem Informasi Kerja Sama Daerah"
    )
    expect(page.get_by_role("heading", name="Data referensi")).to_be_visible()
    assert _count(page, "Provinsi") == "38"
    assert _count(page, "Kabupaten") == "416"
    assert _count(page, "Kota") == "98"
    screenshot(page, "home-id")


def test_the_language_switch_on_the_page_turns_it_into_english(
    live_server: LiveServer, page: Page, screenshot: Screenshot
) -> None:
    page.goto(live_server.url + "/")
    expect(page.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "false")

    page.get_by_role("button", name="English").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(live_server.url + "/")
    expect(page.get_by_role("heading", name="Reference data")).to_be_visible()
    expect(page.get_by_role("heading", name="Data referensi")).to_have_count(0)
    expect(page.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "true")
    assert _count(page, "Provinces") == "38"
    assert _count(page, "Regencies (kabupaten)") == "416"
    assert _count(page, "Cities (kota)") == "98"
    screenshot(page, "home-en")

    # The choice is kept in a cookie: the next visit is in English too.
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Start here")).to_be_visible()


def test_no_request_leaves_the_live_server_and_the_css_applies(
    live_server: LiveServer, page: Page
) -> None:
    requests: list[str] = []

    def record(request: Request) -> None:
        requests.append(request.url)

    page.on("request", record)
    page.goto(live_server.url + "/", wait_until="networkidle")

    stylesheets = [url for url in requests if url.endswith(".css")]
    assert stylesheets == [
        live_server.url + "/static/vendor/pico/pico.min.css",
        live_server.url + "/static/core/ksd.css",
    ]
    outside = [url for url in requests if not url.startswith(live_server.url + "/")]
    assert outside == []
    # The stylesheets did load and apply: the header carries KSD's blue rule (#0f4c81), and
    # the favicon is KSD's own.
    border = page.locator(".site-header").evaluate(
        "element => getComputedStyle(element).borderBottomColor"
    )
    assert border == "rgb(15, 76, 129)"
    assert live_server.url + "/static/core/favicon.svg" in requests

"""The affairs and gaps page (/pengawasan/urusan/) as the governor's bureau and the Ministry see it,
on an office screen and a phone: no sideways scroll (the matrix scrolls inside its box), no
serious axe-core violation, the flags visible, and a matrix number opening the register.
With KSD_SCREENSHOTS=1 it writes docs/screenshots/oversight-affairs-desktop.png and -mobile.png
(the bureau) and oversight-affairs-kemendagri-*.png (the Ministry, disadvantaged regions)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import Screenshot
from browser.test_pages_in_browser import (
    PHONE,
    _pages,
    _scrolls_sideways,
    _too_wide,
    _violations,
)
from oversight import world

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]


def test_the_affairs_page_fits_both_screens_and_its_numbers_open_the_register(
    browser: Browser, live_server: LiveServer, screenshot: Screenshot
) -> None:
    from ksd.regions.services import load_affairs

    load_affairs()
    world.build()
    visits = [
        ("oversight-affairs", personas.biro_pemerintahan_diy(), "/pengawasan/urusan/"),
        ("oversight-affairs-kemendagri", personas.kemendagri(),
         "/pengawasan/urusan/?bendera=tertinggal"),
    ]  # fmt: skip
    problems: list[str] = []
    for name, user, path in visits:
        for page in _pages(browser, live_server, user):
            response = page.goto(live_server.url + path)
            assert response is not None
            assert response.status == 200
            expect(page.locator("h1")).to_contain_text("Urusan pemerintahan dan kesenjangan")
            if _scrolls_sideways(page):
                problems.append(f"{name}: scrolls sideways at 1366 px")
            problems += [f"{name}: axe {v}" for v in _violations(page)]
            screenshot(page, f"{name}-desktop")
            page.set_viewport_size(PHONE)
            page.reload()
            if _scrolls_sideways(page):
                problems.append(f"{name}: scrolls sideways at 390 px: {_too_wide(page)}")
            screenshot(page, f"{name}-mobile")
    assert not problems, "\n".join(problems)

    for page in _pages(browser, live_server, personas.kemendagri()):
        page.goto(live_server.url + "/pengawasan/urusan/?bendera=tertinggal")
        gaps = page.locator(".ksd-gaps li")
        expect(gaps).to_have_count(61)
        expect(gaps.filter(has_text="Kabupaten Malaka")).to_contain_text("Daerah tertinggal")
        expect(gaps.filter(has_text="Kabupaten Malaka")).to_contain_text("Daerah perbatasan")
        page.locator(".ksd-matrix").get_by_role("link", name="Pendidikan: 1").first.click()
        expect(page.locator(".ksd-count")).to_contain_text("1 kerja sama")

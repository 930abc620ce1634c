"""The oversight dashboard in Chromium, as the Ministry and the governor's bureau of DI Yogyakarta
see it: the charts are drawn (an SVG with bars of some length in each), the page never scrolls
sideways at 1366 or 390 px, the tab bar starts at the content's left edge and stays inside it
(Pico's negative margins on nav lists and links once pushed it out), axe-core finds no serious
violation, and a bar clicked opens the register with the count the bar shows.

With KSD_SCREENSHOTS=1 it writes docs/screenshots/oversight-kemendagri-desktop.png,
oversight-biro-desktop.png and their -mobile twins.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import Screenshot
from browser.test_pages_in_browser import (
    HEADER_SPREAD,
    PHONE,
    _pages,
    _scrolls_sideways,
    _too_wide,
    _violations,
)
from ksd.dataset.generator import generate
from ksd.regions.services import load_affairs
from oversight.figures_world import NOW, build

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]

CHARTS = ("stage", "province", "regime", "kind", "affair", "management_model", "institution_model")

# Per chart on the page: how many bars it has and how many are drawn wider than nothing.
DRAWN = """() => [...document.querySelectorAll("svg.ksd-chart-svg")].map(svg => ({
  chart: svg.closest("section").id,
  height: svg.getBoundingClientRect().height,
  bars: svg.querySelectorAll("rect.ksd-bar").length,
  drawn: [...svg.querySelectorAll("rect.ksd-bar")].filter(r => r.getBoundingClientRect().width > 1).length,
}))"""

# Where the oversight tab bar sits against the page heading and the content box of <main>.
TABS_EDGE = """() => {
  const main = document.querySelector("main");
  const style = getComputedStyle(main);
  const box = main.getBoundingClientRect();
  const tabs = [...document.querySelectorAll(".ksd-tabs a")].map(a => a.getBoundingClientRect());
  return {
    firstTab: tabs[0].left,
    heading: document.querySelector("main h1").getBoundingClientRect().left,
    widest: Math.max(...tabs.map(r => r.right)),
    contentRight: box.right - parseFloat(style.paddingRight),
  };
}"""


def _tabs_problems(page: Page, name: str, width: int) -> list[str]:
    edge = page.evaluate(TABS_EDGE)
    problems = []
    if abs(edge["firstTab"] - edge["heading"]) > 1:
        problems.append(f"{name}: tab bar not at the content edge at {width} px {edge}")
    if edge["widest"] > edge["contentRight"] + 1:
        problems.append(f"{name}: a tab sticks out of the content at {width} px {edge}")
    return problems


def _check(page: Page, name: str, charts: tuple[str, ...], screenshot: Screenshot) -> list[str]:
    problems: list[str] = []
    expect(page.locator("html")).to_have_attribute("lang", "id")
    drawn = {c["chart"]: c for c in page.evaluate(DRAWN)}
    for key in charts:
        chart = drawn.get(f"figures-{key}")
        if chart is None or chart["height"] < 40 or chart["drawn"] < 1:
            problems.append(f"{name}: chart {key} not drawn: {chart}")
    header = page.evaluate(HEADER_SPREAD)
    if header["menuSpread"] > 8 or header["spread"] > 72:
        problems.append(f"{name}: header not on one line at 1366 px {header}")
    if _scrolls_sideways(page):
        problems.append(f"{name}: scrolls sideways at 1366 px: {_too_wide(page)}")
    problems += _tabs_problems(page, name, 1366)
    problems += [f"{name}: axe {v}" for v in _violations(page)]
    screenshot(page, f"{name}-desktop")

    page.set_viewport_size(PHONE)
    page.reload()
    if _scrolls_sideways(page):
        problems.append(f"{name}: scrolls sideways at 390 px: {_too_wide(page)}")
    problems += _tabs_problems(page, name, 390)
    if any(c["drawn"] < 1 for c in page.evaluate(DRAWN)):
        problems.append(f"{name}: a chart has no bar at 390 px")
    screenshot(page, f"{name}-mobile")
    return problems


def _follow_a_bar(page: Page, chart: str) -> None:
    """Click the chart's first bar: the register counts what the bar showed."""
    bar = page.locator(f"#figures-{chart} svg a").first
    shown = bar.locator("title").text_content() or ""
    shown = shown.rpartition(": ")[2].replace(".", "")
    bar.click()
    expect(page).to_have_url(re.compile(r"/kerja-sama/\?"))
    expect(page.locator(".ksd-count")).to_have_text(f"{shown} kerja sama")


def _world() -> tuple[User, User]:
    load_affairs()
    build(copies=3)
    generate(250, seed=11, today=dt.date(2026, 6, 15), now=NOW)
    return personas.kemendagri(), personas.biro_pemerintahan_diy()


def test_the_ministry_and_the_bureau_see_their_charts_on_any_screen(
    browser: Browser,
    live_server: LiveServer,
    screenshot: Screenshot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    kemendagri, biro = _world()
    problems: list[str] = []
    for name, user, charts in (
        ("oversight-kemendagri", kemendagri, CHARTS),
        ("oversight-biro", biro, (*CHARTS, "region")),
    ):
        for page in _pages(browser, live_server, user):
            response = page.goto(live_server.url + "/pengawasan/")
            assert response is not None
            assert response.status == 200
            problems += _check(page, name, charts, screenshot)
            page.set_viewport_size({"width": 1366, "height": 768})
            page.goto(live_server.url + "/pengawasan/")
            _follow_a_bar(page, "region" if user == biro else "province")

    assert not problems, "\n".join(problems)

"""The oversight map and network in a real browser (issue 11 point 3): both drawn and visible for
the Ministry and the governor's bureau, on an office screen and a phone, without sideways
scrolling or serious accessibility violations (axe-core). With KSD_SCREENSHOTS=1 it writes
docs/screenshots/oversight-map-*.png and oversight-network-*.png."""

from __future__ import annotations

import csv
import random

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import Screenshot
from browser.test_pages_in_browser import PHONE, _pages, _scrolls_sideways, _too_wide, _violations
from ksd.law import adjacency
from oversight.mapnet_world import build_world, make_cooperation

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]


def _country_of_cooperation() -> None:
    """The small world of the map tests, and around it neighbours working together across the
    country (kab/kota sharing a land border), so the pictures show every class."""
    build_world()
    path = adjacency.__file__.replace("adjacency.py", "data/geo/adjacency.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        pairs = [(r["code_a"], r["code_b"]) for r in csv.DictReader(handle)
                 if r["level"] in ("kab-kab", "prov-prov")]  # fmt: skip
    chosen = random.Random(11).sample(pairs, 160)  # noqa: S311 (test data)
    for n, (a, b) in enumerate(chosen):
        if a in ("31.71", "31.72", "31.73", "31.74", "31.75", "31.01") or b.startswith("31."):
            continue  # DKI's administrative cities are not autonomous
        make_cooperation("implementing" if n % 3 else "signed", [a, b])
    for _ in range(6):  # a busy corridor, so the thickest line shows
        make_cooperation("signed", ["34.04", "33.72"])


@pytest.mark.parametrize(
    ("name", "persona", "path"),
    [
        ("oversight-map", "kemendagri", "/pengawasan/peta/"),
        ("oversight-network", "kemendagri", "/pengawasan/jaringan/"),
        ("oversight-map-biro", "biro_pemerintahan_diy", "/pengawasan/peta/"),
        ("oversight-network-biro", "biro_pemerintahan_diy", "/pengawasan/jaringan/"),
    ],
)
def test_the_map_and_the_network_are_visible_and_fit_the_screen(
    browser: Browser, live_server: LiveServer, screenshot: Screenshot,
    name: str, persona: str, path: str,
) -> None:  # fmt: skip
    _country_of_cooperation()
    problems: list[str] = []
    for page in _pages(browser, live_server, personas.ALL[persona]()):
        page.set_default_timeout(30_000)  # the first page reads the shapes; the machine is shared
        response = page.goto(live_server.url + path)
        assert response is not None
        assert response.status == 200
        figure = page.locator("svg.mapnet-map, svg.mapnet-network").first
        expect(figure).to_be_visible()
        box = figure.bounding_box()
        assert box is not None
        assert box["width"] > 600
        assert box["height"] > 200
        if "network" in name:
            expect(page.locator(".mapnet-edges line").first).to_be_attached()
        else:
            expect(page.locator(".mapnet-areas path.band-2").first).to_be_attached()
        if _scrolls_sideways(page):
            problems.append(f"{name}: scrolls sideways at 1366 px")
        problems += [f"{name}: axe {v}" for v in _violations(page)]
        screenshot(page, f"{name}-desktop")

        page.set_viewport_size(PHONE)
        page.reload()
        expect(figure).to_be_visible()
        if _scrolls_sideways(page):
            problems.append(f"{name}: scrolls sideways at 390 px: {_too_wide(page)}")
        screenshot(page, f"{name}-mobile")

    assert not problems, "\n".join(problems)

"""Every main page, as each role sees it, on an office screen (1366×768) and a phone (390×844).

One walk through the pages, with one set of records, so the whole look is checked for the price
of one test database:
- the page never scrolls sideways (a wide table scrolls inside its own box instead);
- at 1366 px the header (brand, role menu, user, language) stays on one line;
- axe-core finds no serious or critical accessibility violation;
- the public register finds a cooperation by a party's name ("Sleman"), not only by its title.

With KSD_SCREENSHOTS=1 it writes docs/screenshots/<page>-desktop.png and -mobile.png.
axe-core is vendored in tests/browser/vendor/axe-core (MPL-2.0) and injected into the page only
here: KSD never serves it. The browser context bypasses the Content-Security-Policy for that
injection alone (the policy itself is tested in test_content_security_in_browser.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import Screenshot
from ksd.cooperation import services
from ksd.monitoring import services as monev
from pages.records import NOW, in_dprd_review, signed_and_published

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
SERIOUS = {"serious", "critical"}

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
  }));
}"""

# The header's three parts: their boxes must share one line at 1366 px.
HEADER_SPREAD = """() => {
  const parts = [...document.querySelectorAll(".site-bar > *")].map(e => e.getBoundingClientRect());
  const top = Math.min(...parts.map(r => r.top)), bottom = Math.max(...parts.map(r => r.bottom));
  const items = [...document.querySelectorAll(".site-nav > ul > li")].map(e => e.getBoundingClientRect());
  const centres = items.map(r => (r.top + r.bottom) / 2);
  return {spread: bottom - top, menuSpread: Math.max(...centres) - Math.min(...centres),
          header: document.querySelector(".site-header").getBoundingClientRect().height};
}"""


@dataclass(frozen=True)
class Visit:
    name: str
    user: User | None
    path: str


def _pages(browser: Browser, live_server: LiveServer, user: User | None) -> Iterator[Page]:
    """A page logged in as `user`, in a context that lets the test inject axe-core."""
    context = browser.new_context(
        locale="en-US", timezone_id="Asia/Jakarta", bypass_csp=True, viewport=DESKTOP
    )
    if user is not None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        yield page
    finally:
        context.close()


def _violations(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(RUN_AXE)
    return [v for v in found if v["impact"] in SERIOUS]


def _scrolls_sideways(page: Page) -> bool:
    return bool(
        page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    )


def _too_wide(page: Page) -> list[str]:
    """The innermost elements that stick out on the right, to say what to fix."""
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll("body *")]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right >
                                                   document.documentElement.clientWidth + 1))
              .slice(0, 5)
              .map(e => e.tagName + "." + e.className + " " + (e.textContent || "").trim().slice(0, 40))"""
        )
    )


def _monitored(operator: User) -> Any:
    """A cooperation being implemented with a quarterly schedule from 29 February 2016: Kota
    Yogyakarta's agency has reported, Sleman's is late, and a milestone waits (monitoring/)."""
    coop = signed_and_published(operator, title="Pengelolaan parkir Malioboro")
    services.start_implementation(
        coop.pk, actor=operator, on=dt.date(2016, 2, 15), now=NOW,
        agencies={"34.71": ["Dinas Perhubungan Kota Yogyakarta"],
                  "34.04": ["Dinas Perhubungan Kabupaten Sleman"]},
    )  # fmt: skip
    monev.set_schedule(coop.pk, actor=operator, period="quarterly",
                       first_due_on=dt.date(2016, 2, 29), now=NOW)  # fmt: skip
    monev.file_report(
        coop.pk, actor=operator, due_on=dt.date(2016, 2, 29), now=NOW,
        agency_id=coop.implementing_agencies.get(region_id="34.71").pk,
        facts=monev.ReportFacts("Juru parkir terdata dan berseragam.", "Karcis elektronik belum "
                                "tersedia.", "Pendapatan parkir naik.", 45_000_000,
                                dt.date(2016, 3, 1)),
    )  # fmt: skip
    monev.add_obligation(
        coop.pk, actor=operator, party_id=coop.parties.get(region_id="34.04").pk,
        kind="milestone", description="Kantong parkir Ngabean selesai", due_on=dt.date(2016, 6, 30),
        now=NOW,
    )  # fmt: skip
    return coop


def test_every_main_page_fits_the_screen_and_has_no_serious_accessibility_violation(
    browser: Browser,
    live_server: LiveServer,
    screenshot: Screenshot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 2 March 2016, the day after the resubmission: the DPRD's clock runs, the tasks show.
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    yogya = personas.operator_kota_yogyakarta()
    reviewed = in_dprd_review(yogya)
    published = signed_and_published(yogya)
    monitored = _monitored(yogya)
    visits = [
        Visit("home", None, "/"),
        Visit("login", None, "/akun/masuk/"),
        Visit("public-register", None, "/publik/?q=Sleman"),
        Visit("public-detail", None, f"/publik/{published.pk}/"),
        Visit("home-operator", yogya, "/"),
        Visit("register", yogya, "/kerja-sama/"),
        Visit("cooperation", yogya, f"/kerja-sama/{reviewed.pk}/"),
        Visit("register-as-of", yogya, "/kerja-sama/?per=2016-03-02"),
        Visit("cooperation-as-of", yogya, f"/kerja-sama/{reviewed.pk}/per/2016-03-02/"),
        Visit("new-offer", yogya, "/kerja-sama/baru/"),
        Visit("dashboard-operator", yogya, "/dasbor/"),
        Visit("dashboard-dprd", personas.dprd_kota_yogyakarta(), "/dasbor/"),
        Visit("cooperation-dprd", personas.dprd_kota_yogyakarta(), f"/kerja-sama/{reviewed.pk}/"),
        Visit("dashboard-biro", personas.biro_pemerintahan_diy(), "/dasbor/"),
        Visit("dashboard-kemendagri", personas.kemendagri(), "/dasbor/"),
        Visit("register-kemendagri", personas.kemendagri(), "/kerja-sama/"),
        Visit("oversight-scorecard", personas.biro_pemerintahan_diy(), "/pengawasan/rapor/"),
        Visit("oversight-scorecard-region", personas.kemendagri(), "/pengawasan/rapor/34.71/"),
        Visit("monev-operator", yogya, f"/kerja-sama/{monitored.pk}/monev/"),
        Visit("monev-late-biro", personas.biro_pemerintahan_diy(), "/pengawasan/monev/"),
        Visit("admin", personas.administrator(), "/admin/"),
    ]
    problems: list[str] = []
    for visit in visits:
        for page in _pages(browser, live_server, visit.user):
            response = page.goto(live_server.url + visit.path)
            assert response is not None
            assert response.status == 200, visit
            if visit.name != "admin":
                # An English browser still gets Indonesian: only the switch changes it.
                expect(page.locator("html")).to_have_attribute("lang", "id")
                header = page.evaluate(HEADER_SPREAD)
                if header["menuSpread"] > 8 or header["spread"] > 72:
                    problems.append(f"{visit.name}: header not on one line at 1366 px {header}")
            if _scrolls_sideways(page):
                problems.append(f"{visit.name}: scrolls sideways at 1366 px")
            problems += [f"{visit.name}: axe {v}" for v in _violations(page)]
            screenshot(page, f"{visit.name}-desktop")

            page.set_viewport_size(PHONE)
            page.reload()
            if _scrolls_sideways(page):
                problems.append(f"{visit.name}: scrolls sideways at 390 px: {_too_wide(page)}")
            screenshot(page, f"{visit.name}-mobile")

    assert not problems, "\n".join(problems)


def test_the_public_register_finds_a_cooperation_by_a_partys_name(
    browser: Browser, live_server: LiveServer
) -> None:
    """ "Angkutan perkotaan Trans Jogja" has Kabupaten Sleman as a party, not in its title."""
    published = signed_and_published(personas.operator_kota_yogyakarta())

    for page in _pages(browser, live_server, None):
        page.goto(live_server.url + "/")
        page.get_by_role("searchbox").fill("Sleman")
        page.get_by_role("searchbox").press("Enter")

        row = page.locator(".ksd-table tbody tr").filter(has_text=published.title)
        expect(row).to_have_count(1)
        expect(row).to_contain_text("PKS/02/2016")
        expect(row).to_contain_text("1 Februari 2016")
        page.get_by_role("searchbox").fill("PKS/02")
        page.get_by_role("searchbox").press("Enter")
        expect(page.locator(".ksd-table tbody tr")).to_have_count(1)

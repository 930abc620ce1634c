"""The Content-Security-Policy as Chromium enforces it (issue 6, point 8): the main pages, KSD's
own and the admin's, open without a single violation report, so nothing on them (a script, a
style, a font, an image) is blocked."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import People
from pages.records import in_dprd_review

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]

# Registered before any page script runs; the browser fires the event for each blocked thing.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


def violations_on(page: Page, url: str) -> list[str]:
    console: list[str] = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    response = page.goto(url)
    assert response is not None
    assert response.status == 200, url
    assert "Content-Security-Policy" in response.headers or "content-security-policy" in (
        response.headers
    )
    page.wait_for_load_state("load")
    recorded: list[str] = page.evaluate("window.__cspViolations")
    return recorded + console


def open_as(people: People, user: object, path: str) -> Page:
    page = people.page(user)  # type: ignore[arg-type]
    page.context.add_init_script(RECORD_VIOLATIONS)
    assert violations_on(page, people.live_server.url + path) == [], path
    return page


def test_the_public_pages_keep_to_the_policy(browser: Browser, live_server: LiveServer) -> None:
    with People(browser, live_server) as people:
        for path in ("/", "/akun/masuk/", "/publik/"):
            open_as(people, None, path)


def test_the_working_pages_keep_to_the_policy(browser: Browser, live_server: LiveServer) -> None:
    operator = personas.operator_kota_yogyakarta()
    cooperation = in_dprd_review(operator)

    with People(browser, live_server) as people:
        for path in (
            "/dasbor/",
            "/kerja-sama/",
            "/kerja-sama/baru/",
            f"/kerja-sama/{cooperation.pk}/",
            f"/dokumen/kerja-sama/{cooperation.pk}/",
            "/badan/",
        ):
            open_as(people, operator, path)


def test_the_admin_keeps_to_the_policy(browser: Browser, live_server: LiveServer) -> None:
    with People(browser, live_server) as people:
        administrator = personas.administrator()
        for path in ("/admin/", "/admin/axes/accessattempt/", "/admin/auth/user/"):
            open_as(people, administrator, path)

        # The membership form's autocomplete (select2) draws its drop-down with scripts.
        page = open_as(people, administrator, "/admin/accounts/membership/add/")
        page.locator(".select2-selection").first.click()
        page.locator(".select2-search__field").fill("oper")
        page.locator(".select2-results__option").first.wait_for()
        assert page.evaluate("window.__cspViolations") == []

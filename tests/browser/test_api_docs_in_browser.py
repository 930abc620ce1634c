"""The API's docs page (/api/docs) works offline: Swagger UI comes from KSD's own static files,
no request leaves the server, the content-security policy blocks nothing, and the operations
of the schema are listed."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import People
from browser.test_content_security_in_browser import RECORD_VIOLATIONS

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]


def test_the_docs_page_loads_only_from_ksd_and_lists_the_operations(
    browser: Browser, live_server: LiveServer
) -> None:
    with People(browser, live_server) as people:
        page = people.page(personas.operator_kota_yogyakarta())
        page.context.add_init_script(RECORD_VIOLATIONS)
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        console: list[str] = []
        page.on("console", lambda message: console.append(message.text))
        response = page.goto(live_server.url + "/api/docs")
        assert response is not None
        assert response.status == 200
        page.wait_for_selector(".opblock", timeout=20_000)
        assert page.locator(".opblock").count() >= 15
        assert "/api/cooperations/{pk}/steps/sign" in page.content()
        outside = [u for u in requested
                   if not u.startswith((live_server.url, "data:", "blob:"))]  # fmt: skip
        assert outside == []
        assert page.evaluate("window.__cspViolations") == []
        assert [m for m in console if "Content Security Policy" in m] == []

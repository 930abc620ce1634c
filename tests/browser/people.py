"""Signing personas into the browser, each in a browser context of their own.

`People(browser, live_server)` hands out pages already carrying a user's session: the login form
itself is exercised in test_login_in_browser.py, and the other tests skip its deliberately slow
password hashing. Each person gets a context of their own (their own cookies), so two people can
work on the same cooperation side by side; the contexts close when the `with` block ends.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Locator, Page
from pytest_django.live_server_helper import LiveServer

Screenshot = Callable[[Page, str], Path | None]


class People:
    def __init__(self, browser: Browser, live_server: LiveServer) -> None:
        self.browser = browser
        self.live_server = live_server
        self.contexts: list[BrowserContext] = []

    def __enter__(self) -> People:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for context in self.contexts:
            context.close()

    def page(self, user: User | None = None) -> Page:
        """A page in a new context, logged in as `user` (anonymous when None)."""
        context = self.browser.new_context(locale="id-ID", timezone_id="Asia/Jakarta")
        self.contexts.append(context)
        if user is not None:
            client = Client()
            client.force_login(user)
            session = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session,
                  "url": self.live_server.url}]
            )  # fmt: skip
        page = context.new_page()
        page.set_default_timeout(5_000)  # a local server answers in well under a second
        return page

    def open(self, user: User | None, path: str) -> Page:
        page = self.page(user)
        page.goto(self.live_server.url + path)
        return page


def step_form(page: Page, action: str) -> Locator:
    """A step's form on a cooperation's page, found by the step's path in its action URL (such as
    "jawab-penawaran/"), which does not change with the page's language."""
    return page.locator(f'form[action*="/{action}"]')

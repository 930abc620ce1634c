"""Real-browser fixtures: Playwright for Python driving Debian's Chromium against `live_server`.

Playwright's own browser download cannot work on KSD's machines (their network reaches only the
package registries), so the tests launch the Chromium that Debian packages at /usr/bin/chromium.
Without it they skip on a developer's machine and fail in CI, which must run them.
docs/testing.md tells the whole story.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM = Path(os.environ.get("KSD_CHROMIUM", "/usr/bin/chromium"))
INSTALL_HINT = "sudo apt-get update && sudo apt-get install -y chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

# The machines' network is closed: without these flags Chromium keeps trying to reach Google's
# services (updates, sync, field trials) and fills the log with refused connections.
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One headless Chromium for all of tests/browser, with a fresh, empty profile.

    Package-scoped rather than session-scoped: Playwright's sync API keeps an asyncio loop
    registered as running in this thread while it is open, and Django then refuses ORM calls
    (SynchronousOnlyOperation). The browser therefore lives only while tests/browser runs, and for
    that time DJANGO_ALLOW_ASYNC_UNSAFE tells Django that the loop is Playwright's idle one: the
    test's own ORM calls (loading regions, flushing the database) really are synchronous.
    """
    if not CHROMIUM.exists():
        message = f"no Chromium at {CHROMIUM}; install Debian's package: {INSTALL_HINT}"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests, but there is {message}", pytrace=False)
        pytest.skip(message)

    # launch() gives Chromium a new, empty --user-data-dir of its own and deletes it on close
    # (it refuses one passed in `args`). HOME points into a temporary folder too, so nothing
    # of the user's ~/.config or ~/.cache is read or written.
    with (
        pytest.MonkeyPatch.context() as env,
        tempfile.TemporaryDirectory(prefix="ksd-chromium-") as home,
        sync_playwright() as playwright,
    ):
        env.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            env={**os.environ, "HOME": home, "XDG_CONFIG_HOME": home, "XDG_CACHE_HOME": home},
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A new browser context per test: no cookies (so no language choice) carried over."""
    ctx = browser.new_context(locale="id-ID", timezone_id="Asia/Jakarta")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def screenshot() -> Callable[[Page, str], Path | None]:
    """`screenshot(page, "home-id")` writes docs/screenshots/home-id.png, but only when
    KSD_SCREENSHOTS=1: ordinary runs must not rewrite the committed pictures."""

    def save(page: Page, name: str) -> Path | None:
        if os.environ.get("KSD_SCREENSHOTS") != "1":
            return None
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save

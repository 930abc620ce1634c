"""The Content-Security-Policy (issue 6, point 8): every response carries it, and no page KSD
renders has what the policy blocks (an inline script, a style attribute or block, an event
handler attribute, a javascript: link). The browser check is tests/browser/
test_content_security_in_browser.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

import personas
from ksd.core.content_security import HEADER

SOURCE = Path(__file__).resolve().parents[2] / "src" / "ksd"
TEMPLATES = sorted(SOURCE.glob("**/templates/**/*.html"))

# What a policy without 'unsafe-inline' blocks, as it appears in HTML.
BLOCKED = {
    "inline script": re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "style block": re.compile(r"<style\b", re.IGNORECASE),
    "style attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.IGNORECASE),
    "event handler": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE),
    "javascript: URL": re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I),
}


def blocked_in(html: str) -> list[str]:
    return [name for name, pattern in BLOCKED.items() if pattern.search(html)]


def test_the_audit_finds_what_the_policy_blocks() -> None:
    assert blocked_in("<script>alert(1)</script>") == ["inline script"]
    assert blocked_in('<p style="color: red">') == ["style attribute"]
    assert blocked_in("<style>p {}</style>") == ["style block"]
    assert blocked_in('<button onclick="go()">') == ["event handler"]
    assert blocked_in('<a href="javascript:go()">') == ["javascript: URL"]
    assert blocked_in('<script src="/static/x.js"></script><p class="on">') == []


def test_there_are_templates_to_audit() -> None:
    names = {path.name for path in TEMPLATES}
    assert {"base.html", "login.html", "locked_out.html", "request_too_large.html"} <= names


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(SOURCE)))
def test_no_template_has_what_the_policy_blocks(template: Path) -> None:
    assert blocked_in(template.read_text(encoding="utf-8")) == []


def test_the_policy_allows_only_ksd_itself() -> None:
    response = Client().get("/akun/masuk/")

    policy = dict(
        directive.strip().split(" ", 1) for directive in response.headers[HEADER].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response.headers[HEADER]
    assert "unsafe-eval" not in response.headers[HEADER]


PAGES_FOR = {
    None: ["/", "/akun/masuk/", "/publik/", "/halaman-yang-tidak-ada/"],
    "operator_kota_yogyakarta": ["/dasbor/", "/kerja-sama/", "/kerja-sama/baru/", "/badan/"],
    "administrator": ["/admin/", "/admin/accounts/membership/", "/admin/axes/accessattempt/"],
}


@pytest.mark.usefixtures("regions_loaded")
@pytest.mark.parametrize(
    ("persona", "url"), [(p, u) for p, urls in PAGES_FOR.items() for u in urls]
)
def test_each_page_carries_the_policy_and_keeps_to_it(persona: str | None, url: str) -> None:
    client = Client()
    if persona is not None:
        client.force_login(personas.ALL[persona]())

    response = client.get(url)

    assert response.status_code == (404 if "tidak-ada" in url else 200), url
    assert HEADER in response.headers
    assert blocked_in(response.content.decode()) == []

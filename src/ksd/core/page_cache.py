"""Whole pages kept in the cache until anything in the database changes (`@cached_page`).

A page read again by the same user, in the same language, within the same hour and with nothing
written anywhere in between is answered from the cache instead of being computed again: the
register, the dashboards, a cooperation's page and the oversight pages are read far more often
than anything is recorded. The key holds everything a page depends on:

- the database's change stamp (core/change_stamp.py): any write anywhere, by any process,
  commits a new stamp, so no page outlives the data it shows;
- the hour in UTC: every date a page shows is today's date in WIB, WITA or WIT, and each of
  them turns over on a whole UTC hour; so does every clock-based status;
- the user (their role, region and rights are rows, so a change of them is a write), the
  language, the address with its query string, the host and the scheme;
- the settings (KSD_* variables) and KSD's version, for a cache shared by several servers.

The page's CSRF token is the one thing that differs per visit: it is taken out of the stored
page and a fresh one, from the visitor's own CSRF cookie, is put in on every answer. A page is
not kept when its request carried or left a message for the user, when the view changed the
session or set a cookie, or when the answer is not a plain 200 HTML page. Inside an open
transaction on PostgreSQL nothing is read from or kept in the cache (the stamp does not count
the transaction's own writes). KSD_PAGE_CACHE_SECONDS=0 turns it off.

A browser that already holds the page gets 304 Not Modified (ETag): on a slow intranet a repeated
visit costs a few hundred bytes instead of the whole page.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from ksd.core import change_stamp, clock, code_version, gzip_pieces

ALIAS = "pages"
# What {% csrf_token %} writes; the token is 64 letters and digits.
_TOKEN_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
_PLACEHOLDER = "\x00ksd-csrf\x00"
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition")
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


# KSD's code and its KSD_* variables: servers that share a cache (Redis) share only pages
# computed by the same code with the same settings.
_CONFIGURATION = code_version.digest("KSD_")


def _seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0))


def _messages_waiting(request: HttpRequest) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def key_for(request: HttpRequest) -> str | None:
    """The page's key in the cache, or None when this request must be computed."""
    if _seconds() <= 0 or request.method not in ("GET", "HEAD"):
        return None
    if _messages_waiting(request):
        return None
    user = getattr(request, "user", None)
    who = str(user.pk) if user is not None and user.is_authenticated else "-"
    stamp = change_stamp.usable(request=request)  # after the user: read with them if logged in
    if stamp is None:
        return None
    hour = clock.now().strftime("%Y-%m-%dT%H")
    parts = (_CONFIGURATION, stamp, hour, get_language() or "", who, request.scheme or "",
             request.get_host(), request.get_full_path())  # fmt: skip
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()
    return f"page:{digest}"


def _etag(request: HttpRequest, key: str, encoding: str) -> str:
    # The browser's copy holds a token from its CSRF cookie at the time: a new cookie (a new
    # login) must not get the old copy back.
    secret = request.META.get("CSRF_COOKIE", "")
    digest = hashlib.blake2b(f"{key}|{secret}|{encoding}".encode(), digest_size=12).hexdigest()
    return f'"{digest}"'


def _storable(request: HttpRequest, response: HttpResponse, session_before: bool) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if "no-store" in response.get("Cache-Control", ""):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified and not session_before:
        return False
    return not _messages_waiting(request)


Entry = tuple[tuple[bytes, ...], tuple[bytes, ...] | None, dict[str, str]]


def _entry(response: HttpResponse) -> Entry | None:
    """The page as the bytes around its CSRF tokens (and those pieces compressed), or None if a
    token shows anywhere else.

    Kept as bytes, split where the token goes: an answer from the cache joins them around the
    visitor's token, with no search through the page and no encoding of it (a 400 kB page
    costs little more to answer than a small one)."""
    charset = response.charset or "utf-8"
    page = response.content.decode(charset)
    if _PLACEHOLDER in page:
        return None
    tokens = set(_TOKEN_FIELD.findall(page))
    text = _TOKEN_FIELD.sub(f'name="csrfmiddlewaretoken" value="{_PLACEHOLDER}"', page)
    if any(token in text for token in tokens):
        return None
    headers = {name: response[name] for name in _KEPT_HEADERS if name in response}
    pieces = tuple(piece.encode(charset) for piece in text.split(_PLACEHOLDER))
    return pieces, gzip_pieces.compress(pieces), headers


def _gzip_accepted(request: HttpRequest) -> bool:
    return bool(_ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))


def _answer(request: HttpRequest, entry: Entry, compressed: bool) -> HttpResponse:
    pieces, fragments, headers = entry
    token = get_token(request).encode("ascii") if len(pieces) > 1 else b""
    if compressed and fragments is not None:
        response = HttpResponse(gzip_pieces.joined(pieces, fragments, token))
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(token.join(pieces))
    for name, value in headers.items():
        response[name] = value
    return response


def _validators(request: HttpRequest, etag: str, response: HttpResponse) -> HttpResponse:
    response["ETag"] = etag
    # The browser keeps the page but asks each time whether it is still current.
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer the view from the page cache when nothing changed since it was computed (put it
    below the access checks: they run on every visit)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = key_for(request)
        if key is None:
            return view(request, *args, **kwargs)
        # The same page compressed is another representation: it has an ETag of its own.
        compressed = _gzip_accepted(request)
        held = request.headers.get("If-None-Match", "")
        for encoding in ("gzip", "") if compressed else ("",):
            etag = _etag(request, key, encoding)
            if etag in held:
                return _validators(request, etag, HttpResponseNotModified())
        cache = caches[ALIAS]
        entry = cache.get(key)
        if entry is not None:
            answer = _answer(request, entry, compressed)
            encoding = "gzip" if answer.has_header("Content-Encoding") else ""
            return _validators(request, _etag(request, key, encoding), answer)
        session = getattr(request, "session", None)
        session_before = bool(session is not None and session.modified)
        response = view(request, *args, **kwargs)
        if _storable(request, response, session_before):
            stored = _entry(response)
            if stored is not None:
                cache.set(key, stored, _seconds())
                _validators(request, _etag(request, key, ""), response)
        return response

    return wrapper


def forget_all() -> None:
    """Empty the page cache (tests; a changed setting)."""
    caches[ALIAS].clear()


def forget_on_setting(**kwargs: object) -> None:
    """setting_changed receiver."""
    if kwargs.get("setting") != "CACHES":
        forget_all()

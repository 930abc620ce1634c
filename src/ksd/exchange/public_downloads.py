"""The public himpunan (/publik/himpunan/), kept and rationed: a page anyone may reach, whose
province PDF takes seconds to build.

Kept: what a public request computed (the compiled himpunan, its XLSX, its PDF) is stored in
Django's cache (each process's memory, or Redis with KSD_REDIS_URL: core/deployment.py) under a
key of the database's change stamp (core/change_stamp.py), the request's parameters, the
language and the day. Any write changes the stamp, so the next request compiles afresh; the
same request until then is answered from the cache. Where the stamp cannot key a cache (inside
an open transaction on PostgreSQL), nothing is kept. The page itself is kept by
core/page_cache.py.

Rationed: a visitor who is not logged in may make at most
settings.HIMPUNAN_DOWNLOADS_PER_MINUTE new XLSX or PDF files per clock minute from one address
(accounts/throttle.py client_address: REMOTE_ADDR, or behind KSD_PROXY_COUNT proxies the
address they forwarded). A kept file costs nothing and is not counted. Over the limit the
visitor gets HTTP 429 with Retry-After. Logged-in users are never rationed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import translation

from ksd.accounts.throttle import client_address
from ksd.core import change_stamp

# A key carries the day, so an entry is never read after it; it may go sooner (a recorded step
# makes it unreachable, the local memory cache drops its oldest entries when full).
KEEP_SECONDS = 24 * 60 * 60
# What this process built for the public since it started, by kind ("compiled", "xlsx",
# "pdf"): every count is a miss of the cache. Tests read it; nothing resets it.
built: Counter[str] = Counter()


class Kept:
    """The kept answers of one public request: one stamp read, then a key per kind."""

    def __init__(self, *parameters: object, today: dt.date) -> None:
        stamp = change_stamp.usable()
        language = translation.get_language() or ""
        raw = "|".join([stamp or "", language, today.isoformat(), *map(str, parameters)])
        self._digest = hashlib.sha256(raw.encode()).hexdigest() if stamp is not None else None

    def key(self, kind: str) -> str:
        return f"public-himpunan:{kind}:{self._digest}"

    def get(self, kind: str) -> Any:
        return cache.get(self.key(kind)) if self._digest is not None else None

    def put(self, kind: str, value: Any) -> None:
        built[kind] += 1
        if self._digest is not None:
            cache.set(self.key(kind), value, KEEP_SECONDS)


def wait_seconds(request: HttpRequest, now: dt.datetime) -> int:
    """0 when this visitor may build one more file now (and count it); else how many seconds
    until the next minute, when they may again."""
    limit = settings.HIMPUNAN_DOWNLOADS_PER_MINUTE
    if not limit or request.user.is_authenticated:
        return 0
    moment = now.timestamp()
    minute = int(moment // 60)
    # Hashed: the forwarded address is text a proxy passed on, of any length.
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"public-himpunan-rate:{address}:{minute}"
    if cache.add(key, 1, timeout=90):
        return 0
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        return 0
    if count <= limit:
        return 0
    return max(1, 60 - int(moment % 60))

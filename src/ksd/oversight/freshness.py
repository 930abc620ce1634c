"""The oversight pages' short cache of their national aggregates, and when they were computed.

What the pages count changes only when a step is recorded: every lifecycle step, correction,
expiry by `ksd tick`, import and generated record appends a row to the event log
(cooperation/events.py record_event, expiry.expire_many, exchange and dataset writers). The
cache key therefore carries the last event's id (and the last cooperation's, for a record
created without one), two reads of a primary key index that cost the same at any size: a
recorded step anywhere makes the next visit compute afresh, nothing else does. Entries live at
most CACHE_SECONDS and expire with the day (the stalled rules read today). Each page says when
its figures were computed ("dihitung pada …").

This replaced a fingerprint that counted the whole cooperation table and read its latest
`updated_at` on every visit (a full scan: 40 ms at 20,000 cooperations, ~200 ms at 100,000).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.cache import cache
from django.db.models import Max

from ksd.cooperation.models import Cooperation, Event
from ksd.core import clock
from ksd.core.access import membership_of, sees_everything

T = TypeVar("T")
Visitor = AbstractBaseUser | AnonymousUser

# Local memory or Redis (KSD_REDIS_URL); a recorded step starts new entries at once.
CACHE_SECONDS = 600


def register_version() -> str:
    """The state of the register as two index reads: the last event and the last record."""
    event = Event.objects.aggregate(last=Max("id"))["last"]
    record = Cooperation.objects.aggregate(last=Max("id"))["last"]
    return f"{event}.{record}"


@dataclass(frozen=True)
class Computed(Generic[T]):
    value: T
    at: dt.datetime  # when it was computed (UTC); pages show it in the visitor's zone


class Cache:
    """The aggregates of one request, each read from the cache or computed once. `extra` is
    anything else the figures depend on (body reports for the scorecard)."""

    def __init__(self, namespace: str, extra: Callable[[], Hashable] | None = None) -> None:
        self.namespace = namespace
        self._extra = extra
        self._version = ""
        self.oldest: dt.datetime | None = None

    def version(self) -> str:
        if not self._version:
            extra = f".{self._extra()}" if self._extra is not None else ""
            self._version = f"{clock.today_in().isoformat()}.{register_version()}{extra}"
        return self._version

    def get(self, name: str, compute: Callable[[], T]) -> T:
        return self.computed(name, compute).value

    def computed(self, name: str, compute: Callable[[], T]) -> Computed[T]:
        parts = f"{self.namespace}:{name}:{self.version()}"
        key = "ksd-oversight-" + hashlib.sha256(parts.encode()).hexdigest()
        found: Computed[T] | None = _recent(key)
        if found is None:
            found = cache.get(key)
            if found is None:
                found = Computed(compute(), clock.now())
                cache.set(key, found, CACHE_SECONDS)
            _keep(key, found)
        if self.oldest is None or found.at < self.oldest:
            self.oldest = found.at
        return found


# The entries this process read last, unpickled: the scorecard of every region is ~100 ms to
# unpickle from the cache on each visit. Readers never change what they get (the pages build
# their own lists from it).
_LOCAL: dict[str, tuple[float, Computed[object]]] = {}
LOCAL_ENTRIES = 64


def _recent(key: str) -> Computed[T] | None:
    kept = _LOCAL.get(key)
    if kept is None or kept[0] < time.monotonic():
        return None
    return kept[1]  # type: ignore[return-value]


def _keep(key: str, found: Computed[T]) -> None:
    if CACHE_SECONDS <= 0:
        return
    while len(_LOCAL) >= LOCAL_ENTRIES:
        del _LOCAL[next(iter(_LOCAL))]  # the oldest first
    _LOCAL[key] = (time.monotonic() + CACHE_SECONDS, found)  # type: ignore[assignment]


def forget() -> None:
    """Drop what this process keeps (tests; the shared cache has cache.clear())."""
    _LOCAL.clear()


def visibility(user: Visitor) -> str:
    """What decides which cooperations `user` sees (core/access.py): the same for everyone
    with the same role and region, so they share the cached figures."""
    if sees_everything(user):
        return "all"
    membership = membership_of(user)
    if membership is None:
        return "none"
    return f"{membership.role}.{membership.region_id}"

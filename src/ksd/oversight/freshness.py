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

The counts behind the pages (`Cache.counts`, `Cache.summed`) are kept apart, per slice of the
register: after a step only the slices it changed are read again (oversight/summed.py), so the
first visit after a step no longer recounts the country. They are kept in the database too
(oversight/kept.py), and the scheduled jobs keep that copy current (oversight/warm.py), so a
new process, a cleared cache or a new day does not recount it either.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.cache import cache
from django.db.models import Max

from ksd.cooperation.models import Cooperation, Event
from ksd.core import clock
from ksd.core.access import membership_of, sees_everything
from ksd.oversight import kept
from ksd.oversight import summed as by_slice

T = TypeVar("T")
Visitor = AbstractBaseUser | AnonymousUser

# Local memory or Redis (KSD_REDIS_URL); a recorded step starts new entries at once.
CACHE_SECONDS = 600


def register_state() -> by_slice.State:
    """The state of the register as two index reads: the last event and the last record."""
    event = Event.objects.aggregate(last=Max("id"))["last"]
    record = Cooperation.objects.aggregate(last=Max("id"))["last"]
    return (event or 0, record or 0)


def register_version() -> str:
    event, record = register_state()
    return f"{event}.{record}"


@dataclass(frozen=True)
class Computed(Generic[T]):
    value: T
    at: dt.datetime  # when it was computed (UTC); pages show it in the visitor's zone


class Cache:
    """The aggregates of one request, each read from the cache or computed once. `extra` is
    anything else the figures depend on (body reports for the scorecard); with
    `register=False`, the only thing besides the day."""

    def __init__(
        self, namespace: str, extra: Callable[[], Hashable] | None = None, *,
        register: bool = True,
    ) -> None:  # fmt: skip
        self.namespace = namespace
        self._extra = extra
        # False: `extra` alone says what changed (one region's records: the region's card).
        self._register = register
        self._version = ""
        self._state: by_slice.State | None = None
        self.oldest: dt.datetime | None = None

    def state(self) -> by_slice.State:
        if self._state is None:
            self._state = register_state()
        return self._state

    def version(self) -> str:
        if not self._version:
            extra = f".{self._extra()}" if self._extra is not None else ""
            event, record = self.state() if self._register else ("", "")
            self._version = f"{clock.today_in().isoformat()}.{event}.{record}{extra}"
        return self._version

    def get(self, name: str, compute: Callable[[], T]) -> T:
        return self.computed(name, compute).value

    def computed(self, name: str, compute: Callable[[], T], *, shared: bool = True) -> Computed[T]:
        """`compute()`'s value kept for this version; `shared=False` keeps it in this process
        only, for a value that costs more to pickle and unpickle than to build again from
        the shared counts (the scorecard's rows: 12-16 ms each way, 250 ms when the pickling
        sets off a full garbage collection)."""
        parts = f"{self.namespace}:{name}:{self.version()}"
        key = "ksd-oversight-" + hashlib.sha256(parts.encode()).hexdigest()
        warm = _WARMING.get() is not None  # computed again: its counts are what is warmed
        found: Computed[T] | None = None if warm else _recent(key)
        if found is None:
            found = cache.get(key) if shared and not warm else None
            if found is None:
                found = Computed(compute(), clock.now())
                if shared:
                    cache.set(key, found, CACHE_SECONDS)
            _keep(key, found, CACHE_SECONDS)
        if self.oldest is None or found.at < self.oldest:
            self.oldest = found.at
        return found

    def summed(
        self,
        name: str,
        part: Callable[[by_slice.Span], by_slice.Rows],
        build: Callable[[dict[Hashable, int]], T],
    ) -> T:
        """`build` of the counts `part` gives (oversight/summed.py), kept like `get`'s."""
        return self.get(name, lambda: build(self.counts(name, part)))

    def counts(
        self, name: str, part: Callable[[by_slice.Span], by_slice.Rows]
    ) -> dict[Hashable, int]:
        """The counts `part` gives of the whole register: kept per slice of the register (in
        this process, in the cache and in the database: oversight/kept.py) and brought up to
        date after a step by reading again only the slices it changed. `name` says everything
        they depend on besides the register (not `extra`)."""
        state = self.state()
        label = f"{self.namespace}:{name}"
        key = "ksd-oversight-summed-" + hashlib.sha256(label.encode()).hexdigest()
        warm = _WARMING.get()
        limit = WARM_WHOLE_SECONDS if warm is not None else SUMMED_SECONDS
        found: by_slice.Summed | None = None
        for source in ("database",) if warm is not None else ("memory", "database"):
            if CACHE_SECONDS <= 0:
                break
            start = kept.load(label) if source == "database" else _in_memory(key)
            if start is None or kept.expired(start, limit):
                continue
            if start.state == state or (warm is not None and warm.due_only):
                if warm is not None:
                    warm.note(start, read=False)
                if source == "database":  # a new process: kept here from now on
                    _share(key, start)
                return start.counts()
            found = by_slice.brought_up_to_date(start, state, part)
            if found is not None:
                break
        if found is None:
            found = by_slice.read(part(by_slice.EVERYTHING), state)
        if CACHE_SECONDS > 0:
            if warm is not None:  # only the warm-up writes: see oversight/kept.py
                kept.save(label, found)
            _share(key, found)
        if warm is not None:
            warm.note(found, read=True)
        return found.counts()


def _in_memory(key: str) -> by_slice.Summed | None:
    found: by_slice.Summed | None = _recent(key)
    return found if found is not None else cache.get(key)


def _share(key: str, counts: by_slice.Summed) -> None:
    cache.set(key, counts, SUMMED_SECONDS)
    _keep(key, counts, SUMMED_SECONDS)


@dataclass
class Warming:
    """The scheduled warm-up's mode (oversight/warm.py): every aggregate is read from the
    database's copy, brought up to date and kept there, and read whole once it is
    WARM_WHOLE_SECONDS old; with `due_only`, only those missing or due for a whole read."""

    due_only: bool = False
    read: int = 0  # aggregates read whole or brought up to date
    oldest: float = float("inf")  # the oldest whole reading among those seen (time.time())

    def note(self, counts: by_slice.Summed, *, read: bool) -> None:
        self.read += read
        self.oldest = min(self.oldest, counts.whole_at)


_WARMING: ContextVar[Warming | None] = ContextVar("ksd_oversight_warming", default=None)


@contextmanager
def warming(mode: Warming) -> Iterator[Warming]:
    token = _WARMING.set(mode)
    try:
        yield mode
    finally:
        _WARMING.reset(token)


# The entries this process read last, unpickled: the scorecard of every region is ~100 ms to
# unpickle from the cache on each visit. Readers never change what they get (the pages build
# their own lists from it).
_LOCAL: dict[str, tuple[float, object]] = {}
LOCAL_ENTRIES = 128
# The counts per slice of the register live for the day (the names of those that depend on
# the day carry it); a step brings them up to date (oversight/summed.py). They are read whole
# again a day after the register was last read whole (summed.py: a transaction that committed
# too late to be seen as a step is counted then); the scheduled warm-up does it earlier, so
# that no visitor does.
SUMMED_SECONDS = 24 * 3600
WARM_WHOLE_SECONDS = 20 * 3600


def _recent(key: str) -> Any:
    entry = _LOCAL.get(key)
    if entry is None or entry[0] < time.monotonic():
        return None
    return entry[1]


def _keep(key: str, found: object, seconds: float) -> None:
    if CACHE_SECONDS <= 0:
        return
    _LOCAL.pop(key, None)  # kept again: the newest last
    while len(_LOCAL) >= LOCAL_ENTRIES:
        del _LOCAL[next(iter(_LOCAL))]  # the oldest first
    _LOCAL[key] = (time.monotonic() + seconds, found)


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

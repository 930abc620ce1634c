"""The oversight pages' counts per slice of the register, kept in the database as well as in the
cache, so that no visitor pays for reading the whole register (2-3 s at 100,000 cooperations).

The cache alone left that cost to whoever came first to a process with an empty cache: every
gunicorn worker (the local-memory cache is per process), every restart or deploy, a cleared
cache, and every day for the scorecard. A row of `oversight_kept_counts` holds the counts of
one aggregate (oversight/summed.py Summed) with the register's state they are at; any process
loads it (one primary-key read) and brings it up to date from the slices changed since, as
it does with the cache's copy. Only the scheduled jobs (`ksd scheduler`) and `ksd
warm_oversight` write the rows (oversight/warm.py), never a page: on PostgreSQL any write
changes the stamp that keeps whole pages in the cache (core/change_stamp.py), so a page that
wrote would push every kept page out after each step a second time. Without the scheduled
jobs the pages work as before: each process reads the whole register once a day.

The rows are bookkeeping, rebuilt from the register whenever they are missing, unreadable or
written by other code: the key carries the version of KSD's code and of the settings the
counts depend on, so counts computed by another version are never mixed with this one's.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import pickle  # only our own rows, written below
import time
import zlib
from contextlib import AbstractContextManager, nullcontext

from django.db import DatabaseError, connection, transaction

from ksd.core import clock
from ksd.core.code_version import digest as code_version_of
from ksd.oversight import summed as by_slice
from ksd.oversight.models import KeptCounts

log = logging.getLogger(__name__)

# Raised when what is pickled below changes shape.
FORMAT = 2
# zlib's fastest level: the counts shrink ~5x (3 MB to 0.55 MB for the scorecard's at 100,000
# cooperations) for ~25 ms, and a row is written and read in a fraction of the time.
ZLIB_LEVEL = 1
# Rows not saved for this long are dropped by `prune` (another day's scorecard, another year).
UNUSED_DAYS = 3


@functools.cache
def code_version() -> str:
    """KSD's code and data files, and the settings that change what is counted (the stalled
    rules' thresholds): counts computed by other code are not read."""
    return code_version_of("KSD_STALLED_", str(FORMAT))


def key_of(name: str) -> str:
    return hashlib.sha256(f"{code_version()}:{name}".encode()).hexdigest()


def _guarded() -> AbstractContextManager[object]:
    """Inside an open transaction, a savepoint: a failed read or write (a database not
    migrated yet, a locked SQLite file) must not break the transaction of the page."""
    return transaction.atomic() if connection.in_atomic_block else nullcontext()


def load(name: str) -> by_slice.Summed | None:
    """The counts kept for `name`, or None (none kept, or unreadable)."""
    try:
        with _guarded():
            found = KeptCounts.objects.filter(key=key_of(name)).values_list("counts", flat=True)
            data = next(iter(found), None)
    except DatabaseError:
        log.warning("oversight counts %s: not read from the database", name, exc_info=True)
        return None
    if data is None:
        return None
    try:
        unpacked = pickle.loads(zlib.decompress(bytes(data)))  # noqa: S301 (our own rows)
        fmt, state, at, gaps, keys, parts, total, whole_at = unpacked
    except Exception:
        return None
    if fmt != FORMAT:
        return None
    return by_slice.Summed(state, at, gaps, keys, parts, total, whole_at=whole_at)


def save(name: str, counts: by_slice.Summed) -> bool:
    """Keep `counts` as the row of `name` (the last writer wins: any state is a correct start,
    an older one costs only more slices to read again). False if the database refused."""
    data = zlib.compress(pickle.dumps(
        (FORMAT, counts.state, counts.at, counts.gaps, counts.keys, counts.parts, counts.total,
         counts.whole_at),
        protocol=pickle.HIGHEST_PROTOCOL,
    ), ZLIB_LEVEL)  # fmt: skip
    fields = {
        "name": name[:300],
        "last_event": counts.state[0],
        "last_record": counts.state[1],
        "whole_at": dt.datetime.fromtimestamp(counts.whole_at, tz=dt.UTC),
        "saved_at": clock.now(),
        "counts": data,
    }
    try:
        with transaction.atomic():
            KeptCounts.objects.update_or_create(key=key_of(name), defaults=fields)
    except DatabaseError:
        log.warning("oversight counts %s: not kept in the database", name, exc_info=True)
        return False
    return True


def prune(now: dt.datetime | None = None) -> int:
    """Drop the rows no process will read again: not saved for UNUSED_DAYS (another day's
    scorecard, a past year's figures, the rows of the code before an upgrade)."""
    moment = now or clock.now()
    old = KeptCounts.objects.filter(saved_at__lt=moment - dt.timedelta(days=UNUSED_DAYS))
    return old.delete()[0]


def forget_all() -> None:
    """Drop every row (tests that need the whole register read; `ksd warm_oversight
    --again`)."""
    KeptCounts.objects.all().delete()


def expired(counts: by_slice.Summed, seconds: float) -> bool:
    """Whether the whole register was last read for `counts` more than `seconds` ago."""
    return counts.whole_at < time.time() - seconds

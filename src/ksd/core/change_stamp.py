"""A stamp that changes whenever anything is written to the database: the page cache's version
(core/page_cache.py). Reading it costs one statement at any size of the register.

PostgreSQL: the current transaction snapshot (`pg_current_snapshot()`, "xmin:xmax:in-progress").
Every transaction that writes takes a new transaction id, which moves xmax; a transaction still
writing is in the in-progress list and leaves it when it commits or rolls back. So the text
changes with every commit, including one that commits after a later transaction did, and stays
the same while nobody writes. It counts the whole cluster's writes, not only KSD's: another
database on the same server only makes the cache miss more often, never answer stale. Writes
of the reading connection's own open transaction do not change it, so a page is neither read
from nor kept in the cache inside an open transaction on PostgreSQL (page_cache.py).

SQLite: one row, `ksd_change_stamp`, counted up by a trigger after every INSERT, UPDATE and
DELETE on every table but the sessions (installed after every `migrate`, since SQLite drops a
table's triggers when a migration rebuilds it). SQLite lets one connection write at a time, so
the counter serialises nothing that was not serialised already, and the reading connection
sees its own writes counted.
"""

from __future__ import annotations

from typing import Any

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "ksd_change_stamp"
TRIGGER_PREFIX = "ksd_stamp_"
# Logging in writes a session and changes nothing a page shows; nor do the oversight counts
# the scheduled jobs keep (oversight/kept.py: what the register already holds, counted).
UNSTAMPED = frozenset({TABLE, "django_session", "django_migrations", "sqlite_sequence",
                       "oversight_kept_counts"})  # fmt: skip
OPERATIONS = ("INSERT", "UPDATE", "DELETE")
BUMP = f"UPDATE {TABLE} SET value = value + 1 WHERE id = 1"  # noqa: S608
POSTGRES_STAMP = "pg_current_snapshot()::text"
# Where a request keeps the stamp read with its user (core/authentication.py).
_REMEMBERED = "_ksd_change_stamp"


def read(using: str = "default") -> str | None:
    """The stamp now, or None where there is none (a database not migrated yet)."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {POSTGRES_STAMP}")
            return str(cursor.fetchone()[0])
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            try:
                cursor.execute(f"SELECT value FROM {TABLE} WHERE id = 1")  # noqa: S608
            except Exception:
                return None
            row = cursor.fetchone()
        return None if row is None else str(row[0])
    return None


def sees_own_writes(using: str = "default") -> bool:
    """Whether the stamp read by this connection counts its own uncommitted writes."""
    connection = connections[using]
    return connection.vendor == "sqlite" or not connection.in_atomic_block


def remember(request: Any, stamp: str) -> None:
    """Keep the stamp read earlier in this request (with the logged-in user, outside any
    transaction) for usable(): a stamp read before the page is computed is never newer than
    the data the page shows."""
    setattr(request, _REMEMBERED, stamp)


def usable(using: str = "default", request: Any = None) -> str | None:
    """The stamp when it may key a cache for this connection, else None (not migrated yet; or
    an open transaction on PostgreSQL, whose own writes it does not count): compute, keep
    nothing. The stamp `request` already read is used when there is one."""
    if not sees_own_writes(using):
        return None
    remembered = getattr(request, _REMEMBERED, None) if using == "default" else None
    return remembered if remembered is not None else read(using)


def install(connection: BaseDatabaseWrapper) -> None:
    """SQLite: the counter row and a trigger per table and operation (kept if they exist)."""
    if connection.vendor != "sqlite":
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} "
            "(id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL)"
        )
        cursor.execute(f"INSERT OR IGNORE INTO {TABLE} (id, value) VALUES (1, 0)")  # noqa: S608
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = [name for (name,) in cursor.fetchall()]
        for table in tables:
            if table in UNSTAMPED or table.startswith("sqlite_"):
                continue
            for operation in OPERATIONS:
                name = quote(f"{TRIGGER_PREFIX}{table}_{operation.lower()}")
                cursor.execute(
                    f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {operation} ON {quote(table)} "
                    f"BEGIN {BUMP}; END"
                )


def ensure_installed(using: str = "default", **kwargs: object) -> None:
    """post_migrate receiver."""
    install(connections[using])

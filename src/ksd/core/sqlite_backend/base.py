"""Django's SQLite backend, with one change: flushing a table keeps its triggers.

SQLite has no TRUNCATE: Django empties a table with DELETE, which the append-only triggers
(cooperation/append_only.py) refuse row by row. PostgreSQL's TRUNCATE fires no row trigger, so
there `ksd flush` and the test suite's flush between transactional tests just work. Here the
flush drops the triggers of the flushed tables, deletes, and creates the same triggers again
from their stored definitions, all inside the flush's one transaction: a flush empties the whole
database on both engines, and no row is ever changed or deleted one by one.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from django.db.backends.sqlite3 import base, operations

from ksd.core import change_stamp


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(
        self,
        style: Any,
        tables: Any,
        *,
        reset_sequences: bool = False,
        allow_cascade: bool = False,
    ) -> list[str]:
        sql = super().sql_flush(
            style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
        if not sql:
            return sql
        flushed = set(tables)
        if allow_cascade:  # as Django's own sql_flush widens the list
            graph = self._references_graph  # type: ignore[attr-defined]
            flushed = set(chain.from_iterable(graph(table) for table in tables))
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
            triggers = [(name, text) for name, table, text in cursor.fetchall() if table in flushed]
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [change_stamp.TABLE])
            stamped = cursor.fetchone() is not None
        drop = [f"DROP TRIGGER {self.quote_name(name)};" for name, _ in triggers]
        create = [f"{definition};" for _, definition in triggers]
        # The emptied database is a change the page cache must see (core/change_stamp.py).
        bump = [change_stamp.BUMP + ";"] if stamped else []
        return [*drop, *sql, *create, *bump]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations

"""Writing many rows' fields in one statement, for the batch jobs (`ksd tick`, the stored status).

Django's bulk_update builds a CASE WHEN expression per field and row and resolves each one:
for a chunk of 500 records that took most of a tick's time in Python, not in the database. The
same rows are written here by one `UPDATE … FROM (VALUES …)` (SQLite since 3.33), each value
converted by its field as the ORM converts it. On PostgreSQL each column goes as one array
(`UPDATE … FROM unnest(…)`, `INSERT … SELECT * FROM unnest(…)`): psycopg splits a statement
at every placeholder in Python, 15 ms for a batch of 500 rows of eight values, more than the
server takes to run it; with one placeholder per column that cost is gone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from django.db import connection, models
from django.db.models import sql
from django.db.models.constants import OnConflict

# Rows per statement: SQLite allows 32,766 parameters; PostgreSQL takes one array per column.
_BATCH = 500
_PG_BATCH = 5_000


# Values whose conversion for the database depends on nothing but their type and value.
_PLAIN = frozenset({int, str, bool, type(None), dt.date})


class _Prepared:
    """field.get_db_prep_save(value), converted once per field and distinct value of a batch
    job (the same record, region, day or instant recurs in thousands of rows)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[Any, ...], Any] = {}

    def __call__(self, field: Any, value: Any) -> Any:
        kind = type(value)
        if kind in _PLAIN:
            key: tuple[Any, ...] = (field, kind, value)
        elif kind is dt.datetime:  # equal instants in other zones stay apart
            key = (field, kind, value, value.tzinfo)
        else:
            return field.get_db_prep_save(value, connection)
        if key not in self._seen:
            self._seen[key] = field.get_db_prep_save(value, connection)
        return self._seen[key]


class Row(SimpleNamespace):
    """A row to write with update_rows: its `pk` and the fields to set, without the cost of
    a model instance (thousands per run of the tick)."""


def update_rows(model: type[models.Model], rows: Sequence[Any], fields: Sequence[str]) -> None:
    """Write `fields` of `rows` (instances of `model` with their primary key, or any objects
    with `pk` and the fields' attribute names, such as `Row`) to the database, as
    bulk_update(rows, fields) would, without signals or a save()."""
    if not rows:
        return
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    pk = meta.pk
    assert pk is not None  # noqa: S101 - every model has one
    qn = connection.ops.quote_name
    if connection.vendor == "postgresql":
        table = qn(meta.db_table)
        names = ", ".join(f"c{i}" for i in range(1 + len(columns)))
        sets = ", ".join(f"{qn(f.column)} = v.c{i}" for i, f in enumerate(columns, start=1))
        prepare = _Prepared()
        for batch in _batches(rows, _PG_BATCH):
            arrays = [[pk.get_db_prep_value(row.pk, connection) for row in batch]]
            arrays += [[prepare(f, getattr(row, f.attname)) for row in batch] for f in columns]
            _execute(
                f"UPDATE {table} SET {sets} FROM {_unnest([pk, *columns])} AS v({names}) "  # noqa: S608 - names from the model
                f"WHERE {table}.{qn(pk.column)} = v.c0",
                arrays,
            )
        return
    # SQLite: no CAST (CAST to DATE gives a number there).
    row_sql = "(" + ", ".join(["%s"] * (1 + len(columns))) + ")"
    prepare = _Prepared()
    assignments = ", ".join(f"{qn(f.column)} = v.column{i}" for i, f in enumerate(columns, start=2))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _BATCH):
            batch = rows[start : start + _BATCH]
            params: list[Any] = []
            for row in batch:
                params.append(pk.get_db_prep_value(row.pk, connection))
                params += [prepare(f, getattr(row, f.attname)) for f in columns]
            cursor.execute(
                f"UPDATE {qn(meta.db_table)} SET {assignments} "  # noqa: S608 - names from the model
                f"FROM (VALUES {', '.join([row_sql] * len(batch))}) AS v "
                f"WHERE {qn(meta.db_table)}.{qn(pk.column)} = v.column1",
                params,
            )


def prefetch_reverse(instances: Sequence[models.Model], name: str) -> None:
    """What prefetch_related(name) leaves on `instances` for a reverse foreign key (each
    instance's `<name>.all()` answered from memory, in the related model's default order, and
    each related row's forward cache set), in one query, without the per-instance manager and
    filtered queryset Django builds for each of them: that took a quarter of a tick's time
    loading thousands of records."""
    if not instances:
        return
    relation: Any = type(instances[0])._meta.get_field(name)
    field = relation.field
    rows = relation.related_model._default_manager.all()
    by_pk: dict[Any, Any] = {instance.pk: instance for instance in instances}
    groups: dict[Any, list[models.Model]] = {pk: [] for pk in by_pk}
    for row in rows.filter(**{f"{field.attname}__in": list(by_pk)}):
        owner = by_pk[getattr(row, field.attname)]
        field.set_cached_value(row, owner)
        groups[owner.pk].append(row)
    cache_name = field.remote_field.cache_name
    template = rows.all()
    for pk, related in groups.items():
        owner = by_pk[pk]
        # As the related manager's own queryset, scoped to its owner: a .filter(), .update()
        # or .delete() on `owner.<name>.all()` reaches the owner's rows only. The filter is
        # deferred (applied to this queryset's own fresh query only if it is ever used), so
        # answering .all() from memory costs no query building, unlike Django's per-instance
        # querysets.
        cached: Any = object.__new__(_lazy_query(type(template)))
        cached.__dict__.update(template.__dict__)
        cached._query = None  # made when first used: most never are
        cached._deferred_filter = (False, (), {field.name: owner})
        cached._known_related_objects = {field: {pk: owner}}
        cached._result_cache = related
        cached._prefetch_done = True
        if not hasattr(owner, "_prefetched_objects_cache"):
            owner._prefetched_objects_cache = {}
        owner._prefetched_objects_cache[cache_name] = cached


_LAZY: dict[type, type] = {}


def _lazy_query(queryset: type) -> type:
    """`queryset`'s class, whose query is built on first use (a related manager's cached
    queryset is almost always only iterated; building thousands of empty queries cost a tenth
    of loading records)."""
    if queryset not in _LAZY:
        parent = queryset.query  # type: ignore[attr-defined]

        def query(self: Any) -> Any:
            if self._query is None:
                self._query = sql.Query(self.model)
            return parent.fget(self)

        members = {"query": property(query, parent.fset), "__module__": __name__}
        _LAZY[queryset] = type(queryset.__name__, (queryset,), members)
    return _LAZY[queryset]


def insert_rows(
    model: type[models.Model], rows: Sequence[models.Model], *, ignore_conflicts: bool = False
) -> None:
    """Insert `rows` (new instances of `model`, primary key left to the database) as
    bulk_create(rows, ignore_conflicts=...) would, in one plain `INSERT … VALUES` per batch:
    Django's compiler spent more time building a large bulk insert than the database took to
    run it. Each value goes through its field's pre_save and get_db_prep_save, as there; the
    rows' primary keys are not read back."""
    if not rows:
        return
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    qn = connection.ops.quote_name
    conflict = OnConflict.IGNORE if ignore_conflicts else None
    head = connection.ops.insert_statement(on_conflict=conflict)
    suffix = connection.ops.on_conflict_suffix_sql(fields, conflict, None, None) or ""
    columns = ", ".join(qn(f.column) for f in fields)
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    prepare = _Prepared()
    if connection.vendor == "postgresql":
        for batch in _batches(rows, _PG_BATCH):
            arrays = [[prepare(f, f.pre_save(row, True)) for row in batch] for f in fields]
            rows_sql = f"SELECT * FROM {_unnest(fields)}"  # noqa: S608 - names from the model
            _execute(f"{head} {qn(meta.db_table)} ({columns}) {rows_sql} {suffix}", arrays)
        return
    per_batch = max(1, 30_000 // len(fields))  # under SQLite's parameter limit
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_batch):
            batch = rows[start : start + per_batch]
            params: list[Any] = []
            for row in batch:
                params += [prepare(f, f.pre_save(row, True)) for f in fields]
            cursor.execute(
                f"{head} {qn(meta.db_table)} ({columns}) "
                f"VALUES {', '.join([row_sql] * len(batch))} {suffix}",
                params,
            )


def _batches(rows: Sequence[Any], size: int) -> Any:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _unnest(fields: Sequence[Any]) -> str:
    """PostgreSQL: rows from one array per field, each cast to the field's column type."""
    return "unnest(" + ", ".join(f"%s::{f.cast_db_type(connection)}[]" for f in fields) + ")"


def _execute(statement: str, params: list[Any]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)

"""The event log is append-only, and the database says so: a trigger refuses every UPDATE and
DELETE of a cooperation_event row, on PostgreSQL and on SQLite alike, whoever sends it (the ORM,
the admin, a raw SQL session).

Migration 0012 installs the triggers; `ensure_installed` runs again after every `migrate`, since
on SQLite a later migration that rebuilds the table (Django copies it into a new table and drops
the old one) would drop its triggers with it. Emptying a whole database (`ksd flush`, the test
suite between transactional tests) stays possible: PostgreSQL's TRUNCATE fires no row trigger,
and KSD's SQLite backend (ksd.core.sqlite_backend) lifts the triggers for the flush only.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "cooperation_event"
# The migration that installs the triggers: once it is applied, they belong to the schema.
MIGRATION = ("cooperation", "0012_event_append_only")
MESSAGE = "cooperation_event is append-only: events are never changed or deleted"

_POSTGRESQL_INSTALL = (
    f"""
    CREATE OR REPLACE FUNCTION ksd_refuse_event_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE} (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
    END;
    $$
    """,
    f"""
    CREATE OR REPLACE TRIGGER cooperation_event_append_only
        BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION ksd_refuse_event_change()
    """,
)
_POSTGRESQL_UNINSTALL = (
    f"DROP TRIGGER IF EXISTS cooperation_event_append_only ON {TABLE}",
    "DROP FUNCTION IF EXISTS ksd_refuse_event_change()",
)

# RAISE(ABORT, ...) fails the statement with SQLITE_CONSTRAINT: Django raises IntegrityError,
# as it does for PostgreSQL's restrict_violation.
_SQLITE_INSTALL = tuple(
    f"""
    CREATE TRIGGER IF NOT EXISTS cooperation_event_no_{operation.lower()}
        BEFORE {operation} ON {TABLE}
    BEGIN
        SELECT RAISE(ABORT, '{MESSAGE} ({operation} refused)');
    END
    """
    for operation in ("UPDATE", "DELETE")
)
_SQLITE_UNINSTALL = (
    "DROP TRIGGER IF EXISTS cooperation_event_no_update",
    "DROP TRIGGER IF EXISTS cooperation_event_no_delete",
)

_INSTALL: Mapping[str, tuple[str, ...]] = {
    "postgresql": _POSTGRESQL_INSTALL,
    "sqlite": _SQLITE_INSTALL,
}
_UNINSTALL: Mapping[str, tuple[str, ...]] = {
    "postgresql": _POSTGRESQL_UNINSTALL,
    "sqlite": _SQLITE_UNINSTALL,
}


def _run(connection: BaseDatabaseWrapper, statements: Mapping[str, tuple[str, ...]]) -> None:
    if connection.vendor not in statements:
        raise NotImplementedError(f"no append-only trigger for {connection.vendor}")
    with connection.cursor() as cursor:
        for statement in statements[connection.vendor]:
            cursor.execute(statement)


def install(connection: BaseDatabaseWrapper) -> None:
    """Create the triggers, or leave them as they are if they exist."""
    _run(connection, _INSTALL)


def uninstall(connection: BaseDatabaseWrapper) -> None:
    _run(connection, _UNINSTALL)


def ensure_installed(using: str = "default", **kwargs: object) -> None:
    """post_migrate receiver: once `migrate` is done, the triggers are there if their migration
    is applied (and not if it was just unapplied)."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    connection = connections[using]
    if MIGRATION in MigrationRecorder(connection).applied_migrations():
        install(connection)

"""Who is logged in, read with one plain statement.

Django's AuthenticationMiddleware loads the logged-in user through the backend the session
names; for django.contrib.auth's ModelBackend that is `User.objects.get(pk=...)`, whose SQL is
compiled anew on every request: the largest part of what a logged-in request still cost more
than an anonymous one (docs/performance.md). Here the same row is read by a prepared statement
and every check stays Django's: the backend must still be configured, the account active
(`user_can_authenticate`), and the session's hash must match the user's password hash (with the
fallback secrets), else the session is flushed. Any other backend goes through Django's own
`auth.get_user`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoMiddleware
from django.contrib.auth.middleware import auser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connections, router
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

from ksd.accounts.models import Membership
from ksd.core import change_stamp

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@dataclass(frozen=True)
class _Statement:
    """The user-and-membership statement of one database, and how to read its row: built once
    per process (a logged-in request costs its SQL and nothing more)."""

    sql: str
    stamped: bool
    user_names: list[str]
    member_names: list[str]
    user_converters: list[tuple[Any, list[Any]]]
    member_converters: list[tuple[Any, list[Any]]]


def _converters(connection: Any, table: str, fields: Any) -> list[tuple[Any, list[Any]]]:
    """Each column with the database's own conversions (SQLite's dates and booleans), as the
    ORM applies them."""
    found = []
    for field in fields:
        column = field.get_col(table)
        found.append(
            (column, connection.ops.get_db_converters(column) + field.get_db_converters(connection))
        )
    return found


@functools.cache
def _statement(using: str, stamped: bool) -> _Statement:
    model = auth.get_user_model()
    connection = connections[using]
    quote = connection.ops.quote_name
    user_table, member_table = model._meta.db_table, Membership._meta.db_table
    fields, member_fields = model._meta.concrete_fields, Membership._meta.concrete_fields
    columns = [f"u.{quote(f.column)}" for f in fields]
    columns += [f"m.{quote(f.column)}" for f in member_fields]
    if stamped:
        columns.append(change_stamp.POSTGRES_STAMP)
    member_user = quote(Membership._meta.get_field("user").column)
    # Names from the models, quoted; the id a parameter, given to both tables so that each is
    # read by its own index (cheaper to plan than a join on the column).
    sql = (
        f"SELECT {', '.join(columns)} FROM {quote(user_table)} u "  # noqa: S608
        f"LEFT JOIN {quote(member_table)} m ON m.{member_user} = %s "
        f"WHERE u.{quote(model._meta.pk.column)} = %s"
    )
    return _Statement(
        sql=sql, stamped=stamped,
        user_names=[f.attname for f in fields], member_names=[f.attname for f in member_fields],
        user_converters=_converters(connection, user_table, fields),
        member_converters=_converters(connection, member_table, member_fields),
    )  # fmt: skip


def _values(connection: Any, converters: list[tuple[Any, list[Any]]], row: Any) -> list[Any]:
    values = []
    for (column, functions), value in zip(converters, row, strict=True):
        for convert in functions:
            value = convert(value, column, connection)
        values.append(value)
    return values


def _load(user_id: Any) -> tuple[Any, str | None]:
    """The active user with primary key `user_id` (or None), with their membership read in the
    same statement; and on PostgreSQL the change stamp of that moment (or None).

    Every internal page reads the membership (the role and region) and the page cache reads the
    stamp: one round trip to the database instead of three."""
    model = auth.get_user_model()
    try:
        pk = model._meta.pk.to_python(user_id)
    except (ValidationError, TypeError, ValueError):  # a malformed id is no user
        return None, None
    using = router.db_for_read(model)
    connection = connections[using]
    # The stamp read with the user, before the page is computed: a page is never keyed on a
    # stamp newer than the data it shows (core/change_stamp.py).
    stamped = connection.vendor == "postgresql" and change_stamp.sees_own_writes(using)
    statement = _statement(using, stamped)
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, [pk, pk])
        row = cursor.fetchone()
    if row is None:
        return None, None
    stamp = str(row[-1]) if stamped else None
    width, member_width = len(statement.user_names), len(statement.member_names)
    user_row, member_row = row[:width], row[width : width + member_width]
    values = _values(connection, statement.user_converters, user_row)
    user = model.from_db(using, statement.user_names, values)
    membership = None
    if member_row[0] is not None:
        member_values = _values(connection, statement.member_converters, member_row)
        membership = Membership.from_db(using, statement.member_names, member_values)
        membership._state.fields_cache["user"] = user
    # What `user.membership` returns without a query (None: raises DoesNotExist, as Django does).
    user._state.fields_cache["membership"] = membership
    if not ModelBackend().user_can_authenticate(user):
        return None, stamp
    return user, stamp


def get_user(request: HttpRequest) -> Any:
    session = request.session
    try:
        user_id = auth._get_user_session_key(request)
        backend = session[auth.BACKEND_SESSION_KEY]
    except KeyError:
        return AnonymousUser()
    if backend != MODEL_BACKEND or backend not in settings.AUTHENTICATION_BACKENDS:
        return auth.get_user(request)
    user, stamp = _load(user_id)
    if stamp is not None:
        change_stamp.remember(request, stamp)
    if user is None:
        return AnonymousUser()
    stored = session.get(auth.HASH_SESSION_KEY)
    current = user.get_session_auth_hash()
    if stored and constant_time_compare(stored, current):
        return user
    if stored and any(
        constant_time_compare(stored, old) for old in user.get_session_auth_fallback_hash()
    ):
        session.cycle_key()
        session[auth.HASH_SESSION_KEY] = current
        return user
    session.flush()
    return AnonymousUser()


def _cached_user(request: HttpRequest) -> Any:
    if not hasattr(request, "_cached_user"):
        request._cached_user = get_user(request)  # type: ignore[attr-defined]
    return request._cached_user  # type: ignore[attr-defined]


class AuthenticationMiddleware(DjangoMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)  # its checks, and request.auser
        request.user = SimpleLazyObject(lambda: _cached_user(request))
        request.auser = partial(auser, request)  # type: ignore[attr-defined]

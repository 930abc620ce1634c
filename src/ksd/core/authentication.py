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

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _load(user_id: Any) -> Any:
    """The active user with primary key `user_id`, or None, as ModelBackend.get_user."""
    model = auth.get_user_model()
    try:
        pk = model._meta.pk.to_python(user_id)
    except (ValidationError, TypeError, ValueError):  # a malformed id is no user
        return None
    using = router.db_for_read(model)
    connection = connections[using]
    quote = connection.ops.quote_name
    fields = model._meta.concrete_fields
    # Names from the model, quoted; the value a parameter.
    sql = (
        f"SELECT {', '.join(quote(f.column) for f in fields)} "  # noqa: S608
        f"FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    values = []
    for field, value in zip(fields, row, strict=True):
        # The database's own conversions (SQLite's dates and booleans), as the ORM applies them.
        column = field.get_col(model._meta.db_table)
        for convert in connection.ops.get_db_converters(column) + field.get_db_converters(
            connection
        ):
            value = convert(value, column, connection)
        values.append(value)
    user = model.from_db(using, [f.attname for f in fields], values)
    return user if ModelBackend().user_can_authenticate(user) else None


def get_user(request: HttpRequest) -> Any:
    session = request.session
    try:
        user_id = auth._get_user_session_key(request)
        backend = session[auth.BACKEND_SESSION_KEY]
    except KeyError:
        return AnonymousUser()
    if backend != MODEL_BACKEND or backend not in settings.AUTHENTICATION_BACKENDS:
        return auth.get_user(request)
    user = _load(user_id)
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

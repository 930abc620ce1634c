"""Who calls the API: a personal token (`Authorization: Bearer <token>`), the browser's
session (the docs page; a change then needs the CSRF token, as a form would), or nobody (the
public, who read what the public register shows).

A token acts as its user, so it sees and does exactly what the user does on the pages: the
handlers ask the same door (core/access.py).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer
from ninja.utils import check_csrf

from ksd.api.tokens import user_for_token
from ksd.core import clock

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class ThrottledError(HttpError):
    def __init__(self) -> None:
        super().__init__(429, _("Too many requests with this token; wait a minute."))


class BadTokenError(AuthenticationError):
    def __init__(self) -> None:
        super().__init__(401, _("The API token is unknown, revoked, or its user is disabled."))


class CsrfError(HttpError):
    def __init__(self) -> None:
        super().__init__(
            403, _("A change through the browser's session needs the CSRF token (X-CSRFToken).")
        )


def _within_rate(token: str) -> bool:
    """At most settings.API_REQUESTS_PER_MINUTE calls per token per clock minute (the cache is
    shared by every app server when KSD_REDIS_URL is set)."""
    limit = getattr(settings, "API_REQUESTS_PER_MINUTE", 0)
    if not limit:
        return True
    minute = int(clock.now().timestamp() // 60)
    key = f"api-rate:{token[-16:]}:{minute}"
    if cache.add(key, 1, timeout=90):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        return True


class KsdAuth(HttpBearer):
    """Always answers a caller (never None), so every endpoint decides itself what the public
    may read; only a wrong token is refused (401), never silently read as the public."""

    csrf = True  # ninja's docs page then sends the session's CSRF token with its calls

    def __call__(self, request: HttpRequest) -> Any:
        header = request.headers.get(self.header, "")
        if header:
            scheme, _sep, token = header.partition(" ")
            if scheme.lower() != self.openapi_scheme:
                raise BadTokenError
            return self.authenticate(request, token.strip())
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if request.method not in SAFE_METHODS and check_csrf(request) is not None:
                raise CsrfError
            return user
        return AnonymousUser()

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token, now=clock.now())
        if user is None:
            raise BadTokenError
        if not _within_rate(token):
            raise ThrottledError
        request.user = user
        return user

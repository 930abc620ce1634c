"""Who the caller is to the access door (core/access.py), as the pages judge it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, AuthorizationError

from ksd.core.access import has_role


def caller(request: HttpRequest) -> Any:
    return getattr(request, "auth", None) or AnonymousUser()


def viewer(request: HttpRequest) -> Any:
    """The user as the door sees them on the pages anyone may open: an account with no role in
    KSD reads what the public reads (the public register)."""
    user = caller(request)
    return user if has_role(user) else AnonymousUser()


def member(request: HttpRequest) -> Any:
    """The user, for what only KSD's own users read or do (the internal pages): the public must
    identify itself (401), an account with no role gets 403, as on the pages."""
    user = caller(request)
    if not user.is_authenticated:
        raise AuthenticationError
    if not has_role(user):
        raise AuthorizationError(
            403,
            _(
                "Your account has no role in KSD yet, so it sees only the public register. "
                "Ask your KSD administrator to give it a role and a region."
            ),
        )
    return user

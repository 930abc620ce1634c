"""What django-axes needs from KSD to throttle logins (settings.py, AXES_*).

A locked-out login is answered by `lockout_response`: accounts/locked_out.html, in the user's
language, with HTTP status 429 (Too Many Requests).
"""

from __future__ import annotations

from typing import Any

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The page shown instead of logging in while the account or the address is locked."""
    wait = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "lockout_minutes": round(wait.total_seconds() / 60) if wait else None,
    }
    return render(request, "accounts/locked_out.html", context, status=429)


def client_address(request: HttpRequest) -> str:
    """The address a login attempt is counted against.

    With no proxy (KSD_PROXY_COUNT=0) it is the peer's address. Behind N proxies, each appends
    the address it received the request from to X-Forwarded-For, so the client is the N-th
    entry from the right; entries further left were written by the client and are not trusted.
    """
    count = settings.PROXY_COUNT
    peer = request.META.get("REMOTE_ADDR", "")
    if count <= 0:
        return peer
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return peer
    return forwarded[-count]

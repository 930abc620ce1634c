from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ksd.regions.queries import count_by_level


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The landing page: what KSD is, how much reference data is loaded, and the CLI."""
    counts = count_by_level()
    return render(
        request,
        "core/home.html",
        {"counts": counts, "regions_loaded": sum(counts.values()) > 0},
    )


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """For a load balancer: 200 "ok" when the database answers, 503 when it does not.

    It reads who is asking, so a logged-in call pays what every page pays before its own work
    (the session and the user); a load balancer sends no cookie and pays nothing for it.
    `make bench-web` measures the pages against this view.
    """
    request.user.is_authenticated  # noqa: B018 - the session and user lookups, see above
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")

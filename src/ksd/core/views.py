from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ksd.accounts.models import Role
from ksd.core import clock
from ksd.core.access import has_role, is_administrator, membership_of
from ksd.core.page_cache import cached_page
from ksd.regions.queries import count_by_level

# How many of the user's most urgent tasks the home page lists; the dashboard lists them all.
HOME_TASKS = 5


@require_safe
@cached_page
def home(request: HttpRequest) -> HttpResponse:
    """The landing page. Someone with a role starts from their tasks (the most urgent first);
    a visitor reads what KSD is, how much reference data is loaded, and the public register."""
    user = request.user
    if has_role(user):
        from ksd.cooperation.dashboard import dashboard_for

        membership = membership_of(user)
        role = membership.role if membership else None
        # The stored open tasks (cooperation/status.py), read by index: no law run per row.
        tasks = dashboard_for(user, today=clock.today_in(), stalled_counts=False).items
        return render(
            request,
            "core/home_member.html",
            {"tasks": tasks[:HOME_TASKS], "task_count": len(tasks),
             "is_operator": role == Role.OPERATOR, "is_dprd": role == Role.DPRD,
             "is_supervisor": role in (Role.PEMBINA_PROVINSI, Role.PEMBINA_PUSAT),
             "is_administrator": is_administrator(user)},
        )  # fmt: skip
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


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page links; it lives with the static files."""
    return redirect(static("core/favicon.ico"), permanent=True)

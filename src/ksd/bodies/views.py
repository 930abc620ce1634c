"""Pages of the bodies app: the bodies a user may see, and one body's members and reports."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ksd.bodies.queries import get_body_for, visible_bodies


@login_required
@require_safe
def body_list(request: HttpRequest) -> HttpResponse:
    bodies = visible_bodies(request.user).annotate(
        member_count=Count("members", filter=Q(members__left_on__isnull=True), distinct=True),
        report_count=Count("reports", distinct=True),
    )
    return render(request, "bodies/body_list.html", {"bodies": bodies})


@login_required
@require_safe
def body_detail(request: HttpRequest, pk: int) -> HttpResponse:
    body = get_body_for(request.user, pk)
    return render(request, "bodies/body_detail.html", {"body": body})

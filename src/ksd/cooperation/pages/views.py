"""The pages people use every day: the register, a cooperation's page, the dashboard, and the
public register.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from ksd.cooperation import as_of, queries, stalled
from ksd.cooperation.dashboard import dashboard_for
from ksd.cooperation.models import Stage
from ksd.cooperation.pages.acting import operator_region
from ksd.cooperation.pages.as_of_page import as_of_page
from ksd.cooperation.pages.detail import render_detail
from ksd.cooperation.pages.forms import REPEATABLE, RegisterFilterForm
from ksd.core import clock
from ksd.core.access import (
    get_cooperation_for,
    member_required,
    sees_the_audit,
    visible_cooperations,
)
from ksd.core.page_cache import cached_page
from ksd.core.paging import page_of
from ksd.dprd.clock_settings import dprd_clock_notice
from ksd.law.regimes import Regime
from ksd.regions.names import region_name

logged_in = member_required  # logged in, with a role (core/access.py)


@logged_in
@require_safe
@cached_page
def register(request: HttpRequest) -> HttpResponse:
    today = clock.today_in()
    form = RegisterFilterForm(request.GET, today=today)
    filters = form.cleaned_data if form.is_valid() else {}
    day, day_error = None, ""
    if request.GET.get("per", "").strip():
        try:
            day = as_of.parse_day(request.GET["per"], today=today)
        except as_of.BadDayError as exc:
            day_error = str(exc)
    if day is not None:  # the register as it stood (cooperation/as_of.py)
        rows = as_of.register_as_of(visible_cooperations(request.user), filters, day)
        rows = queries.with_parties(rows)
    else:
        rows = queries.register(request.user, filters, today=today)
    page = page_of(rows, request.GET.get("page"), queries.PAGE_SIZE)
    if day is not None:
        page = replace(page, object_list=as_of.then_rows(page.object_list, day))
    page.object_list[:] = queries.with_row_labels(page.object_list)
    if day is None:
        # The rules of stalled work each row of the page hits: one query per rule.
        marks = stalled.marks_for([c.pk for c in page.object_list], today)
        for cooperation in page.object_list:
            cooperation.stalled_marks = [(r.key, r.label) for r in marks.get(cooperation.pk, [])]
    # The rule the register is filtered by, with its reason and articles (the dashboards show
    # only its name and count: a rule covers records of both regulations).
    rule = stalled.rule(filters.get("stalled") or "") if day is None else None
    stalled_why = {"title": rule.title(today), "reason": rule.reason} if rule else None
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("sort", None)
    today_params = request.GET.copy()
    for name in ("per", "page"):
        today_params.pop(name, None)
    return render(
        request,
        "cooperation/register.html",
        {"form": form, "page": page, "sort": filters.get("sort") or "-offered_on",
         "query": params.urlencode(), "can_offer": operator_region(request.user) is not None,
         "can_audit": sees_the_audit(request.user), "day": day, "day_error": day_error,
         "per": day.isoformat() if day else request.GET.get("per", "")[:20],
         "today": today, "banner": as_of.banner(day) if day else "",
         "today_url": "?".join(filter(None, (reverse("cooperation:register"),
                                             today_params.urlencode()))),
         "keep": [(k, v) for k, vs in today_params.lists() for v in vs],
         "today_only": [form[n].label for n in as_of.TODAY_ONLY_FILTERS] if day else [],
         "stalled_why": stalled_why, **_repeated(request, filters)},
        status=400 if day_error else 200,
    )  # fmt: skip


def _repeated(request: HttpRequest, filters: dict[str, Any]) -> dict[str, Any]:
    """A filter given more than once (the oversight network's links): the form's field shows the
    last value, so the others go along as hidden fields, and a line names them all."""
    hidden = [(name, value) for name in REPEATABLE if filters.get(REPEATABLE[name])
              for value in request.GET.getlist(name)[:-1]]  # fmt: skip
    regions = [region_name(v) if v[:1].isdigit() else v for v in filters.get("regions", [])]
    regions += [str(p) for p in filters.get("provinces", [])]
    stages = [str(Stage(v).label) for v in filters.get("stages", [])]
    return {"repeated_hidden": hidden, "repeated_parties": regions, "repeated_stages": stages}


@logged_in
@require_safe
@cached_page
def detail_as_of(request: HttpRequest, pk: int, day: str) -> HttpResponse:
    """A cooperation's record as it stood at the end of `day`: read-only, with ksd.law's
    assessment as of that day on the facts recorded by then."""
    cooperation = get_cooperation_for(request.user, pk)
    try:
        when = as_of.parse_day(day, today=clock.today_in())
    except as_of.BadDayError as exc:
        return render(
            request, "cooperation/detail_as_of.html",
            {"cooperation": cooperation, "day_error": str(exc)}, status=400,
        )  # fmt: skip
    return render(
        request, "cooperation/detail_as_of.html", as_of_page(request.user, cooperation, when)
    )


@logged_in
@require_safe
@cached_page
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_detail(request, get_cooperation_for(request.user, pk))


@logged_in
@require_safe
@cached_page
def dashboard(request: HttpRequest) -> HttpResponse:
    board = dashboard_for(request.user, today=clock.today_in())
    notices = queries.notifications_for(request.user)
    clock_notice = dprd_clock_notice(request.user)
    # The PP 28/2018 notice concerns only those who can set the clocks or who have a task under
    # that regulation: a PP 50/2007 desk is not told about another regulation's gap.
    if not clock_notice["may_set_clocks"] and not any(
        i.cooperation.regime == Regime.PP28_2018 for i in board.items
    ):
        clock_notice["dprd_clock_unset"] = False
    return render(
        request,
        "cooperation/dashboard.html",
        {"board": board, "tasks": board.items, "notices": notices, **clock_notice},
    )


@require_safe
@cached_page
def public_register(request: HttpRequest) -> HttpResponse:
    """The public register, today's or as it stood at the end of a past day (?per=YYYY-MM-DD):
    what had been published by then, with its values then (cooperation/as_of.py)."""
    query = request.GET.get("q", "").strip()[:100]
    today = clock.today_in()
    day, day_error = None, ""
    if request.GET.get("per", "").strip():
        try:
            day = as_of.parse_day(request.GET["per"], today=today)
        except as_of.BadDayError as exc:
            day_error = str(exc)
    rows = queries.public_register(query, day)
    page = page_of(rows, request.GET.get("page"), queries.PAGE_SIZE)
    if day is not None:
        page = replace(page, object_list=as_of.then_rows(page.object_list, day))
    page.object_list[:] = queries.with_row_labels(page.object_list)
    params = {"q": query, "per": day.isoformat() if day else ""}
    return render(
        request,
        "cooperation/public_register.html",
        {"page": page, "q": query, "query": urlencode({k: v for k, v in params.items() if v}),
         "day": day, "day_error": day_error, "today": today,
         "per": day.isoformat() if day else request.GET.get("per", "")[:20],
         "banner": as_of.banner(day) if day else "",
         "today_url": "?".join(filter(None, (reverse("cooperation:public_register"),
                                             urlencode({"q": query}) if query else ""))),
         "keep": [("q", query)] if query else [],
         "as_of_action": reverse("cooperation:public_register")},
        status=400 if day_error else 200,
    )  # fmt: skip


@require_safe
@cached_page
def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = get_cooperation_for(AnonymousUser(), pk)
    parties = list(cooperation.parties.select_related("region"))
    return render(
        request, "cooperation/public_detail.html", {"cooperation": cooperation, "parties": parties}
    )

"""A cooperation's page and the one way a step is taken on it.

Views only translate: they get cooperations through core/access.py, read through queries.py,
and take steps through the services, whose refusals become form errors naming the article.
The step forms come from step_forms.py (one fan-in); this module imports no step's views.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from ksd.cooperation import queries
from ksd.cooperation.events_html import events_html
from ksd.cooperation.law import law_lang
from ksd.cooperation.models import Cooperation
from ksd.cooperation.pages.acting import operator_region
from ksd.cooperation.pages.step_forms import step_context
from ksd.cooperation.pages.workbench import refusal_of, signatory_missing, workbench
from ksd.cooperation.track_html import tracks_html
from ksd.core import clock
from ksd.core.errors import StepRefused
from ksd.dprd.clock_settings import dprd_clock_notice


def render_detail(
    request: HttpRequest,
    cooperation: Cooperation,
    *,
    bound: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    """A cooperation's page; `bound` carries a refused step's form with its error."""
    today = clock.today_in()
    queries.load_page(cooperation)
    timeline, older_events = queries.latest_events(request.user, cooperation)
    calendars = queries.calendars_of([cooperation])
    assessment = queries.assessment_with(cooperation, calendars, today=today)
    tracks = queries.dprd_tracks(cooperation, assessment, calendars, today=today)
    steps = queries.steps_for(request.user, cooperation, tracks)
    lang = law_lang()
    # A finding's subject is shown by its region's name; other subjects are internal codes the
    # message already explains in words.
    names = {p.region_id: p.region.name for p in cooperation.parties.all() if p.region}
    findings = [(f.severity.value, f.message.render(lang), str(f.citation),
                 names.get(f.subject or "", ""))
                for f in assessment.findings]  # fmt: skip
    for dispute in cooperation.disputes.all():
        dispute.between_names = [names.get(key, key) for key in dispute.between]
    bound = bound or {}
    steps_ctx = step_context(request.user, cooperation, assessment, steps, today, bound)
    own = operator_region(request.user, cooperation)
    missing = signatory_missing(own, cooperation, "signatory" in steps_ctx["forms"])
    bench = workbench(cooperation, steps_ctx["forms"], steps_ctx["articles"], tracks, own=own,
                      signatory_missing=missing)  # fmt: skip
    return render(
        request,
        "cooperation/detail.html",
        {"cooperation": cooperation, "tracks": tracks, "tracks_html": tracks_html(tracks),
         "timeline_html": events_html(timeline),
         "findings": findings,
         "today": today, "timeline": timeline, "older_events": older_events,
         **dprd_clock_notice(request.user, cooperation, assessment),
         **steps_ctx, "workbench": bench, **refused_elsewhere(cooperation, bound, bench)},
        status=status,
    )  # fmt: skip


def refused_elsewhere(
    cooperation: Cooperation, bound: dict[str, forms.Form], bench: dict[str, Any]
) -> dict[str, Any]:
    """A refused form that is not one of the workbench's steps (record keeping, the steps
    abroad) is named at the top too; and the page's own address, at the refused form, replaces
    the POST address in the browser (static cooperation/anchor.js) so a reload never re-posts."""
    if not bound:
        return {}
    key = next(iter(bound))
    anchor = "foreign-steps" if key.startswith("foreign") else f"step-{key}"
    on_bench = {s.key for s in bench["steps"]}
    others = [(f"step-{k}" if not k.startswith("foreign") else "foreign-steps", refusal_of(f))
              for k, f in bound.items() if k not in on_bench and refusal_of(f)]  # fmt: skip
    page = reverse("cooperation:detail", args=[cooperation.pk])
    return {"page_url": f"{page}#{anchor}", "refused_elsewhere": others}


def run_step(
    request: HttpRequest,
    cooperation: Cooperation,
    key: str,
    form: forms.Form,
    action: Callable[[dict[str, Any]], object],
    success: str,
) -> HttpResponse:
    """Validate `form`, take the step; a refusal is shown on the form with its article and
    changes nothing (the service's transaction is rolled back)."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, success)
            return redirect("cooperation:detail", pk=cooperation.pk)
    return render_detail(request, cooperation, bound={key: form}, status=400)

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

from ksd.cooperation import queries
from ksd.cooperation.law import law_lang
from ksd.cooperation.models import Cooperation
from ksd.cooperation.pages.step_forms import step_context
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
    findings = [(f.severity.value, f.message.render(lang), str(f.citation), f.subject)
                for f in assessment.findings]  # fmt: skip
    return render(
        request,
        "cooperation/detail.html",
        {"cooperation": cooperation, "tracks": tracks, "findings": findings,
         "today": today, "timeline": timeline, "older_events": older_events,
         **dprd_clock_notice(request.user, cooperation, assessment),
         **step_context(request.user, cooperation, assessment, steps, today, bound or {})},
        status=status,
    )  # fmt: skip


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

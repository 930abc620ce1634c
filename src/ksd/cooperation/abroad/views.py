"""The page section and the step endpoint of a cooperation abroad (cooperation/foreign.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ksd.cooperation import foreign
from ksd.cooperation.foreign_forms import ForeignFactsForm, ForeignStepForm
from ksd.cooperation.law import law_lang
from ksd.cooperation.models import Cooperation
from ksd.core import clock
from ksd.core.access import get_cooperation_for, member_required

logged_in = member_required  # logged in, with a role (core/access.py)


def foreign_page_context(
    user: Any, cooperation: Cooperation, assessment: Any, today: dt.date
) -> dict[str, Any]:
    """The central steps as ksd.law reports them, and the form for a party's operator."""
    verdict = getattr(assessment, "foreign", None)
    if verdict is None:
        return {}
    from ksd.cooperation.views import operator_region  # views imports this module

    lang = law_lang()
    from ksd.law.pp28_2018.foreign import STEP_NAMES

    steps = [
        {"name": STEP_NAMES[s.step].render(lang), "status": s.status, "on": s.on,
         "citation": str(s.citation)}
        for s in verdict.steps
    ]  # fmt: skip
    context: dict[str, Any] = {"foreign_steps": steps, "foreign_kind": verdict.kind.upper()}
    if operator_region(user, cooperation) is not None:
        initial = {"on": today}
        if verdict.next_step in foreign.STEP_EVENTS:
            initial["step"] = verdict.next_step
        context["foreign_form"] = ForeignStepForm(initial=initial)
        said = foreign.foreign_facts_for(cooperation)
        context["foreign_facts_form"] = ForeignFactsForm(
            initial={
                "object_code": said.object if said else "",
                "requirements": sorted(said.requirements or ()) if said else [],
                "plan_contents": sorted(said.plan_contents or ()) if said else [],
            }
        )
    return context


@logged_in
@require_POST
def record_step(request: HttpRequest, pk: int) -> HttpResponse:
    """A party's operator records a central step of a KSDPL/KSDLL (PP 28/2018 Pasal 28-43)."""
    from ksd.cooperation.views import operator_region, render_detail, run_step

    cooperation = get_cooperation_for(request.user, pk)
    if operator_region(request.user, cooperation) is None:
        raise PermissionDenied
    form = ForeignStepForm(request.POST)
    if not form.is_valid():
        return render_detail(request, cooperation, bound={"foreign": form}, status=400)
    return run_step(
        request, cooperation, "foreign", form,
        lambda d: foreign.record_foreign_step(
            cooperation.pk, actor=request.user, step=d["step"], on=d["on"],
            reference=d["reference"], result=d["result"] or None, now=clock.now()),
        _("The step has been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def state_facts(request: HttpRequest, pk: int) -> HttpResponse:
    """A party's operator states the object, the Pasal 27 requirements met and the plan's
    contents (Pasal 30 ayat (3)) of a KSDPL/KSDLL."""
    from ksd.cooperation.views import operator_region, run_step

    cooperation = get_cooperation_for(request.user, pk)
    if operator_region(request.user, cooperation) is None:
        raise PermissionDenied
    form = ForeignFactsForm(request.POST)
    return run_step(
        request, cooperation, "foreign_facts", form,
        lambda d: foreign.state_foreign_facts(
            cooperation.pk, actor=request.user, object_code=d["object_code"],
            requirements=d["requirements"], plan_contents=d["plan_contents"], now=clock.now()),
        _("The statement has been recorded."),
    )  # fmt: skip

"""The central steps of a cooperation abroad on its page (PP 28/2018 Pasal 28-43)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ksd.cooperation.abroad import services as foreign
from ksd.cooperation.abroad.forms import ForeignFactsForm, ForeignStepForm
from ksd.cooperation.law import law_lang
from ksd.cooperation.models import Cooperation
from ksd.cooperation.pages.acting import operator_region


def foreign_page_context(
    user: Any, cooperation: Cooperation, assessment: Any, today: dt.date
) -> dict[str, Any]:
    """The central steps as ksd.law reports them, and the form for a party's operator."""
    verdict = getattr(assessment, "foreign", None)
    if verdict is None:
        return {}
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

"""The one place the cooperation page gathers what each step adds to it (a one-way fan-in).

Each step package offers the forms this visitor may use now in its panels.py; this module imports
those and nothing of any step's views, so the page plumbing never depends on a step's views.
A new step adds its panel function to STEP_FORMS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms

from ksd.cooperation import queries
from ksd.cooperation.abroad.panels import foreign_page_context
from ksd.cooperation.after_signing.panels import after_signing_forms, copies_article
from ksd.cooperation.articles import heading_articles
from ksd.cooperation.corrections.panels import RECORD_FORM_KEYS, record_keeping
from ksd.cooperation.disputes.panels import dispute_forms
from ksd.cooperation.models import Cooperation
from ksd.cooperation.offer.panels import offer_forms
from ksd.cooperation.pages.acting import operator_region
from ksd.cooperation.signing.panels import signing_forms
from ksd.dprd.forms import DecisionForm, OpinionForm, ResubmissionForm, SubmitForm

StepForms = Callable[[Any, Cooperation, queries.Steps, Any], dict[str, forms.Form]]


def dprd_forms(
    user: Any, cooperation: Cooperation, steps: queries.Steps, today: Any
) -> dict[str, forms.Form]:
    """The DPRD track's steps (the dprd app's views take them), one region at a time."""
    found: dict[str, forms.Form] = {}
    regional = (
        ("submit", steps.submit_regions, SubmitForm, "received_on"),
        ("opinion", steps.opinion_regions, OpinionForm, "sent_on"),
        ("resubmit", steps.resubmit_regions, ResubmissionForm, "received_on"),
        ("decide", steps.decide_regions, DecisionForm, "on"),
    )
    for key, regions, form_class, date_field in regional:
        if regions:
            found[key] = form_class(initial={"region": regions[0], date_field: today})
    return found


STEP_FORMS: tuple[StepForms, ...] = (
    offer_forms,
    dprd_forms,
    signing_forms,
    after_signing_forms,
    dispute_forms,
)


def step_context(
    user: Any, cooperation: Cooperation, assessment: Any, steps: queries.Steps, today: Any,
    bound: dict[str, forms.Form],
) -> dict[str, Any]:  # fmt: skip
    """What the steps add to the page: their forms (a refused one comes back in `bound` with its
    error), the headings' articles, record keeping, and the central steps abroad."""
    step_forms: dict[str, forms.Form] = {}
    for gather in STEP_FORMS:
        step_forms.update(gather(user, cooperation, steps, today))
    step_forms.update({k: f for k, f in bound.items() if k not in RECORD_FORM_KEYS})
    # The step headings cite the cooperation's own regulation (cooperation/articles.py).
    articles = heading_articles(
        cooperation, copies_article(cooperation, operator_region(user, cooperation))
    )
    return {
        "forms": step_forms,
        "articles": articles,
        **record_keeping(user, cooperation, today, bound),
        **foreign_page_context(user, cooperation, assessment, today),
    }

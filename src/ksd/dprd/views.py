"""The DPRD steps on a cooperation's page: submit, opinion, resubmission, decision.

An operator submits and resubmits for its own region; the opinion is recorded by that region's
operator or DPRD secretariat; only the DPRD of that region records its decision. The services
decide the rest and their refusals are shown on the form with the article.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ksd.accounts.models import Role
from ksd.cooperation.models import Cooperation
from ksd.cooperation.pages.detail import run_step
from ksd.core import clock
from ksd.core.access import acts_for, get_cooperation_for, member_required, membership_of
from ksd.dprd import services
from ksd.dprd.forms import DecisionForm, OpinionForm, ResubmissionForm, SubmitForm

logged_in = member_required  # logged in, with a role (core/access.py)


def _track_step(
    request: HttpRequest, pk: int, form: forms.Form, roles: tuple[Role, ...]
) -> Cooperation:
    """The cooperation, if the user acts in one of `roles` for a region party to it; the form's
    region must be that region."""
    cooperation = get_cooperation_for(request.user, pk)
    # Without a region in the form, judge the user by their own region: an allowed actor then
    # gets the form back with its error (400), not a refusal of who they are (403).
    membership = membership_of(request.user)
    region = form.data.get("region") or (membership.region_id if membership else "") or ""
    is_party = any(p.region_id == region for p in cooperation.parties.all())
    if not is_party or not any(acts_for(request.user, region, role) for role in roles):
        raise PermissionDenied
    return cooperation


@logged_in
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    form = SubmitForm(request.POST)
    cooperation = _track_step(request, pk, form, (Role.OPERATOR,))

    def act(d: dict[str, Any]) -> object:
        return services.submit_to_dprd(
            cooperation.pk, actor=request.user, region_code=d["region"],
            received_on=d["received_on"], now=clock.now(),
        )  # fmt: skip

    return run_step(request, cooperation, "submit", form, act, _("Submitted to the DPRD."))


@logged_in
@require_POST
def opinion(request: HttpRequest, pk: int) -> HttpResponse:
    form = OpinionForm(request.POST)
    cooperation = _track_step(request, pk, form, (Role.OPERATOR, Role.DPRD))

    def act(d: dict[str, Any]) -> object:
        return services.record_dprd_opinion(
            cooperation.pk, actor=request.user, region_code=d["region"], sent_on=d["sent_on"],
            received_on=d["received_on"], summary=d["summary"], now=clock.now(),
        )  # fmt: skip

    return run_step(
        request, cooperation, "opinion", form, act, _("The DPRD opinion has been recorded.")
    )


@logged_in
@require_POST
def resubmit(request: HttpRequest, pk: int) -> HttpResponse:
    form = ResubmissionForm(request.POST)
    cooperation = _track_step(request, pk, form, (Role.OPERATOR,))

    def act(d: dict[str, Any]) -> object:
        return services.record_resubmission(
            cooperation.pk, actor=request.user, region_code=d["region"],
            received_on=d["received_on"], now=clock.now(),
        )  # fmt: skip

    return run_step(
        request, cooperation, "resubmit", form, act, _("The resubmission has been recorded.")
    )


@logged_in
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    form = DecisionForm(request.POST)
    cooperation = _track_step(request, pk, form, (Role.DPRD,))

    def act(d: dict[str, Any]) -> object:
        return services.record_dprd_decision(
            cooperation.pk, actor=request.user, region_code=d["region"],
            approved=d["decision"] == "approve", on=d["on"], now=clock.now(),
        )  # fmt: skip

    return run_step(
        request, cooperation, "decide", form, act, _("The DPRD decision has been recorded.")
    )

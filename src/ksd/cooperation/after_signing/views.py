"""Step views after signing: copies, implementation, amendment, termination and publication.
Each gets the cooperation through the access door, lets only an operator of a party region act,
and calls one service; a refusal is shown on the form with its article."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ksd.cooperation.after_signing import services
from ksd.cooperation.after_signing.forms import (
    AmendmentForm,
    CopiesForm,
    ImplementationForm,
    PublishForm,
    TerminationForm,
)
from ksd.cooperation.after_signing.panels import agencies_of, copy_recipients, termination_grounds
from ksd.cooperation.pages.acting import operator_region, operator_step, party_choices
from ksd.cooperation.pages.detail import run_step
from ksd.core import clock
from ksd.core.access import member_required

logged_in = member_required  # logged in, with a role (core/access.py)


@logged_in
@require_POST
def send_copies(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = operator_step(request, pk)
    own = operator_region(request.user, cooperation) or ""
    form = CopiesForm(request.POST, recipients=copy_recipients(cooperation, own))
    return run_step(
        request, cooperation, "copies", form,
        lambda d: services.send_copies(
            cooperation.pk, actor=request.user, region_code=own, recipients=d["recipients"],
            sent_on=d["sent_on"], now=clock.now()),
        _("The copies have been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def start_implementation(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = operator_step(request, pk)
    own = operator_region(request.user, cooperation) or ""
    form = ImplementationForm(request.POST, known=agencies_of(own))
    return run_step(
        request, cooperation, "implement", form,
        lambda d: services.start_implementation(
            cooperation.pk, actor=request.user, on=d["on"], agencies={own: form.agency_names()},
            now=clock.now()),
        _("Implementation has started."),
    )  # fmt: skip


@logged_in
@require_POST
def amend(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = operator_step(request, pk)
    form = AmendmentForm(request.POST)
    return run_step(
        request, cooperation, "amend", form,
        lambda d: services.amend(
            cooperation.pk, actor=request.user, number=d["number"], signed_on=d["signed_on"],
            summary=d["summary"], new_ends_on=d["new_ends_on"], now=clock.now()),
        _("The amendment has been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def terminate(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = operator_step(request, pk)
    form = TerminationForm(
        request.POST, parties=party_choices(cooperation), grounds=termination_grounds(cooperation)
    )
    return run_step(
        request, cooperation, "terminate", form,
        lambda d: services.terminate(
            cooperation.pk, actor=request.user, ground=d["ground"], on=d["on"],
            initiated_by=d["initiated_by"] or None, written_notice=d["written_notice"],
            early=d["early"], now=clock.now()),
        _("The ending has been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = operator_step(request, pk)
    return run_step(
        request, cooperation, "publish", PublishForm(request.POST),
        lambda d: services.publish(cooperation.pk, actor=request.user, now=clock.now()),
        _("The cooperation is now in the public register."),
    )  # fmt: skip

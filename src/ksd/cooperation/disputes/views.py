"""Raising a dispute between the parties and recording its settlement."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ksd.cooperation.disputes import services as disputes
from ksd.cooperation.disputes.forms import DisputeForm, SettleDisputeForm
from ksd.cooperation.disputes.panels import may_settle
from ksd.cooperation.pages.acting import operator_step, party_choices
from ksd.cooperation.pages.detail import run_step
from ksd.core import clock
from ksd.core.access import get_cooperation_for, member_required
from ksd.core.errors import StepRefused

logged_in = member_required  # logged in, with a role (core/access.py)


@logged_in
@require_POST
def raise_dispute(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = operator_step(request, pk)
    form = DisputeForm(request.POST, parties=party_choices(cooperation))
    return run_step(
        request, cooperation, "dispute", form,
        lambda d: disputes.raise_dispute(
            cooperation.pk, actor=request.user, between=d["between"], raised_on=d["raised_on"],
            description=d["description"], now=clock.now()),
        _("The dispute has been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def settle_dispute(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = get_cooperation_for(request.user, pk)
    if not may_settle(request.user, cooperation):
        raise PermissionDenied
    form = SettleDisputeForm(request.POST)

    def act(d: dict[str, Any]) -> object:
        if not cooperation.disputes.filter(pk=d["dispute"]).exists():
            raise StepRefused(_("This dispute does not belong to this cooperation."))
        return disputes.settle_dispute(
            d["dispute"], actor=request.user, settlement=d["settlement"],
            settled_on=d["settled_on"], decision_number=d["decision_number"],
            summary=d["summary"], now=clock.now(),
        )  # fmt: skip

    return run_step(
        request, cooperation, "settle", form, act, _("The settlement has been recorded.")
    )

"""Record keeping on a cooperation's page, and the audit list of withdrawn and cancelled records.

Who may do what (core/access.py): an administrator corrects any fact; an operator of a party
region corrects the shared facts and its own region's burden facts and DPRD dates; a DPRD
secretariat corrects its own track's dates; the offering region's operator (or an administrator)
corrects the parties before acceptance, withdraws the offer, and cancels a record entered by
mistake. Supervisors read, and open cancelled records in the audit. A visitor who may not see the
cooperation gets 404; one who sees it but may not act gets 403.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ksd.cooperation.corrections import services as corrections
from ksd.cooperation.corrections.forms import (
    AnswerDateCorrectionForm,
    BurdenCorrectionForm,
    CancelRecordForm,
    DprdDateCorrectionForm,
    FactCorrectionForm,
    PartiesCorrectionForm,
    WithdrawOfferForm,
)
from ksd.cooperation.corrections.panels import (
    answered_parties,
    correctable_burden_regions,
    correctable_dprd_regions,
    own_region,
    removable_parties,
)
from ksd.cooperation.models import (
    CLOSED_BY_RECORD_KEEPING,
    Cooperation,
)
from ksd.cooperation.offer.services import PartySpec
from ksd.cooperation.pages.detail import render_detail, run_step
from ksd.core import clock
from ksd.core.access import (
    acts_for_initiator,
    get_cooperation_for,
    may_correct,
    member_required,
    sees_the_audit,
    visible_cooperations,
)
from ksd.core.dates import today_at
from ksd.core.errors import StepRefused

logged_in = member_required  # logged in, with a role (core/access.py)
# ----- The steps -----


def _region_of_form(request: HttpRequest) -> str:
    """The region a form is about; without one, the user's own (an allowed actor then gets the
    form back with its error, as the DPRD steps do)."""
    return str(request.POST.get("region") or own_region(request.user) or "")


@logged_in
@require_POST
def correct_fact(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = get_cooperation_for(request.user, pk)
    if not may_correct(request.user, cooperation):
        raise PermissionDenied
    form = FactCorrectionForm(request.POST)
    return run_step(
        request, cooperation, "correct", form,
        lambda d: corrections.correct_fact(
            cooperation.pk, actor=request.user, fact=d["fact"], value=form.new_value(),
            reason=d["reason"], today=today_at(clock.now()), now=clock.now()),
        _("The correction has been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def correct_dprd_date(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = get_cooperation_for(request.user, pk)
    region = _region_of_form(request)
    if not may_correct(request.user, cooperation, region, dprd_track=True):
        raise PermissionDenied
    form = DprdDateCorrectionForm(request.POST, regions=correctable_dprd_regions(request.user, cooperation)
                                  or [(region, region)])  # fmt: skip
    return run_step(
        request, cooperation, "correct_dprd", form,
        lambda d: corrections.correct_dprd_date(
            cooperation.pk, actor=request.user, region_code=d["region"], fact=d["fact"],
            value=d["date"].isoformat() if d["date"] else "", reason=d["reason"],
            today=today_at(clock.now()), now=clock.now()),
        _("The correction has been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def correct_answer_date(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = get_cooperation_for(request.user, pk)
    parties = answered_parties(request.user, cooperation)
    if not parties:
        raise PermissionDenied
    form = AnswerDateCorrectionForm(request.POST, parties=parties)
    return run_step(
        request, cooperation, "correct_answer", form,
        lambda d: corrections.correct_answer_date(
            cooperation.pk, actor=request.user, party_key=d["party"],
            value=d["date"].isoformat(), reason=d["reason"], today=today_at(clock.now()),
            now=clock.now()),
        _("The correction has been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def correct_burden(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = get_cooperation_for(request.user, pk)
    region = _region_of_form(request)
    if not may_correct(request.user, cooperation, region):
        raise PermissionDenied
    form = BurdenCorrectionForm(request.POST, regions=correctable_burden_regions(request.user, cooperation)
                                or [(region, region)])  # fmt: skip
    return run_step(
        request, cooperation, "correct_burden", form,
        lambda d: corrections.correct_burden(
            cooperation.pk, actor=request.user, region_code=d["region"], burden=form.burden(),
            reason=d["reason"], today=today_at(clock.now()), now=clock.now()),
        _("The correction has been recorded."),
    )  # fmt: skip


def _initiator_step(request: HttpRequest, pk: int) -> Cooperation:
    cooperation = get_cooperation_for(request.user, pk)
    if not acts_for_initiator(request.user, cooperation):
        raise PermissionDenied
    return cooperation


@logged_in
@require_POST
def correct_parties(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = _initiator_step(request, pk)
    form = PartiesCorrectionForm(request.POST, removable=removable_parties(cooperation))

    def act(d: dict[str, Any]) -> object:
        if d["change"] == "remove":
            if not d["party"]:
                raise StepRefused(_("Choose the party to remove."))
            return corrections.correct_parties(
                cooperation.pk, actor=request.user, remove=d["party"], reason=d["reason"],
                now=clock.now(),
            )  # fmt: skip
        if d["change"] == "add_region":
            spec = PartySpec(region=d["region"].strip())
            if not spec.region:
                raise StepRefused(_("Give the code of the region to add."))
        else:
            spec = PartySpec(third_party_name=d["third_party_name"],
                             third_party_form=d["third_party_form"],
                             third_party_domestic=d["third_party_domestic"])  # fmt: skip
        return corrections.correct_parties(
            cooperation.pk, actor=request.user, add=spec, reason=d["reason"], now=clock.now()
        )

    return run_step(request, cooperation, "correct_parties", form, act,
                    _("The correction has been recorded."))  # fmt: skip


@logged_in
@require_POST
def withdraw_offer(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = _initiator_step(request, pk)
    form = WithdrawOfferForm(request.POST)
    return run_step(
        request, cooperation, "withdraw", form,
        lambda d: corrections.withdraw_offer(
            cooperation.pk, actor=request.user, on=d["on"], reason=d["reason"],
            today=today_at(clock.now()), now=clock.now()),
        _("The offer has been withdrawn."),
    )  # fmt: skip


@logged_in
@require_POST
def cancel_record(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = _initiator_step(request, pk)
    form = CancelRecordForm(request.POST)
    if form.is_valid():
        try:
            corrections.cancel_record(
                cooperation.pk, actor=request.user, reason=form.cleaned_data["reason"],
                now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The record has been cancelled; it stays in the audit."))
            return redirect("cooperation:register")
    return render_detail(request, cooperation, bound={"cancel": form}, status=400)


# ----- The audit list -----


@logged_in
@require_safe
def audit(request: HttpRequest) -> HttpResponse:
    """Withdrawn offers and cancelled records, for administrators and supervisors (each within
    what they may see)."""
    if not sees_the_audit(request.user):
        raise PermissionDenied
    rows = (
        visible_cooperations(request.user)
        .filter(stage__in=CLOSED_BY_RECORD_KEEPING)
        .order_by("-updated_at", "-id")
    )
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "cooperation/audit.html", {"page": page, "query": ""})

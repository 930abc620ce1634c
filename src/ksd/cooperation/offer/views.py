"""The steps before the DPRD: a new offer, its answers, the joint agreement, the draft PKS."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ksd.cooperation import queries
from ksd.cooperation.offer import services
from ksd.cooperation.offer.forms import (
    AnswerOfferForm,
    DraftForm,
    JointAgreementForm,
    OfferForm,
)
from ksd.cooperation.offer.panels import answerable
from ksd.cooperation.pages.acting import operator_region, operator_step
from ksd.cooperation.pages.detail import run_step
from ksd.core import clock
from ksd.core.access import (
    get_cooperation_for,
    member_required,
)
from ksd.core.errors import StepRefused

logged_in = member_required  # logged in, with a role (core/access.py)


@logged_in
@require_http_methods(["GET", "HEAD", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    """An operator offers a cooperation on behalf of its region (Pasal 7 huruf a)."""
    own = operator_region(request.user)
    if own is None:
        raise PermissionDenied
    form = OfferForm(request.POST or None, initial={"offered_on": clock.today_in()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        parties = [services.PartySpec(region=own)]
        parties += [services.PartySpec(region=r.code) for r in data["regions"] if r.code != own]
        parties += [services.PartySpec(third_party_name=n, third_party_form=f,
                                       third_party_domestic=d)
                    for n, f, d in form.third_parties()]  # fmt: skip
        parties += [services.PartySpec(third_party_name=n, foreign_kind=k, foreign_country=c)
                    for n, k, c in form.foreign_partners()]  # fmt: skip
        try:
            cooperation = services.make_offer(
                actor=request.user, title=data["title"], initiator=own, parties=parties,
                offered_on=data["offered_on"], offer_number=data["offer_number"],
                affair=data["affair"].code if data["affair"] else None,
                sector=data["sector"], management_model=data["management_model"],
                institution_model=data["institution_model"],
                is_compulsory=data["is_compulsory"], object_count=data["object_count"] or 1,
                now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The offer has been recorded."))
            return redirect("cooperation:detail", pk=cooperation.pk)
    status = 400 if form.is_bound else 200
    return render(request, "cooperation/new.html", {"form": form}, status=status)


@logged_in
@require_POST
def answer_offer(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = get_cooperation_for(request.user, pk)
    parties = answerable(request.user, cooperation)
    if not parties:
        raise PermissionDenied
    form = AnswerOfferForm(request.POST, parties=parties)

    def act(data: dict[str, Any]) -> object:
        step = services.accept_offer if data["answer"] == "accept" else services.decline_offer
        extra = {"reason": data["reason"]} if data["answer"] == "decline" else {}
        return step(cooperation.pk, actor=request.user, party_key=data["party"], on=data["on"],
                    now=clock.now(), **extra)  # fmt: skip

    return run_step(request, cooperation, "answer", form, act, _("The answer has been recorded."))


@logged_in
@require_POST
def sign_joint_agreement(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = operator_step(request, pk)
    form = JointAgreementForm(request.POST)
    return run_step(
        request, cooperation, "joint", form,
        lambda d: services.sign_joint_agreement(
            cooperation.pk, actor=request.user, number=d["number"], signed_on=d["signed_on"],
            now=clock.now()),
        _("The joint agreement has been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def draft_agreement(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = operator_step(request, pk)
    form = DraftForm(request.POST, regions=queries.burden_regions(cooperation))
    return run_step(
        request, cooperation, "draft", form,
        lambda d: services.draft_agreement(
            cooperation.pk, actor=request.user, contents=d["contents"], burdens=form.burdens(),
            term_years=d["term_years"], continuous=d["continuous"], on=d["on"],
            now=clock.now()),
        _("The draft agreement has been recorded."),
    )  # fmt: skip

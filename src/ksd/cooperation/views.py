"""The pages people use every day: the register, a cooperation's page with its steps, a new
offer, the dashboard, and the public register.

Views only translate: they get cooperations through core/access.py, read through queries.py,
and take steps through the services, whose refusals become form errors naming the article.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ksd.accounts.models import Role
from ksd.cooperation import queries, services
from ksd.cooperation.articles import heading_articles
from ksd.cooperation.dashboard import dashboard_for
from ksd.cooperation.foreign_views import foreign_page_context
from ksd.cooperation.forms import (
    AnswerOfferForm,
    DraftForm,
    JointAgreementForm,
    OfferForm,
    RegisterFilterForm,
    SignForm,
)
from ksd.cooperation.law import law_lang
from ksd.cooperation.models import Cooperation, Party
from ksd.core import clock
from ksd.core.access import (
    acts_for,
    get_cooperation_for,
    member_required,
    membership_of,
    sees_the_audit,
)
from ksd.core.errors import StepRefused
from ksd.core.paging import page_of
from ksd.dprd.clock_settings import dprd_clock_notice
from ksd.dprd.forms import DecisionForm, OpinionForm, ResubmissionForm, SubmitForm
from ksd.law.regimes import Regime

LOGIN_URL = "/akun/masuk/"
logged_in = member_required  # logged in, with a role (core/access.py)


# ----- Helpers shared with the dprd app's step views -----


def operator_region(user: Any, cooperation: Cooperation | None = None) -> str | None:
    """The region an operator acts for, if it is a party to `cooperation` (when given)."""
    membership = membership_of(user)
    code = membership.region_id if membership else None
    if code is None or not acts_for(user, code, Role.OPERATOR):
        return None
    if cooperation is not None and not any(p.region_id == code for p in cooperation.parties.all()):
        return None
    return code


def _step_forms(
    cooperation: Cooperation, steps: queries.Steps, today: Any
) -> dict[str, forms.Form]:
    found: dict[str, forms.Form] = {}
    if steps.answer_parties:
        found["answer"] = AnswerOfferForm(initial={"on": today}, parties=steps.answer_parties)
    if steps.sign_joint_agreement:
        found["joint"] = JointAgreementForm(initial={"signed_on": today})
    if steps.draft:
        found["draft"] = DraftForm(
            initial={"on": today, "contents": cooperation.draft_contents,
                     "term_years": cooperation.term_years,
                     "continuous": cooperation.is_continuous},
            regions=queries.burden_regions(cooperation),
        )  # fmt: skip
    if steps.sign:
        found["sign"] = SignForm(initial={"signed_on": today})
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
    from ksd.cooperation.correction_views import RECORD_FORM_KEYS, record_keeping
    from ksd.cooperation.later_views import (  # imports this module
        copies_article,
        later_step_forms,
    )

    record = record_keeping(request.user, cooperation, today, bound or {})
    step_forms = {
        **_step_forms(cooperation, steps, today),
        **later_step_forms(request.user, cooperation, today),
        **{k: f for k, f in (bound or {}).items() if k not in RECORD_FORM_KEYS},
    }
    lang = law_lang()
    findings = [(f.severity.value, f.message.render(lang), str(f.citation), f.subject)
                for f in assessment.findings]  # fmt: skip
    # The step headings cite the cooperation's own regulation (cooperation/articles.py).
    articles = heading_articles(
        cooperation, copies_article(cooperation, operator_region(request.user, cooperation))
    )
    return render(
        request,
        "cooperation/detail.html",
        {"cooperation": cooperation, "tracks": tracks, "findings": findings,
         "forms": step_forms, "articles": articles, "today": today, **record,
         "timeline": timeline, "older_events": older_events,
         **dprd_clock_notice(request.user, cooperation, assessment),
         **foreign_page_context(request.user, cooperation, assessment, today)},
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


# ----- Pages -----


@logged_in
@require_safe
def register(request: HttpRequest) -> HttpResponse:
    form = RegisterFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = queries.register(request.user, filters, today=clock.today_in())
    page = page_of(rows, request.GET.get("page"), queries.PAGE_SIZE)
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("sort", None)
    return render(
        request,
        "cooperation/register.html",
        {"form": form, "page": page, "sort": filters.get("sort") or "-offered_on",
         "query": params.urlencode(), "can_offer": operator_region(request.user) is not None,
         "can_audit": sees_the_audit(request.user)},
    )  # fmt: skip


@logged_in
@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_detail(request, get_cooperation_for(request.user, pk))


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
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    board = dashboard_for(request.user, today=clock.today_in())
    notices = queries.notifications_for(request.user)
    clock_notice = dprd_clock_notice(request.user)
    # The PP 28/2018 notice concerns only those who can set the clocks or who have a task under
    # that regulation: a PP 50/2007 desk is not told about another regulation's gap.
    if not clock_notice["may_set_clocks"] and not any(
        i.cooperation.regime == Regime.PP28_2018 for i in board.items
    ):
        clock_notice["dprd_clock_unset"] = False
    return render(
        request,
        "cooperation/dashboard.html",
        {"board": board, "tasks": board.items, "notices": notices, **clock_notice},
    )


@require_safe
def public_register(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    rows = queries.public_register(query)
    page = page_of(rows, request.GET.get("page"), queries.PAGE_SIZE)
    return render(
        request,
        "cooperation/public_register.html",
        {"page": page, "q": query, "query": urlencode({"q": query}) if query else ""},
    )


@require_safe
def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = get_cooperation_for(AnonymousUser(), pk)
    parties = list(cooperation.parties.select_related("region"))
    return render(
        request, "cooperation/public_detail.html", {"cooperation": cooperation, "parties": parties}
    )


# ----- Steps before and after the DPRD -----


def _answerable(user: Any, cooperation: Cooperation) -> list[Party]:
    """Parties whose answer this operator records: its own region, and third parties when its
    region made the offer."""
    own = operator_region(user, cooperation)
    if own is None:
        return []
    initiator = cooperation.initiator_id == own
    return [p for p in cooperation.parties.all()
            if p.region_id == own or (initiator and not p.region_id)]  # fmt: skip


@logged_in
@require_POST
def answer_offer(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = get_cooperation_for(request.user, pk)
    parties = _answerable(request.user, cooperation)
    if not parties:
        raise PermissionDenied
    form = AnswerOfferForm(request.POST, parties=parties)

    def act(data: dict[str, Any]) -> object:
        step = services.accept_offer if data["answer"] == "accept" else services.decline_offer
        extra = {"reason": data["reason"]} if data["answer"] == "decline" else {}
        return step(cooperation.pk, actor=request.user, party_key=data["party"], on=data["on"],
                    now=clock.now(), **extra)  # fmt: skip

    return run_step(request, cooperation, "answer", form, act, _("The answer has been recorded."))


def _operator_step(request: HttpRequest, pk: int) -> Cooperation:
    cooperation = get_cooperation_for(request.user, pk)
    if operator_region(request.user, cooperation) is None:
        raise PermissionDenied
    return cooperation


@logged_in
@require_POST
def sign_joint_agreement(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = _operator_step(request, pk)
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
    cooperation = _operator_step(request, pk)
    form = DraftForm(request.POST, regions=queries.burden_regions(cooperation))
    return run_step(
        request, cooperation, "draft", form,
        lambda d: services.draft_agreement(
            cooperation.pk, actor=request.user, contents=d["contents"], burdens=form.burdens(),
            term_years=d["term_years"], continuous=d["continuous"], on=d["on"],
            now=clock.now()),
        _("The draft agreement has been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def sign_agreement(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = _operator_step(request, pk)
    form = SignForm(request.POST)
    return run_step(
        request, cooperation, "sign", form,
        lambda d: services.sign_agreement(
            cooperation.pk, actor=request.user, number=d["number"], signed_on=d["signed_on"],
            starts_on=d["starts_on"], term_years=d["term_years"], now=clock.now()),
        _("The signed agreement has been recorded."),
    )  # fmt: skip

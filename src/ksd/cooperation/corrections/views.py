"""Record keeping on a cooperation's page, and the audit list of withdrawn and cancelled records.

Who may do what (core/access.py): an administrator corrects any fact; an operator of a party
region corrects the shared facts and its own region's burden facts and DPRD dates; a DPRD
secretariat corrects its own track's dates; the offering region's operator (or an administrator)
corrects the parties before acceptance, withdraws the offer, and cancels a record entered by
mistake. Supervisors read, and open cancelled records in the audit. A visitor who may not see the
cooperation gets 404; one who sees it but may not act gets 403.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ksd.cooperation import corrections
from ksd.cooperation.correction_forms import (
    AnswerDateCorrectionForm,
    BurdenCorrectionForm,
    CancelRecordForm,
    DprdDateCorrectionForm,
    FactCorrectionForm,
    PartiesCorrectionForm,
    WithdrawOfferForm,
)
from ksd.cooperation.forms import BURDEN_LABELS
from ksd.cooperation.models import (
    CLOSED_BY_RECORD_KEEPING,
    Cooperation,
    Event,
    EventKind,
    InstitutionModel,
    ManagementModel,
    Stage,
)
from ksd.cooperation.services import PartySpec
from ksd.cooperation.views import render_detail, run_step
from ksd.core import clock
from ksd.core.access import (
    acts_for_initiator,
    get_cooperation_for,
    may_correct,
    member_required,
    membership_of,
    sees_the_audit,
    visible_cooperations,
)
from ksd.core.dates import today_at
from ksd.core.errors import StepRefused
from ksd.law.facts import BURDEN_FIELDS

logged_in = member_required  # logged in, with a role (core/access.py)
# Keys of the record-keeping forms on the page (the rest are lifecycle steps).
RECORD_FORM_KEYS = frozenset(
    {
        "correct",
        "correct_answer",
        "correct_dprd",
        "correct_burden",
        "correct_parties",
        "withdraw",
        "cancel",
    }
)


# ----- What the page shows -----


@dataclass
class Correction:
    """One correction as the page shows it: when, who, which fact, old → new, why."""

    event: Event
    fact: str
    old: str
    new: str
    effects: list[str]


def _words(fact: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if fact == "burden" and isinstance(value, dict):
        ticked = [str(BURDEN_LABELS[n]) for n in BURDEN_FIELDS if value.get(n)]
        words = ", ".join(ticked) or _("none of the burdens")
        unknown = [str(BURDEN_LABELS[n]) for n in BURDEN_FIELDS if value.get(n) is None]
        if unknown:
            words += " " + _("(not recorded yet: %(facts)s)") % {"facts": ", ".join(unknown)}
        return words
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    for choices in (ManagementModel, InstitutionModel, Stage):
        if fact in ("management_model", "institution_model", "stage") and value in choices.values:
            return str(choices(value).label)
    return str(value)


def _record_events(cooperation: Cooperation) -> list[Event]:
    """The record-keeping events queries.load_page fetched (all events when it did not)."""
    fetched = getattr(cooperation, "record_events", None)
    return list(cooperation.events.all()) if fetched is None else fetched


def corrections_of(cooperation: Cooperation) -> list[Correction]:
    rows = []
    for event in _record_events(cooperation):
        if event.kind != EventKind.RECORD_CORRECTED:
            continue
        changes = event.changes
        fact = str(changes.get("fact", ""))
        label = corrections.fact_label(fact)
        if event.region_id and event.region is not None:
            label = f"{label} ({event.region.name})"
        elif isinstance((changes.get("effects") or {}).get("party"), str):
            label = f"{label} ({changes['effects']['party']})"
        effects = [
            f"{corrections.fact_label(name) if name != 'stage' else _('stage')}: "
            f"{_words(name, pair[0])} → {_words(name, pair[1])}"
            for name, pair in (changes.get("effects") or {}).items()
            if isinstance(pair, list) and len(pair) == 2 and name != "party_keys"
        ]
        rows.append(Correction(event, label, _words(fact, changes.get("old")),
                               _words(fact, changes.get("new")), effects))  # fmt: skip
    return rows


def _own_region(user: Any) -> str | None:
    membership = membership_of(user)
    return membership.region_id if membership else None


def _dprd_regions(user: Any, cooperation: Cooperation) -> list[tuple[str, str]]:
    return [
        (r.region_id, r.region.name)
        for r in cooperation.dprd_reviews.all()
        if may_correct(user, cooperation, r.region_id, dprd_track=True)
    ]


def _answered(user: Any, cooperation: Cooperation) -> list[tuple[str, str]]:
    """Parties whose answer this user may correct: a region's by its operator, a third party's
    by the offering region's operator."""
    return [
        (p.key, str(p))
        for p in cooperation.parties.all()
        if not p.is_initiator and (p.accepted_on or p.declined_on)
        and (may_correct(user, cooperation, p.region_id) if p.region_id
             else acts_for_initiator(user, cooperation))
    ]  # fmt: skip


def _burden_regions(user: Any, cooperation: Cooperation) -> list[tuple[str, str]]:
    return [
        (p.region_id, p.region.name)
        for p in cooperation.parties.all()
        if p.region_id and p.region and p.burden is not None
        and may_correct(user, cooperation, p.region_id)
    ]  # fmt: skip


def _removable(cooperation: Cooperation) -> list[tuple[str, str]]:
    return [(p.key, str(p)) for p in cooperation.parties.all() if not p.is_initiator]


def record_keeping(
    user: Any, cooperation: Cooperation, today: dt.date, bound: dict[str, forms.Form]
) -> dict[str, Any]:
    """The page's record-keeping part: the corrections made, and the forms this visitor may use
    (a refused form comes back in `bound` with its error)."""
    found: dict[str, forms.Form] = {}
    if cooperation.stage != Stage.CANCELLED:
        if may_correct(user, cooperation):
            found["correct"] = FactCorrectionForm()
        answered = _answered(user, cooperation)
        if answered:
            found["correct_answer"] = AnswerDateCorrectionForm(parties=answered)
        dprd_regions = _dprd_regions(user, cooperation)
        if dprd_regions:
            found["correct_dprd"] = DprdDateCorrectionForm(regions=dprd_regions)
        burden_regions = _burden_regions(user, cooperation)
        if burden_regions:
            first = next(
                p for p in cooperation.parties.all() if p.region_id == burden_regions[0][0]
            )
            found["correct_burden"] = BurdenCorrectionForm(
                regions=burden_regions, initial=first.burden or {}
            )
        if acts_for_initiator(user, cooperation):
            if cooperation.stage == Stage.OFFERED:
                found["correct_parties"] = PartiesCorrectionForm(removable=_removable(cooperation))
                found["withdraw"] = WithdrawOfferForm(initial={"on": today})
            found["cancel"] = CancelRecordForm()
    found.update({k: f for k, f in bound.items() if k in RECORD_FORM_KEYS})
    cancellation = next(
        (e for e in _record_events(cooperation) if e.kind == EventKind.RECORD_CANCELLED), None
    )
    withdrawal = next(
        (e for e in _record_events(cooperation) if e.kind == EventKind.OFFER_WITHDRAWN), None
    )
    return {
        "record_forms": found,
        "corrections": corrections_of(cooperation),
        "cancellation": cancellation,
        "withdrawal": withdrawal,
    }


# ----- The steps -----


def _region_of_form(request: HttpRequest) -> str:
    """The region a form is about; without one, the user's own (an allowed actor then gets the
    form back with its error, as the DPRD steps do)."""
    return str(request.POST.get("region") or _own_region(request.user) or "")


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
    form = DprdDateCorrectionForm(request.POST, regions=_dprd_regions(request.user, cooperation)
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
    parties = _answered(request.user, cooperation)
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
    form = BurdenCorrectionForm(request.POST, regions=_burden_regions(request.user, cooperation)
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
    form = PartiesCorrectionForm(request.POST, removable=_removable(cooperation))

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

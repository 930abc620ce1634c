"""Step views after signing: copies, implementation, amendment, termination and publication.
Each gets the cooperation through the access door, lets only an operator of a party region act,
and calls one service; a refusal is shown on the form with its article."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ksd.accounts.models import Role
from ksd.cooperation import disputes, services
from ksd.cooperation.articles import copies_regime
from ksd.cooperation.later_forms import (
    AmendmentForm,
    CopiesForm,
    DisputeForm,
    ImplementationForm,
    OpinionsForm,
    PublishForm,
    SettleDisputeForm,
    SignatoryForm,
    TerminationForm,
)
from ksd.cooperation.models import Cooperation, Kind, Stage
from ksd.cooperation.views import _operator_step, operator_region, run_step
from ksd.core import clock
from ksd.core.access import get_cooperation_for, member_required, membership_of
from ksd.core.errors import StepRefused
from ksd.law.assessment import RULES, copies_to_send
from ksd.law.regimes import Regime
from ksd.law.regions import get_region

logged_in = member_required  # logged in, with a role (core/access.py)
_AFTER_SIGNING = (Stage.SIGNED, Stage.IMPLEMENTING)


def copy_recipients(cooperation: Cooperation, region_code: str) -> list[str]:
    rule = copies_to_send(copies_regime(cooperation), get_region(region_code))
    sent = {c.recipient for c in cooperation.copies_sent.all() if c.region_id == region_code}
    return [r for r in (rule.recipients if rule else ()) if r not in sent]


def _agencies(region_code: str) -> list[str]:
    from ksd.regions.models import Agency

    return list(
        Agency.objects.filter(region_id=region_code, is_active=True)
        .order_by("name")
        .values_list("name", flat=True)
    )


def _parties(cooperation: Cooperation) -> list[tuple[str, str]]:
    return [(p.key, str(p)) for p in cooperation.parties.all()]


def termination_grounds(cooperation: Cooperation) -> tuple[str, ...]:
    """The grounds of the cooperation's own regulation, as ksd.law knows them."""
    rules = RULES[Regime(cooperation.regime)]
    return rules.termination_grounds(cooperation.kind == Kind.THIRD_PARTY)


def copies_article(cooperation: Cooperation, region_code: str | None) -> str:
    """The article behind the copies `region_code` sends, for the step's heading."""
    if not region_code:
        return ""
    rule = copies_to_send(copies_regime(cooperation), get_region(region_code))
    return str(rule.citation) if rule else ""


def _signers(region_code: str, cooperation: Cooperation) -> list[tuple[int, str]]:
    """Who may have signed for the region on the signing day: its head, or a Surat Kuasa holder."""
    from ksd.regions.services import who_may_sign

    if cooperation.signed_on is None:
        return []
    return [
        (official.pk, f"{official.name} — {official.position}"
         + (f" (Surat Kuasa {a.power_of_attorney.number})" if a.power_of_attorney else ""))
        for official, a in who_may_sign(region_code, cooperation.signed_on)
    ]  # fmt: skip


def _may_settle(user: Any, cooperation: Cooperation) -> bool:
    """Supervisors record decrees; operators of party regions record a deliberation. The
    service still checks that the law gives the dispute to this user's authority."""
    membership = membership_of(user)
    if membership is not None and membership.role in (Role.PEMBINA_PROVINSI, Role.PEMBINA_PUSAT):
        return True
    return operator_region(user, cooperation) is not None


def later_step_forms(user: Any, cooperation: Cooperation, today: Any) -> dict[str, forms.Form]:
    """The forms of the steps after signing this visitor may take now."""
    found: dict[str, forms.Form] = {}
    open_disputes = [d for d in cooperation.disputes.all() if d.settled_on is None]
    if open_disputes and _may_settle(user, cooperation):
        found["settle"] = SettleDisputeForm(
            initial={"dispute": open_disputes[0].pk, "settled_on": today,
                     "settlement": open_disputes[0].authority or "musyawarah"}
        )  # fmt: skip
    own = operator_region(user, cooperation)
    if own is None:
        return found
    if cooperation.stage in (Stage.JOINT_AGREEMENT, Stage.DRAFTING):
        found["opinions"] = OpinionsForm(initial={"requested_on": today})
    if cooperation.stage in _AFTER_SIGNING and not any(
        s.region_id == own for s in cooperation.signatories.all()
    ):
        signers = _signers(own, cooperation)
        if signers:
            found["signatory"] = SignatoryForm(signers=signers)
    if cooperation.stage in _AFTER_SIGNING:
        found["dispute"] = DisputeForm(initial={"raised_on": today}, parties=_parties(cooperation))
    if cooperation.stage in _AFTER_SIGNING:
        recipients = copy_recipients(cooperation, own)
        if recipients:
            found["copies"] = CopiesForm(initial={"sent_on": today}, recipients=recipients)
        if cooperation.stage == Stage.SIGNED:
            found["implement"] = ImplementationForm(initial={"on": today}, known=_agencies(own))
        found["amend"] = AmendmentForm(initial={"signed_on": today})
        found["terminate"] = TerminationForm(
            initial={"on": today}, parties=_parties(cooperation),
            grounds=termination_grounds(cooperation),
        )  # fmt: skip
    if (
        cooperation.stage in (*_AFTER_SIGNING, Stage.TERMINATED, Stage.EXPIRED)
        and not cooperation.is_published
    ):
        found["publish"] = PublishForm()
    return found


@logged_in
@require_POST
def send_copies(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = _operator_step(request, pk)
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
    cooperation = _operator_step(request, pk)
    own = operator_region(request.user, cooperation) or ""
    form = ImplementationForm(request.POST, known=_agencies(own))
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
    cooperation = _operator_step(request, pk)
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
    cooperation = _operator_step(request, pk)
    form = TerminationForm(
        request.POST, parties=_parties(cooperation), grounds=termination_grounds(cooperation)
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
    cooperation = _operator_step(request, pk)
    return run_step(
        request, cooperation, "publish", PublishForm(request.POST),
        lambda d: services.publish(cooperation.pk, actor=request.user, now=clock.now()),
        _("The cooperation is now in the public register."),
    )  # fmt: skip


@logged_in
@require_POST
def raise_dispute(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = _operator_step(request, pk)
    form = DisputeForm(request.POST, parties=_parties(cooperation))
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
    if not _may_settle(request.user, cooperation):
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


@logged_in
@require_POST
def request_opinions(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = _operator_step(request, pk)
    form = OpinionsForm(request.POST)
    return run_step(
        request, cooperation, "opinions", form,
        lambda d: services.request_opinions(
            cooperation.pk, actor=request.user, addressees=d["addressees"],
            requested_on=d["requested_on"], now=clock.now()),
        _("The request for opinions has been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def record_signatory(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = _operator_step(request, pk)
    own = operator_region(request.user, cooperation) or ""
    form = SignatoryForm(request.POST, signers=_signers(own, cooperation))
    return run_step(
        request, cooperation, "signatory", form,
        lambda d: services.record_signatory(
            cooperation.pk, actor=request.user, region_code=own, official_id=d["official"],
            now=clock.now()),
        _("The signatory has been recorded."),
    )  # fmt: skip

"""Step endpoints: the same lifecycle services the pages call (cooperation/services.py,
dprd/services.py), after the same checks of who may act (cooperation/pages/acting.py,
cooperation/offer/panels.py, dprd/views.py). A refused step changes nothing and answers 400 with the service's message and
its article (api/errors.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from ninja import Field, Router, Schema

from ksd.accounts.models import Role
from ksd.api import convert
from ksd.api.callers import member
from ksd.api.errors import COMMON
from ksd.api.schemas import CooperationOut, RecordId
from ksd.cooperation import services
from ksd.cooperation.models import Cooperation
from ksd.cooperation.offer.panels import answerable
from ksd.cooperation.pages.acting import operator_cooperation
from ksd.core import clock
from ksd.core.access import acts_for, get_cooperation_for
from ksd.dprd import services as dprd
from ksd.law.facts import BURDEN_FIELDS, DRAFT_CONTENT_CODES

router = Router(tags=["steps"])
STEP = {200: CooperationOut, **COMMON}
Text = Field(max_length=100)

ContentCode = Literal[tuple(DRAFT_CONTENT_CODES)]  # type: ignore[valid-type]
BurdenField = Literal[tuple(BURDEN_FIELDS)]  # type: ignore[valid-type]


def _answer(user: Any, cooperation: Cooperation) -> dict[str, Any]:
    """The cooperation as the step left it, read again through the door."""
    fresh = get_cooperation_for(user, cooperation.pk)
    prefetch_related_objects([fresh], convert.PARTIES)
    return convert.cooperation(fresh)


def _operator_step(request: HttpRequest, pk: RecordId) -> tuple[Any, Cooperation]:
    """The page's check: an operator of a party region (cooperation/pages/acting.py)."""
    user = member(request)
    return user, operator_cooperation(user, pk)


class AnswerIn(Schema):
    party: str = Field(
        max_length=200, description="The party's region code, or a third party's name"
    )
    answer: Literal["accept", "decline"]
    on: dt.date
    reason: str = Field("", max_length=5000)


@router.post("/cooperations/{pk}/steps/answer-offer", response=STEP)
def answer_offer(request: HttpRequest, pk: RecordId, payload: AnswerIn) -> Any:
    """PP 50/2007 Pasal 7 huruf b: a party accepts or declines the offer. An operator answers
    for its own region and, for the offering region, for the third parties."""
    user, cooperation = _operator_step(request, pk)
    if payload.party not in {p.key for p in answerable(user, cooperation)}:
        raise PermissionDenied
    common = {"actor": user, "party_key": payload.party, "on": payload.on, "now": clock.now()}
    if payload.answer == "accept":
        services.accept_offer(cooperation.pk, **common)
    else:
        services.decline_offer(cooperation.pk, reason=payload.reason, **common)
    return _answer(user, cooperation)


class JointAgreementIn(Schema):
    number: str = Text
    signed_on: dt.date


@router.post("/cooperations/{pk}/steps/joint-agreement", response=STEP)
def joint_agreement(request: HttpRequest, pk: RecordId, payload: JointAgreementIn) -> Any:
    user, cooperation = _operator_step(request, pk)
    services.sign_joint_agreement(cooperation.pk, actor=user, number=payload.number,
                                  signed_on=payload.signed_on, now=clock.now())  # fmt: skip
    return _answer(user, cooperation)


class DraftIn(Schema):
    contents: list[ContentCode] = Field(max_length=20)
    burdens: dict[str, dict[BurdenField, bool | None]] = Field(
        default_factory=dict, description="Per region code: the burden facts (null: unknown)"
    )
    term_years: int | None = Field(None, ge=1, le=100)
    continuous: bool = False
    on: dt.date


@router.post("/cooperations/{pk}/steps/draft", response=STEP)
def draft(request: HttpRequest, pk: RecordId, payload: DraftIn) -> Any:
    user, cooperation = _operator_step(request, pk)
    services.draft_agreement(
        cooperation.pk, actor=user, contents=list(payload.contents),
        burdens={k[:5]: dict(v) for k, v in list(payload.burdens.items())[:60]},
        term_years=payload.term_years, continuous=payload.continuous, on=payload.on,
        now=clock.now(),
    )  # fmt: skip
    return _answer(user, cooperation)


class SignIn(Schema):
    number: str = Text
    signed_on: dt.date
    starts_on: dt.date | None = None
    term_years: int | None = Field(None, ge=1, le=100)


@router.post("/cooperations/{pk}/steps/sign", response=STEP)
def sign(request: HttpRequest, pk: RecordId, payload: SignIn) -> Any:
    user, cooperation = _operator_step(request, pk)
    services.sign_agreement(
        cooperation.pk, actor=user, number=payload.number, signed_on=payload.signed_on,
        starts_on=payload.starts_on, term_years=payload.term_years, now=clock.now(),
    )  # fmt: skip
    return _answer(user, cooperation)


@router.post("/cooperations/{pk}/steps/publish", response=STEP)
def publish(request: HttpRequest, pk: RecordId) -> Any:
    """PP 50/2007 Pasal 21: a signed cooperation enters the public register."""
    user, cooperation = _operator_step(request, pk)
    services.publish(cooperation.pk, actor=user, now=clock.now())
    return _answer(user, cooperation)


# ----- DPRD steps (dprd/views.py): the region's operator or DPRD secretariat -----


def _track_step(request: HttpRequest, pk: RecordId, region: str, roles: tuple[Role, ...]) -> Any:
    user = member(request)
    cooperation = get_cooperation_for(user, pk)
    is_party = any(p.region_id == region for p in cooperation.parties.all())
    if not is_party or not any(acts_for(user, region, role) for role in roles):
        raise PermissionDenied
    return user, cooperation


RegionCode = Field(max_length=5, description="The region whose DPRD track this is")


class SubmitIn(Schema):
    region: str = RegionCode
    received_on: dt.date


@router.post("/cooperations/{pk}/dprd/submit", response=STEP)
def dprd_submit(request: HttpRequest, pk: RecordId, payload: SubmitIn) -> Any:
    """PP 50/2007 Pasal 11: the draft goes to the region's DPRD."""
    user, cooperation = _track_step(request, pk, payload.region, (Role.OPERATOR,))
    dprd.submit_to_dprd(cooperation.pk, actor=user, region_code=payload.region,
                        received_on=payload.received_on, now=clock.now())  # fmt: skip
    return _answer(user, cooperation)


class OpinionIn(Schema):
    region: str = RegionCode
    sent_on: dt.date
    received_on: dt.date | None = None
    summary: str = Field("", max_length=5000)


@router.post("/cooperations/{pk}/dprd/opinion", response=STEP)
def dprd_opinion(request: HttpRequest, pk: RecordId, payload: OpinionIn) -> Any:
    """PP 50/2007 Pasal 12 ayat (2): the DPRD's opinion (pendapat dan saran)."""
    roles = (Role.OPERATOR, Role.DPRD)
    user, cooperation = _track_step(request, pk, payload.region, roles)
    dprd.record_dprd_opinion(
        cooperation.pk, actor=user, region_code=payload.region, sent_on=payload.sent_on,
        received_on=payload.received_on, summary=payload.summary, now=clock.now(),
    )  # fmt: skip
    return _answer(user, cooperation)


class ResubmitIn(Schema):
    region: str = RegionCode
    received_on: dt.date


@router.post("/cooperations/{pk}/dprd/resubmit", response=STEP)
def dprd_resubmit(request: HttpRequest, pk: RecordId, payload: ResubmitIn) -> Any:
    """PP 50/2007 Pasal 12 ayat (3): the revised draft goes back to the DPRD."""
    user, cooperation = _track_step(request, pk, payload.region, (Role.OPERATOR,))
    dprd.record_resubmission(cooperation.pk, actor=user, region_code=payload.region,
                             received_on=payload.received_on, now=clock.now())  # fmt: skip
    return _answer(user, cooperation)


class DecisionIn(Schema):
    region: str = RegionCode
    decision: Literal["approve", "refuse"]
    on: dt.date


@router.post("/cooperations/{pk}/dprd/decision", response=STEP)
def dprd_decision(request: HttpRequest, pk: RecordId, payload: DecisionIn) -> Any:
    """PP 50/2007 Pasal 12 ayat (1): the DPRD approves or refuses; only its own secretariat
    records it."""
    user, cooperation = _track_step(request, pk, payload.region, (Role.DPRD,))
    dprd.record_dprd_decision(
        cooperation.pk, actor=user, region_code=payload.region,
        approved=payload.decision == "approve", on=payload.on, now=clock.now(),
    )  # fmt: skip
    return _answer(user, cooperation)

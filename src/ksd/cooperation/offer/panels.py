"""The offer's step forms on a cooperation's page."""

from __future__ import annotations

from typing import Any

from django import forms

from ksd.cooperation import queries
from ksd.cooperation.models import Cooperation, Party
from ksd.cooperation.offer.forms import AnswerOfferForm, DraftForm, JointAgreementForm
from ksd.cooperation.pages.acting import operator_region


def answerable(user: Any, cooperation: Cooperation) -> list[Party]:
    """Parties whose answer this operator records: its own region, and third parties when its
    region made the offer."""
    own = operator_region(user, cooperation)
    if own is None:
        return []
    initiator = cooperation.initiator_id == own
    return [p for p in cooperation.parties.all()
            if p.region_id == own or (initiator and not p.region_id)]  # fmt: skip


def offer_forms(
    user: Any, cooperation: Cooperation, steps: queries.Steps, today: Any
) -> dict[str, forms.Form]:
    """The offer steps this visitor may take now: answer, joint agreement, draft."""
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
    return found

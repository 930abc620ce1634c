"""The signing steps' forms on a cooperation's page."""

from __future__ import annotations

from typing import Any

from django import forms

from ksd.cooperation import queries
from ksd.cooperation.models import Cooperation, Stage
from ksd.cooperation.pages.acting import operator_region
from ksd.cooperation.signing.forms import OpinionsForm, SignatoryForm, SignForm


def signers_of(region_code: str, cooperation: Cooperation) -> list[tuple[int, str]]:
    """Who may have signed for the region on the signing day: its head, or a Surat Kuasa holder."""
    from ksd.regions.services import who_may_sign

    if cooperation.signed_on is None:
        return []
    return [
        (official.pk, f"{official.name} — {official.position}"
         + (f" (Surat Kuasa {a.power_of_attorney.number})" if a.power_of_attorney else ""))
        for official, a in who_may_sign(region_code, cooperation.signed_on)
    ]  # fmt: skip


def signing_forms(
    user: Any, cooperation: Cooperation, steps: queries.Steps, today: Any
) -> dict[str, forms.Form]:
    """The signing steps this visitor may take now: opinions, the signing, who signed."""
    found: dict[str, forms.Form] = {}
    if steps.sign:
        found["sign"] = SignForm(initial={"signed_on": today})
    own = operator_region(user, cooperation)
    if own is None:
        return found
    if cooperation.stage in (Stage.JOINT_AGREEMENT, Stage.DRAFTING):
        found["opinions"] = OpinionsForm(initial={"requested_on": today})
    if cooperation.stage in (Stage.SIGNED, Stage.IMPLEMENTING) and not any(
        s.region_id == own for s in cooperation.signatories.all()
    ):
        signers = signers_of(own, cooperation)
        if signers:
            found["signatory"] = SignatoryForm(signers=signers)
    return found

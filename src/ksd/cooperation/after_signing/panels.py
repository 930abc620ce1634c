"""The forms of the steps after signing on a cooperation's page."""

from __future__ import annotations

from typing import Any

from django import forms

from ksd.cooperation import queries
from ksd.cooperation.after_signing.forms import (
    AmendmentForm,
    CopiesForm,
    ImplementationForm,
    PublishForm,
    TerminationForm,
)
from ksd.cooperation.articles import copies_regime
from ksd.cooperation.models import Cooperation, Kind, Stage
from ksd.cooperation.pages.acting import operator_region, party_choices
from ksd.law.assessment import RULES, copies_to_send
from ksd.law.regimes import Regime
from ksd.law.regions import get_region

AFTER_SIGNING = (Stage.SIGNED, Stage.IMPLEMENTING)


def copy_recipients(cooperation: Cooperation, region_code: str) -> list[str]:
    rule = copies_to_send(copies_regime(cooperation), get_region(region_code))
    sent = {c.recipient for c in cooperation.copies_sent.all() if c.region_id == region_code}
    return [r for r in (rule.recipients if rule else ()) if r not in sent]


def agencies_of(region_code: str) -> list[str]:
    from ksd.regions.models import Agency

    return list(
        Agency.objects.filter(region_id=region_code, is_active=True)
        .order_by("name")
        .values_list("name", flat=True)
    )


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


def after_signing_forms(
    user: Any, cooperation: Cooperation, steps: queries.Steps, today: Any
) -> dict[str, forms.Form]:
    """The forms of the steps after signing this visitor may take now."""
    found: dict[str, forms.Form] = {}
    own = operator_region(user, cooperation)
    if own is None:
        return found
    if cooperation.stage in AFTER_SIGNING:
        recipients = copy_recipients(cooperation, own)
        if recipients:
            found["copies"] = CopiesForm(initial={"sent_on": today}, recipients=recipients)
        if cooperation.stage == Stage.SIGNED:
            found["implement"] = ImplementationForm(initial={"on": today}, known=agencies_of(own))
        found["amend"] = AmendmentForm(initial={"signed_on": today})
        found["terminate"] = TerminationForm(
            initial={"on": today}, parties=party_choices(cooperation),
            grounds=termination_grounds(cooperation),
        )  # fmt: skip
    if (
        cooperation.stage in (*AFTER_SIGNING, Stage.TERMINATED, Stage.EXPIRED)
        and not cooperation.is_published
    ):
        found["publish"] = PublishForm()
    return found

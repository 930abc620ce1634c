"""The dispute forms on a cooperation's page."""

from __future__ import annotations

from typing import Any

from django import forms

from ksd.accounts.models import Role
from ksd.cooperation import queries
from ksd.cooperation.disputes.forms import DisputeForm, SettleDisputeForm
from ksd.cooperation.models import Cooperation, Stage
from ksd.cooperation.pages.acting import operator_region, party_choices
from ksd.core.access import membership_of


def may_settle(user: Any, cooperation: Cooperation) -> bool:
    """Supervisors record decrees; operators of party regions record a deliberation. The
    service still checks that the law gives the dispute to this user's authority."""
    membership = membership_of(user)
    if membership is not None and membership.role in (Role.PEMBINA_PROVINSI, Role.PEMBINA_PUSAT):
        return True
    return operator_region(user, cooperation) is not None


def dispute_forms(
    user: Any, cooperation: Cooperation, steps: queries.Steps, today: Any
) -> dict[str, forms.Form]:
    """Settling an open dispute (supervisors and party operators), raising one (operators)."""
    found: dict[str, forms.Form] = {}
    open_disputes = [d for d in cooperation.disputes.all() if d.settled_on is None]
    if open_disputes and may_settle(user, cooperation):
        found["settle"] = SettleDisputeForm(
            initial={"dispute": open_disputes[0].pk, "settled_on": today,
                     "settlement": open_disputes[0].authority or "musyawarah"}
        )  # fmt: skip
    if operator_region(user, cooperation) is not None and cooperation.stage in (
        Stage.SIGNED, Stage.IMPLEMENTING,
    ):  # fmt: skip
        found["dispute"] = DisputeForm(
            initial={"raised_on": today}, parties=party_choices(cooperation)
        )
    return found

"""Disputes: who may settle them (asked of ksd.law) and the record of the settlement.

A governor's bureau (pembina provinsi) records the governor's decree for a dispute of kab/kota in
its province (PP 50/2007 Pasal 14; UU 23/2014 Pasal 370 ayat (1)); the Ministry (pembina pusat)
records the Minister's (PP 50/2007 Pasal 15; UU 23/2014 Pasal 370 ayat (2)). A settlement by
deliberation is recorded by an operator of a disputing region.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from ksd.accounts.models import Role
from ksd.cooperation import dates
from ksd.cooperation.common import lock
from ksd.cooperation.dates import Step
from ksd.cooperation.events import record_event
from ksd.cooperation.law import calendar_for_region, facts_for, law_lang, law_parameters
from ksd.cooperation.models import Dispute, EventKind, Stage
from ksd.core.access import acts_for, membership_of
from ksd.core.errors import StepRefused
from ksd.law.assessment import assess
from ksd.law.facts import DisputeFacts


@transaction.atomic
def raise_dispute(
    cooperation_id: int, *, actor: AbstractBaseUser, between: list[str], raised_on: dt.date,
    description: str, now: dt.datetime,
) -> Dispute:  # fmt: skip
    cooperation = lock(cooperation_id)
    if cooperation.stage not in (Stage.SIGNED, Stage.IMPLEMENTING):
        raise StepRefused(_("Only a signed cooperation can have a dispute recorded."))
    dates.check(Step.DISPUTE, raised_on, now=now, after=dates.after_signing(cooperation))
    facts = facts_for(cooperation, as_of=raised_on)
    parties = [p for p in facts.parties if p.key in set(between)]
    if len(parties) < 2 or len(parties) != len(set(between)):
        raise StepRefused(_("Name at least two parties of this cooperation."))
    if not description.strip():
        raise StepRefused(_("Describe what the dispute is about."))
    # The route follows the regulation and the provinces of the day the dispute is raised.
    step = replace(facts, parties=tuple(parties), dispute=DisputeFacts(raised_on=raised_on))
    assessment = assess(step, calendars=calendar_for_region, parameters=law_parameters())
    route = assessment.dispute
    dispute = Dispute.objects.create(
        cooperation=cooperation, between=[p.key for p in parties], raised_on=raised_on,
        description=description.strip(), authority=(route.authority or "") if route else "",
        authority_province_id=route.province if route else None,
        citation=str(route.citation) if route else "", created_at=now,
    )  # fmt: skip
    record_event(
        cooperation, EventKind.DISPUTE_RAISED, actor=actor, now=now, on=raised_on,
        citation=dispute.citation,
        reason=(route.message_en if law_lang() == "en" else route.message_id) if route else "",
        changes={"between": dispute.between, "authority": dispute.authority},
    )  # fmt: skip
    return dispute


def _may_decide(actor: AbstractBaseUser, dispute: Dispute, settlement: str) -> bool:
    membership = membership_of(actor)
    if settlement == Dispute.Settlement.GOVERNOR:
        return (
            dispute.authority == "gubernur"
            and membership is not None
            and membership.role == Role.PEMBINA_PROVINSI
            and membership.region_id == dispute.authority_province_id
        )
    if settlement == Dispute.Settlement.MINISTER:
        return (
            dispute.authority == "menteri"
            and membership is not None
            and membership.role == Role.PEMBINA_PUSAT
        )
    # Deliberation, or the agreement's own clause: one of the disputing regions records it.
    return any(acts_for(actor, key, Role.OPERATOR) for key in dispute.between)


@transaction.atomic
def settle_dispute(
    dispute_id: int, *, actor: AbstractBaseUser, settlement: str, settled_on: dt.date,
    decision_number: str = "", summary: str, now: dt.datetime,
) -> Dispute:  # fmt: skip
    dispute = Dispute.objects.select_for_update().get(pk=dispute_id)
    cooperation = lock(dispute.cooperation_id)
    if dispute.settled_on is not None:
        raise StepRefused(_("This dispute has already been settled."))
    if settlement not in Dispute.Settlement.values:
        raise StepRefused(_("Unknown way of settling a dispute."))
    if not _may_decide(actor, dispute, settlement):
        raise StepRefused(
            _("You may not record this settlement: the law gives this dispute to %(who)s.")
            % {"who": dispute.authority or _("no named authority")},
            dispute.citation,
        )
    dates.check(Step.SETTLEMENT, settled_on, now=now, after=dates.after_dispute(dispute))
    if (
        settlement in (Dispute.Settlement.GOVERNOR, Dispute.Settlement.MINISTER)
        and not decision_number.strip()
    ):
        raise StepRefused(_("Give the number of the decree."))
    dispute.settled_on = settled_on
    dispute.settlement = settlement
    dispute.decision_number = decision_number.strip()
    dispute.decision_summary = summary.strip()
    dispute.save(update_fields=["settled_on", "settlement", "decision_number", "decision_summary"])
    record_event(
        cooperation, EventKind.DISPUTE_DECIDED, actor=actor, now=now, on=settled_on,
        citation=dispute.citation, reason=dispute.decision_summary,
        changes={"settlement": settlement, "number": dispute.decision_number},
    )  # fmt: skip
    return dispute

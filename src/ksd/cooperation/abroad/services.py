"""The central steps of a cooperation abroad (PP 28/2018 Pasal 28-43): consultation and the
letter of intent, the Minister's verification, the draft's approval after the inter-ministerial
meeting, the Foreign Minister's confirmation, and the report to the Minister.

Each step is an Event with its legal date and the article ksd.law names for it; ksd.law reads the
dates back (`foreign_facts_for`) and judges their order, so a step recorded before the step it
depends on is refused with the article that orders them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from ksd.cooperation.events import record_event
from ksd.cooperation.models import Cooperation, Event, EventKind, Party, Stage
from ksd.core.errors import StepRefused
from ksd.law.foreign_facts import (
    OBJECTS,
    PLAN_CONTENT_CODES,
    REQUIREMENT_CODES,
    VERIFICATION_RESULTS,
    ForeignFacts,
)
from ksd.law.regimes import Regime

# The step of ksd.law (foreign_cooperation.steps) each event records, and its date field.
STEP_EVENTS: dict[str, tuple[EventKind, str]] = {
    "consultation": (EventKind.FOREIGN_CONSULTED, "consulted_on"),
    "pernyataan_kehendak": (EventKind.FOREIGN_INTENT_SIGNED, "intent_signed_on"),
    "minister_verification": (EventKind.FOREIGN_PLAN_VERIFIED, "verified_on"),
    "draft_approval": (EventKind.FOREIGN_DRAFT_APPROVED, "draft_approved_on"),
    "foreign_minister_confirmation": (EventKind.FOREIGN_CONFIRMED, "confirmed_on"),
    "report": (EventKind.FOREIGN_REPORTED, "reported_on"),
}
FOREIGN_EVENT_KINDS = frozenset(kind for kind, _field in STEP_EVENTS.values())


def is_abroad(cooperation: Cooperation, parties: list[Party] | None = None) -> bool:
    """A cooperation with a partner abroad (a foreign party, or a third party not domestic)."""
    rows = cooperation.parties.all() if parties is None else parties
    return any(p.foreign_kind or (p.third_party_name and not p.third_party_domestic) for p in rows)


# The events foreign_facts_for reads: a caller assessing many records prefetches these.
FOREIGN_FACT_EVENT_KINDS = FOREIGN_EVENT_KINDS | {EventKind.FOREIGN_FACTS_STATED}


def foreign_facts_for(
    cooperation: Cooperation, events: Iterable[Event] | None = None
) -> ForeignFacts | None:
    """The dates of the central steps, from the event log (the latest event of each kind);
    `events`, when given, holds at least the events of FOREIGN_FACT_EVENT_KINDS."""
    if cooperation.regime != Regime.PP28_2018 or not is_abroad(cooperation):
        return None
    dates: dict[str, dt.date | None] = {}
    verification = None
    if events is None:
        stated = (
            cooperation.events.filter(kind=EventKind.FOREIGN_FACTS_STATED)
            .order_by("at", "id")
            .last()
        )
        steps = list(cooperation.events.filter(kind__in=FOREIGN_EVENT_KINDS).order_by("on", "id"))
    else:
        given = list(events)
        statements = [e for e in given if e.kind == EventKind.FOREIGN_FACTS_STATED]
        stated = max(statements, key=lambda e: (e.at, e.id), default=None)
        steps = sorted(
            (e for e in given if e.kind in FOREIGN_EVENT_KINDS), key=lambda e: (e.on, e.id)
        )
    said = stated.changes if stated is not None else {}
    by_kind = dict(STEP_EVENTS.values())
    for event in steps:
        dates[by_kind[EventKind(event.kind)]] = event.on
        if event.kind == EventKind.FOREIGN_PLAN_VERIFIED:
            verification = event.changes.get("result")
    return ForeignFacts(
        object=said.get("object") or None,
        requirements=None if "requirements" not in said else frozenset(said["requirements"]),
        plan_contents=None if "plan_contents" not in said else frozenset(said["plan_contents"]),
        verification=verification,
        signed_on=cooperation.signed_on,
        **dates,
    )


@transaction.atomic
def record_foreign_step(
    cooperation_id: int, *, actor: AbstractBaseUser, step: str, on: dt.date, reference: str = "",
    result: str | None = None, now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """Record one central step of a KSDPL/KSDLL on its date, citing the article ksd.law names."""
    from ksd.cooperation.common import lock
    from ksd.cooperation.law import facts_for, law_lang, law_parameters
    from ksd.law.assessment import assess
    from ksd.law.citations import Severity

    cooperation = lock(cooperation_id)
    if cooperation.regime != Regime.PP28_2018 or not is_abroad(cooperation):
        raise StepRefused(
            _("Only a cooperation with a partner abroad under PP 28/2018 has these steps."),
            "PP 28/2018 Pasal 1 angka 4 dan angka 5",
        )
    if step not in STEP_EVENTS:
        raise StepRefused(_("Unknown step."))
    if cooperation.stage in (Stage.DECLINED, Stage.TERMINATED, Stage.EXPIRED):
        raise StepRefused(
            _("This step is not possible at the stage “%(stage)s”.")
            % {"stage": Stage(cooperation.stage).label}
        )
    if on < cooperation.offered_on:
        raise StepRefused(_("A step cannot come before the offer."))
    kind, field = STEP_EVENTS[step]
    if step == "minister_verification":
        if result not in VERIFICATION_RESULTS:
            raise StepRefused(
                _("Say what the Minister decided: draft the text, or revise the plan."),
                "PP 28/2018 Pasal 31 ayat (3)",
            )
    elif cooperation.events.filter(kind=kind).exists():
        raise StepRefused(_("This step has already been recorded."))
    facts = facts_for(cooperation, as_of=on)
    known = facts.foreign or ForeignFacts()
    extra = {"verification": result} if step == "minister_verification" else {}
    trial = replace(facts, foreign=replace(known, **{field: on}, **extra))
    lang = law_lang()
    assessment = assess(trial, parameters=law_parameters())
    for finding in assessment.findings:
        if (
            finding.code == "foreign_step_out_of_order"
            and finding.subject == step
            and finding.severity is Severity.ERROR
        ):
            raise StepRefused(finding.message.render(lang), str(finding.citation))
    verdict = assessment.foreign
    citation = (
        next((str(s.citation) for s in verdict.steps if s.step == step), "") if verdict else ""
    )
    changes: dict[str, object] = {"step": step}
    if reference.strip():
        changes["reference"] = reference.strip()
    if result:
        changes["result"] = result
    fields = ["updated_at"]
    if step == "pernyataan_kehendak" and cooperation.stage == Stage.ACCEPTED:
        # The signed letter of intent plays the part the kesepakatan bersama plays at home: the
        # plan is drawn up after it (Pasal 28 ayat (5)) and goes to the DPRD (Pasal 30).
        cooperation.stage = Stage.JOINT_AGREEMENT
        changes["stage"] = Stage.JOINT_AGREEMENT
        fields.append("stage")
    cooperation.updated_at = now
    cooperation.save(update_fields=fields)
    record_event(cooperation, kind, actor=actor, now=now, on=on, citation=citation, changes=changes)
    return cooperation


@transaction.atomic
def state_foreign_facts(
    cooperation_id: int, *, actor: AbstractBaseUser, object_code: str, requirements: list[str],
    plan_contents: list[str], now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """What the region states about Pasal 27 (requirements met), Pasal 23 ayat (2) (the object)
    and Pasal 30 ayat (3) (what the plan contains). Appended as an event, so what was stated
    before stays on record; ksd.law judges the latest statement."""
    from ksd.cooperation.common import lock

    cooperation = lock(cooperation_id)
    if cooperation.regime != Regime.PP28_2018 or not is_abroad(cooperation):
        raise StepRefused(
            _("Only a cooperation with a partner abroad under PP 28/2018 has these steps."),
            "PP 28/2018 Pasal 1 angka 4 dan angka 5",
        )
    unknown = sorted(
        (set(requirements) - set(REQUIREMENT_CODES))
        | (set(plan_contents) - set(PLAN_CONTENT_CODES))
        | ({object_code} - {"", *OBJECTS})
    )
    if unknown:
        raise StepRefused(_("Unknown codes: %(codes)s.") % {"codes": ", ".join(unknown)})
    cooperation.updated_at = now
    cooperation.save(update_fields=["updated_at"])
    record_event(
        cooperation, EventKind.FOREIGN_FACTS_STATED, actor=actor, now=now,
        citation="PP 28/2018 Pasal 27 dan Pasal 30 ayat (3)",
        changes={"object": object_code, "requirements": sorted(set(requirements)),
                 "plan_contents": sorted(set(plan_contents))},
    )  # fmt: skip
    return cooperation


def refuse_signing_without_confirmation(cooperation: Cooperation, signed_on: dt.date) -> None:
    """PP 28/2018 Pasal 33 ayat (4) (KSDLL: Pasal 40): the Foreign Minister's confirmation,
    passed on by the Minister, is the basis on which the head signs."""
    if cooperation.regime != Regime.PP28_2018 or not is_abroad(cooperation):
        return
    confirmed = cooperation.events.filter(
        kind=EventKind.FOREIGN_CONFIRMED, on__lte=signed_on
    ).exists()
    if not confirmed:
        raise StepRefused(
            _("A cooperation abroad is signed only on the basis of the Foreign Minister's "
              "letter of confirmation; record it first."),
            "PP 28/2018 Pasal 33 ayat (4)",
        )  # fmt: skip

"""Record keeping on a cooperation's page: the corrections made, and the forms this visitor
may use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext as _

from ksd.cooperation.corrections import services as corrections
from ksd.cooperation.corrections.forms import (
    AnswerDateCorrectionForm,
    BurdenCorrectionForm,
    CancelRecordForm,
    DprdDateCorrectionForm,
    FactCorrectionForm,
    PartiesCorrectionForm,
    WithdrawOfferForm,
)
from ksd.cooperation.models import (
    Cooperation,
    Event,
    EventKind,
    InstitutionModel,
    ManagementModel,
    Stage,
)
from ksd.cooperation.offer.forms import BURDEN_LABELS
from ksd.core.access import (
    acts_for_initiator,
    may_correct,
    membership_of,
)
from ksd.law.facts import BURDEN_FIELDS

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


def own_region(user: Any) -> str | None:
    membership = membership_of(user)
    return membership.region_id if membership else None


def correctable_dprd_regions(user: Any, cooperation: Cooperation) -> list[tuple[str, str]]:
    return [
        (r.region_id, r.region.name)
        for r in cooperation.dprd_reviews.all()
        if may_correct(user, cooperation, r.region_id, dprd_track=True)
    ]


def answered_parties(user: Any, cooperation: Cooperation) -> list[tuple[str, str]]:
    """Parties whose answer this user may correct: a region's by its operator, a third party's
    by the offering region's operator."""
    return [
        (p.key, str(p))
        for p in cooperation.parties.all()
        if not p.is_initiator and (p.accepted_on or p.declined_on)
        and (may_correct(user, cooperation, p.region_id) if p.region_id
             else acts_for_initiator(user, cooperation))
    ]  # fmt: skip


def correctable_burden_regions(user: Any, cooperation: Cooperation) -> list[tuple[str, str]]:
    return [
        (p.region_id, p.region.name)
        for p in cooperation.parties.all()
        if p.region_id and p.region and p.burden is not None
        and may_correct(user, cooperation, p.region_id)
    ]  # fmt: skip


def removable_parties(cooperation: Cooperation) -> list[tuple[str, str]]:
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
        answered = answered_parties(user, cooperation)
        if answered:
            found["correct_answer"] = AnswerDateCorrectionForm(parties=answered)
        dprd_regions = correctable_dprd_regions(user, cooperation)
        if dprd_regions:
            found["correct_dprd"] = DprdDateCorrectionForm(regions=dprd_regions)
        burden_regions = correctable_burden_regions(user, cooperation)
        if burden_regions:
            first = next(
                p for p in cooperation.parties.all() if p.region_id == burden_regions[0][0]
            )
            found["correct_burden"] = BurdenCorrectionForm(
                regions=burden_regions, initial=first.burden or {}
            )
        if acts_for_initiator(user, cooperation):
            if cooperation.stage == Stage.OFFERED:
                found["correct_parties"] = PartiesCorrectionForm(
                    removable=removable_parties(cooperation)
                )
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

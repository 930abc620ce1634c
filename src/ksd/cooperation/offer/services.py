"""Before the DPRD: the offer and its answers, the joint agreement (kesepakatan bersama), the
draft PKS and the burden facts that decide each region's DPRD track.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from ksd.cooperation import dates
from ksd.cooperation.articles import (
    article_for,
    article_of,
)
from ksd.cooperation.common import expect_stage, lock, refuse_on_errors
from ksd.cooperation.dates import Step
from ksd.cooperation.events import record_event
from ksd.cooperation.law import law_lang, law_party
from ksd.cooperation.models import (
    Cooperation,
    EventKind,
    InstitutionModel,
    Kind,
    ManagementModel,
    Party,
    Stage,
)
from ksd.core.errors import StepRefused
from ksd.law.errors import LawInputError
from ksd.law.facts import BURDEN_FIELDS, DRAFT_CONTENT_CODES, ThirdPartyForm
from ksd.law.foreign_facts import parse_foreign_party
from ksd.law.regimes import regime_for_agreement
from ksd.regions.models import Affair, Region


@dataclass(frozen=True)
class PartySpec:
    """A party named in an offer: a region code, or a third party."""

    region: str | None = None
    third_party_name: str = ""
    third_party_form: str = ""
    third_party_domestic: bool = True
    third_party_id: int | None = None
    foreign_kind: str = ""  # a partner abroad: pemerintah_daerah (KSDPL) or lembaga (KSDLL)
    foreign_country: str = ""


def _checked_abroad(spec: PartySpec) -> PartySpec:
    """A partner abroad with a known kind and an ISO 3166-1 alpha-2 country other than ID."""
    if not spec.foreign_kind:
        return spec
    try:
        partner = parse_foreign_party(
            {"name": spec.third_party_name, "kind": spec.foreign_kind,
             "country": spec.foreign_country},
            spec.third_party_name or "foreign",
        )  # fmt: skip
    except LawInputError as exc:
        raise StepRefused(
            exc.render(law_lang()), "PP 28/2018 Pasal 1 angka 4 dan angka 5"
        ) from None
    return replace(spec, third_party_name=partner.name, foreign_country=partner.country or "")


@transaction.atomic
def make_offer(
    *,
    actor: AbstractBaseUser,
    title: str,
    initiator: str,
    parties: list[PartySpec],
    offered_on: dt.date,
    offer_number: str = "",
    affair: str | None = None,
    sector: str = "",
    management_model: str = "",
    institution_model: str = "",
    is_compulsory: bool = False,
    object_count: int = 1,
    now: dt.datetime,
) -> Cooperation:
    """PP 50/2007 Pasal 7 huruf a (PP 28/2018 Pasal 6 ayat (1) huruf b): a head of region offers
    a cooperation to other regions or third parties."""
    dates.check(Step.OFFER, offered_on, now=now)
    try:
        # An agreement made before PP 50/2007 and still running is recorded under it (PP 50/2007
        # Pasal 26-27); ksd.law says which of its rules it cannot judge.
        regime = regime_for_agreement(offered_on)[0]
    except LawInputError as exc:
        raise StepRefused(exc.render(law_lang())) from None
    if not title.strip():
        raise StepRefused(_("Give the cooperation a title."))
    kind = Kind.THIRD_PARTY if any(not p.region for p in parties) else Kind.INTER_REGIONAL
    if any(p.foreign_kind or (p.third_party_name and not p.third_party_domestic) for p in parties):
        kind = Kind.FOREIGN
    parties = [_checked_abroad(p) for p in parties]
    if management_model not in ("", *ManagementModel.values) or institution_model not in (
        "",
        *InstitutionModel.values,
    ):
        raise StepRefused(_("Unknown model of cooperation."))
    affair_row = None
    if affair:
        affair_row = Affair.objects.filter(code=affair).first()
        if affair_row is None:
            raise StepRefused(_("Unknown government affair “%(code)s”.") % {"code": affair})
    cooperation = Cooperation.objects.create(
        title=title.strip(),
        kind=kind,
        stage=Stage.OFFERED,
        regime=regime.value,
        governing_on=offered_on,
        initiator_id=initiator,
        offer_number=offer_number,
        offered_on=offered_on,
        affair=affair_row,
        sector=sector.strip(),
        management_model=management_model,
        institution_model=institution_model,
        is_compulsory=is_compulsory,
        object_count=max(object_count, 1),
        created_at=now,
        updated_at=now,
    )
    known = set(Region.objects.filter(code__in=[p.region for p in parties if p.region])
                .values_list("code", flat=True))  # fmt: skip
    rows = []
    for spec in parties:
        if spec.region and spec.region not in known:
            raise StepRefused(_("Unknown region code “%(code)s”.") % {"code": spec.region})
        if (
            not spec.region
            and not spec.foreign_kind
            and spec.third_party_form not in {f.value for f in ThirdPartyForm}
        ):
            raise StepRefused(_("Unknown legal form of a third party."))
        rows.append(
            Party(
                cooperation=cooperation,
                region_id=spec.region or None,
                third_party_id=None if spec.region else spec.third_party_id,
                third_party_name="" if spec.region else spec.third_party_name.strip(),
                third_party_form="" if spec.region else spec.third_party_form,
                third_party_domestic=spec.third_party_domestic and not spec.foreign_kind,
                foreign_kind=spec.foreign_kind,
                foreign_country=spec.foreign_country,
                is_initiator=spec.region == initiator,
                accepted_on=offered_on if spec.region == initiator else None,
            )
        )
    if not any(r.is_initiator for r in rows):
        raise StepRefused(_("The initiating region must be one of the parties."))
    Party.objects.bulk_create(rows)
    refuse_on_errors(
        cooperation,
        {"too_few_parties", "no_region_party", "duplicate_party", "non_autonomous_region",
         "ineligible_party", "foreign_cooperation"},
        as_of=offered_on,
    )  # fmt: skip
    record_event(
        cooperation, EventKind.OFFERED, actor=actor, now=now, on=offered_on,
        region_code=initiator, citation=article_for(EventKind.OFFERED, regime.value),
        changes={"stage": Stage.OFFERED, "parties": [law_party(r).key for r in rows]},
    )  # fmt: skip
    return cooperation


def _answering_party(cooperation: Cooperation, party_key: str) -> Party:
    party = next((p for p in cooperation.parties.all() if p.key == party_key), None)
    if party is None:
        raise StepRefused(
            _("“%(party)s” is not a party to this cooperation.") % {"party": party_key}
        )
    if party.is_initiator or party.accepted_on or party.declined_on:
        raise StepRefused(_("%(party)s has already answered this offer.") % {"party": party})
    return party


@transaction.atomic
def accept_offer(
    cooperation_id: int, *, actor: AbstractBaseUser, party_key: str, on: dt.date,
    now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """Pasal 7 huruf b: the parties accept the offer; once all have, the plan may proceed."""
    cooperation = lock(cooperation_id)
    expect_stage(cooperation, Stage.OFFERED)
    party = _answering_party(cooperation, party_key)
    dates.check(Step.ANSWER, on, now=now, after=dates.after_offer(cooperation))
    party.accepted_on = on
    party.save(update_fields=["accepted_on"])
    everyone = all(p.accepted_on for p in cooperation.parties.all())
    if everyone:
        cooperation.stage = Stage.ACCEPTED
    cooperation.updated_at = now
    cooperation.save(update_fields=["stage", "updated_at"])
    record_event(
        cooperation, EventKind.OFFER_ACCEPTED, actor=actor, now=now, on=on,
        region_code=party.region_id, citation=article_of(cooperation, EventKind.OFFER_ACCEPTED, on),
        changes={"party": party.key, "stage": cooperation.stage},
    )  # fmt: skip
    return cooperation


@transaction.atomic
def decline_offer(
    cooperation_id: int, *, actor: AbstractBaseUser, party_key: str, on: dt.date,
    reason: str = "", now: dt.datetime,
) -> Cooperation:  # fmt: skip
    cooperation = lock(cooperation_id)
    expect_stage(cooperation, Stage.OFFERED)
    party = _answering_party(cooperation, party_key)
    dates.check(Step.ANSWER, on, now=now, after=dates.after_offer(cooperation))
    party.declined_on = on
    party.save(update_fields=["declined_on"])
    cooperation.stage = Stage.DECLINED
    cooperation.updated_at = now
    cooperation.save(update_fields=["stage", "updated_at"])
    record_event(
        cooperation, EventKind.OFFER_DECLINED, actor=actor, now=now, on=on,
        region_code=party.region_id, reason=reason,
        citation=article_of(cooperation, EventKind.OFFER_DECLINED),
        changes={"party": party.key, "stage": cooperation.stage},
    )  # fmt: skip
    return cooperation


@transaction.atomic
def sign_joint_agreement(
    cooperation_id: int, *, actor: AbstractBaseUser, number: str, signed_on: dt.date,
    now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """Pasal 7 huruf b: the accepted plan is raised to a kesepakatan bersama."""
    cooperation = lock(cooperation_id)
    expect_stage(cooperation, Stage.ACCEPTED)
    if not number.strip():
        raise StepRefused(_("Give the number of the joint agreement."))
    dates.check(Step.JOINT_AGREEMENT, signed_on, now=now, after=dates.after_answers(cooperation))
    cooperation.stage = Stage.JOINT_AGREEMENT
    cooperation.joint_agreement_number = number.strip()
    cooperation.joint_agreement_signed_on = signed_on
    cooperation.updated_at = now
    cooperation.save(
        update_fields=["stage", "joint_agreement_number", "joint_agreement_signed_on", "updated_at"]
    )
    record_event(
        cooperation, EventKind.JOINT_AGREEMENT_SIGNED, actor=actor, now=now, on=signed_on,
        citation=article_of(cooperation, EventKind.JOINT_AGREEMENT_SIGNED, signed_on),
        changes={"stage": cooperation.stage, "number": cooperation.joint_agreement_number},
    )  # fmt: skip
    return cooperation


BurdenFacts = dict[str, dict[str, bool | None]]
# The longest term the forms offer; a longer one would run past any calendar KSD can judge.
MAX_TERM_YEARS = 100


def check_term(term_years: int | None) -> None:
    if term_years is not None and not 1 <= term_years <= MAX_TERM_YEARS:
        raise StepRefused(
            _("The term must be between 1 and %(max)d years.") % {"max": MAX_TERM_YEARS}
        )


def _checked_burdens(cooperation: Cooperation, burdens: BurdenFacts) -> dict[str, Party]:
    """The region parties named in `burdens`, once every name and fact is known."""
    parties = {p.region_id: p for p in cooperation.parties.all() if p.region_id}
    for code, burden in burdens.items():
        if code not in parties:
            raise StepRefused(
                _("“%(party)s” is not a party to this cooperation.") % {"party": code}
            )
        if set(burden) - set(BURDEN_FIELDS):
            raise StepRefused(_("Unknown burden facts."))
    return parties


def _save_burdens(parties: dict[str, Party], burdens: BurdenFacts) -> None:
    """Record each region's burden facts: yes, no, or None for a fact not (yet) known. A fact
    left out or left None keeps what was recorded, and is unknown when nothing was: missing is
    never "no"."""
    for code, burden in burdens.items():
        answered = {k: v for k, v in burden.items() if v is not None}
        facts = {**dict.fromkeys(BURDEN_FIELDS), **(parties[code].burden or {}), **answered}
        parties[code].burden = {
            k: None if facts[k] is None else bool(facts[k]) for k in BURDEN_FIELDS
        }
        parties[code].save(update_fields=["burden"])


@transaction.atomic
def draft_agreement(
    cooperation_id: int, *, actor: AbstractBaseUser, contents: list[str],
    burdens: BurdenFacts, term_years: int | None = None,
    continuous: bool = False, on: dt.date, now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """Pasal 7 huruf b: the draft PKS with at least its required contents; the burden facts
    decide each region's DPRD track (Pasal 9-10)."""
    cooperation = lock(cooperation_id)
    # Under PP 28/2018 the DPRD approves before the agreement is drafted (Pasal 6 ayat (1)
    # huruf e-f), so drafting may also follow the approval.
    expect_stage(cooperation, Stage.JOINT_AGREEMENT, Stage.DRAFTING, Stage.READY_TO_SIGN)
    dates.check(Step.DRAFT, on, now=now, after=dates.after_draft(cooperation))
    check_term(term_years)
    unknown = sorted(set(contents) - set(DRAFT_CONTENT_CODES))
    if unknown:
        raise StepRefused(_("Unknown contents: %(codes)s.") % {"codes": ", ".join(unknown)})
    parties = _checked_burdens(cooperation, burdens)
    cooperation.draft_contents = sorted(set(contents))
    cooperation.term_years = term_years
    cooperation.is_continuous = continuous
    # No content ticked is a draft whose contents are not given, not one that needs none: it
    # is judged like any draft lacking required contents (PP 50/2007 Pasal 7 huruf b).
    refuse_on_errors(
        cooperation, {"missing_content"}, as_of=on, draft_contents=cooperation.draft_contents
    )
    _save_burdens(parties, burdens)
    if cooperation.stage != Stage.READY_TO_SIGN:
        cooperation.stage = Stage.DRAFTING
    cooperation.updated_at = now
    cooperation.save(
        update_fields=["stage", "draft_contents", "term_years", "is_continuous", "updated_at"]
    )
    record_event(
        cooperation, EventKind.AGREEMENT_DRAFTED, actor=actor, now=now, on=on,
        citation=article_of(cooperation, EventKind.AGREEMENT_DRAFTED, on),
        changes={"contents": cooperation.draft_contents, "burdens": burdens},
    )  # fmt: skip
    return cooperation


@transaction.atomic
def record_burdens(
    cooperation_id: int, *, actor: AbstractBaseUser, burdens: BurdenFacts, now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """The facts that decide each region's DPRD track (PP 50/2007 Pasal 9-10; PP 28/2018
    Pasal 6 ayat (2)), recorded on their own: under PP 28/2018 the DPRD comes before drafting."""
    cooperation = lock(cooperation_id)
    expect_stage(cooperation, Stage.ACCEPTED, Stage.JOINT_AGREEMENT, Stage.DRAFTING)
    parties = _checked_burdens(cooperation, burdens)
    _save_burdens(parties, burdens)
    cooperation.updated_at = now
    cooperation.save(update_fields=["updated_at"])
    return cooperation

"""Lifecycle steps of a cooperation before and after the DPRD: one function per step.

Each step runs in one transaction: it locks the cooperation row, asks ksd.law, changes state
and appends an Event. A step the law or the state does not allow raises StepRefused with a
message in the user's language naming the article, and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from ksd.cooperation.events import record_event
from ksd.cooperation.law import assessment_for, law_lang, law_party
from ksd.cooperation.models import Cooperation, EventKind, Kind, Party, Stage
from ksd.core.errors import StepRefused
from ksd.law.assessment import RULES
from ksd.law.citations import Severity
from ksd.law.errors import LawInputError
from ksd.law.facts import BURDEN_FIELDS, DRAFT_CONTENT_CODES, ThirdPartyForm
from ksd.law.regimes import regime_for
from ksd.regions.models import Region


@dataclass(frozen=True)
class PartySpec:
    """A party named in an offer: a region code, or a third party."""

    region: str | None = None
    third_party_name: str = ""
    third_party_form: str = ""
    third_party_domestic: bool = True


def lock(cooperation_id: int) -> Cooperation:
    """The cooperation, locked for the rest of the transaction, so two users' steps on it run
    one after the other (PostgreSQL row lock; SQLite's IMMEDIATE transactions serialise)."""
    try:
        return Cooperation.objects.select_for_update(no_key=True).get(pk=cooperation_id)
    except Cooperation.DoesNotExist:
        raise StepRefused(_("This cooperation does not exist.")) from None


def _expect_stage(cooperation: Cooperation, *stages: Stage) -> None:
    if cooperation.stage not in stages:
        raise StepRefused(
            _("This step is not possible at the stage “%(stage)s”.")
            % {"stage": Stage(cooperation.stage).label}
        )


def _refuse_on_errors(cooperation: Cooperation, codes: set[str], *, as_of: dt.date) -> None:
    """Refuse when ksd.law finds an error of one of `codes`: its own message and article."""
    lang = law_lang()
    for finding in assessment_for(cooperation, as_of=as_of).findings:
        if finding.code in codes and finding.severity is Severity.ERROR:
            raise StepRefused(finding.message.render(lang), str(finding.citation))


@transaction.atomic
def make_offer(
    *,
    actor: AbstractBaseUser,
    title: str,
    initiator: str,
    parties: list[PartySpec],
    offered_on: dt.date,
    offer_number: str = "",
    now: dt.datetime,
) -> Cooperation:
    """PP 50/2007 Pasal 7 huruf a (PP 28/2018 Pasal 6 ayat (1) huruf b): a head of region offers
    a cooperation to other regions or third parties."""
    try:
        regime = regime_for(offered_on)
    except LawInputError as exc:
        raise StepRefused(exc.render(law_lang())) from None
    if not title.strip():
        raise StepRefused(_("Give the cooperation a title."))
    kind = Kind.THIRD_PARTY if any(not p.region for p in parties) else Kind.INTER_REGIONAL
    cooperation = Cooperation.objects.create(
        title=title.strip(),
        kind=kind,
        stage=Stage.OFFERED,
        regime=regime.value,
        governing_on=offered_on,
        initiator_id=initiator,
        offer_number=offer_number,
        offered_on=offered_on,
        created_at=now,
        updated_at=now,
    )
    known = set(Region.objects.filter(code__in=[p.region for p in parties if p.region])
                .values_list("code", flat=True))  # fmt: skip
    rows = []
    for spec in parties:
        if spec.region and spec.region not in known:
            raise StepRefused(_("Unknown region code “%(code)s”.") % {"code": spec.region})
        if not spec.region and spec.third_party_form not in {f.value for f in ThirdPartyForm}:
            raise StepRefused(_("Unknown legal form of a third party."))
        rows.append(
            Party(
                cooperation=cooperation,
                region_id=spec.region or None,
                third_party_name="" if spec.region else spec.third_party_name.strip(),
                third_party_form="" if spec.region else spec.third_party_form,
                third_party_domestic=spec.third_party_domestic,
                is_initiator=spec.region == initiator,
                accepted_on=offered_on if spec.region == initiator else None,
            )
        )
    if not any(r.is_initiator for r in rows):
        raise StepRefused(_("The initiating region must be one of the parties."))
    Party.objects.bulk_create(rows)
    _refuse_on_errors(
        cooperation,
        {"too_few_parties", "no_region_party", "duplicate_party", "non_autonomous_region",
         "ineligible_party", "foreign_cooperation"},
        as_of=offered_on,
    )  # fmt: skip
    rules = RULES[regime]
    record_event(
        cooperation, EventKind.OFFERED, actor=actor, now=now, on=offered_on,
        region_code=initiator, citation=f"{rules.regulation} Pasal "
        + ("7 huruf a" if regime.value == "pp50-2007" else "6 ayat (1) huruf b"),
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
    _expect_stage(cooperation, Stage.OFFERED)
    party = _answering_party(cooperation, party_key)
    if on < cooperation.offered_on:
        raise StepRefused(_("An offer cannot be accepted before it was made."))
    party.accepted_on = on
    party.save(update_fields=["accepted_on"])
    everyone = all(p.accepted_on for p in cooperation.parties.all())
    if everyone:
        cooperation.stage = Stage.ACCEPTED
    cooperation.updated_at = now
    cooperation.save(update_fields=["stage", "updated_at"])
    record_event(
        cooperation, EventKind.OFFER_ACCEPTED, actor=actor, now=now, on=on,
        region_code=party.region_id, citation="PP 50/2007 Pasal 7 huruf b"
        if cooperation.regime == "pp50-2007" else "PP 28/2018 Pasal 6 ayat (1) huruf b",
        changes={"party": party.key, "stage": cooperation.stage},
    )  # fmt: skip
    return cooperation


@transaction.atomic
def decline_offer(
    cooperation_id: int, *, actor: AbstractBaseUser, party_key: str, on: dt.date,
    reason: str = "", now: dt.datetime,
) -> Cooperation:  # fmt: skip
    cooperation = lock(cooperation_id)
    _expect_stage(cooperation, Stage.OFFERED)
    party = _answering_party(cooperation, party_key)
    party.declined_on = on
    party.save(update_fields=["declined_on"])
    cooperation.stage = Stage.DECLINED
    cooperation.updated_at = now
    cooperation.save(update_fields=["stage", "updated_at"])
    record_event(
        cooperation, EventKind.OFFER_DECLINED, actor=actor, now=now, on=on,
        region_code=party.region_id, reason=reason,
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
    _expect_stage(cooperation, Stage.ACCEPTED)
    if not number.strip():
        raise StepRefused(_("Give the number of the joint agreement."))
    cooperation.stage = Stage.JOINT_AGREEMENT
    cooperation.joint_agreement_number = number.strip()
    cooperation.joint_agreement_signed_on = signed_on
    cooperation.updated_at = now
    cooperation.save(
        update_fields=["stage", "joint_agreement_number", "joint_agreement_signed_on", "updated_at"]
    )
    record_event(
        cooperation, EventKind.JOINT_AGREEMENT_SIGNED, actor=actor, now=now, on=signed_on,
        citation="PP 50/2007 Pasal 7 huruf b" if cooperation.regime == "pp50-2007"
        else "PP 28/2018 Pasal 6 ayat (1) huruf d",
        changes={"stage": cooperation.stage, "number": cooperation.joint_agreement_number},
    )  # fmt: skip
    return cooperation


@transaction.atomic
def draft_agreement(
    cooperation_id: int, *, actor: AbstractBaseUser, contents: list[str],
    burdens: dict[str, dict[str, bool]], term_years: int | None = None,
    continuous: bool = False, on: dt.date, now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """Pasal 7 huruf b: the draft PKS with at least its required contents; the burden facts
    decide each region's DPRD track (Pasal 9-10)."""
    cooperation = lock(cooperation_id)
    _expect_stage(cooperation, Stage.JOINT_AGREEMENT, Stage.DRAFTING)
    unknown = sorted(set(contents) - set(DRAFT_CONTENT_CODES))
    if unknown:
        raise StepRefused(_("Unknown contents: %(codes)s.") % {"codes": ", ".join(unknown)})
    parties = {p.region_id: p for p in cooperation.parties.all() if p.region_id}
    for code, burden in burdens.items():
        if code not in parties:
            raise StepRefused(
                _("“%(party)s” is not a party to this cooperation.") % {"party": code}
            )
        if set(burden) - set(BURDEN_FIELDS):
            raise StepRefused(_("Unknown burden facts."))
    cooperation.draft_contents = sorted(set(contents))
    cooperation.term_years = term_years
    cooperation.is_continuous = continuous
    _refuse_on_errors(cooperation, {"missing_content"}, as_of=on)
    for code, burden in burdens.items():
        parties[code].burden = {k: bool(v) for k, v in burden.items()}
        parties[code].save(update_fields=["burden"])
    cooperation.stage = Stage.DRAFTING
    cooperation.updated_at = now
    cooperation.save(
        update_fields=["stage", "draft_contents", "term_years", "is_continuous", "updated_at"]
    )
    record_event(
        cooperation, EventKind.AGREEMENT_DRAFTED, actor=actor, now=now, on=on,
        citation="PP 50/2007 Pasal 7 huruf b" if cooperation.regime == "pp50-2007"
        else "PP 28/2018 Pasal 6 ayat (1) huruf f",
        changes={"contents": cooperation.draft_contents, "burdens": burdens},
    )  # fmt: skip
    return cooperation


@transaction.atomic
def sign_agreement(
    cooperation_id: int, *, actor: AbstractBaseUser, number: str, signed_on: dt.date,
    starts_on: dt.date | None = None, term_years: int | None = None, now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """Pasal 5 and Pasal 9: the PKS is signed once every burdened region's DPRD has approved
    (or is deemed to have approved, Pasal 12 ayat (4))."""
    cooperation = lock(cooperation_id)
    _expect_stage(cooperation, Stage.DRAFTING, Stage.DPRD_REVIEW, Stage.READY_TO_SIGN)
    if not number.strip():
        raise StepRefused(_("Give the number of the agreement."))
    lang = law_lang()
    for verdict in assessment_for(cooperation, as_of=signed_on).dprd:
        if verdict.approval_required is None:
            raise StepRefused(_("Record the burden facts of every region before signing."))
        if verdict.approval_required and verdict.track.status not in (
            "approved",
            "deemed_approved",
        ):
            reason = verdict.reasons[0]
            raise StepRefused(
                _("The DPRD of %(region)s has not approved yet (status: %(status)s). %(why)s")
                % {"region": verdict.region, "status": verdict.track.status,
                   "why": reason.message.render(lang)},
                str(reason.citation),
            )  # fmt: skip
    cooperation.stage = Stage.SIGNED
    cooperation.agreement_number = number.strip()
    cooperation.signed_on = signed_on
    cooperation.starts_on = starts_on or signed_on
    if term_years is not None:
        cooperation.term_years = term_years
    if cooperation.term_years:
        start = cooperation.starts_on
        try:
            end = start.replace(year=start.year + cooperation.term_years)
        except ValueError:  # 29 February
            end = start.replace(year=start.year + cooperation.term_years, day=28)
        cooperation.ends_on = end - dt.timedelta(days=1)
    cooperation.updated_at = now
    cooperation.save(
        update_fields=["stage", "agreement_number", "signed_on", "starts_on", "term_years",
                       "ends_on", "updated_at"]
    )  # fmt: skip
    record_event(
        cooperation, EventKind.SIGNED, actor=actor, now=now, on=signed_on,
        citation="PP 50/2007 Pasal 5" if cooperation.regime == "pp50-2007"
        else "PP 28/2018 Pasal 6 ayat (1) huruf g",
        changes={"stage": cooperation.stage, "number": cooperation.agreement_number,
                 "ends_on": cooperation.ends_on.isoformat() if cooperation.ends_on else None},
    )  # fmt: skip
    return cooperation

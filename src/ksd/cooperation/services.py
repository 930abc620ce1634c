"""Lifecycle steps of a cooperation before and after the DPRD: one function per step.

Each step runs in one transaction: it locks the cooperation row, asks ksd.law, changes state
and appends an Event. A step the law or the state does not allow raises StepRefused with a
message in the user's language naming the article, and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from ksd.cooperation import dates
from ksd.cooperation.articles import (
    article_for,
    article_of,
    copies_regime,
    signers_article,
    signing_article,
)
from ksd.cooperation.dates import Step
from ksd.cooperation.events import record_event
from ksd.cooperation.foreign import refuse_signing_without_confirmation
from ksd.cooperation.law import assessment_for, facts_for, law_lang, law_party
from ksd.cooperation.models import (
    Amendment,
    Cooperation,
    CopySent,
    EventKind,
    ImplementingAgency,
    InstitutionModel,
    Kind,
    ManagementModel,
    Party,
    Signatory,
    Stage,
)
from ksd.cooperation.queries import STATUS_LABELS
from ksd.core.dates import show
from ksd.core.errors import StepRefused
from ksd.law.assessment import RULES, copies_to_send
from ksd.law.citations import Severity
from ksd.law.errors import LawInputError
from ksd.law.facts import BURDEN_FIELDS, DRAFT_CONTENT_CODES, ThirdPartyForm, parse_termination
from ksd.law.foreign_facts import parse_foreign_party
from ksd.law.regimes import regime_for_agreement
from ksd.law.regions import get_region
from ksd.law.transition import step_regime
from ksd.regions.models import Affair, Agency, PowerOfAttorney, Region
from ksd.regions.names import region_name


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


def lock(cooperation_id: int) -> Cooperation:
    """The cooperation, locked for the rest of the transaction, so two users' steps on it run
    one after the other (PostgreSQL row lock; SQLite's IMMEDIATE transactions serialise)."""
    try:
        cooperation = Cooperation.objects.select_for_update(no_key=True).get(pk=cooperation_id)
    except Cooperation.DoesNotExist:
        raise StepRefused(_("This cooperation does not exist.")) from None
    if cooperation.stage == Stage.CANCELLED:
        raise StepRefused(
            _("This record was cancelled as entered by mistake; nothing more is recorded on it.")
        )
    return cooperation


def _expect_stage(cooperation: Cooperation, *stages: Stage) -> None:
    if cooperation.stage not in stages:
        raise StepRefused(
            _("This step is not possible at the stage “%(stage)s”.")
            % {"stage": Stage(cooperation.stage).label}
        )


def _refuse_on_errors(
    cooperation: Cooperation, codes: set[str], *, as_of: dt.date,
    draft_contents: list[str] | None = None,
) -> None:  # fmt: skip
    """Refuse when ksd.law finds an error of one of `codes`: its own message and article."""
    lang = law_lang()
    assessment = assessment_for(cooperation, as_of=as_of, draft_contents=draft_contents)
    for finding in assessment.findings:
        if finding.code in codes and finding.severity is Severity.ERROR:
            raise StepRefused(finding.message.render(lang), str(finding.citation))


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
    _refuse_on_errors(
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
    _expect_stage(cooperation, Stage.OFFERED)
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
    _expect_stage(cooperation, Stage.OFFERED)
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
    _expect_stage(cooperation, Stage.ACCEPTED)
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


def _check_term(term_years: int | None) -> None:
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
    _expect_stage(cooperation, Stage.JOINT_AGREEMENT, Stage.DRAFTING, Stage.READY_TO_SIGN)
    dates.check(Step.DRAFT, on, now=now, after=dates.after_draft(cooperation))
    _check_term(term_years)
    unknown = sorted(set(contents) - set(DRAFT_CONTENT_CODES))
    if unknown:
        raise StepRefused(_("Unknown contents: %(codes)s.") % {"codes": ", ".join(unknown)})
    parties = _checked_burdens(cooperation, burdens)
    cooperation.draft_contents = sorted(set(contents))
    cooperation.term_years = term_years
    cooperation.is_continuous = continuous
    # No content ticked is a draft whose contents are not given, not one that needs none: it
    # is judged like any draft lacking required contents (PP 50/2007 Pasal 7 huruf b).
    _refuse_on_errors(
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
    refuse_signing_without_confirmation(cooperation, signed_on)
    if dates.draft_date(cooperation) is None:
        raise StepRefused(
            _("Record the draft agreement and its contents before signing."),
            article_for(EventKind.AGREEMENT_DRAFTED, cooperation.regime),
        )
    dates.check(Step.SIGNING, signed_on, now=now, after=dates.before_signing(cooperation))
    if starts_on is not None:
        dates.check(
            Step.ENTRY_INTO_FORCE, starts_on, now=now,
            after=dates.recorded(Step.SIGNING, signed_on),
        )  # fmt: skip
    _check_term(term_years)
    lang = law_lang()
    for verdict in assessment_for(cooperation, as_of=signed_on).dprd:
        if verdict.approval_required is None:
            raise StepRefused(
                _("Record the burden facts of %(region)s before signing: without them KSD "
                  "cannot tell whether its DPRD must approve.")
                % {"region": get_region(verdict.region).name}
            )  # fmt: skip
        if verdict.approval_required and verdict.track.status not in (
            "approved",
            "deemed_approved",
        ):
            reason = verdict.reasons[0]
            raise StepRefused(
                _("The DPRD of %(region)s has not approved yet (status: %(status)s). %(why)s")
                % {"region": get_region(verdict.region).name,
                   "status": STATUS_LABELS.get(verdict.track.status, verdict.track.status),
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
        if start.year + cooperation.term_years > dt.MAXYEAR:  # no calendar holds its end
            raise StepRefused(
                _("An agreement in force from %(date)s for %(years)d years would end after the "
                  "year %(max)d; check the dates.")
                % {"date": show(start), "years": cooperation.term_years, "max": dt.MAXYEAR}
            )  # fmt: skip
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
        citation=article_of(cooperation, EventKind.SIGNED, signed_on),
        changes={"stage": cooperation.stage, "number": cooperation.agreement_number,
                 "ends_on": cooperation.ends_on.isoformat() if cooperation.ends_on else None},
    )  # fmt: skip
    return cooperation


OPINION_ADDRESSEES = ("pakar", "perangkat_daerah_provinsi", "menteri", "menteri_lpnd_terkait")


@transaction.atomic
def request_opinions(
    cooperation_id: int, *, actor: AbstractBaseUser, addressees: list[str], requested_on: dt.date,
    now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """PP 50/2007 Pasal 7 huruf c: while drafting, the head may ask experts, the provincial
    agencies, the Minister and related ministers or agencies for opinions. PP 28/2018 has no
    such article: the request is recorded citing nothing."""
    cooperation = lock(cooperation_id)
    _expect_stage(cooperation, Stage.JOINT_AGREEMENT, Stage.DRAFTING)
    dates.check(
        Step.OPINIONS_REQUESTED, requested_on, now=now,
        after=dates.after_joint_agreement(cooperation),
    )  # fmt: skip
    unknown = sorted(set(addressees) - set(OPINION_ADDRESSEES))
    if not addressees or unknown:
        raise StepRefused(
            _("Choose whom to ask among: %(known)s.") % {"known": ", ".join(OPINION_ADDRESSEES)},
            article_of(cooperation, EventKind.OPINIONS_REQUESTED),
        )
    cooperation.updated_at = now
    cooperation.save(update_fields=["updated_at"])
    record_event(
        cooperation, EventKind.OPINIONS_REQUESTED, actor=actor, now=now, on=requested_on,
        citation=article_of(cooperation, EventKind.OPINIONS_REQUESTED),
        changes={"addressees": sorted(set(addressees))},
    )  # fmt: skip
    return cooperation


@transaction.atomic
def send_copies(
    cooperation_id: int, *, actor: AbstractBaseUser, region_code: str, recipients: list[str],
    sent_on: dt.date, now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """PP 50/2007 Pasal 12 ayat (5)-(6): each head sends copies of the signed agreement to the
    recipients the law names for it. PP 28/2018 names none: the copies go to the supervisors of
    its Pasal 44, as ksd.law advises."""
    cooperation = lock(cooperation_id)
    _expect_stage(cooperation, Stage.SIGNED, Stage.IMPLEMENTING)
    party = next((p for p in cooperation.parties.all() if p.region_id == region_code), None)
    if party is None:
        raise StepRefused(
            _("“%(party)s” is not a party to this cooperation.")
            % {"party": region_name(region_code)}
        )
    dates.check(Step.COPIES, sent_on, now=now, after=dates.after_signing(cooperation))
    rule = copies_to_send(copies_regime(cooperation), get_region(region_code))
    allowed = set(rule.recipients) if rule else set()
    unknown = sorted(set(recipients) - allowed)
    if not recipients or unknown:
        raise StepRefused(
            _("The recipients of this region's copies are: %(known)s.")
            % {"known": ", ".join(sorted(allowed)) or "—"},
            str(rule.citation) if rule else "",
        )
    already = set(
        cooperation.copies_sent.filter(region_id=region_code).values_list("recipient", flat=True)
    )
    new = [r for r in sorted(set(recipients)) if r not in already]
    if not new:
        raise StepRefused(_("These copies have already been recorded."))
    CopySent.objects.bulk_create(
        CopySent(cooperation=cooperation, region_id=region_code, recipient=r, sent_on=sent_on,
                 created_at=now)
        for r in new
    )  # fmt: skip
    cooperation.updated_at = now
    cooperation.save(update_fields=["updated_at"])
    record_event(
        cooperation, EventKind.COPIES_SENT, actor=actor, now=now, on=sent_on,
        region_code=region_code, citation=str(rule.citation) if rule else "",
        changes={"recipients": new},
    )  # fmt: skip
    return cooperation


@transaction.atomic
def start_implementation(
    cooperation_id: int, *, actor: AbstractBaseUser, on: dt.date,
    agencies: dict[str, list[str]], now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """PP 50/2007 Pasal 8 (PP 28/2018 Pasal 6 ayat (1) huruf h): the agreement may be carried
    out by the regions' perangkat daerah."""
    cooperation = lock(cooperation_id)
    _expect_stage(cooperation, Stage.SIGNED)
    dates.check(
        Step.IMPLEMENTATION, on, now=now,
        after=dates.after_signing(cooperation)
        + dates.recorded(Step.ENTRY_INTO_FORCE, cooperation.starts_on),
    )  # fmt: skip
    regions = {p.region_id for p in cooperation.parties.all() if p.region_id}
    for code, names in agencies.items():
        if code not in regions:
            raise StepRefused(
                _("“%(party)s” is not a party to this cooperation.") % {"party": code}
            )
        if not all(n.strip() for n in names):
            raise StepRefused(_("Give the name of every implementing agency."))
    # A name that matches one of the region's agency records is linked to it.
    records = {
        (a.region_id, a.name.casefold()): a
        for a in Agency.objects.filter(region_id__in=list(agencies))
    }
    ImplementingAgency.objects.bulk_create(
        ImplementingAgency(cooperation=cooperation, region_id=code, agency_name=name.strip(),
                           agency=records.get((code, name.strip().casefold())), assigned_on=on)
        for code, names in agencies.items() for name in names
    )  # fmt: skip
    cooperation.stage = Stage.IMPLEMENTING
    cooperation.implementation_started_on = on
    cooperation.updated_at = now
    cooperation.save(update_fields=["stage", "implementation_started_on", "updated_at"])
    record_event(
        cooperation, EventKind.IMPLEMENTATION_STARTED, actor=actor, now=now, on=on,
        citation=article_of(cooperation, EventKind.IMPLEMENTATION_STARTED),
        changes={"agencies": agencies},
    )  # fmt: skip
    return cooperation


@transaction.atomic
def amend(
    cooperation_id: int, *, actor: AbstractBaseUser, number: str, signed_on: dt.date,
    summary: str, new_ends_on: dt.date | None = None, now: dt.datetime,
) -> Amendment:  # fmt: skip
    """PP 50/2007 Pasal 17: the parties change the agreement by agreement, in an agreement of
    the same level as its parent; moving the end date extends it."""
    cooperation = lock(cooperation_id)
    _expect_stage(cooperation, Stage.SIGNED, Stage.IMPLEMENTING)
    if not number.strip() or not summary.strip():
        raise StepRefused(
            _("Give the amendment's number and what it changes."),
            article_of(cooperation, EventKind.AMENDED),
        )
    dates.check(Step.AMENDMENT, signed_on, now=now, after=dates.before_amendment(cooperation))
    if new_ends_on is not None:
        dates.check(
            Step.NEW_END, new_ends_on, now=now,
            after=dates.recorded(Step.ENTRY_INTO_FORCE, cooperation.starts_on)
            + dates.recorded(Step.AMENDMENT, signed_on),
        )  # fmt: skip
    if cooperation.amendments.filter(number=number.strip()).exists():
        raise StepRefused(_("An amendment with this number already exists."))
    if new_ends_on is not None and cooperation.ends_on and new_ends_on <= signed_on:
        raise StepRefused(_("The new end date must come after the amendment is signed."))
    amendment = Amendment.objects.create(
        cooperation=cooperation, number=number.strip(), signed_on=signed_on,
        summary=summary.strip(), new_ends_on=new_ends_on, created_at=now,
    )  # fmt: skip
    fields = ["updated_at"]
    changes: dict[str, object] = {"number": amendment.number}
    if new_ends_on is not None:
        changes["ends_on"] = [cooperation.ends_on.isoformat() if cooperation.ends_on else None,
                              new_ends_on.isoformat()]  # fmt: skip
        cooperation.ends_on = new_ends_on
        fields.append("ends_on")
    cooperation.updated_at = now
    cooperation.save(update_fields=fields)
    record_event(
        cooperation, EventKind.EXTENDED if new_ends_on else EventKind.AMENDED, actor=actor,
        now=now, on=signed_on, citation=article_of(cooperation, EventKind.AMENDED, signed_on),
        reason=amendment.summary, changes=changes,
    )  # fmt: skip
    return amendment


@transaction.atomic
def terminate(
    cooperation_id: int, *, actor: AbstractBaseUser, ground: str, on: dt.date,
    initiated_by: str | None = None, written_notice: bool = False, early: bool = False,
    now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """PP 50/2007 Pasal 18-20 (PP 28/2018 Pasal 9, 22): a cooperation ends on one of the
    regime's grounds; an early ending at one party's request needs written notice."""
    cooperation = lock(cooperation_id)
    _expect_stage(cooperation, Stage.SIGNED, Stage.IMPLEMENTING)
    dates.check(Step.TERMINATION, on, now=now, after=dates.before_termination(cooperation))
    facts = facts_for(cooperation, as_of=on)
    try:
        termination = parse_termination(
            {"ground": ground, "initiated_by": initiated_by, "written_notice": written_notice,
             "early": early, "on": on.isoformat()},
            {p.key for p in facts.parties},
        )  # fmt: skip
    except LawInputError as exc:
        raise StepRefused(exc.render(law_lang())) from None
    verdict = RULES[step_regime(facts, on)].termination(facts, termination)
    if not verdict.valid:
        raise StepRefused(verdict.reason.message.render(law_lang()), str(verdict.citation))
    cooperation.stage = Stage.TERMINATED
    cooperation.ended_on = on
    cooperation.termination_ground = ground
    cooperation.termination_initiator = initiated_by or ""
    cooperation.termination_written_notice = written_notice
    cooperation.updated_at = now
    cooperation.save(
        update_fields=["stage", "ended_on", "termination_ground", "termination_initiator",
                       "termination_written_notice", "updated_at"]
    )  # fmt: skip
    record_event(
        cooperation, EventKind.TERMINATED, actor=actor, now=now, on=on,
        citation=str(verdict.citation), reason=verdict.reason.message.render(law_lang()),
        changes={"ground": ground, "initiated_by": initiated_by, "early": early,
                 "written_notice": written_notice},
    )  # fmt: skip
    return cooperation


def expire(cooperation_id: int, *, as_of: dt.date, now: dt.datetime) -> bool:
    """PP 50/2007 Pasal 18 huruf i (PP 28/2018 Pasal 9 ayat (1) huruf a): the agreement ends
    when its term does. Idempotent: only a signed or running agreement past its end expires,
    claimed with an optimistic update so two runs cannot both record it."""
    with transaction.atomic():
        claimed = Cooperation.objects.filter(
            pk=cooperation_id, stage__in=(Stage.SIGNED, Stage.IMPLEMENTING), ends_on__lt=as_of
        ).update(stage=Stage.EXPIRED, updated_at=now, ended_on=F("ends_on"))
        if claimed != 1:
            return False
        cooperation = Cooperation.objects.get(pk=cooperation_id)
        record_event(
            cooperation, EventKind.EXPIRED, actor=None, now=now, on=cooperation.ends_on,
            citation=article_of(cooperation, EventKind.EXPIRED, cooperation.ends_on),
            changes={"stage": Stage.EXPIRED},
        )  # fmt: skip
        return True


@transaction.atomic
def record_burdens(
    cooperation_id: int, *, actor: AbstractBaseUser, burdens: BurdenFacts, now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """The facts that decide each region's DPRD track (PP 50/2007 Pasal 9-10; PP 28/2018
    Pasal 6 ayat (2)), recorded on their own: under PP 28/2018 the DPRD comes before drafting."""
    cooperation = lock(cooperation_id)
    _expect_stage(cooperation, Stage.ACCEPTED, Stage.JOINT_AGREEMENT, Stage.DRAFTING)
    parties = _checked_burdens(cooperation, burdens)
    _save_burdens(parties, burdens)
    cooperation.updated_at = now
    cooperation.save(update_fields=["updated_at"])
    return cooperation


@transaction.atomic
def record_signatory(
    cooperation_id: int, *, actor: AbstractBaseUser, region_code: str, official_id: int,
    now: dt.datetime,
) -> Signatory:  # fmt: skip
    """Who signed for a region: its head in office on the signing day, or an official holding a
    Surat Kuasa valid that day (regions.services.who_may_sign); anyone else is refused."""
    from ksd.regions.services import who_may_sign  # the reference app knows offices and letters

    cooperation = lock(cooperation_id)
    _expect_stage(cooperation, Stage.SIGNED, Stage.IMPLEMENTING)
    assert cooperation.signed_on is not None  # noqa: S101 - set by sign_agreement
    if not cooperation.parties.filter(region_id=region_code).exists():
        raise StepRefused(
            _("“%(party)s” is not a party to this cooperation.")
            % {"party": region_name(region_code)}
        )
    if cooperation.signatories.filter(region_id=region_code).exists():
        raise StepRefused(_("The signatory of this region has already been recorded."))
    signers = {o.pk: (o, a) for o, a in who_may_sign(region_code, cooperation.signed_on)}
    if official_id not in signers:
        raise StepRefused(
            _("This official could not sign for %(region)s on %(date)s: only the regional head in "
              "office or the holder of a valid Surat Kuasa may.")
            % {"region": region_name(region_code), "date": show(cooperation.signed_on)},
            signers_article(cooperation),
        )  # fmt: skip
    official, authority = signers[official_id]
    # The reference table knows both regulations; this cooperation cites its own.
    citation = signing_article(
        cooperation, power_of_attorney=authority.power_of_attorney is not None
    )
    signatory = Signatory.objects.create(
        cooperation=cooperation, region_id=region_code, official=official,
        power_of_attorney=authority.power_of_attorney, signed_on=cooperation.signed_on,
        citation=citation,
    )  # fmt: skip
    record_event(
        cooperation, EventKind.SIGNED, actor=actor, now=now, on=cooperation.signed_on,
        region_code=region_code, citation=citation,
        changes={"signatory": official.name,
                 "surat_kuasa": authority.power_of_attorney.number
                 if authority.power_of_attorney else None},
    )  # fmt: skip
    return signatory


@transaction.atomic
def issue_power_of_attorney(
    cooperation_id: int, *, actor: AbstractBaseUser, region_code: str, grantor_id: int,
    grantee_id: int, number: str, issued_on: dt.date, valid_until: dt.date | None = None,
    scope: str, now: dt.datetime,
) -> PowerOfAttorney:  # fmt: skip
    """PP 50/2007 Pasal 7 huruf d (PP 28/2018 Pasal 2 ayat (2), Pasal 13 ayat (2)): the head may
    issue a Surat Kuasa to complete the cooperation; recorded in the regions' reference table and
    in this cooperation's log."""
    from django.core.exceptions import ValidationError

    cooperation = lock(cooperation_id)
    _expect_stage(cooperation, Stage.ACCEPTED, Stage.JOINT_AGREEMENT, Stage.DRAFTING,
                  Stage.DPRD_REVIEW, Stage.READY_TO_SIGN)  # fmt: skip
    if not cooperation.parties.filter(region_id=region_code).exists():
        raise StepRefused(
            _("“%(party)s” is not a party to this cooperation.")
            % {"party": region_name(region_code)}
        )
    dates.check(Step.POWER_OF_ATTORNEY, issued_on, now=now, after=dates.after_offer(cooperation))
    if valid_until is not None:
        dates.check_range(valid_until)
    power = PowerOfAttorney(
        region_id=region_code, grantor_id=grantor_id, grantee_id=grantee_id,
        number=number.strip(), issued_on=issued_on, valid_from=issued_on,
        valid_until=valid_until, scope=scope.strip(),
    )  # fmt: skip
    try:
        power.full_clean()
    except ValidationError as exc:
        raise StepRefused(
            " ".join(exc.messages), article_of(cooperation, EventKind.POWER_OF_ATTORNEY_ISSUED)
        ) from None
    power.save()
    record_event(
        cooperation, EventKind.POWER_OF_ATTORNEY_ISSUED, actor=actor, now=now, on=issued_on,
        region_code=region_code,
        citation=article_of(cooperation, EventKind.POWER_OF_ATTORNEY_ISSUED, issued_on),
        changes={"number": power.number, "grantee": power.grantee.name},
    )  # fmt: skip
    return power


@transaction.atomic
def publish(cooperation_id: int, *, actor: AbstractBaseUser, now: dt.datetime) -> Cooperation:
    """PP 50/2007 Pasal 2 huruf i (transparency) and Pasal 21 huruf b (a published compilation);
    under PP 28/2018, which has no such article, UU 23/2014 Pasal 58 huruf d (openness): a signed
    cooperation enters the public register. Drafts never do."""
    cooperation = lock(cooperation_id)
    _expect_stage(cooperation, Stage.SIGNED, Stage.IMPLEMENTING, Stage.TERMINATED, Stage.EXPIRED)
    if cooperation.is_published:
        raise StepRefused(_("This cooperation is already in the public register."))
    cooperation.is_published = True
    cooperation.updated_at = now
    cooperation.save(update_fields=["is_published", "updated_at"])
    record_event(
        cooperation, EventKind.PUBLISHED, actor=actor, now=now,
        citation=article_of(cooperation, EventKind.PUBLISHED), changes={"is_published": True},
    )  # fmt: skip
    return cooperation

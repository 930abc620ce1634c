"""Corrections with a trail; withdrawing an offer; cancelling a record entered by mistake.

A recorded fact is evidence and is never replaced silently. A correction changes one fact, with
a required reason, in one transaction that locks the cooperation row, and appends a
RECORD_CORRECTED event holding the old and the new value (who and when are the event's actor and
timestamp). Then the law is applied again to the corrected record:

- a corrected offer date chooses the regulation again (PP 28/2018 Pasal 48 and 51);
- corrected burden facts and DPRD dates move the stage between "awaiting DPRD approval" and
  "ready to sign", and move or clear the deemed approval the tick recorded (PP 50/2007 Pasal 12
  ayat (4));
- a corrected signing date is checked again against the recorded signatories' authority and the
  DPRD approvals it needs;
- a corrected end date expires the agreement, or revives one that expired too early.

A correction that would put two dates out of order is refused with a message naming both dates.
Who may correct what is decided by the access door (core/access.py: may_correct,
acts_for_initiator); these functions trust their caller on that, as every service does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ksd.cooperation.common import lock
from ksd.cooperation.events import record_event
from ksd.cooperation.law import assessment_for, law_lang, law_party
from ksd.cooperation.models import (
    Cooperation,
    Event,
    EventKind,
    InstitutionModel,
    Kind,
    ManagementModel,
    Party,
    Stage,
)
from ksd.cooperation.offer.services import PartySpec
from ksd.core.dates import FIRST_LEGAL_DAY, LAST_LEGAL_DAY
from ksd.core.errors import StepRefused
from ksd.dprd.models import DprdReview
from ksd.law.citations import Severity
from ksd.law.errors import LawInputError
from ksd.law.facts import BURDEN_FIELDS, ThirdPartyForm
from ksd.law.regimes import regime_for
from ksd.regions.models import Affair, Region

# The dates KSD can record (core/dates.py, the one range shared with the lifecycle steps).
FIRST_DATE = FIRST_LEGAL_DAY
LAST_DATE = LAST_LEGAL_DAY
REASON_MAX_LENGTH = 2000
APPROVED = frozenset({"approved", "deemed_approved"})
# ksd.law's findings about the parties of an offer (as make_offer checks them).
PARTY_FINDINGS = frozenset({"too_few_parties", "no_region_party", "duplicate_party",
                            "non_autonomous_region", "ineligible_party", "foreign_cooperation"})  # fmt: skip


@dataclass(frozen=True)
class Fact:
    """A correctable fact of the cooperation record itself (shared by all its parties)."""

    name: str
    label: Promise
    kind: str  # "text", "date", "affair", "management_model" or "institution_model"
    max_length: int = 0
    required: bool = False
    # A date of something that happened: not later than today (a planned end may be later).
    happened: bool = True
    # The field that must be recorded before this fact can be corrected (its step came first).
    recorded_with: str = ""


SHARED_FACTS: dict[str, Fact] = {
    f.name: f
    for f in (
        Fact("title", gettext_lazy("title"), "text", 300, required=True),
        Fact("offer_number", gettext_lazy("offer letter number"), "text", 100),
        Fact("offered_on", gettext_lazy("offer date"), "date", required=True),
        Fact("joint_agreement_number", gettext_lazy("joint agreement number"), "text", 100,
             required=True, recorded_with="joint_agreement_signed_on"),
        Fact("joint_agreement_signed_on", gettext_lazy("joint agreement date"), "date",
             required=True, recorded_with="joint_agreement_signed_on"),
        Fact("agreement_number", gettext_lazy("agreement (PKS) number"), "text", 100,
             required=True, recorded_with="signed_on"),
        Fact("signed_on", gettext_lazy("signing date"), "date", required=True,
             recorded_with="signed_on"),
        Fact("starts_on", gettext_lazy("in force from"), "date", required=True, happened=False,
             recorded_with="signed_on"),
        Fact("ends_on", gettext_lazy("in force until"), "date", happened=False,
             recorded_with="signed_on"),
        Fact("implementation_started_on", gettext_lazy("implementation start date"), "date",
             required=True, recorded_with="implementation_started_on"),
        Fact("ended_on", gettext_lazy("date the cooperation ended"), "date", required=True,
             recorded_with="ended_on"),
        Fact("affair", gettext_lazy("government affair"), "affair"),
        Fact("sector", gettext_lazy("sector"), "text", 200),
        Fact("management_model", gettext_lazy("management arrangement"), "management_model"),
        Fact("institution_model", gettext_lazy("institution"), "institution_model"),
    )
}  # fmt: skip
DPRD_FACTS: dict[str, Promise] = {
    "received_on": gettext_lazy("date the DPRD received the draft"),
    "opinion_sent_on": gettext_lazy("date the DPRD sent its opinion"),
    "opinion_received_on": gettext_lazy("date the DPRD's opinion was received"),
    "resubmitted_on": gettext_lazy("date the DPRD received the revised draft"),
    "approved_on": gettext_lazy("date of the DPRD's approval"),
    "rejected_on": gettext_lazy("date of the DPRD's refusal"),
}
OTHER_FACTS: dict[str, Promise] = {
    "burden": gettext_lazy("burden facts"),
    "parties": gettext_lazy("parties"),
    "accepted_on": gettext_lazy("date the offer was accepted"),
    "declined_on": gettext_lazy("date the offer was declined"),
}


def fact_label(fact: str) -> str:
    """The words for a corrected fact, in the page's language."""
    spec = SHARED_FACTS.get(fact)
    return str(spec.label if spec else DPRD_FACTS.get(fact) or OTHER_FACTS.get(fact) or fact)


# ----- Reading the new value -----


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise StepRefused(_("Give the reason for this change to the record."))
    if len(reason) > REASON_MAX_LENGTH:
        raise StepRefused(_("The reason is too long."))
    return reason


def parse_date(value: str, label: str) -> dt.date:
    """A date written YYYY-MM-DD, within the dates KSD can judge."""
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise StepRefused(
            _("Write the %(label)s as a date, YYYY-MM-DD.") % {"label": label}
        ) from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise StepRefused(
            _("The %(label)s (%(date)s) must lie between %(first)s and %(last)s.")
            % {"label": label, "date": day.isoformat(), "first": FIRST_DATE.isoformat(),
               "last": LAST_DATE.isoformat()}
        )  # fmt: skip
    return day


def _parse(spec: Fact, value: str) -> Any:
    label = str(spec.label)
    value = value.strip()
    if spec.kind == "date":
        return parse_date(value, label)
    if spec.required and not value:
        raise StepRefused(_("The %(label)s cannot be left empty.") % {"label": label})
    if spec.kind == "text":
        if len(value) > spec.max_length:
            raise StepRefused(
                _("The %(label)s is longer than %(max)s characters.")
                % {"label": label, "max": spec.max_length}
            )
        return value
    if spec.kind == "affair":
        if value and not Affair.objects.filter(code=value).exists():
            raise StepRefused(_("Unknown government affair “%(code)s”.") % {"code": value})
        return value or None
    choices = ManagementModel if spec.kind == "management_model" else InstitutionModel
    if value not in ("", *choices.values):
        raise StepRefused(_("Unknown model of cooperation."))
    return value


def _current(cooperation: Cooperation, fact: str) -> Any:
    if fact == "affair":
        return cooperation.affair.code if cooperation.affair else None
    return getattr(cooperation, fact)


def shown(value: Any) -> Any:
    """A value as the event keeps it: dates as YYYY-MM-DD, nothing as None."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return None if value in ("", None) else value


# ----- Dates in order -----


@dataclass(frozen=True)
class _Dated:
    key: str
    label: str
    on: dt.date | None


def _dates_in_order(
    cooperation: Cooperation, parties: list[Party], reviews: list[DprdReview]
) -> list[tuple[_Dated, _Dated]]:
    """Every (earlier, later) pair of the record's dates that must not be out of order
    (issue 6 point 2: offer ≤ answer ≤ KB ≤ DPRD ≤ decision ≤ signing ≤ start; what follows
    the signing comes after it)."""
    c = cooperation
    offer = _Dated("offered_on", _("the offer"), c.offered_on)
    joint = _Dated("joint_agreement_signed_on", _("the joint agreement"),
                   c.joint_agreement_signed_on)  # fmt: skip
    signed = _Dated("signed_on", _("the signing of the agreement"), c.signed_on)
    starts = _Dated("starts_on", _("the start of the agreement"), c.starts_on)
    pairs = [(offer, joint), (offer, signed), (joint, signed), (signed, starts)]
    for party in parties:
        if party.is_initiator:
            continue
        for name in ("accepted_on", "declined_on"):
            answer = _Dated(f"party:{party.key}:{name}",
                            _("the answer of %(party)s") % {"party": party}, getattr(party, name))  # fmt: skip
            pairs += [(offer, answer), (answer, joint)]
    names = {p.region_id: p.region.name for p in parties if p.region_id and p.region}
    for review in reviews:
        region = {"region": names.get(review.region_id, review.region_id)}

        def dated(name: str, label: str, review: DprdReview = review) -> _Dated:
            return _Dated(f"dprd:{review.region_id}:{name}", label, getattr(review, name))

        received = dated(
            "received_on", _("receipt of the draft by the DPRD of %(region)s") % region
        )
        chain = [
            received,
            dated("opinion_sent_on", _("the opinion of the DPRD of %(region)s") % region),
            dated("opinion_received_on",
                  _("receipt of the opinion of the DPRD of %(region)s") % region),
            dated("resubmitted_on",
                  _("receipt of the revised draft by the DPRD of %(region)s") % region),
        ]  # fmt: skip
        pairs += [(joint if joint.on else offer, received), (received, signed)]
        pairs += [(a, b) for i, a in enumerate(chain) for b in chain[i + 1 :]]
        for name in ("approved_on", "rejected_on"):
            decision = dated(name, _("the decision of the DPRD of %(region)s") % region)
            pairs += [(step, decision) for step in chain] + [(decision, signed)]
    ends = _Dated("ends_on", _("the end of the agreement's term"), c.ends_on)
    pairs += [
        (starts if c.starts_on else signed, ends),
        (starts if c.starts_on else signed,
         _Dated("implementation_started_on", _("the start of implementation"),
                c.implementation_started_on)),
        (signed, _Dated("ended_on", _("the ending of the cooperation"), c.ended_on)),
    ]  # fmt: skip
    for amendment in c.amendments.all():
        label = _("amendment %(number)s") % {"number": amendment.number}
        pairs.append((signed, _Dated(f"amendment:{amendment.pk}", label, amendment.signed_on)))
    for copy in c.copies_sent.all():
        pairs.append((signed, _Dated(f"copy:{copy.pk}", _("a copy sent"), copy.sent_on)))
    for dispute in c.disputes.all():
        pairs.append((signed, _Dated(f"dispute:{dispute.pk}", _("a dispute"), dispute.raised_on)))
    return pairs


def _refuse_dates_out_of_order(
    cooperation: Cooperation, key: str, *, reviews: list[DprdReview] | None = None
) -> None:
    parties = list(cooperation.parties.select_related("region"))
    reviews = list(cooperation.dprd_reviews.all()) if reviews is None else reviews
    for earlier, later in _dates_in_order(cooperation, parties, reviews):
        if key not in (earlier.key, later.key) or earlier.on is None or later.on is None:
            continue
        if later.on < earlier.on:
            raise StepRefused(
                _("The date of %(later)s (%(later_on)s) cannot be before the date of "
                  "%(earlier)s (%(earlier_on)s).")
                % {"later": later.label, "later_on": later.on.isoformat(),
                   "earlier": earlier.label, "earlier_on": earlier.on.isoformat()}
            )  # fmt: skip


def _refuse_after_today(day: dt.date, label: str, today: dt.date) -> None:
    if day > today:
        raise StepRefused(
            _("The %(label)s (%(date)s) cannot be later than today (%(today)s).")
            % {"label": label, "date": day.isoformat(), "today": today.isoformat()}
        )


# ----- The law, applied again -----


def _restage_before_signing(cooperation: Cooperation, today: dt.date) -> None:
    """Awaiting the DPRD, or ready to sign, as the corrected tracks stand today."""
    if cooperation.stage not in (Stage.DPRD_REVIEW, Stage.READY_TO_SIGN):
        return
    verdicts = assessment_for(cooperation, as_of=today).dprd
    done = all(v.track.status in APPROVED or v.approval_required is False for v in verdicts)
    cooperation.stage = Stage.READY_TO_SIGN if done else Stage.DPRD_REVIEW


def _refuse_signing_before_approval(cooperation: Cooperation, region_code: str | None) -> None:
    """A signed agreement needs each submitted DPRD's approval (or deemed approval) on or before
    its signing date (PP 50/2007 Pasal 9 and Pasal 12 ayat (4))."""
    if cooperation.signed_on is None:
        return
    submitted = set(cooperation.dprd_reviews.values_list("region_id", flat=True))
    for verdict in assessment_for(cooperation, as_of=cooperation.signed_on).dprd:
        if region_code is not None and verdict.region != region_code:
            continue
        if verdict.region not in submitted or not verdict.approval_required:
            continue
        if verdict.track.status not in APPROVED:
            region = Region.objects.get(pk=verdict.region)
            raise StepRefused(
                _("The agreement was signed on %(signed)s, when the DPRD of %(region)s had not "
                  "yet approved it on these dates.")
                % {"signed": cooperation.signed_on.isoformat(), "region": region.name}
            )  # fmt: skip


def _reapply_deemed_approval(
    cooperation: Cooperation, review: DprdReview, today: dt.date, effects: dict[str, Any]
) -> None:
    """Pasal 12 ayat (4) on the corrected dates: a deemed approval the tick recorded moves to
    the new due date, or is withdrawn while the DPRD's time has not run out; one not yet
    recorded is left to the next `ksd tick`, which records it with its explanation."""
    if review.deemed_approved_on is None:
        return
    verdict = next(v for v in assessment_for(cooperation, as_of=today).dprd
                   if v.region == review.region_id)  # fmt: skip
    due = verdict.track.deadlines.get("deemed_approval_due")
    new = due if verdict.track.status == "deemed_approved" else None
    if new != review.deemed_approved_on:
        effects["deemed_approved_on"] = [shown(review.deemed_approved_on), shown(new)]
        review.deemed_approved_on = new


def _reapply_expiry(cooperation: Cooperation, today: dt.date, effects: dict[str, Any]) -> None:
    """PP 50/2007 Pasal 18 huruf i: the agreement ends when its term does, judged again on the
    corrected end date."""
    c = cooperation
    if c.stage == Stage.EXPIRED and (c.ends_on is None or c.ends_on >= today):
        c.stage = Stage.IMPLEMENTING if c.implementation_started_on else Stage.SIGNED
        effects["ended_on"] = [shown(c.ended_on), None]
        c.ended_on = None
    elif c.stage in (Stage.SIGNED, Stage.IMPLEMENTING) and c.ends_on and c.ends_on < today:
        c.stage = Stage.EXPIRED
        effects["ended_on"] = [shown(c.ended_on), shown(c.ends_on)]
        c.ended_on = c.ends_on
    elif c.stage == Stage.EXPIRED and c.ended_on != c.ends_on:
        effects["ended_on"] = [shown(c.ended_on), shown(c.ends_on)]
        c.ended_on = c.ends_on


def _recheck_signatories(cooperation: Cooperation, signed_on: dt.date) -> None:
    """Who signed must still have been able to sign on the corrected date (the head in office,
    or a Surat Kuasa valid that day)."""
    from ksd.regions.services import who_may_sign  # the reference app knows offices and letters

    for signatory in cooperation.signatories.select_related("official", "region"):
        signers = {o.pk: a for o, a in who_may_sign(signatory.region_id, signed_on)}
        authority = signers.get(signatory.official_id)
        if authority is None:
            raise StepRefused(
                _("%(official)s could not sign for %(region)s on %(date)s: only the regional "
                  "head in office or the holder of a valid Surat Kuasa may.")
                % {"official": signatory.official.name, "region": signatory.region.name,
                   "date": signed_on.isoformat()}
            )  # fmt: skip
        signatory.signed_on = signed_on
        signatory.power_of_attorney = authority.power_of_attorney
        signatory.citation = authority.citation
        signatory.save(update_fields=["signed_on", "power_of_attorney", "citation"])


def _correction_event(
    cooperation: Cooperation, *, actor: AbstractBaseUser, now: dt.datetime, fact: str,
    old: Any, new: Any, reason: str, effects: dict[str, Any], region_code: str | None = None,
) -> Event:  # fmt: skip
    stage_before = effects.pop("_stage_before", None)
    if stage_before is not None and stage_before != cooperation.stage:
        effects["stage"] = [stage_before, cooperation.stage]
    cooperation.updated_at = now
    cooperation.save()
    return record_event(
        cooperation, EventKind.RECORD_CORRECTED, actor=actor, now=now, region_code=region_code,
        reason=reason, changes={"fact": fact, "old": old, "new": new, "effects": effects},
    )  # fmt: skip


# ----- The corrections -----


@transaction.atomic
def correct_fact(
    cooperation_id: int, *, actor: AbstractBaseUser, fact: str, value: str, reason: str,
    today: dt.date, now: dt.datetime,
) -> Event:  # fmt: skip
    """Correct one shared fact of the record: title, numbers, dates, affair, sector, models."""
    cooperation = lock(cooperation_id)
    spec = SHARED_FACTS.get(fact)
    if spec is None:
        raise StepRefused(_("This fact cannot be corrected here."))
    reason = _reason(reason)
    label = str(spec.label)
    if spec.recorded_with and getattr(cooperation, spec.recorded_with) is None:
        raise StepRefused(
            _("The %(label)s has not been recorded yet: record it with its step.")
            % {"label": label}
        )
    if fact == "ended_on" and cooperation.stage != Stage.TERMINATED:
        raise StepRefused(_("Only the date of a termination can be corrected; an expiry follows "
                            "the end of the agreement's term."))  # fmt: skip
    new = _parse(spec, value)
    old = _current(cooperation, fact)
    if new == old:
        raise StepRefused(_("The new value is the one already recorded."))
    effects: dict[str, Any] = {"_stage_before": cooperation.stage}
    if fact == "affair":
        cooperation.affair = Affair.objects.get(code=new) if new else None
    else:
        setattr(cooperation, fact, new)
    if spec.kind == "date":
        if spec.happened:
            _refuse_after_today(new, label, today)
        _refuse_dates_out_of_order(cooperation, fact)
    if fact == "offered_on":
        try:
            regime = regime_for(new).value
        except LawInputError as exc:
            raise StepRefused(exc.render(law_lang())) from None
        if regime != cooperation.regime:
            effects["regime"] = [cooperation.regime, regime]
        cooperation.regime = regime
        cooperation.governing_on = new
        cooperation.parties.filter(is_initiator=True).update(accepted_on=new)
    if fact == "signed_on":
        _recheck_signatories(cooperation, new)
        _refuse_signing_before_approval(cooperation, None)
    if fact == "ends_on":
        _reapply_expiry(cooperation, today, effects)
    return _correction_event(
        cooperation, actor=actor, now=now, fact=fact, old=shown(old), new=shown(new),
        reason=reason, effects=effects,
    )  # fmt: skip


@transaction.atomic
def correct_dprd_date(
    cooperation_id: int, *, actor: AbstractBaseUser, region_code: str, fact: str, value: str,
    reason: str, today: dt.date, now: dt.datetime,
) -> Event:  # fmt: skip
    """Correct a date of one region's DPRD track, or remove one recorded by mistake (an empty
    value); the track's clocks, the deemed approval and the stage follow the corrected dates."""
    cooperation = lock(cooperation_id)
    label = DPRD_FACTS.get(fact)
    if label is None:
        raise StepRefused(_("This fact cannot be corrected here."))
    reason = _reason(reason)
    review = cooperation.dprd_reviews.filter(region_id=region_code).first()
    if review is None:
        raise StepRefused(_("The draft has not been submitted to this region's DPRD."))
    old = getattr(review, fact)
    if old is None:
        raise StepRefused(
            _("The %(label)s has not been recorded yet: record it with its step.")
            % {"label": label}
        )
    if not value.strip() and fact == "received_on":
        raise StepRefused(_("The %(label)s cannot be left empty.") % {"label": label})
    new = parse_date(value, str(label)) if value.strip() else None
    if new == old:
        raise StepRefused(_("The new value is the one already recorded."))
    setattr(review, fact, new)
    if review.opinion_sent_on is None and (review.opinion_received_on or review.resubmitted_on):
        raise StepRefused(_("Without the DPRD's opinion there is no receipt of it and no "
                            "resubmission: remove those dates first."))  # fmt: skip
    if new is not None:
        _refuse_after_today(new, str(label), today)
    reviews = [r if r.pk != review.pk else review for r in cooperation.dprd_reviews.all()]
    _refuse_dates_out_of_order(cooperation, f"dprd:{region_code}:{fact}", reviews=reviews)
    effects: dict[str, Any] = {"_stage_before": cooperation.stage}
    review.updated_at = now
    review.save()
    _reapply_deemed_approval(cooperation, review, today, effects)
    review.save(update_fields=["deemed_approved_on"])
    _restage_before_signing(cooperation, today)
    _refuse_signing_before_approval(cooperation, region_code)
    return _correction_event(
        cooperation, actor=actor, now=now, fact=fact, old=shown(old), new=shown(new),
        reason=reason, effects=effects, region_code=region_code,
    )  # fmt: skip


@transaction.atomic
def correct_answer_date(
    cooperation_id: int, *, actor: AbstractBaseUser, party_key: str, value: str, reason: str,
    today: dt.date, now: dt.datetime,
) -> Event:  # fmt: skip
    """Correct the date on which a party accepted or declined the offer (PP 50/2007 Pasal 7
    huruf b); it stays between the offer and the joint agreement. The offering region's own
    acceptance is its offer date, corrected with the offer date."""
    cooperation = lock(cooperation_id)
    reason = _reason(reason)
    party = next((p for p in cooperation.parties.all() if p.key == party_key), None)
    if party is None or party.is_initiator:
        raise StepRefused(
            _("“%(party)s” is not a party that answered this offer.") % {"party": party_key}
        )
    fact = "accepted_on" if party.accepted_on else "declined_on"
    old = getattr(party, fact)
    label = fact_label(fact)
    if old is None:
        raise StepRefused(
            _("The %(label)s has not been recorded yet: record it with its step.")
            % {"label": label}
        )
    new = parse_date(value, label)
    if new == old:
        raise StepRefused(_("The new value is the one already recorded."))
    _refuse_after_today(new, label, today)
    setattr(party, fact, new)
    party.save(update_fields=[fact])
    _refuse_dates_out_of_order(cooperation, f"party:{party.key}:{fact}")
    return _correction_event(
        cooperation, actor=actor, now=now, fact=fact, old=shown(old), new=shown(new),
        reason=reason, effects={"party": str(party)}, region_code=party.region_id,
    )  # fmt: skip


@transaction.atomic
def correct_burden(
    cooperation_id: int, *, actor: AbstractBaseUser, region_code: str,
    burden: dict[str, bool | None], reason: str, today: dt.date, now: dt.datetime,
) -> Event:  # fmt: skip
    """Correct the facts of PP 50/2007 Pasal 9-10 (PP 28/2018 Pasal 6 ayat (2)) recorded for
    one region; whether its DPRD must approve, and so the stage, follows them. A fact given as
    yes or no is corrected; one left out (or None) keeps what was recorded, and a fact never
    recorded stays unknown: missing is never "no"."""
    cooperation = lock(cooperation_id)
    reason = _reason(reason)
    party = cooperation.parties.filter(region_id=region_code).first()
    if party is None:
        raise StepRefused(
            _("“%(party)s” is not a party to this cooperation.") % {"party": region_code}
        )
    if set(burden) - set(BURDEN_FIELDS):
        raise StepRefused(_("Unknown burden facts."))
    if party.burden is None:
        raise StepRefused(
            _("The %(label)s has not been recorded yet: record it with its step.")
            % {"label": fact_label("burden")}
        )
    old: dict[str, bool | None] = {
        name: None if party.burden.get(name) is None else bool(party.burden[name])
        for name in BURDEN_FIELDS
    }
    new = {**old, **{k: bool(v) for k, v in burden.items() if v is not None}}
    if new == old:
        raise StepRefused(_("The new value is the one already recorded."))
    party.burden = new
    party.save(update_fields=["burden"])
    effects: dict[str, Any] = {"_stage_before": cooperation.stage}
    _restage_before_signing(cooperation, today)
    return _correction_event(
        cooperation, actor=actor, now=now, fact="burden", old=old, new=new, reason=reason,
        effects=effects, region_code=region_code,
    )  # fmt: skip


@transaction.atomic
def correct_parties(
    cooperation_id: int, *, actor: AbstractBaseUser, add: PartySpec | None = None,
    remove: str | None = None, reason: str, now: dt.datetime,
) -> Event:  # fmt: skip
    """Before the offer is accepted, the offering region may add a party it forgot or remove
    one it named by mistake; ksd.law judges the parties again (PP 50/2007 Pasal 1 angka 3 and
    Pasal 3; PP 28/2018 Pasal 4), and the offer counts as accepted once all remaining parties
    have accepted it."""
    cooperation = lock(cooperation_id)
    if cooperation.stage != Stage.OFFERED:
        raise StepRefused(_("The parties can be corrected only before the offer is accepted."))
    reason = _reason(reason)
    if (add is None) == (remove is None):
        raise StepRefused(_("Add one party or remove one."))
    old = [str(p) for p in cooperation.parties.select_related("region")]
    if remove is not None:
        party = next((p for p in cooperation.parties.all() if p.key == remove), None)
        if party is None:
            raise StepRefused(
                _("“%(party)s” is not a party to this cooperation.") % {"party": remove}
            )
        if party.is_initiator:
            raise StepRefused(_("The initiating region must be one of the parties."))
        party.delete()
    if add is not None:
        if add.region:
            if not Region.objects.filter(code=add.region).exists():
                raise StepRefused(_("Unknown region code “%(code)s”.") % {"code": add.region})
            if cooperation.parties.filter(region_id=add.region).exists():
                raise StepRefused(_("This region is already a party."))
        elif not add.third_party_name.strip():
            raise StepRefused(_("Give the name of the third party."))
        elif add.third_party_form not in {f.value for f in ThirdPartyForm}:
            raise StepRefused(_("Unknown legal form of a third party."))
        Party.objects.create(
            cooperation=cooperation, region_id=add.region or None,
            third_party_id=None if add.region else add.third_party_id,
            third_party_name="" if add.region else add.third_party_name.strip(),
            third_party_form="" if add.region else add.third_party_form,
            third_party_domestic=add.third_party_domestic,
        )  # fmt: skip
    parties = list(cooperation.parties.select_related("region"))
    lang = law_lang()
    for finding in assessment_for(cooperation, as_of=cooperation.offered_on).findings:
        if finding.code in PARTY_FINDINGS and finding.severity is Severity.ERROR:
            raise StepRefused(finding.message.render(lang), str(finding.citation))
    effects: dict[str, Any] = {"_stage_before": cooperation.stage}
    kind = Kind.THIRD_PARTY if any(not p.region_id for p in parties) else Kind.INTER_REGIONAL
    if kind != cooperation.kind:
        effects["kind"] = [cooperation.kind, kind]
        cooperation.kind = kind
    if all(p.accepted_on for p in parties):
        cooperation.stage = Stage.ACCEPTED
    return _correction_event(
        cooperation, actor=actor, now=now, fact="parties", old=old,
        new=[str(p) for p in parties], reason=reason,
        effects={**effects, "party_keys": [law_party(p).key for p in parties]},
    )  # fmt: skip


@transaction.atomic
def withdraw_offer(
    cooperation_id: int, *, actor: AbstractBaseUser, on: dt.date, reason: str,
    today: dt.date, now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """The offering region withdraws its offer before every party has accepted it. The record
    leaves the register and stays in the audit."""
    cooperation = lock(cooperation_id)
    if cooperation.stage != Stage.OFFERED:
        raise StepRefused(_("An offer can be withdrawn only before it is accepted."))
    if on < cooperation.offered_on:
        raise StepRefused(
            _("The date of %(later)s (%(later_on)s) cannot be before the date of "
              "%(earlier)s (%(earlier_on)s).")
            % {"later": _("the withdrawal"), "later_on": on.isoformat(),
               "earlier": _("the offer"), "earlier_on": cooperation.offered_on.isoformat()}
        )  # fmt: skip
    _refuse_after_today(on, str(_("withdrawal date")), today)
    cooperation.stage = Stage.WITHDRAWN
    cooperation.updated_at = now
    cooperation.save(update_fields=["stage", "updated_at"])
    record_event(
        cooperation, EventKind.OFFER_WITHDRAWN, actor=actor, now=now, on=on,
        region_code=cooperation.initiator_id, reason=reason.strip(),
        changes={"stage": [Stage.OFFERED.value, Stage.WITHDRAWN.value]},
    )  # fmt: skip
    return cooperation


@transaction.atomic
def cancel_record(
    cooperation_id: int, *, actor: AbstractBaseUser, reason: str, now: dt.datetime
) -> Cooperation:
    """A record entered by mistake is cancelled, never deleted: it leaves the register, the
    dashboards and the public register; administrators and supervisors still open it, marked
    as cancelled, with its whole event log."""
    cooperation = lock(cooperation_id)  # refuses a record already cancelled
    reason = _reason(reason)
    before = cooperation.stage
    changes: dict[str, Any] = {"stage": [before, Stage.CANCELLED.value]}
    if cooperation.is_published:
        changes["is_published"] = [True, False]
    cooperation.stage = Stage.CANCELLED
    cooperation.is_published = False
    cooperation.updated_at = now
    cooperation.save(update_fields=["stage", "is_published", "updated_at"])
    record_event(
        cooperation, EventKind.RECORD_CANCELLED, actor=actor, now=now, reason=reason,
        changes=changes,
    )  # fmt: skip
    return cooperation

"""After signing: copies to the supervisors, implementation, amendment, termination, expiry and
publication in the public register.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from ksd.cooperation import dates
from ksd.cooperation.articles import (
    article_of,
    copies_regime,
)
from ksd.cooperation.common import expect_stage, lock
from ksd.cooperation.dates import Step
from ksd.cooperation.events import record_event
from ksd.cooperation.law import facts_for, law_lang
from ksd.cooperation.models import (
    Amendment,
    Cooperation,
    CopySent,
    EventKind,
    ImplementingAgency,
    Stage,
)
from ksd.core.errors import StepRefused
from ksd.law.assessment import RULES, copies_to_send
from ksd.law.errors import LawInputError
from ksd.law.facts import parse_termination
from ksd.law.regions import get_region
from ksd.law.transition import step_regime
from ksd.regions.models import Agency


@transaction.atomic
def send_copies(
    cooperation_id: int, *, actor: AbstractBaseUser, region_code: str, recipients: list[str],
    sent_on: dt.date, now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """PP 50/2007 Pasal 12 ayat (5)-(6): each head sends copies of the signed agreement to the
    recipients the law names for it. PP 28/2018 names none: the copies go to the supervisors of
    its Pasal 44, as ksd.law advises."""
    cooperation = lock(cooperation_id)
    expect_stage(cooperation, Stage.SIGNED, Stage.IMPLEMENTING)
    party = next((p for p in cooperation.parties.all() if p.region_id == region_code), None)
    if party is None:
        raise StepRefused(
            _("“%(party)s” is not a party to this cooperation.") % {"party": region_code}
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
    expect_stage(cooperation, Stage.SIGNED)
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
    expect_stage(cooperation, Stage.SIGNED, Stage.IMPLEMENTING)
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
    expect_stage(cooperation, Stage.SIGNED, Stage.IMPLEMENTING)
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
def publish(cooperation_id: int, *, actor: AbstractBaseUser, now: dt.datetime) -> Cooperation:
    """PP 50/2007 Pasal 2 huruf i (transparency) and Pasal 21 huruf b (a published compilation);
    under PP 28/2018, which has no such article, UU 23/2014 Pasal 58 huruf d (openness): a signed
    cooperation enters the public register. Drafts never do."""
    cooperation = lock(cooperation_id)
    expect_stage(cooperation, Stage.SIGNED, Stage.IMPLEMENTING, Stage.TERMINATED, Stage.EXPIRED)
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

"""Getting to a signature: opinions asked before the DPRD, the signing itself (refused while a
required DPRD has not approved), who signed, and a head's Surat Kuasa.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from ksd.cooperation import dates
from ksd.cooperation.abroad.services import refuse_signing_without_confirmation
from ksd.cooperation.articles import (
    article_for,
    article_of,
    signers_article,
    signing_article,
)
from ksd.cooperation.common import expect_stage, lock
from ksd.cooperation.dates import Step
from ksd.cooperation.events import record_event
from ksd.cooperation.law import assessment_for, law_lang
from ksd.cooperation.models import (
    Cooperation,
    EventKind,
    Signatory,
    Stage,
)
from ksd.cooperation.offer.services import check_term
from ksd.cooperation.queries import STATUS_LABELS
from ksd.core.errors import StepRefused
from ksd.law.regions import get_region
from ksd.regions.models import PowerOfAttorney


@transaction.atomic
def sign_agreement(
    cooperation_id: int, *, actor: AbstractBaseUser, number: str, signed_on: dt.date,
    starts_on: dt.date | None = None, term_years: int | None = None, now: dt.datetime,
) -> Cooperation:  # fmt: skip
    """Pasal 5 and Pasal 9: the PKS is signed once every burdened region's DPRD has approved
    (or is deemed to have approved, Pasal 12 ayat (4))."""
    cooperation = lock(cooperation_id)
    expect_stage(cooperation, Stage.DRAFTING, Stage.DPRD_REVIEW, Stage.READY_TO_SIGN)
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
    check_term(term_years)
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
                % {"date": start.isoformat(), "years": cooperation.term_years, "max": dt.MAXYEAR}
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
    expect_stage(cooperation, Stage.JOINT_AGREEMENT, Stage.DRAFTING)
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
def record_signatory(
    cooperation_id: int, *, actor: AbstractBaseUser, region_code: str, official_id: int,
    now: dt.datetime,
) -> Signatory:  # fmt: skip
    """Who signed for a region: its head in office on the signing day, or an official holding a
    Surat Kuasa valid that day (regions.services.who_may_sign); anyone else is refused."""
    from ksd.regions.services import who_may_sign  # the reference app knows offices and letters

    cooperation = lock(cooperation_id)
    expect_stage(cooperation, Stage.SIGNED, Stage.IMPLEMENTING)
    assert cooperation.signed_on is not None  # noqa: S101 - set by sign_agreement
    if not cooperation.parties.filter(region_id=region_code).exists():
        raise StepRefused(
            _("“%(party)s” is not a party to this cooperation.") % {"party": region_code}
        )
    if cooperation.signatories.filter(region_id=region_code).exists():
        raise StepRefused(_("The signatory of this region has already been recorded."))
    signers = {o.pk: (o, a) for o, a in who_may_sign(region_code, cooperation.signed_on)}
    if official_id not in signers:
        raise StepRefused(
            _("This official could not sign for %(region)s on %(date)s: only the regional head in "
              "office or the holder of a valid Surat Kuasa may.")
            % {"region": region_code, "date": cooperation.signed_on.isoformat()},
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
    expect_stage(cooperation, Stage.ACCEPTED, Stage.JOINT_AGREEMENT, Stage.DRAFTING,
                  Stage.DPRD_REVIEW, Stage.READY_TO_SIGN)  # fmt: skip
    if not cooperation.parties.filter(region_id=region_code).exists():
        raise StepRefused(
            _("“%(party)s” is not a party to this cooperation.") % {"party": region_code}
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

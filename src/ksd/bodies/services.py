"""Forming a cooperation body, changing its members and filing its reports.

Whether a body may be formed for a cooperation is ksd.law's answer (PP 50/2007 Pasal 24 for a
badan kerja sama, PP 28/2018 Pasal 7 for a sekretariat kerja sama); a refusal names the
articles and changes nothing. A body recorded without a linked cooperation (one formed before
KSD, say) is recorded as its joint decision states.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils.translation import gettext as _

from ksd.accounts.models import Role
from ksd.bodies.models import BodyKind, BodyMember, BodyReport, CooperationBody
from ksd.cooperation.law import assessment_for, law_lang
from ksd.cooperation.models import Cooperation
from ksd.cooperation.services import lock as lock_cooperation
from ksd.core.access import acts_for, membership_of
from ksd.core.audit import acting_as
from ksd.core.dates import check_record_date
from ksd.core.errors import StepRefused
from ksd.law.regimes import INFO, Regime
from ksd.law.verdicts import BodyVerdict
from ksd.regions.models import Region

# Terms of art, the same in both languages.
TERMS = {BodyKind.BADAN: "badan kerja sama", BodyKind.SEKRETARIAT: "sekretariat kerja sama"}


@dataclass(frozen=True)
class MemberSpec:
    """A member region and the person who represents it in the body."""

    region: str
    representative_name: str
    representative_position: str


def may_manage(actor: AbstractBaseUser | AnonymousUser, region_codes: Iterable[str]) -> bool:
    """A body's records are kept by the cooperation officers of its member regions, or by an
    administrator."""
    membership = membership_of(actor)
    if getattr(actor, "is_superuser", False) or (
        membership is not None and membership.role == Role.ADMINISTRATOR
    ):
        return True
    return any(acts_for(actor, code, Role.OPERATOR) for code in region_codes)


def current_member_codes(body: CooperationBody, on: dt.date | None = None) -> set[str]:
    """The member regions now, or on the day `on`."""
    members = body.members.filter(left_on__isnull=True)
    if on is not None:
        members = body.members.filter(joined_on__lte=on).exclude(left_on__lte=on)
    return set(members.values_list("region_id", flat=True))


def _require_manager(actor: AbstractBaseUser, region_codes: Iterable[str]) -> None:
    if not may_manage(actor, region_codes):
        raise StepRefused(_("Only a member region's cooperation officers may change this body."))


def _require_regions(codes: Sequence[str]) -> None:
    if Region.objects.filter(code__in=codes).count() != len(set(codes)):
        raise StepRefused(_("Choose member regions from the region list."))


def _law_allows(cooperation: Cooperation, kind: str, as_of: dt.date) -> str:
    """The articles under which the body may be formed; StepRefused with them if it may not."""
    assessment = assessment_for(cooperation, as_of=as_of)
    verdict: BodyVerdict | None = (
        assessment.badan if kind == BodyKind.BADAN else assessment.sekretariat
    )
    if verdict is None:
        raise StepRefused(
            _("%(regulation)s, which governs this cooperation, provides for no %(term)s.")
            % {"regulation": INFO[Regime(cooperation.regime)].regulation, "term": TERMS[kind]}
        )
    citation = "; ".join(dict.fromkeys(str(r.citation) for r in verdict.reasons))
    if not verdict.allowed:
        reasons = " ".join(r.message.render(law_lang()) for r in verdict.reasons)
        raise StepRefused(
            _("This body may not be formed for this cooperation. %(reasons)s")
            % {"reasons": reasons},
            citation,
        )
    return citation


def _lock_body(body_id: int) -> CooperationBody:
    try:
        return CooperationBody.objects.select_for_update(no_key=True).get(pk=body_id)
    except CooperationBody.DoesNotExist:
        raise StepRefused(_("This cooperation body does not exist.")) from None


def _require_party(cooperation: Cooperation | None, codes: Iterable[str]) -> None:
    if cooperation is None:
        return
    parties = set(cooperation.parties.values_list("region_id", flat=True))
    if not set(codes) <= parties:
        raise StepRefused(_("Every member must be a region that is party to the cooperation."))


def form_body(
    *,
    actor: AbstractBaseUser,
    name: str,
    kind: str,
    decision_number: str,
    decided_on: dt.date,
    members: Sequence[MemberSpec],
    cooperation_id: int | None = None,
    now: dt.datetime,
) -> CooperationBody:
    """Record a body formed by the joint decision `decision_number` of `decided_on`, with its
    first members."""
    if kind not in BodyKind.values:
        raise StepRefused(_("Choose whether this is a badan or a sekretariat kerja sama."))
    check_record_date(decided_on, now=now)
    if not name.strip() or not decision_number.strip():
        raise StepRefused(_("Give the body's name and the number of the joint decision."))
    codes = [m.region for m in members]
    if len(set(codes)) < 2 or len(set(codes)) != len(codes):
        raise StepRefused(_("A body has members from at least two different regions."))
    _require_regions(codes)
    _require_manager(actor, codes)
    with transaction.atomic(), acting_as(actor):
        cooperation, citation = None, ""
        if cooperation_id is not None:
            cooperation = lock_cooperation(cooperation_id)
            _require_party(cooperation, codes)
            citation = _law_allows(cooperation, kind, decided_on)
        body = CooperationBody.objects.create(
            name=name.strip(), kind=kind, decision_number=decision_number.strip(),
            decided_on=decided_on, cooperation=cooperation, citation=citation, formed_by=actor,
            created_at=now,
        )  # fmt: skip
        for m in members:  # one by one, so that the audit trail records each member
            BodyMember.objects.create(
                body=body,
                region_id=m.region,
                representative_name=m.representative_name,
                representative_position=m.representative_position,
                joined_on=decided_on,
            )
    return body


def add_member(
    body_id: int, *, actor: AbstractBaseUser, member: MemberSpec, joined_on: dt.date,
    now: dt.datetime,
) -> BodyMember:  # fmt: skip
    with transaction.atomic(), acting_as(actor):
        body = _lock_body(body_id)
        _require_manager(actor, current_member_codes(body))
        _require_regions([member.region])
        if member.region in current_member_codes(body):
            raise StepRefused(_("This region is already a member of the body."))
        check_record_date(joined_on, now=now)
        if joined_on < body.decided_on:
            raise StepRefused(_("A member cannot join before the body was formed."))
        _require_party(body.cooperation, [member.region])
        return BodyMember.objects.create(
            body=body, region_id=member.region, representative_name=member.representative_name,
            representative_position=member.representative_position, joined_on=joined_on,
        )  # fmt: skip


def remove_member(
    member_id: int, *, actor: AbstractBaseUser, left_on: dt.date, now: dt.datetime
) -> BodyMember:
    with transaction.atomic(), acting_as(actor):
        member = BodyMember.objects.select_for_update(no_key=True).filter(pk=member_id).first()
        if member is None:
            raise StepRefused(_("This member does not exist."))
        body = _lock_body(member.body_id)
        _require_manager(actor, current_member_codes(body))
        if member.left_on is not None:
            raise StepRefused(_("This member has already left the body."))
        check_record_date(left_on, now=now)
        if left_on < member.joined_on:
            raise StepRefused(_("A member cannot leave before joining."))
        member.left_on = left_on
        member.save(update_fields=["left_on"])
    return member


def file_report(
    body_id: int, *, actor: AbstractBaseUser, period: str, submitted_on: dt.date, summary: str,
    reported_to: Sequence[str], now: dt.datetime,
) -> BodyReport:  # fmt: skip
    """Record the body's periodic report to the heads of its member regions (PP 50/2007 Pasal 25
    ayat (1) huruf c)."""
    if not period.strip() or not summary.strip():
        raise StepRefused(_("Give the report's period and a summary."))
    check_record_date(submitted_on, now=now)
    with transaction.atomic(), acting_as(actor):
        body = _lock_body(body_id)
        members = current_member_codes(body, on=submitted_on)
        _require_manager(actor, members)
        if not reported_to or not set(reported_to) <= members:
            raise StepRefused(
                _(
                    "A report goes to the heads of regions that are members on the day it is submitted."
                )
            )
        report = BodyReport.objects.create(
            body=body, period=period.strip(), submitted_on=submitted_on, summary=summary.strip(),
            filed_by=actor, created_at=now,
        )  # fmt: skip
        report.reported_to.set(sorted(set(reported_to)))
    return report

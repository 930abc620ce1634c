"""The one rule for the legal dates of a cooperation, used by every lifecycle step.

A step's legal date (the `*_on` date taken from its letter) must

1. lie where the law and the working-day calendar can judge it (core/dates.py): from 17 August
   1945 (an agreement made before PP 50/2007 is still recorded, PP 50/2007 Pasal 26) to the last
   day of KSD's working-day calendar (31 December 2100); a DPRD step from 22 August 2007;
2. not be later than today, for a thing that has happened (a planned end date may be in the
   future). "Today" is the date of the moment the step is recorded (`now`) in Asia/Jayapura, the
   easternmost zone: no region of Indonesia has a later date at that moment;
3. not precede any recorded step it depends on:
   offer ≤ answer ≤ joint agreement ≤ draft ≤ DPRD submission ≤ opinion ≤ resubmission ≤
   decision ≤ signing ≤ entry into force; copies, implementation, amendments, disputes and
   termination come after signing, a settlement after its dispute.

Every refusal names both dates, so the user sees which recorded fact the new date contradicts.
A recorded date is never moved by a later step: that needs a correction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from django.db.models import Max
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ksd.core.dates import (
    FIRST_DPRD_DAY,
    FIRST_LEGAL_DAY,
    LAST_LEGAL_DAY,
    before_dprd_rules,
    out_of_range,
    show,
    today_at,
)
from ksd.core.errors import StepRefused

if TYPE_CHECKING:
    from ksd.cooperation.models import Cooperation, Dispute
    from ksd.dprd.models import DprdReview


class Step(StrEnum):
    OFFER = "offer"
    ANSWER = "answer"
    JOINT_AGREEMENT = "joint_agreement"
    DRAFT = "draft"
    OPINIONS_REQUESTED = "opinions_requested"
    POWER_OF_ATTORNEY = "power_of_attorney"
    DPRD_SUBMISSION = "dprd_submission"
    DPRD_OPINION = "dprd_opinion"
    DPRD_OPINION_RECEIVED = "dprd_opinion_received"
    DPRD_RESUBMISSION = "dprd_resubmission"
    DPRD_DECISION = "dprd_decision"
    SIGNING = "signing"
    ENTRY_INTO_FORCE = "entry_into_force"
    COPIES = "copies"
    IMPLEMENTATION = "implementation"
    AMENDMENT = "amendment"
    NEW_END = "new_end"
    DISPUTE = "dispute"
    SETTLEMENT = "settlement"
    TERMINATION = "termination"


LABELS: dict[Step, Promise] = {
    Step.OFFER: gettext_lazy("the offer"),
    Step.ANSWER: gettext_lazy("the answer to the offer"),
    Step.JOINT_AGREEMENT: gettext_lazy("the joint agreement"),
    Step.DRAFT: gettext_lazy("the draft agreement"),
    Step.OPINIONS_REQUESTED: gettext_lazy("the request for opinions"),
    Step.POWER_OF_ATTORNEY: gettext_lazy("the Surat Kuasa"),
    Step.DPRD_SUBMISSION: gettext_lazy("the DPRD's receipt of the draft"),
    Step.DPRD_OPINION: gettext_lazy("the DPRD opinion"),
    Step.DPRD_OPINION_RECEIVED: gettext_lazy("the receipt of the DPRD opinion"),
    Step.DPRD_RESUBMISSION: gettext_lazy("the resubmission to the DPRD"),
    Step.DPRD_DECISION: gettext_lazy("the DPRD decision"),
    Step.SIGNING: gettext_lazy("the signing of the agreement"),
    Step.ENTRY_INTO_FORCE: gettext_lazy("the entry into force"),
    Step.COPIES: gettext_lazy("the sending of copies"),
    Step.IMPLEMENTATION: gettext_lazy("the start of implementation"),
    Step.AMENDMENT: gettext_lazy("the amendment"),
    Step.NEW_END: gettext_lazy("the new end date"),
    Step.DISPUTE: gettext_lazy("the dispute"),
    Step.SETTLEMENT: gettext_lazy("the settlement of the dispute"),
    Step.TERMINATION: gettext_lazy("the termination"),
}
# The DPRD steps: judged by PP 50/2007 Pasal 9-12 and its successor, from 22 August 2007.
DPRD_STEPS = frozenset({Step.DPRD_SUBMISSION, Step.DPRD_OPINION, Step.DPRD_OPINION_RECEIVED,
                        Step.DPRD_RESUBMISSION, Step.DPRD_DECISION})  # fmt: skip
# Steps that may be dated in the future: they are planned, not done.
PLANNED = frozenset({Step.ENTRY_INTO_FORCE, Step.NEW_END})


@dataclass(frozen=True)
class Recorded:
    """A recorded date that a new step may not precede."""

    label: str
    day: dt.date


def check_range(day: dt.date) -> None:
    """Refuse a date the law and the working-day calendar cannot judge."""
    if not FIRST_LEGAL_DAY <= day <= LAST_LEGAL_DAY:
        raise StepRefused(out_of_range(day))


def check(step: Step, day: dt.date, *, now: dt.datetime, after: Iterable[Recorded] = ()) -> None:
    """Refuse `day` as the legal date of `step` unless it is judgeable, not in the future (for a
    thing done) and on or after every recorded date in `after`."""
    label = str(LABELS[step])
    check_range(day)
    if step in DPRD_STEPS and day < FIRST_DPRD_DAY:
        raise StepRefused(before_dprd_rules(day))
    today = today_at(now)
    if step not in PLANNED and day > today:
        raise StepRefused(
            _("The date of %(step)s (%(date)s) is later than today (%(today)s): record a step "
              "once it has happened.")
            % {"step": label, "date": show(day), "today": show(today)}
        )  # fmt: skip
    for earlier in after:
        if day < earlier.day:
            raise StepRefused(
                _("The date of %(step)s (%(date)s) is before %(earlier)s, recorded on "
                  "%(earlier_date)s: a step cannot precede what it depends on.")
                % {"step": label, "date": show(day), "earlier": earlier.label,
                   "earlier_date": show(earlier.day)}
            )  # fmt: skip


def recorded(step: Step, *days: dt.date | None) -> list[Recorded]:
    """The recorded dates of `step` that are known (None is not recorded)."""
    return [Recorded(str(LABELS[step]), d) for d in days if d is not None]


# ----- what each step depends on, read from the record -----


def draft_date(cooperation: Cooperation) -> dt.date | None:
    """The legal date of the latest recorded draft of the agreement."""
    from ksd.cooperation.models import EventKind

    # A cooperation abroad has its draft approved after the inter-ministerial meeting instead
    # (PP 28/2018 Pasal 32 and 39).
    drafts = (EventKind.AGREEMENT_DRAFTED, EventKind.FOREIGN_DRAFT_APPROVED)
    day: dt.date | None = cooperation.events.filter(kind__in=drafts).aggregate(last=Max("on"))[
        "last"
    ]
    return day


def after_offer(cooperation: Cooperation) -> list[Recorded]:
    return recorded(Step.OFFER, cooperation.offered_on)


def after_answers(cooperation: Cooperation) -> list[Recorded]:
    answers = [p.accepted_on for p in cooperation.parties.all() if not p.is_initiator]
    return after_offer(cooperation) + recorded(Step.ANSWER, max(answers, default=None))


def after_joint_agreement(cooperation: Cooperation) -> list[Recorded]:
    return after_answers(cooperation) + recorded(
        Step.JOINT_AGREEMENT, cooperation.joint_agreement_signed_on
    )


def after_draft(cooperation: Cooperation) -> list[Recorded]:
    return after_joint_agreement(cooperation) + recorded(Step.DRAFT, draft_date(cooperation))


def after_dprd_submission(review: DprdReview) -> list[Recorded]:
    return recorded(Step.DPRD_SUBMISSION, review.received_on)


def after_dprd_opinion(review: DprdReview) -> list[Recorded]:
    return (
        after_dprd_submission(review)
        + recorded(Step.DPRD_OPINION, review.opinion_sent_on)
        + recorded(Step.DPRD_OPINION_RECEIVED, review.opinion_received_on)
    )


def after_dprd_track(review: DprdReview) -> list[Recorded]:
    return (
        after_dprd_opinion(review)
        + recorded(Step.DPRD_RESUBMISSION, review.resubmitted_on)
        + recorded(
            Step.DPRD_DECISION, review.approved_on, review.rejected_on, review.deemed_approved_on
        )
    )


def before_signing(cooperation: Cooperation) -> list[Recorded]:
    """Everything a signing may not precede: the draft and every DPRD track to its decision."""
    tracks = [r for review in cooperation.dprd_reviews.all() for r in after_dprd_track(review)]
    return after_draft(cooperation) + tracks


def after_signing(cooperation: Cooperation) -> list[Recorded]:
    return recorded(Step.SIGNING, cooperation.signed_on)


def before_amendment(cooperation: Cooperation) -> list[Recorded]:
    """An amendment follows the signing and the amendments already recorded: the latest one
    governs the agreement (and its end date), so none may be slipped in before it."""
    amendments = [a.signed_on for a in cooperation.amendments.all()]
    return after_signing(cooperation) + recorded(Step.AMENDMENT, max(amendments, default=None))


def before_termination(cooperation: Cooperation) -> list[Recorded]:
    """Termination follows the signing and every later step recorded on the agreement."""
    amendments = [a.signed_on for a in cooperation.amendments.all()]
    disputes = [d.raised_on for d in cooperation.disputes.all()]
    settled = [d.settled_on for d in cooperation.disputes.all() if d.settled_on]
    return (
        after_signing(cooperation)
        + recorded(Step.IMPLEMENTATION, cooperation.implementation_started_on)
        + recorded(Step.AMENDMENT, max(amendments, default=None))
        + recorded(Step.DISPUTE, max(disputes, default=None))
        + recorded(Step.SETTLEMENT, max(settled, default=None))
    )


def after_dispute(dispute: Dispute) -> list[Recorded]:
    return recorded(Step.DISPUTE, dispute.raised_on)

"""The DPRD track of each burdened region (PP 50/2007 Pasal 9-12): submit, opinion, resubmission,
decision, deemed approval. Clocks and statuses always come from ksd.law."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from ksd.cooperation import dates
from ksd.cooperation.abroad.services import is_abroad
from ksd.cooperation.articles import article_of
from ksd.cooperation.dates import Step
from ksd.cooperation.events import record_event
from ksd.cooperation.law import assessment_for, calendar_for_region, law_lang
from ksd.cooperation.models import Cooperation, EventKind, Stage
from ksd.cooperation.queries import STATUS_LABELS
from ksd.cooperation.services import lock
from ksd.core.errors import StepRefused
from ksd.dprd.models import DprdReview
from ksd.dprd.stages import SUBMIT_STAGES
from ksd.law.assessment import DprdVerdict
from ksd.law.regimes import Regime
from ksd.law.regions import get_region

# Statuses in which the DPRD has decided, one way or the other.
DECIDED = frozenset({"approved", "rejected", "deemed_approved"})
APPROVED = frozenset({"approved", "deemed_approved"})


_AYAT_STEPS = {
    "1": EventKind.DPRD_SUBMITTED,
    "2": EventKind.DPRD_OPINION,
    "3": EventKind.DPRD_RESUBMITTED,
    "4": EventKind.DPRD_DEEMED_APPROVED,
}


def pasal12(cooperation: Cooperation, ayat: str, on: dt.date | None = None) -> str:
    """The article of PP 50/2007 Pasal 12 ayat `ayat`'s step, in the regulation in force on the
    step's date `on` (PP 28/2018 Pasal 51 repealed PP 50/2007 with no saving clause for a DPRD
    review under way), else in this cooperation's regulation (cooperation/articles.py: under
    PP 28/2018, Pasal 6 ayat (2), or ayat (4) for a deemed approval, which only the parameter
    pp28_dprd_clocks can bring)."""
    if is_abroad(cooperation):
        # KSDPL/KSDLL: the head's letter with the plan (Pasal 30 ayat (2)), 45 working days
        # and no deemed approval (ayat (4)); for KSDLL through Pasal 38.
        return (
            "PP 28/2018 Pasal 30 ayat (2)" if ayat in ("2", "3") else "PP 28/2018 Pasal 30 ayat (4)"
        )
    return article_of(cooperation, _AYAT_STEPS[ayat], on)


def _verdict(cooperation: Cooperation, region_code: str, as_of: dt.date) -> DprdVerdict:
    assessment = assessment_for(cooperation, as_of=as_of)
    verdict = next((v for v in assessment.dprd if v.region == region_code), None)
    if verdict is None:
        raise StepRefused(
            _("“%(party)s” is not a region party to this cooperation.") % {"party": region_code}
        )
    return verdict


def _review(cooperation: Cooperation, region_code: str) -> DprdReview:
    review = cooperation.dprd_reviews.filter(region_id=region_code).first()
    if review is None:
        raise StepRefused(_("The draft has not been submitted to this region's DPRD."))
    return review


def _touch(
    cooperation: Cooperation, review: DprdReview, fields: list[str], now: dt.datetime
) -> None:
    review.updated_at = now
    review.save(update_fields=[*fields, "updated_at"])
    cooperation.updated_at = now
    cooperation.save(update_fields=["stage", "updated_at"])


@transaction.atomic
def submit_to_dprd(
    cooperation_id: int, *, actor: AbstractBaseUser, region_code: str, received_on: dt.date,
    now: dt.datetime,
) -> DprdReview:  # fmt: skip
    """Pasal 11 ayat (1): the head sends the draft to the Ketua DPRD; day 0 of the clocks is the
    day the DPRD receives it (Pasal 12 ayat (1))."""
    cooperation = lock(cooperation_id)
    if cooperation.stage not in SUBMIT_STAGES[Regime(cooperation.regime)]:
        raise StepRefused(
            _("Only a drafted agreement can be submitted to the DPRD.")
            if cooperation.regime == Regime.PP50_2007
            else _("Under PP 28/2018 the plan goes to the DPRD after the joint agreement."),
            pasal12(cooperation, "1") if cooperation.regime == Regime.PP50_2007
            else "PP 28/2018 Pasal 6 ayat (1) huruf e",
        )  # fmt: skip
    # PP 50/2007 Pasal 11 sends the drafted agreement; PP 28/2018 Pasal 6 ayat (1) huruf e the
    # plan right after the joint agreement.
    dates.check(
        Step.DPRD_SUBMISSION, received_on, now=now,
        after=dates.after_draft(cooperation) if cooperation.regime == Regime.PP50_2007
        else dates.after_joint_agreement(cooperation),
    )  # fmt: skip
    verdict = _verdict(cooperation, region_code, received_on)
    if verdict.approval_required is None:
        raise StepRefused(
            _(
                "Record the burden facts of this region first: without them KSD cannot tell whether its DPRD must approve."
            )
        )
    # Which DPRDs must approve is settled before the first letter goes: once the draft is with
    # a DPRD it is no longer redrafted, and an unknown burden would then stay unknown.
    unknown = [
        get_region(v.region).name
        for v in assessment_for(cooperation, as_of=received_on).dprd
        if v.approval_required is None
    ]
    if unknown:
        raise StepRefused(
            _("Record the burden facts of %(regions)s before the draft goes to a DPRD: without "
              "them KSD cannot tell whether their DPRD must approve too.")
            % {"regions": ", ".join(unknown)}
        )  # fmt: skip
    if not verdict.approval_required:
        reason = verdict.reasons[-1]
        raise StepRefused(reason.message.render(law_lang()), str(reason.citation))
    if cooperation.dprd_reviews.filter(region_id=region_code).exists():
        raise StepRefused(_("The draft has already been submitted to this region's DPRD."))
    review = DprdReview.objects.create(
        cooperation=cooperation, region_id=region_code, received_on=received_on,
        created_at=now, updated_at=now,
    )  # fmt: skip
    cooperation.stage = Stage.DPRD_REVIEW
    cooperation.updated_at = now
    cooperation.save(update_fields=["stage", "updated_at"])
    record_event(
        cooperation, EventKind.DPRD_SUBMITTED, actor=actor, now=now, on=received_on,
        region_code=region_code, citation=pasal12(cooperation, "1", received_on),
        changes={"received_on": received_on.isoformat()},
    )  # fmt: skip
    return review


def _expect_status(
    cooperation: Cooperation, review: DprdReview, on: dt.date, allowed: set[str]
) -> str:
    status = _verdict(cooperation, review.region_id, on).track.status
    if status not in allowed:
        raise StepRefused(
            _("This DPRD step is not possible while the track is “%(status)s”.")
            % {"status": STATUS_LABELS.get(status, status)}
        )
    return status


def _sentence(step: Step) -> str:
    """A step's label at the start of a sentence ("Keputusan DPRD ...")."""
    label = str(dates.LABELS[step])
    return label[:1].upper() + label[1:]


def _refuse_if_decided(review: DprdReview, step: Step, on: dt.date) -> None:
    """A recorded decision is final: no later step may replace or precede it. Only a
    correction can change it."""
    for label, day in (
        (_("approved"), review.approved_on),
        (_("refused"), review.rejected_on),
        (_("deemed to have approved"), review.deemed_approved_on),
    ):
        if day is not None:
            raise StepRefused(
                _("The DPRD of %(region)s has already decided: %(decision)s on %(recorded)s. "
                  "%(step)s dated %(date)s cannot be recorded; a recorded decision can only be "
                  "corrected.")
                % {"region": review.region.name, "decision": label, "recorded": dates.show(day),
                   "step": _sentence(step), "date": dates.show(on)}
            )  # fmt: skip


def _refuse_if_recorded(
    review: DprdReview, step: Step, recorded_on: dt.date | None, on: dt.date
) -> None:
    if recorded_on is not None:
        raise StepRefused(
            _("%(step)s has already been recorded for the DPRD of %(region)s, dated "
              "%(recorded)s; another dated %(date)s cannot replace it.")
            % {"step": _sentence(step), "region": review.region.name,
               "recorded": dates.show(recorded_on), "date": dates.show(on)}
        )  # fmt: skip


@transaction.atomic
def record_dprd_opinion(
    cooperation_id: int, *, actor: AbstractBaseUser, region_code: str, sent_on: dt.date,
    received_on: dt.date | None = None, summary: str = "", now: dt.datetime,
) -> DprdReview:  # fmt: skip
    """Pasal 12 ayat (2): the DPRD finds the draft short of the principles and sends its
    opinion; the head's 14 working days (ayat (3)) run from its receipt."""
    cooperation = lock(cooperation_id)
    review = _review(cooperation, region_code)
    _refuse_if_decided(review, Step.DPRD_OPINION, sent_on)
    _refuse_if_recorded(review, Step.DPRD_OPINION, review.opinion_sent_on, sent_on)
    dates.check(Step.DPRD_OPINION, sent_on, now=now, after=dates.after_dprd_submission(review))
    if received_on is not None:
        dates.check(
            Step.DPRD_OPINION_RECEIVED, received_on, now=now,
            after=dates.recorded(Step.DPRD_OPINION, sent_on),
        )  # fmt: skip
    _expect_status(cooperation, review, sent_on, {"under_review", "assessment_overdue"})
    review.opinion_sent_on = sent_on
    review.opinion_received_on = received_on
    _touch(cooperation, review, ["opinion_sent_on", "opinion_received_on"], now)
    record_event(
        cooperation, EventKind.DPRD_OPINION, actor=actor, now=now, on=sent_on,
        region_code=region_code, citation=pasal12(cooperation, "2", sent_on), reason=summary,
        changes={"opinion_sent_on": sent_on.isoformat()},
    )  # fmt: skip
    return review


@transaction.atomic
def record_resubmission(
    cooperation_id: int, *, actor: AbstractBaseUser, region_code: str, received_on: dt.date,
    now: dt.datetime,
) -> DprdReview:  # fmt: skip
    """Pasal 12 ayat (3): the head revises the draft and sends it back; ayat (4)'s 15 working
    days run from the DPRD's receipt."""
    cooperation = lock(cooperation_id)
    review = _review(cooperation, region_code)
    _refuse_if_decided(review, Step.DPRD_RESUBMISSION, received_on)
    _refuse_if_recorded(review, Step.DPRD_RESUBMISSION, review.resubmitted_on, received_on)
    dates.check(
        Step.DPRD_RESUBMISSION, received_on, now=now, after=dates.after_dprd_opinion(review)
    )
    _expect_status(cooperation, review, received_on, {"opinion_given", "revision_overdue"})
    review.resubmitted_on = received_on
    _touch(cooperation, review, ["resubmitted_on"], now)
    record_event(
        cooperation, EventKind.DPRD_RESUBMITTED, actor=actor, now=now, on=received_on,
        region_code=region_code, citation=pasal12(cooperation, "3", received_on),
        changes={"resubmitted_on": received_on.isoformat()},
    )  # fmt: skip
    return review


def _advance_if_all_approved(cooperation: Cooperation, on: dt.date) -> None:
    verdicts = assessment_for(cooperation, as_of=on).dprd
    if all(v.track.status in APPROVED or v.approval_required is False for v in verdicts):
        cooperation.stage = Stage.READY_TO_SIGN


@transaction.atomic
def record_dprd_decision(
    cooperation_id: int, *, actor: AbstractBaseUser, region_code: str, approved: bool,
    on: dt.date, now: dt.datetime,
) -> DprdReview:  # fmt: skip
    """The DPRD approves or refuses, once: a recorded decision is final, and a decision may not
    precede the submission, opinion or resubmission it answers. After a deemed approval
    (ayat (4)) there is nothing left to decide."""
    cooperation = lock(cooperation_id)
    review = _review(cooperation, region_code)
    _refuse_if_decided(review, Step.DPRD_DECISION, on)
    dates.check(Step.DPRD_DECISION, on, now=now, after=dates.after_dprd_track(review))
    status = _verdict(cooperation, region_code, on).track.status
    if status == "deemed_approved" or review.deemed_approved_on:
        raise StepRefused(
            _(
                "The DPRD is already deemed to have approved: its time limit after the resubmission has passed."
            ),
            pasal12(cooperation, "4"),
        )
    _expect_status(
        cooperation,
        review,
        on,
        {"under_review", "assessment_overdue", "opinion_given", "revision_overdue", "resubmitted"},
    )
    if approved:
        review.approved_on = on
    else:
        review.rejected_on = on
    _touch(cooperation, review, ["approved_on" if approved else "rejected_on"], now)
    if approved:
        _advance_if_all_approved(cooperation, on)
        cooperation.save(update_fields=["stage"])
    record_event(
        cooperation, EventKind.DPRD_APPROVED if approved else EventKind.DPRD_REJECTED,
        actor=actor, now=now, on=on, region_code=region_code,
        citation=pasal12(cooperation, "1", on), changes={"approved": approved},
    )  # fmt: skip
    return review


def apply_deemed_approval(review_id: int, *, as_of: dt.date, now: dt.datetime) -> bool:
    """Pasal 12 ayat (4): record the deemed approval of one track whose 15 working days after
    the resubmission have passed with no decision. Idempotent: returns False when there is
    nothing (more) to do."""
    with transaction.atomic():
        review = DprdReview.objects.select_related("cooperation").get(pk=review_id)
        cooperation = lock(review.cooperation_id)
        review.refresh_from_db()
        if review.deemed_approved_on is not None:
            return False
        verdict = _verdict(cooperation, review.region_id, as_of)
        due = verdict.track.deadlines.get("deemed_approval_due")
        if verdict.track.status != "deemed_approved" or due is None:
            return False
        # Claim the track with an optimistic update: a concurrent run finds nothing to claim.
        claimed = DprdReview.objects.filter(pk=review.pk, deemed_approved_on__isnull=True).update(
            deemed_approved_on=due, updated_at=now
        )
        if claimed != 1:
            return False
        _advance_if_all_approved(cooperation, as_of)
        cooperation.updated_at = now
        cooperation.save(update_fields=["stage", "updated_at"])
        calendar = calendar_for_region(review.region_id)
        start = review.resubmitted_on or due
        record_event(
            cooperation, EventKind.DPRD_DEEMED_APPROVED, actor=None, now=now, on=due,
            region_code=review.region_id, citation=pasal12(cooperation, "4", due),
            reason=calendar.explain(start, calendar.count_working_days(start, due)).render(
                law_lang()
            ),
            changes={"deemed_approved_on": due.isoformat()},
        )  # fmt: skip
        return True

"""Deemed DPRD approvals of many records at once, for `ksd tick` (PP 50/2007 Pasal 12 ayat (4);
under PP 28/2018 Pasal 6 ayat (4), only with the parameter pp28_dprd_clocks).

The same step as services.apply_deemed_approval, with the same track, record, event and stored
status, in a few statements per chunk instead of some thirty per track, and ksd.law asked once
per record instead of three times per track: a six-week backlog of deemed approvals took most
of the tick's time one by one. The service stays for single use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from ksd.cooperation.law import law_lang
from ksd.cooperation.models import CLOSED_BY_RECORD_KEEPING, Cooperation, Event, EventKind, Stage
from ksd.cooperation.status import load_records, refresh_read
from ksd.cooperation.tick_batches import Law
from ksd.core.bulk import insert_rows, update_rows
from ksd.core.clock import DEFAULT_ZONE, date_in
from ksd.core.dates import today_at
from ksd.dprd.models import DprdReview
from ksd.dprd.services import APPROVED, apply_deemed_approval, pasal12


@dataclass(frozen=True)
class Deemed:
    """One track deemed approved: its record, region and the day of the approval."""

    cooperation: Cooperation
    region: str
    on: dt.date


def _open_resubmitted(cooperation: Cooperation) -> list[DprdReview]:
    return sorted(
        (
            r
            for r in cooperation.dprd_reviews.all()
            if r.resubmitted_on is not None
            and r.deemed_approved_on is None
            and r.approved_on is None
            and r.rejected_on is None
        ),
        key=lambda r: r.region_id,
    )


def apply_deemed_many(
    cooperation_ids: Sequence[int], *, now: dt.datetime, law: Law
) -> list[Deemed]:
    """Record the deemed approval of every track of `cooperation_ids` whose time limit after
    the resubmission has passed with no decision, as of each region's date at `now`; returns
    them, by record and region.

    The records are locked (the row lock every step takes, services.lock) and read after
    locking, so a concurrent tick or step cannot have a track deemed twice; a record another
    transaction holds is left for the next run (SKIP LOCKED). Per record: one assessment, the
    stage moved to ready-to-sign when every DPRD has approved, one event per track with the
    stage it left; then one UPDATE of the tracks, one of the records, one INSERT of the events
    and one refresh of the stored status for the chunk."""
    deemed: list[Deemed] = []
    with transaction.atomic():
        locked = list(
            Cooperation.objects.select_for_update(no_key=True, skip_locked=True)
            .filter(pk__in=list(cooperation_ids))
            .exclude(stage__in=CLOSED_BY_RECORD_KEEPING)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        reviews: list[DprdReview] = []
        records: list[Cooperation] = []
        events: list[Event] = []
        # Read with what ksd.law needs; what else the stored status reads is loaded below for
        # the records deemed only (a run after the schedules were reset reads thousands of
        # resubmitted tracks of which none is due yet).
        for cooperation in load_records(locked, ("parties", "dprd_reviews")):
            tracks = _open_resubmitted(cooperation)
            days = {date_in(now, law.timezones.get(r.region_id, DEFAULT_ZONE)) for r in tracks}
            if len(days) > 1:
                # The record's regions are on different dates (around midnight in one zone):
                # the service takes its tracks one by one, each on its own region's date.
                for review in tracks:
                    zone = law.timezones.get(review.region_id, DEFAULT_ZONE)
                    if apply_deemed_approval(review.pk, as_of=date_in(now, zone), now=now):
                        deemed.append(Deemed(cooperation, review.region_id,
                                             _deemed_on(review.pk)))  # fmt: skip
                continue
            if not tracks:
                continue
            mine = _deem_record(cooperation, tracks, days.pop(), now, law)
            if not mine:
                continue
            records.append(cooperation)
            for review, due, event in mine:
                reviews.append(review)
                events.append(event)
                deemed.append(Deemed(cooperation, review.region_id, due))
        if records:
            update_rows(DprdReview, reviews, ["deemed_approved_on", "updated_at"])
            update_rows(Cooperation, records, ["stage", "updated_at", "last_step_on"])
            # A saved record has its tracks read again by the tick (dprd/tick_schedule.py).
            DprdReview.objects.filter(cooperation_id__in=[c.pk for c in records]).exclude(
                next_check_on__isnull=True
            ).update(next_check_on=None)
            insert_rows(Event, events)
            # The records as just written: stage, last step and the tracks' deemed approvals
            # are set in memory as in the UPDATEs above.
            refresh_read(records, today_at(now), run=law)
    return sorted(deemed, key=lambda d: (d.cooperation.pk, d.region))


def _deemed_on(review_id: int) -> dt.date:
    day = DprdReview.objects.values_list("deemed_approved_on", flat=True).get(pk=review_id)
    assert day is not None  # noqa: S101 - just recorded by the service
    return day


def _deem_record(
    cooperation: Cooperation, tracks: list[DprdReview], as_of: dt.date, now: dt.datetime,
    law: Law,
) -> list[tuple[DprdReview, dt.date, Event]]:  # fmt: skip
    """The tracks of one record (loaded with its parties and tracks, and locked) that ksd.law
    deems approved on `as_of`, each set with its day and event; the record's stage, last step
    and time of change set in memory. Nothing is written here."""
    assessment = law.assess(cooperation, as_of=as_of)
    verdicts = {v.region: v for v in assessment.dprd}
    due_tracks = []
    for review in tracks:
        verdict = verdicts.get(review.region_id)
        if verdict is None or verdict.track.status != "deemed_approved":
            continue
        due = verdict.track.deadlines.get("deemed_approval_due")
        if due is not None:
            due_tracks.append((review, due))
    if not due_tracks:
        return []
    # Every DPRD has approved (a track deemed now counts as approved, as after its claim):
    # the agreement can be signed (services._advance_if_all_approved).
    if all(v.track.status in APPROVED or v.approval_required is False for v in assessment.dprd):
        cooperation.stage = Stage.READY_TO_SIGN
    cooperation.updated_at = now
    out = []
    for review, due in due_tracks:
        review.deemed_approved_on, review.updated_at = due, now
        calendar = law.calendar(review.region_id)
        start = review.resubmitted_on or due
        reason = calendar.explain(start, calendar.count_working_days(start, due))
        out.append(
            (
                review,
                due,
                Event(
                    cooperation=cooperation, kind=EventKind.DPRD_DEEMED_APPROVED, actor=None,
                    at=now, on=due, region_id=review.region_id,
                    citation=pasal12(cooperation, "4", due), reason=reason.render(law_lang()),
                    changes={"deemed_approved_on": due.isoformat()},
                    # The stage the step left, as record_event stores it.
                    stage=cooperation.stage,
                ),
            )
        )  # fmt: skip
        # The legal date of the latest step (services' note_step).
        if cooperation.last_step_on is None or cooperation.last_step_on < due:
            cooperation.last_step_on = due
    return out

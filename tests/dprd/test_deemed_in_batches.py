"""`ksd tick` records deemed DPRD approvals (PP 50/2007 Pasal 12 ayat (4)) a chunk of records at
a time (dprd/deemed.py). On a generated register six weeks after its date it must leave exactly
what the per-record service leaves, track by track: the same tracks, events, stages and stored
status; and two ticks at once must not deem a track twice."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.conf import settings
from django.db import connection, transaction

from ksd.cooperation import tick_batches
from ksd.cooperation.jobs import TickSummary, apply_deemed_approvals, run_tick
from ksd.cooperation.law import assessment_for
from ksd.cooperation.models import (
    CLOSED_BY_RECORD_KEEPING,
    Cooperation,
    Event,
    EventKind,
    Notification,
    OpenTask,
)
from ksd.cooperation.tick_batches import Law
from ksd.core.clock import DEFAULT_ZONE, date_in
from ksd.dataset.generator import generate
from ksd.dprd.models import DprdReview
from ksd.dprd.services import apply_deemed_approval
from ksd.regions.models import Region

GENERATED_ON = dt.date(2026, 12, 1)
GENERATED_AT = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)
# Six weeks later, as tests/dataset/test_generated_dataset.py ticks: the resubmitted drafts'
# 15 working days have run out.
LATER = GENERATED_AT + dt.timedelta(weeks=6)


class _UndoError(Exception):
    pass


def _generated(count: int) -> None:
    from ksd.regions.services import load_affairs

    load_affairs()
    generate(count, seed=11, today=GENERATED_ON, now=GENERATED_AT)
    run_tick(now=GENERATED_AT)  # the regular run on the dataset's date: schedules every track


def _one_by_one(now: dt.datetime) -> int:
    """The per-record path: every resubmitted, undecided track that ksd.law deems approved on
    its region's date goes through the service on its own."""
    zones = dict(Region.objects.values_list("code", "timezone"))
    done = 0
    pending = (
        DprdReview.objects.filter(
            resubmitted_on__isnull=False, deemed_approved_on__isnull=True,
            approved_on__isnull=True, rejected_on__isnull=True,
        ).exclude(cooperation__stage__in=CLOSED_BY_RECORD_KEEPING)
        .order_by("cooperation_id", "region_id").values_list("pk", "cooperation_id", "region_id")
    )  # fmt: skip
    for review_id, cooperation_id, region in list(pending):
        as_of = date_in(now, zones.get(region, DEFAULT_ZONE))
        cooperation = Cooperation.objects.get(pk=cooperation_id)
        verdicts = assessment_for(cooperation, as_of=as_of).dprd
        if any(v.region == region and v.track.status == "deemed_approved" for v in verdicts):
            done += apply_deemed_approval(review_id, as_of=as_of, now=now)
    return done


def _register() -> dict[str, Any]:
    """Everything a deemed approval writes, as a user or a list could see it."""
    return {
        "tracks": sorted(
            DprdReview.objects.values_list(
                "pk", "deemed_approved_on", "updated_at", "status", "due_on", "due_name",
                "decision_due_name", "decision_due_on", "next_check_on",
            )
        ),
        "records": sorted(
            Cooperation.objects.values_list(
                "pk", "stage", "updated_at", "last_step_on", "next_due_on", "next_due_name",
                "is_overdue", "is_expiring", "status_on",
            )
        ),
        "events": sorted(
            Event.objects.filter(kind=EventKind.DPRD_DEEMED_APPROVED).values_list(
                "cooperation_id", "region_id", "at", "on", "citation", "reason", "changes",
                "stage", "actor_id",
            ),
            key=str,
        ),
        "tasks": sorted(
            OpenTask.objects.values_list(
                "cooperation_id", "kind", "region_id", "subject", "due_on", "due_name",
                "status", "is_overdue",
            ),
            key=str,
        ),
    }  # fmt: skip


def test_a_batched_tick_deems_exactly_what_the_service_deems_one_by_one(
    regions_loaded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _generated(200)
    # Small chunks, so that a chunk's records and their tracks cross chunk boundaries.
    monkeypatch.setattr(tick_batches, "CHUNK", 7)
    try:
        with transaction.atomic():
            one_by_one = _one_by_one(LATER)
            expected = _register()
            raise _UndoError
    except _UndoError:
        pass
    assert one_by_one > 0, "six weeks later the resubmitted drafts are deemed approved"

    summary = TickSummary()
    apply_deemed_approvals(LATER, summary, Law())

    assert summary.deemed_approvals == one_by_one
    assert _register() == expected
    # Each deemed track leaves its region a notice, dated on the day of the approval.
    deemed = set(
        DprdReview.objects.filter(deemed_approved_on__isnull=False).values_list(
            "cooperation_id", "region_id", "deemed_approved_on"
        )
    )
    noticed = set(
        Notification.objects.filter(kind=Notification.Kind.DEEMED_APPROVAL).values_list(
            "cooperation_id", "region_id", "due_on"
        )
    )
    assert noticed == deemed
    # A second run at the same instant finds nothing left to deem.
    again = TickSummary()
    apply_deemed_approvals(LATER, again, Law())
    assert again.deemed_approvals == 0


@pytest.mark.postgres_only
@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL's concurrent connections; CI runs it with KSD_DB=postgres",
)
@pytest.mark.django_db(transaction=True)
def test_two_ticks_at_once_deem_each_track_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from ksd.regions.services import load_regions

    load_regions()
    _generated(120)
    monkeypatch.setattr(tick_batches, "CHUNK", 5)
    start = threading.Barrier(2)
    counts: list[int] = []

    def tick() -> None:
        try:
            start.wait()
            counts.append(run_tick(now=LATER).deemed_approvals)
        finally:
            connection.close()

    threads = [threading.Thread(target=tick) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert len(counts) == 2, counts
    deemed = DprdReview.objects.filter(deemed_approved_on__isnull=False).count()
    events = Event.objects.filter(kind=EventKind.DPRD_DEEMED_APPROVED)
    assert deemed > 0
    assert events.count() == deemed, "one event per deemed track"
    assert sum(counts) == deemed, counts
    notices = Notification.objects.filter(kind=Notification.Kind.DEEMED_APPROVAL)
    assert notices.count() == deemed


def test_a_record_whose_regions_are_on_two_dates_is_deemed_as_the_service_deems_it(
    regions_loaded: None,
) -> None:
    """At 23:30 in Yogyakarta it is already the next day in Makassar: each track is judged on
    its own region's date (Makassar's DPRD is deemed to approve, Yogyakarta's not yet)."""
    from django.contrib.auth.models import User

    from ksd.cooperation import services
    from ksd.dprd import services as dprd

    actor = User.objects.create_user("operator_kota_yogyakarta_2")
    now = dt.datetime(2016, 3, 2, 2, 0, tzinfo=dt.UTC)  # after every step it records
    unbudgeted = {
        "apbd_cost": True, "budgeted_current_year": False, "uses_regional_assets": False,
        "public_pays": False, "within_skpd_duties": False,
    }  # fmt: skip
    coop = services.make_offer(
        actor=actor, title="Yogyakarta–Makassar", initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="73.71")],
        offered_on=dt.date(2016, 1, 4), now=now,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=actor, party_key="73.71", on=dt.date(2016, 1, 11), now=now)
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB", signed_on=dt.date(2016, 1, 18), now=now
    )
    services.draft_agreement(
        coop.pk, actor=actor, on=dt.date(2016, 1, 25),
        contents=["subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
                  "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan"],
        burdens={"34.71": unbudgeted, "73.71": unbudgeted}, now=now,
    )  # fmt: skip
    for region in ("34.71", "73.71"):
        dprd.submit_to_dprd(
            coop.pk, actor=actor, region_code=region, received_on=dt.date(2016, 2, 1), now=now
        )
        dprd.record_dprd_opinion(
            coop.pk, actor=actor, region_code=region, sent_on=dt.date(2016, 2, 15), now=now
        )
        dprd.record_resubmission(
            coop.pk, actor=actor, region_code=region, received_on=dt.date(2016, 3, 1), now=now
        )
    # 23 March 2016 is the 15th working day after 1 March in both regions.
    at = dt.datetime(2016, 3, 23, 16, 30, tzinfo=dt.UTC)
    try:
        with transaction.atomic():
            one_by_one = _one_by_one(at)
            expected = _register()
            raise _UndoError
    except _UndoError:
        pass

    summary = TickSummary()
    apply_deemed_approvals(at, summary, Law())

    assert summary.deemed_approvals == one_by_one == 1
    assert _register() == expected
    assert DprdReview.objects.get(region_id="73.71").deemed_approved_on == dt.date(2016, 3, 23)
    assert DprdReview.objects.get(region_id="34.71").deemed_approved_on is None

"""The generated dataset of `ksd generate_dataset` is made of valid records: ksd.law finds no
error in any of them, each stage agrees with its DPRD tracks and dates never run backwards."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from ksd.cooperation.law import assessment_for
from ksd.cooperation.models import Cooperation, Event, Party, Stage
from ksd.dprd.models import DprdReview
from ksd.law.citations import Severity

TODAY = dt.date(2026, 12, 1)
NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)
BEFORE_DPRD = (Stage.OFFERED, Stage.DECLINED, Stage.ACCEPTED, Stage.JOINT_AGREEMENT, Stage.DRAFTING)
AFTER_DPRD = (
    Stage.READY_TO_SIGN,
    Stage.SIGNED,
    Stage.IMPLEMENTING,
    Stage.TERMINATED,
    Stage.EXPIRED,
)


@pytest.fixture
def generated(regions_loaded: None, monkeypatch: pytest.MonkeyPatch) -> list[Cooperation]:
    from ksd.core import clock
    from ksd.regions.services import load_affairs

    load_affairs()
    monkeypatch.setattr(clock, "now", lambda: NOW)
    call_command("generate_dataset", cooperations=300, seed=11, stdout=None)
    return list(Cooperation.objects.prefetch_related("parties", "dprd_reviews", "events"))


def test_every_generated_record_passes_the_law(generated: list[Cooperation]) -> None:
    errors = {
        (c.title, f.code)
        for c in generated
        for f in assessment_for(c, as_of=TODAY).findings
        if f.severity == Severity.ERROR
    }
    assert errors == set()


def test_each_stage_agrees_with_its_dprd_tracks(generated: list[Cooperation]) -> None:
    stages = {c.stage for c in generated}
    # Every stage of the lifecycle; withdrawn and cancelled records are what people do by hand.
    assert set(Stage.values) - {Stage.WITHDRAWN, Stage.CANCELLED} <= stages
    for coop in generated:
        verdicts = assessment_for(coop, as_of=TODAY).dprd
        required = {v.region for v in verdicts if v.approval_required}
        tracks = {r.region_id: r for r in coop.dprd_reviews.all()}
        if coop.stage in BEFORE_DPRD:
            assert tracks == {}, coop.title
            continue
        assert set(tracks) == required, coop.title
        approved = {code for code, r in tracks.items() if r.approved_on}
        if coop.stage == Stage.DPRD_REVIEW:
            assert approved != required, f"{coop.title}: a DPRD still reviews"
        elif coop.stage in AFTER_DPRD:
            assert approved == required, coop.title


def test_dates_run_in_the_lifecycle_order(generated: list[Cooperation]) -> None:
    for coop in generated:
        chain = [
            coop.offered_on,
            coop.joint_agreement_signed_on,
            *(r.received_on for r in coop.dprd_reviews.all()),
            *(r.approved_on for r in coop.dprd_reviews.all()),
            coop.signed_on,
            coop.implementation_started_on,
            coop.ended_on if coop.stage == Stage.TERMINATED else None,
        ]
        known = [d for d in chain if d]
        assert known == sorted(known), coop.title
        assert max(known) <= TODAY
        assert all(e.on is None or e.on <= TODAY for e in coop.events.all())
        if coop.stage in (Stage.SIGNED, Stage.IMPLEMENTING):
            assert coop.ends_on >= TODAY, f"{coop.title} is still in force"
        if coop.stage == Stage.EXPIRED:
            assert coop.ends_on < TODAY


def test_every_record_has_an_offer_event_and_at_least_two_parties(
    generated: list[Cooperation],
) -> None:
    assert Event.objects.filter(kind=101).count() == len(generated)
    assert all(coop.parties.count() >= 2 for coop in generated)
    assert DprdReview.objects.exists()
    assert Party.objects.filter(region__isnull=True).exists(), "some third parties"


def test_it_refuses_a_database_with_real_records(
    regions_loaded: None, operator_kota_yogyakarta: object
) -> None:
    Cooperation.objects.create(
        title="Kerja sama nyata", kind="inter_regional", stage=Stage.OFFERED, regime="pp50_2007",
        governing_on=TODAY, offered_on=TODAY, created_at=NOW, updated_at=NOW,
    )  # fmt: skip
    # Bahasa Indonesia, the default language: "real cooperation records".
    with pytest.raises(CommandError, match="catatan kerja sama yang sebenarnya"):
        call_command("generate_dataset", cooperations=5)
    assert Cooperation.objects.count() == 1


def test_the_generated_records_carry_their_stored_status(generated: list[Cooperation]) -> None:
    """generate_dataset stores each record's status in bulk: `ksd recompute_status --check`
    finds nothing to correct, and the dashboards have tasks to show."""
    from ksd.cooperation.models import OpenTask

    call_command("recompute_status", check=True, stdout=None)
    assert all(c.status_on is not None for c in generated)
    assert OpenTask.objects.filter(kind="dprd_decide").exists()
    assert OpenTask.objects.filter(kind="answer_offer").exists()


def test_the_planner_has_statistics_of_the_generated_rows(generated: list[Cooperation]) -> None:
    """Right after the bulk load the query planner knows the tables' sizes (ANALYZE), so the
    register's indexes are chosen from the first request on (docs/performance.md)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'cooperation_cooperation'")
            rows = [int(r[0].split()[0]) for r in cursor.fetchall()]
        else:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'cooperation_party'")
            rows = [int(r[0]) for r in cursor.fetchall()]
    assert rows
    assert max(rows) >= len(generated)


def test_open_dprd_tracks_run_their_clocks(generated: list[Cooperation]) -> None:
    """The records awaiting a DPRD are at every point of its clocks on the dataset's date: some
    within the deadline, some overdue, some with the revised draft back, and ksd tick six weeks
    later deems those approved (the dataset enters PP 28/2018's clocks as test data, since
    without them no DPRD clock runs after 12 July 2018)."""
    from collections import Counter

    from ksd.cooperation.jobs import run_tick
    from ksd.cooperation.models import OpenTask

    open_tracks = DprdReview.objects.filter(
        approved_on__isnull=True, rejected_on__isnull=True, deemed_approved_on__isnull=True
    )
    statuses = Counter(open_tracks.values_list("status", flat=True))
    assert statuses["under_review"], statuses
    assert statuses["assessment_overdue"], statuses
    assert statuses["resubmitted"], statuses
    assert statuses["opinion_given"] + statuses["revision_overdue"], statuses
    decide = OpenTask.objects.filter(kind="dprd_decide")
    assert decide.filter(due_on__lt=TODAY).exists(), "overdue"
    assert decide.filter(due_on__gte=TODAY).exists(), "within the deadline"
    assert Cooperation.objects.filter(is_overdue=True, stage=Stage.DPRD_REVIEW).exists()

    assert run_tick(now=NOW).deemed_approvals == 0, "nothing was due on the dataset's date"
    later = run_tick(now=NOW + dt.timedelta(weeks=6))
    assert later.deemed_approvals >= statuses["resubmitted"] > 0
    assert DprdReview.objects.filter(deemed_approved_on__isnull=False).count() == (
        later.deemed_approvals
    )


def test_records_without_a_stored_status_get_it_from_the_command(
    generated: list[Cooperation],
) -> None:
    """An upgraded database: `ksd recompute_status --missing` (run by `make run` and `make
    serve` after `migrate`) stores the status of the records that have none, with progress."""
    from io import StringIO

    from ksd.cooperation.models import OpenTask

    tasks = OpenTask.objects.count()
    OpenTask.objects.all().delete()
    Cooperation.objects.update(status_on=None, next_due_on=None, is_overdue=False)
    out = StringIO()
    call_command("recompute_status", missing=True, stdout=out)
    assert "300 / 300" in out.getvalue()
    assert OpenTask.objects.count() == tasks
    call_command("recompute_status", check=True, stdout=None)
    out = StringIO()
    call_command("recompute_status", missing=True, stdout=out)
    assert out.getvalue() == "", "nothing left to fill"

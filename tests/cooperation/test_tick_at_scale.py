"""`ksd tick` on a generated register: it leaves exactly the notices a record-by-record reading
of ksd.law gives, a second run finds nothing to do, and the queries of that second run do not
grow with the number of cooperations."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ksd.cooperation import jobs, tick_batches
from ksd.cooperation.articles import article_of
from ksd.cooperation.jobs import (
    _OPEN_STAGES,
    DPRD_NOTICE_WORKING_DAYS,
    EXPIRY_NOTICE_DAYS,
    _deadline_citation,
    run_tick,
)
from ksd.cooperation.law import assessment_for, calendar_for_region
from ksd.cooperation.models import Cooperation, Event, EventKind, Notification, Stage
from ksd.core.clock import date_in
from ksd.dataset.generator import generate
from ksd.dprd.models import DprdReview

GENERATED_ON = dt.date(2026, 12, 1)
GENERATED_AT = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)
OPEN = ("under_review", "assessment_overdue", "opinion_given", "revision_overdue", "resubmitted")


@pytest.fixture
def register(regions_loaded: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated register, with the DPRD clocks of PP 28/2018 entered (the Minister's
    numbers, parameter pp28_dprd_clocks) so that its recent tracks have deadlines too."""
    from ksd.law import parameters
    from ksd.regions.services import load_affairs

    load_affairs()
    table = dict(parameters._table())
    label, _entries = table["pp28_dprd_clocks"]
    clocks = {"assessment": 45, "opinion": 15, "revision": 14, "deemed_approval": 15}
    table["pp28_dprd_clocks"] = (label, ((dt.date(2018, 7, 13), clocks, "test: the numbers"),))
    monkeypatch.setattr(parameters, "_table", lambda: table)


def grow(count: int) -> None:
    generate(count, seed=7 + Cooperation.objects.count(), today=GENERATED_ON, now=GENERATED_AT)


def notices() -> set[tuple[int, str, str, dt.date | None, str]]:
    return set(
        Notification.objects.values_list(
            "cooperation_id", "region_id", "kind", "due_on", "citation"
        )
    )


def a_day_with_deadlines_ahead() -> dt.datetime:
    """A generated register has few deadlines still to come: tick two days before the latest
    deadline of an open track, when that track is still open and its deadline near."""
    deadlines = [
        due
        for coop in Cooperation.objects.filter(stage__in=_OPEN_STAGES)
        for verdict in assessment_for(coop, as_of=GENERATED_ON).dprd
        if verdict.track.status in OPEN
        for due in verdict.track.deadlines.values()
        if due is not None
    ]
    day = max(deadlines) - dt.timedelta(days=2)
    return dt.datetime(day.year, day.month, day.day, 2, 0, tzinfo=dt.UTC)


def expected_dprd_notices(at: dt.datetime) -> set[tuple[int, str, str, dt.date | None, str]]:
    """What the tick must leave for DPRD deadlines, reading every open record one by one."""
    today = date_in(at)
    found = set()
    for coop in Cooperation.objects.filter(stage__in=_OPEN_STAGES):
        for verdict in assessment_for(coop, as_of=today).dprd:
            if verdict.track.status not in OPEN:
                continue
            calendar = calendar_for_region(verdict.region)
            for name, due in verdict.track.deadlines.items():
                if due is None or due < today:
                    continue
                if calendar.count_working_days(today, due) <= DPRD_NOTICE_WORKING_DAYS:
                    found.add(
                        (coop.pk, verdict.region, Notification.Kind.DPRD_DEADLINE, due,
                         _deadline_citation(coop, name))
                    )  # fmt: skip
    return found


def check_expiries(
    signed: list[Cooperation], made: set[tuple[int, str, str, dt.date | None, str]], today: dt.date
) -> None:
    """Each agreement past its end expired with one event, each one ending soon has a notice
    for every region party, and no other has either."""
    for coop in signed:
        regions = {p.region_id for p in coop.parties.all() if p.region_id}
        kinds = {(n[1], n[2], n[3]) for n in made if n[0] == coop.pk}
        assert coop.ends_on is not None
        if coop.ends_on < today:
            ended = Cooperation.objects.get(pk=coop.pk)
            assert (ended.stage, ended.ended_on) == (Stage.EXPIRED, coop.ends_on)
            assert list(
                ended.events.filter(kind=EventKind.EXPIRED).values_list("on", "citation")
            ) == [(coop.ends_on, article_of(coop, EventKind.EXPIRED, coop.ends_on))]
            assert kinds == {(r, Notification.Kind.EXPIRED, coop.ends_on) for r in regions}
        elif (coop.ends_on - today).days <= EXPIRY_NOTICE_DAYS:
            assert kinds == {(r, Notification.Kind.EXPIRING, coop.ends_on) for r in regions}
        else:
            assert kinds == set()


def test_the_tick_leaves_what_a_record_by_record_reading_of_the_law_gives(
    register: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tick_batches, "CHUNK", 7)  # many chunks, each record in exactly one
    grow(150)
    Notification.objects.all().delete()
    signed = list(
        Cooperation.objects.filter(
            stage__in=(Stage.SIGNED, Stage.IMPLEMENTING), ends_on__isnull=False
        ).prefetch_related("parties")
    )
    at = a_day_with_deadlines_ahead()
    expected_dprd = expected_dprd_notices(at)

    summary = run_tick(now=at)

    made = notices()
    dprd_made = {n for n in made if n[2] == Notification.Kind.DPRD_DEADLINE}
    assert dprd_made == expected_dprd
    assert expected_dprd, "the generated register has DPRD deadlines coming up"
    check_expiries(signed, made, date_in(at))
    assert summary.notifications == len(made)

    # Later, on a day one agreement ends in 30 days and another has ended: it expires once, with
    # its own article, and the other's regions are told.
    running = [c for c in signed if c.ends_on is not None and c.ends_on >= date_in(at)]
    ends = sorted(c.ends_on for c in running if c.ends_on is not None)
    month = dt.timedelta(days=30)
    day = max(e for e in ends if ends[0] < e - month) - month
    later = dt.datetime(day.year, day.month, day.day, 2, 0, tzinfo=dt.UTC)
    Notification.objects.all().delete()
    assert run_tick(now=later).expired > 0
    made = notices()
    check_expiries(running, made, date_in(later))
    assert {Notification.Kind.EXPIRED, Notification.Kind.EXPIRING} <= {n[2] for n in made}


def test_ticking_every_day_leaves_each_day_what_the_law_gives_that_day(register: None) -> None:
    """The tick reads a track again only when its schedule says so: day after day, the notices
    are exactly those a record-by-record reading of ksd.law asks for up to that day."""
    grow(120)
    Notification.objects.all().delete()
    # From six weeks before the latest deadline of an open track until just after it.
    last = a_day_with_deadlines_ahead() + dt.timedelta(days=4)
    at = last - dt.timedelta(days=45)
    wanted: set[tuple[int, str, str, dt.date | None, str]] = set()
    while at <= last:
        wanted |= expected_dprd_notices(at)
        run_tick(now=at)
        assert {n for n in notices() if n[2] == Notification.Kind.DPRD_DEADLINE} == wanted, at
        at += dt.timedelta(days=1)
    assert len(wanted) > 3


def _second_run(at: dt.datetime, monkeypatch: pytest.MonkeyPatch) -> int:
    """Run the tick twice; the second run must find nothing and read no record: returns its
    query count."""
    run_tick(now=at)
    assert Notification.objects.filter(kind=Notification.Kind.DPRD_DEADLINE).exists()
    before = (notices(), Event.objects.count(), set(Cooperation.objects.values_list("pk", "stage")))
    read: list[int] = []
    with monkeypatch.context() as patched:
        patched.setattr(jobs, "with_law_facts", lambda ids: read.extend(ids) or [])
        with CaptureQueriesContext(connection) as queries:
            summary = run_tick(now=at)
    assert read == []
    after = (notices(), Event.objects.count(), set(Cooperation.objects.values_list("pk", "stage")))
    assert (summary.deemed_approvals, summary.expired, summary.notifications) == (0, 0, 0)
    assert after == before
    return len(queries)


def test_a_second_run_finds_nothing_and_its_queries_do_not_grow_with_the_register(
    register: None, django_assert_max_num_queries: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    grow(60)
    at = a_day_with_deadlines_ahead()
    small = _second_run(at, monkeypatch)
    open_tracks = DprdReview.objects.filter(cooperation__stage__in=_OPEN_STAGES).count()
    grow(240)
    assert DprdReview.objects.filter(cooperation__stage__in=_OPEN_STAGES).count() > open_tracks
    large = _second_run(at, monkeypatch)

    assert large <= small
    with django_assert_max_num_queries(small):  # type: ignore[operator]
        run_tick(now=at)

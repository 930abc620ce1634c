"""The oversight counts kept in the database (oversight/kept.py) and the scheduled warm-up
(oversight/warm.py): a new process, a cleared cache or a new day starts from the database's copy
instead of reading the whole register, and the counts stay those of one pass over it."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Hashable
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command

import personas
from ksd.cooperation.models import Cooperation, Event, EventKind
from ksd.core import page_cache
from ksd.dataset.generator import generate
from ksd.oversight import freshness, kept, summed, warm
from ksd.oversight.models import KeptCounts
from ksd.regions.services import load_affairs
from ksd.reminders.scheduler import run_jobs
from oversight.test_summed import Spy, _clients, _visit

TODAY = dt.date(2026, 6, 15)
NOW = dt.datetime(2026, 6, 15, 9, tzinfo=dt.UTC)


class Reads:
    whole = 0  # the whole register read for one aggregate


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    found = Reads()
    read = summed.read

    def counting(*args: Any) -> summed.Summed:
        found.whole += 1
        return read(*args)

    monkeypatch.setattr(summed, "read", counting)
    return found


@pytest.fixture
def register(regions_loaded: None, monkeypatch: pytest.MonkeyPatch) -> None:
    load_affairs()
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    generate(60, seed=5, today=TODAY, now=NOW)


def _new_process() -> None:
    """What a new worker, a restart or a cleared cache sees: nothing kept but the database."""
    cache.clear()
    freshness.forget()
    page_cache.forget_all()


def _step() -> None:
    coop = Cooperation.objects.order_by("pk").first()
    assert coop is not None
    Event.objects.create(cooperation=coop, kind=EventKind.RECORD_CORRECTED, at=NOW, reason="x")


@pytest.mark.usefixtures("register")
def test_a_new_process_starts_from_the_database_with_the_same_counts(
    monkeypatch: pytest.MonkeyPatch, reads: Reads
) -> None:
    spy = Spy()
    monkeypatch.setattr(freshness.Cache, "counts", _spying(spy, freshness.Cache.counts))
    clients = _clients(personas.kemendagri(), personas.biro_pemerintahan_diy(),
                       personas.operator_kota_yogyakarta())  # fmt: skip
    warm.warm(today=TODAY)  # every aggregate read whole once, and kept in the database
    assert reads.whole > 0
    assert KeptCounts.objects.count() > 0

    before = reads.whole
    _new_process()
    _visit(clients, spy)  # compared with one pass inside
    assert reads.whole == before

    _step()
    _new_process()
    _visit(clients, spy)  # brought up to date from the database's copy
    assert reads.whole == before

    kept.forget_all()
    _new_process()
    _visit(clients, spy)
    assert reads.whole > before


def _spying(spy: Spy, counts: Any) -> Any:
    def counting(self: freshness.Cache, name: str, part: Any) -> dict[Hashable, int]:
        result = counts(self, name, part)
        spy.read.append((self.namespace, name, part, result))
        return result

    return counting


@pytest.mark.usefixtures("register")
def test_after_the_warm_up_no_visitor_reads_the_whole_register(reads: Reads) -> None:
    clients = _clients(personas.kemendagri(), personas.biro_pemerintahan_diy(),
                       personas.operator_kota_yogyakarta())  # fmt: skip
    done = warm.warm(today=TODAY)
    assert not done.skipped
    assert done.visitors == 3  # the Ministry, DIY's bureau, Kota Yogyakarta's operators
    _new_process()
    before = reads.whole
    _visit(clients, Spy())
    assert reads.whole == before

    assert warm.warm(today=TODAY).skipped  # nothing changed since
    _step()
    again = warm.warm(today=TODAY)
    assert not again.skipped
    assert again.read > 0
    assert reads.whole == before  # brought up to date, not read whole


@pytest.mark.usefixtures("register")
def test_counts_written_by_other_code_or_unreadable_are_read_again(reads: Reads) -> None:
    client = _clients(personas.kemendagri())
    warm.warm(today=TODAY)
    KeptCounts.objects.update(counts=b"not a pickle")
    _new_process()
    before = reads.whole
    _visit(client, Spy())
    assert reads.whole > before


@pytest.mark.usefixtures("register")
def test_the_command_and_the_scheduled_jobs_warm_the_oversight_counts() -> None:
    out = io.StringIO()
    call_command("warm_oversight", stdout=out)
    assert "oversight:" in out.getvalue()
    assert KeptCounts.objects.exists()
    KeptCounts.objects.all().delete()
    assert "oversight:" in str(run_jobs(now=NOW))
    assert KeptCounts.objects.exists()


@pytest.mark.usefixtures("register")
def test_old_rows_are_dropped() -> None:
    warm.warm(today=TODAY)
    assert kept.prune(NOW) == 0
    assert kept.prune(NOW + dt.timedelta(days=kept.UNUSED_DAYS + 1)) > 0
    assert not KeptCounts.objects.exists()

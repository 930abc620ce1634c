"""The oversight pages' counts brought up to date slice by slice (oversight/summed.py) equal one
pass over the whole register after every lifecycle step, after `ksd tick` (deemed approvals,
expiry) and after the generator's bulk writes.

The slices are one cooperation each here, so a step reads again only the records it touched,
and the test fails if any page's counts were read whole instead of brought up to date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

import personas
from cooperation.test_each_record_cites_its_own_regulation import (  # the walk of every step
    Dates,
    People,
    Walk,
    clock,
    ministers_clocks,
    officials,
    people,
    walk_declined_and_refused,
    walk_inter_regional,
    walk_third_party,
)
from ksd.cooperation.jobs import run_tick
from ksd.cooperation.models import Cooperation, Event, EventKind
from ksd.dataset.generator import generate
from ksd.oversight import freshness, summed
from ksd.regions.services import load_affairs

__all__ = ["clock", "ministers_clocks", "officials", "people"]  # fixtures, by name

PAGES = ("/pengawasan/", "/pengawasan/peta/", "/pengawasan/jaringan/", "/pengawasan/urusan/",
         "/pengawasan/rapor/", "/pengawasan/rapor/34.71/")  # fmt: skip


@dataclass
class Spy:
    """Every count the pages read, and how it was obtained."""

    read: list[tuple[str, str, Callable[[summed.Span], summed.Rows], dict[Hashable, int]]] = field(
        default_factory=list
    )
    brought: int = 0  # brought up to date from the slices a step changed
    whole: int = 0  # read in one pass (no counts kept yet, or another day)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Spy:
    monkeypatch.setattr(summed, "SLICE", 1)  # one cooperation per slice
    monkeypatch.setattr(summed, "WHOLE", 1.0)  # never read everything for too many changes
    found = Spy()
    counts, bring = freshness.Cache.counts, summed.brought_up_to_date

    def counting(self: freshness.Cache, name: str, part: Any) -> dict[Hashable, int]:
        result = counts(self, name, part)
        found.read.append((self.namespace, name, part, result))
        return result

    def bringing(*args: Any) -> summed.Summed | None:
        result = bring(*args)
        if result is None:
            found.whole += 1
        else:
            found.brought += 1
        return result

    monkeypatch.setattr(freshness.Cache, "counts", counting)
    monkeypatch.setattr(summed, "brought_up_to_date", bringing)
    return found


def _whole(part: Callable[[summed.Span], summed.Rows]) -> dict[Hashable, int]:
    counts: dict[Hashable, int] = {}
    for _slice, key, n in part(summed.EVERYTHING):
        counts[key] = counts.get(key, 0) + n
    return {key: n for key, n in counts.items() if n}


def _visit(clients: list[Client], spy: Spy) -> None:
    """Every oversight page as each visitor sees it; then each count they read compared with
    one pass over the register (none when nothing changed since the last visit)."""
    spy.read.clear()
    for client in clients:
        for url in PAGES:
            assert client.get(url).status_code in (200, 302, 403), url
    for namespace, name, part, kept in spy.read:
        assert kept == _whole(part), (namespace, name)


def _clients(*users: User) -> list[Client]:
    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


@dataclass
class ComparingWalk(Walk):
    """The walk of every step; after each one (and each tick) the pages' counts are compared."""

    spy: Spy = field(default_factory=Spy)
    visitors: list[Client] = field(default_factory=list)

    def look(self, coop: Cooperation, where: str, *users: User) -> dict[str, str]:
        _visit(self.visitors, self.spy)
        return super().look(coop, where, *users)

    def tick(self, day: dt.date) -> None:
        super().tick(day)
        _visit(self.visitors, self.spy)


@pytest.mark.usefixtures("ministers_clocks", "affairs_loaded")
def test_the_counts_after_every_step_and_tick_equal_one_pass_over_the_register(
    people: People, officials: Any, clock: list[dt.datetime], spy: Spy
) -> None:
    walk = ComparingWalk("pp50-2007", clock, spy=spy)
    walk.visitors = _clients(personas.kemendagri(), people.biro_diy, people.yogya)

    walk_inter_regional(walk, people, officials, Dates(dt.date(2016, 1, 4)))
    walk_third_party(walk, people, officials, Dates(dt.date(2016, 1, 4)))
    walk_declined_and_refused(walk, people, Dates(dt.date(2016, 1, 4)))

    assert walk.problems == []
    assert spy.brought > 50  # the steps were counted slice by slice
    assert spy.whole == 0


@pytest.mark.usefixtures("regions_loaded")
def test_the_counts_after_bulk_writes_and_a_tick_equal_one_pass(
    spy: Spy, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_affairs()
    today = dt.date(2026, 6, 15)
    now = dt.datetime(2026, 6, 15, 9, tzinfo=dt.UTC)
    monkeypatch.setattr("ksd.core.clock.now", lambda: now)
    clients = _clients(personas.kemendagri(), personas.biro_pemerintahan_diy(),
                       personas.operator_kota_yogyakarta())  # fmt: skip
    generate(60, seed=5, today=today, now=now)
    _visit(clients, spy)

    generate(40, seed=6, today=today, now=now)  # the generator's bulk writes
    _visit(clients, spy)
    assert spy.brought > 0

    later = now + dt.timedelta(days=400)  # deemed approvals and expiry, in bulk
    monkeypatch.setattr("ksd.core.clock.now", lambda: later)
    run_tick(now=later)
    _visit(clients, spy)
    run_tick(now=later)  # nothing left to do: the counts stay
    _visit(clients, spy)

    cache.clear()
    freshness.forget()
    _visit(clients, spy)  # read whole again: the same counts (compared inside)


@pytest.mark.django_db
def test_a_regions_card_follows_the_steps_on_its_own_cooperations(
    kemendagri: User, as_user: Callable[[User], Client]
) -> None:
    """The card keeps its lists until a step touches one of the region's cooperations: a new
    record of the region, then a step on one of its records, show at once."""
    from oversight.mapnet_world import make_cooperation
    from oversight.scorecard_records import build

    build(kemendagri)
    client = as_user(kemendagri)

    def active() -> str:
        card = client.get("/pengawasan/rapor/34.71/?year=2025").content.decode()
        start = card.index('id="active"')
        return card[start : card.index("</section>", start)]

    before = active()
    make_cooperation("signed", ["33.74", "33.71"], title="Kerja sama di Jawa Tengah")
    assert active() == before  # a record elsewhere: the same lists
    make_cooperation("signed", ["34.71", "34.04"], title="Kerja sama baru")
    assert "Kerja sama baru" in active()

    ended = Cooperation.objects.get(title="A Sampah regional")
    Cooperation.objects.filter(pk=ended.pk).update(ended_on=dt.date(2025, 3, 1))
    Event.objects.create(cooperation=ended, kind=EventKind.RECORD_CORRECTED, at=ended.updated_at,
                         reason="ended early")  # fmt: skip
    assert "A Sampah regional" in before
    assert "A Sampah regional" not in active()

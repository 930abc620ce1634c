"""Keep the oversight pages' counts current in the database (oversight/kept.py), so that no
visitor reads the whole register: run by `ksd scheduler` (every few minutes, after `ksd tick`'s
work) and `ksd warm_oversight` (`make serve` before the server starts).

The warm-up computes what the pages compute, for each reach that has an account: the Ministry
(always), each province's bureau, and each region's operators. Each aggregate is loaded from
its row, brought up to date from the slices changed since, and kept again; read whole once a
day (before the pages would). A run that finds the register, the day and the code as the last
complete run left them stops after two index reads. The operators' aggregates, one set per
region (up to 552), are only made when missing or due for their daily whole reading: in
between, their pages bring them up to date themselves, at the cost of a few slices of one
region's records.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import DatabaseError

from ksd.accounts.models import Membership, Role
from ksd.core import clock
from ksd.oversight import affairs, figures, kept, mapnet_pages, mapnet_scope
from ksd.oversight.freshness import WARM_WHOLE_SECONDS, Warming, register_state, warming
from ksd.oversight.models import KeptCounts
from ksd.oversight.scorecard import Period, cached_scorecard

MARK = "warm-up"  # the row that says what the last complete run saw


@dataclass
class Warmed:
    visitors: int = 0  # reaches warmed (the Ministry, bureaus, regions)
    read: int = 0  # aggregates read whole or brought up to date
    seconds: float = 0.0
    skipped: bool = False  # nothing changed since the last complete run

    def __str__(self) -> str:
        if self.skipped:
            return "oversight: up to date"
        return (f"oversight: {self.read} aggregates brought up to date for {self.visitors} "
                f"reaches in {self.seconds:.1f} s")  # fmt: skip


def stand_in(role: str, region: str | None) -> User:
    """An account held in memory only, never saved, that sees what every account of `role`
    in `region` sees (the pages key their counts by role and region: freshness.visibility)."""
    user = User(username=f"warm-up {role} {region or ''}", is_active=True)
    user.membership = Membership(user=user, role=role, region_id=region)  # type: ignore[attr-defined]
    return user


def _regions_with(role: str) -> list[str]:
    rows = Membership.objects.filter(role=role, user__is_active=True, region__isnull=False)
    return sorted(set(rows.values_list("region_id", flat=True)))


def warm_pages(user: User, today: dt.date) -> None:
    """What the oversight pages compute for `user` with no filter chosen."""
    scope = figures.scope_of(user)
    if scope is not None:
        figures.figures_for(user, scope, today=today)
    place = mapnet_scope.scope_for(user, None)
    mapnet_pages.build_map(user, place)
    mapnet_pages.build_network(user, place)
    reach = affairs.scope_for(user)
    if reach is not None:
        affairs.overview(user, reach)


def _mark() -> tuple[tuple[int, int], str, float] | None:
    """What the last complete run saw: the register's state, the day, and when the oldest
    aggregate it kept is due for its whole reading."""
    found = KeptCounts.objects.filter(key=kept.key_of(MARK)).values_list("counts", flat=True)
    data = next(iter(found), None)
    if data is None:
        return None
    try:
        (event, record), day, due = json.loads(bytes(data))
        return (int(event), int(record)), str(day), float(due)
    except (TypeError, ValueError):
        return None


def _set_mark(state: tuple[int, int], today: dt.date, due: float) -> None:
    now = clock.now()
    KeptCounts.objects.update_or_create(key=kept.key_of(MARK), defaults={
        "name": MARK, "last_event": state[0], "last_record": state[1], "whole_at": now,
        "saved_at": now, "counts": json.dumps([list(state), today.isoformat(), due]).encode(),
    })  # fmt: skip


def warm(*, today: dt.date | None = None, again: bool = False) -> Warmed:
    """Bring every aggregate of the oversight pages up to date in the database; `again`: read
    everything whole (`ksd warm_oversight --again`)."""
    started = time.monotonic()
    day = today or clock.today_in()
    state = register_state()
    mark = _mark()
    if not again and mark is not None:
        seen, seen_day, due = mark
        if seen == state and seen_day == day.isoformat() and time.time() < due:
            return Warmed(skipped=True)
    if again:
        kept.forget_all()
    result = Warmed()
    # The Ministry and the bureaus every run: their pages read the most records.
    broad = Warming()
    with warming(broad):
        cached_scorecard(Period(day.year, day))
        for role, region in [(Role.PEMBINA_PUSAT, None)] + [
            (Role.PEMBINA_PROVINSI, code) for code in _regions_with(Role.PEMBINA_PROVINSI)
        ]:
            warm_pages(stand_in(role, region), day)
            result.visitors += 1
    # The operators' once a day, or when missing (a new code, a new region's first account).
    narrow = Warming(due_only=True)
    with warming(narrow):
        for code in _regions_with(Role.OPERATOR):
            warm_pages(stand_in(Role.OPERATOR, code), day)
            result.visitors += 1
    result.read = broad.read + narrow.read
    oldest = min(broad.oldest, narrow.oldest)
    try:
        _set_mark(state, day, oldest + WARM_WHOLE_SECONDS if oldest != float("inf") else 0.0)
        kept.prune()
    except DatabaseError:  # a read-only database: the pages compute as before
        pass
    result.seconds = time.monotonic() - started
    return result

"""Counts of the oversight pages kept per slice of the register and brought up to date slice by
slice, so the first visit after a recorded step reads only the slices that step touched.

Every aggregate of the oversight pages is a sum over cooperations: a count per key (a stage,
a province, a pair of regions, a region and a metric), each cooperation adding to some keys
through its own row and the rows that belong to it (its parties, DPRD tracks, disputes). The
register is cut into slices of SLICE consecutive cooperation ids; an aggregate is read once
with the slice as one more GROUP BY column and kept per slice with its sum. When a step is
recorded, its event names the cooperation it changed (cooperation/events.py; expiry, DPRD
deemed approvals, imports and the generator write events the same way), so the slices to read
again are those of the cooperations with an event since the counts were read, and of the
records created since: their part is subtracted from the sum and their new part added. A
slice read again is read whole from the records, so the sum stays exactly what one pass over
the register gives (tests/oversight/test_summed.py compares both after every kind of step).

A transaction still open while the counts are read can commit later with an event id below
the one they were read at (PostgreSQL hands out ids before commit). The ids missing below the
last event read are therefore kept (`gaps`, for GAP_SECONDS; a rolled back transaction leaves
one for good) and looked up again at the next step: an event that appeared in a gap since marks
its slice too. A transaction open for longer than GAP_SECONDS, or already open with ids more
than GAP_WINDOW below the last one when the counts were first read, is counted at the next step
in its slices, or the next day.
"""

from __future__ import annotations

import datetime as dt
import time
from array import array
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from django.db.models import ExpressionWrapper, F, IntegerField, Q
from django.db.models.expressions import CombinedExpression

from ksd.cooperation.models import Event
from ksd.core import clock

# Cooperation ids per slice: 100 slices at 100,000 cooperations; one slice is read in a few
# milliseconds (docs/performance.md, "The oversight pages after a recorded step").
SLICE = 1024
# Beyond this share of the slices changed, one pass over everything costs less.
WHOLE = 0.25
# How long a missing event id is looked up again, how far below the last id when the counts
# are first read, and how many runs of missing ids are kept (beyond: the lowest ones go).
GAP_SECONDS = 3600.0
GAP_WINDOW = 2000
GAP_RUNS = 200

Key = Hashable
Rows = Iterable[tuple[int, Key, int]]  # (slice, key, count)
State = tuple[int, int]  # (last event id, last cooperation id)


@dataclass(frozen=True)
class Span:
    """Which cooperations to read: every one (`slices` None) or those of some slices."""

    slices: frozenset[int] | None = None

    def only(self, column: str) -> Q:
        """A filter on `column` (a cooperation id) to the span's slices."""
        if self.slices is None:
            return Q()
        if not self.slices:
            return Q(**{f"{column}__in": []})
        condition = Q()
        for first, last in _runs(self.slices):
            condition |= Q(**{f"{column}__gte": first * SLICE, f"{column}__lt": (last + 1) * SLICE})
        return condition

    @staticmethod
    def of(column: str) -> ExpressionWrapper[CombinedExpression]:
        """The slice of the cooperation id in `column`, for the GROUP BY."""
        return ExpressionWrapper(F(column) / SLICE, output_field=IntegerField())


EVERYTHING = Span()


def slice_of(cooperation_id: int) -> int:
    return cooperation_id // SLICE


def _runs(slices: frozenset[int]) -> list[tuple[int, int]]:
    """Consecutive slices as (first, last) runs, so a range of slices is one condition."""
    runs: list[tuple[int, int]] = []
    for s in sorted(slices):
        if runs and runs[-1][1] == s - 1:
            runs[-1] = (runs[-1][0], s)
        else:
            runs.append((s, s))
    return runs


@dataclass
class Summed:
    """One aggregate: per slice the counts of its keys, and their sum over the slices."""

    state: State  # the register's state the counts were read at
    at: dt.datetime  # when they were last brought up to date
    gaps: tuple[tuple[int, int, float], ...]  # event ids missing then: (first, last, since)
    keys: list[Key] = field(default_factory=list)
    parts: dict[int, tuple[array[int], array[int]]] = field(default_factory=dict)
    total: array[int] = field(default_factory=lambda: array("q"))
    # When the whole register was last read (time.time()): the counts are read whole again a
    # day later at most, which also counts a transaction that committed too late for `gaps`.
    whole_at: float = 0.0

    def counts(self) -> dict[Key, int]:
        """Every key with a count, and its count."""
        keys = self.keys
        return {keys[i]: n for i, n in enumerate(self.total) if n}


def read(rows: Rows, state: State) -> Summed:
    """The aggregate of the whole register from `rows`."""
    summed = Summed(state, clock.now(), (), whole_at=time.time())
    _add(summed, rows, {})
    present = Event.objects.filter(id__gt=state[0] - GAP_WINDOW, id__lte=state[0])
    summed.gaps = _missing(max(0, state[0] - GAP_WINDOW), state[0],
                           present.values_list("id", flat=True), time.time())  # fmt: skip
    return summed


def _add(summed: Summed, rows: Rows, index: dict[Key, int]) -> None:
    keys, total = summed.keys, summed.total
    found: dict[int, dict[int, int]] = {}
    for part, key, n in rows:
        if not n:
            continue
        i = index.get(key)
        if i is None:
            i = index[key] = len(keys)
            keys.append(key)
            total.append(0)
        counts = found.setdefault(part, {})
        counts[i] = counts.get(i, 0) + n
    for part, counts in found.items():
        summed.parts[part] = (array("l", counts), array("q", counts.values()))
        for i, n in counts.items():
            total[i] += n


def brought_up_to_date(old: Summed, state: State, part: Callable[[Span], Rows]) -> Summed | None:
    """`old` with the slices changed since it was read, read again; None when so many changed
    (or the register went back, as a restored database does) that one pass costs less."""
    if state[0] < old.state[0] or state[1] < old.state[1]:
        return None
    now = time.time()
    gaps = [g for g in old.gaps if g[2] > now - GAP_SECONDS]
    since = Q(id__gt=old.state[0], id__lte=state[0])
    for first, last, _since in gaps:
        since |= Q(id__gte=first, id__lte=last)
    events = list(Event.objects.filter(since).order_by().values_list("id", "cooperation_id"))
    changed = {slice_of(pk) for _id, pk in events}
    if state[1] > old.state[1]:  # records created since, with or without an event
        changed.update(range(slice_of(old.state[1] + 1), slice_of(state[1]) + 1))
    if len(changed) > max(1, WHOLE * (slice_of(state[1]) + 1)):
        return None
    found = {pk for pk, _cooperation in events}
    still = [
        run for first, last, seen in gaps
        for run in _missing(first - 1, last, (i for i in found if first <= i <= last), seen)
    ]  # fmt: skip
    new = _missing(old.state[0], state[0], (i for i in found if i > old.state[0]), now)
    summed = Summed(
        state, clock.now(), tuple([*still, *new][-GAP_RUNS:]),
        list(old.keys), dict(old.parts), array("q", old.total),
        whole_at=old.whole_at,
    )  # fmt: skip
    for s in changed:
        gone = summed.parts.pop(s, None)
        if gone is not None:
            for i, n in zip(*gone, strict=True):
                summed.total[i] -= n
    _add(summed, part(Span(frozenset(changed))), {k: i for i, k in enumerate(summed.keys)})
    return summed


def _missing(
    after: int, upto: int, present: Iterable[int], since: float
) -> tuple[tuple[int, int, float], ...]:
    """The runs of ids in (after, upto] not in `present`, each noted missing since `since`."""
    runs: list[tuple[int, int, float]] = []
    expected = after + 1
    for i in sorted(present):
        if i > expected:
            runs.append((expected, i - 1, since))
        expected = max(expected, i + 1)
    if upto >= expected:
        runs.append((expected, upto, since))
    return tuple(runs)

"""The stored status of records that only the passing of days changes, written from their stored
columns without loading them as records or asking ksd.law (`ksd tick`'s refresh_due).

A record in force or closed whose status needs no ksd.law verdict (status.needs_the_law: every
DPRD track decided with its time limit stored, or no track) depends on the date in two things
only: whether the agreement is in its last EXPIRING_WITHIN_DAYS, and whether its end is still
its next due date; a closed record asks nothing of anyone. Its tasks and tracks follow from its
rows alone, and every step that changes those rows stores the status again in its transaction
(status.note_step), so when the status was computed before (status_on) and the stored tracks
are the recorded decisions, the date's two fields are all a new day changes. Such records are
written here in a few statements per chunk; every other record due goes to status.refresh_many,
which computes it in full, as before. A six-week backlog on the national register refreshes
some 3,500 agreements entering their last months or just expired this way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from ksd.cooperation.models import Cooperation, OpenTask
from ksd.cooperation.status import CLOSED_STAGES, IN_FORCE, by_end_date, recorded_decision
from ksd.core.bulk import Row, update_rows
from ksd.dprd.models import DprdReview

FIELDS = ("next_due_on", "next_due_name", "is_overdue", "is_expiring", "status_on")
CHUNK = 2_000


def _tracks_allow(stage: str, tracks: list[tuple[Any, ...]]) -> bool:
    """No ksd.law verdict is needed (status.needs_the_law is False) and each stored track is
    its recorded decision, with no deadline: what status.compute stores without the law."""
    for deemed, approved, rejected, decision_name, status, due_on, due_name in tracks:
        decided = bool(deemed or approved or rejected)
        if decided and not decision_name:
            return False
        if not decided and stage not in CLOSED_STAGES:
            return False
        if (status, due_on, due_name) != (recorded_decision(deemed, approved, rejected), None, ""):
            return False
    return True


def _wanted(stage: str, ends_on: dt.date | None, as_of: dt.date) -> tuple[Any, ...]:
    """status.compute's fields for such a record on `as_of` (no dated task: they come only
    from the law's DPRD verdicts; a closed record has no end date to wait for)."""
    due_on, due_name, expiring = by_end_date(stage, ends_on, as_of)
    return (due_on, due_name, False, expiring)


def refresh_by_date(ids: Sequence[int], as_of: dt.date) -> tuple[list[int], list[int]]:
    """Store the status on `as_of` of those of `ids` that only the date changes (see above);
    returns (the ids whose stored status differed, the ids left for status.refresh_many)."""
    differing: list[int] = []
    left: list[int] = []
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        with transaction.atomic():
            done, changed = _chunk(chunk, as_of)
        differing += changed
        left += [pk for pk in chunk if pk not in done]
    return differing, left


def _chunk(chunk: list[int], as_of: dt.date) -> tuple[set[int], list[int]]:
    # Locked as the steps lock a record (services.lock), so none changes under the writes.
    records = list(
        Cooperation.objects.select_for_update(no_key=True)
        .filter(pk__in=chunk, status_on__isnull=False, stage__in=[*CLOSED_STAGES, *IN_FORCE])
        .order_by("pk")
        .values_list("pk", "stage", "ends_on", *FIELDS)
    )
    pks = [r[0] for r in records]
    tracks: dict[int, list[tuple[Any, ...]]] = {}
    track_rows = DprdReview.objects.filter(cooperation_id__in=pks).order_by().values_list(
        "cooperation_id", "deemed_approved_on", "approved_on", "rejected_on",
        "decision_due_name", "status", "due_on", "due_name",
    )  # fmt: skip
    for pk, *track in track_rows:
        tracks.setdefault(pk, []).append(tuple(track))
    tasks: dict[int, list[tuple[Any, ...]]] = {}
    for pk, *task in (
        OpenTask.objects.filter(cooperation_id__in=pks)
        .order_by()
        .values_list("cooperation_id", "due_on", "is_overdue")
    ):
        tasks.setdefault(pk, []).append(tuple(task))
    done: set[int] = set()
    changed: list[int] = []
    writes: list[Row] = []
    ended_with_tasks: list[int] = []
    for pk, stage, ends_on, *have in records:
        mine = tasks.get(pk, [])
        if not _tracks_allow(stage, tracks.get(pk, [])):
            continue
        if stage in IN_FORCE and (have[2] or any(due or late for due, late in mine)):
            continue  # a dated or overdue task comes from the law: computed in full
        done.add(pk)
        want = _wanted(stage, ends_on, as_of)
        closed_tasks = stage in CLOSED_STAGES and bool(mine)
        if tuple(have[:4]) != want or closed_tasks:
            changed.append(pk)
        if closed_tasks:
            ended_with_tasks.append(pk)
        if tuple(have[:4]) != want or have[4] != as_of:
            writes.append(Row(pk=pk, **dict(zip(FIELDS, (*want, as_of), strict=True))))
    update_rows(Cooperation, writes, FIELDS)
    if ended_with_tasks:
        OpenTask.objects.filter(cooperation_id__in=ended_with_tasks).delete()
    return done, changed

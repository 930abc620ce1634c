"""`ksd tick` over a backlog reads each record once per phase, asks ksd.law once per record and
day (the run keeps the assessment while the record's facts stay the same), loads relations and
writes rows with its own plain statements. None of that may change a single row: on a generated
register six weeks after its date, the whole run (deemed approvals, expiries, notices, stored
status) must leave exactly what the same run leaves with Django's prefetching and bulk_create
and without the kept assessments, and the stored status must agree with ksd.law read afresh.
Instants: a morning (every region on the same date) and 23:30 in Jakarta (the next day already
in Makassar and Jayapura), with a day off added by the administrator inside the six weeks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import Prefetch, prefetch_related_objects

from ksd.cooperation import expiry, jobs, status, status_by_date, tick_batches
from ksd.cooperation.abroad.services import FOREIGN_FACT_EVENT_KINDS
from ksd.cooperation.models import Cooperation, Event, Notification, OpenTask
from ksd.core import bulk
from ksd.core.dates import today_at
from ksd.dataset.generator import generate
from ksd.dprd import deemed
from ksd.dprd.models import DprdReview
from ksd.regions.models import HolidayOverride

GENERATED_ON = dt.date(2026, 12, 1)
GENERATED_AT = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)
MORNING = GENERATED_AT + dt.timedelta(weeks=6)  # 10:00 in Jakarta, the same date everywhere
# 23:30 in Jakarta: already the next day in Makassar (00:30) and Jayapura (01:30).
ZONE_MIDNIGHT = dt.datetime(2027, 1, 12, 16, 30, tzinfo=dt.UTC)


class _UndoError(Exception):
    pass


def _plain_load(ids: Any, relations: Any) -> list[Cooperation]:
    foreign = Event.objects.filter(kind__in=FOREIGN_FACT_EVENT_KINDS)
    return list(
        Cooperation.objects.filter(pk__in=list(ids))
        .select_related("affair")
        .prefetch_related(*relations, Prefetch("events", foreign, to_attr="foreign_events"))
        .order_by("pk")
    )


def _plain_insert(model: Any, rows: Any, *, ignore_conflicts: bool = False) -> None:
    model.objects.bulk_create(rows, ignore_conflicts=ignore_conflicts)


def _plain_update(model: Any, rows: Any, fields: Any) -> None:
    instances = [r if isinstance(r, model) else model(**vars(r)) for r in rows]
    model.objects.bulk_update(instances, fields)


class _PlainPrepared:
    def __call__(self, field: Any, value: Any) -> Any:
        return field.get_db_prep_save(value, connection)


def _plain(patch: pytest.MonkeyPatch) -> None:
    """Django's prefetching, bulk_create and bulk_update, every value converted on its own,
    ksd.law asked every time a record is read, and every stored status computed in full."""
    for module in (status, tick_batches):
        patch.setattr(module, "load_records", _plain_load)
    patch.setattr(jobs, "prefetch_reverse", lambda rows, name: prefetch_related_objects(rows, name))
    for module in (tick_batches, status, deemed, expiry):
        patch.setattr(module, "insert_rows", _plain_insert)
    for module in (tick_batches, status, deemed, status_by_date):
        patch.setattr(module, "update_rows", _plain_update)
    # Every record due for its stored status read and computed in full by refresh_due: none
    # from its stored columns, none while the notices have it read.
    patch.setattr(status_by_date, "refresh_by_date", lambda ids, as_of: ([], list(ids)))
    patch.setattr(jobs, "refresh_read", lambda rows, as_of, run: [])
    patch.setattr(bulk, "_Prepared", _PlainPrepared)
    patch.setattr(tick_batches, "KEPT_ASSESSMENTS", 0)
    # Deemed approvals: the stored status read back from the database, not from memory.
    patch.setattr(
        deemed,
        "refresh_read",
        lambda rows, as_of, run: status.refresh_many([r.pk for r in rows], as_of, run=run),
    )


def _tick(at: dt.datetime, law: tick_batches.Law | None = None) -> str:
    law = law or tick_batches.Law()
    summary = jobs.run_tick(now=at, law=law)
    refreshed = status.refresh_due(today_at(at), run=law)
    return f"{summary}; {refreshed}"


def _rows() -> dict[str, Any]:
    """Every row the tick writes, without the ids the database hands out."""
    return {
        "tracks": list(DprdReview.objects.order_by("pk").values_list()),
        "records": list(
            Cooperation.objects.order_by("pk").values_list(
                "pk", "stage", "updated_at", "last_step_on", "ended_on", "next_due_on",
                "next_due_name", "is_overdue", "is_expiring", "status_on",
            )
        ),
        "events": sorted(
            Event.objects.values_list(
                "cooperation_id", "kind", "actor_id", "at", "on", "region_id", "citation",
                "reason", "changes", "stage",
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
        "notifications": sorted(
            Notification.objects.values_list(
                "cooperation_id", "region_id", "kind", "due_on", "message", "citation",
                "created_at",
            ),
            key=str,
        ),
    }  # fmt: skip


@pytest.mark.parametrize("at", [MORNING, ZONE_MIDNIGHT], ids=["morning", "zone-midnight"])
def test_a_backlog_tick_leaves_what_the_plain_tick_leaves(
    regions_loaded: None, monkeypatch: pytest.MonkeyPatch, at: dt.datetime
) -> None:
    from ksd.regions.services import load_affairs

    load_affairs()
    generate(300, seed=23, today=GENERATED_ON, now=GENERATED_AT)
    _tick(GENERATED_AT)  # the regular run on the register's date
    # A day off added inside the six weeks: every open track is read again and every record
    # with one is computed again (signals), with the new calendar.
    HolidayOverride.objects.create(
        day=dt.date(2026, 12, 30), action=HolidayOverride.Action.ADD, decree="test: SKB",
        name="Cuti bersama (uji)", created_by=User.objects.create_user("admin_tick"),
        created_at=GENERATED_AT,
    )  # fmt: skip
    # Small chunks and few kept assessments: records cross chunks, kept ones are dropped.
    monkeypatch.setattr(tick_batches, "CHUNK", 7)
    monkeypatch.setattr(status, "CHUNK", 11)
    monkeypatch.setattr(tick_batches, "KEPT_ASSESSMENTS", 13)
    before = _rows()
    try:
        with transaction.atomic(), monkeypatch.context() as plain:
            _plain(plain)
            expected_summary = _tick(at)
            expected = _rows()
            raise _UndoError
    except _UndoError:
        pass
    assert _rows() == before

    by_date: list[int] = []
    stored_columns = status_by_date.refresh_by_date

    def counted(ids: Any, as_of: dt.date) -> tuple[list[int], list[int]]:
        differing, left = stored_columns(ids, as_of)
        by_date.extend(set(ids) - set(left))
        return differing, left

    monkeypatch.setattr(status_by_date, "refresh_by_date", counted)
    law = tick_batches.Law()
    summary = _tick(at, law)

    assert by_date, "agreements expired or entering their last months: from stored columns"
    assert law.refreshed, "records read for their notices: their stored status refreshed then"
    assert summary == expected_summary
    assert "0 deemed" not in summary, "six weeks later resubmitted drafts are deemed approved"
    assert " 0 expired" not in summary
    assert _rows() == expected
    # The stored status is what ksd.law says, read afresh record by record.
    everything = list(Cooperation.objects.order_by("pk").values_list("pk", flat=True))
    assert status.refresh_many(everything, today_at(at), check_only=True) == []
    # And a second run at the same instant finds nothing left.
    assert _tick(at).startswith("tick: 0 deemed approvals, 0 expired, 0 notifications")

"""core/bulk.py's loading and writing for the batch jobs behave as Django's own: a record's
relations loaded by prefetch_reverse answer from memory and, when filtered, reach that
record's rows only; update_rows writes plain rows (bulk.Row) as bulk_update writes instances."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ksd.cooperation.models import Cooperation, Party
from ksd.cooperation.status import load_records
from ksd.core.bulk import Row, update_rows
from ksd.dataset.generator import generate

NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)


def test_loaded_relations_answer_from_memory_and_filter_their_own_rows(
    regions_loaded: None,
) -> None:
    from ksd.regions.services import load_affairs

    load_affairs()
    generate(6, seed=5, today=NOW.date(), now=NOW)
    ids = list(Cooperation.objects.order_by("pk").values_list("pk", flat=True))
    rows = load_records(ids, ("parties",))
    with CaptureQueriesContext(connection) as read:
        held = {row.pk: [p.pk for p in row.parties.all()] for row in rows}
    assert len(read) == 0
    for row in rows:
        assert held[row.pk] == list(
            Party.objects.filter(cooperation_id=row.pk).order_by("id").values_list("pk", flat=True)
        )  # fmt: skip
        mine = row.parties.all().filter(region__isnull=False)
        assert set(mine.values_list("cooperation_id", flat=True)) <= {row.pk}
        assert row.parties.all().count() == len(held[row.pk])
        assert str(row.pk) in str(row.parties.all().filter(pk__gt=0).query)


def test_plain_rows_are_written_as_instances_are(regions_loaded: None) -> None:
    from ksd.regions.services import load_affairs

    load_affairs()
    generate(3, seed=5, today=NOW.date(), now=NOW)
    first, second, third = Cooperation.objects.order_by("pk")[:3]
    day = dt.date(2027, 2, 3)
    update_rows(
        Cooperation,
        [
            Row(pk=first.pk, next_due_on=day, next_due_name="ends_on", is_expiring=True),
            Row(pk=second.pk, next_due_on=None, next_due_name="", is_expiring=False),
        ],
        ["next_due_on", "next_due_name", "is_expiring"],
    )
    written = {
        pk: rest
        for pk, *rest in Cooperation.objects.values_list(
            "pk", "next_due_on", "next_due_name", "is_expiring"
        )
    }
    assert written[first.pk] == [day, "ends_on", True]
    assert written[second.pk] == [None, "", False]
    assert written[third.pk] == [third.next_due_on, third.next_due_name, third.is_expiring]

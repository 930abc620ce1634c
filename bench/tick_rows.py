"""The md5 of every row `ksd tick` writes, ordered, per table: run it on two copies of a dataset
after the tick of two versions of the code at the same KSD_TICK_NOW; equal lines mean the
same tracks, records (stage, dates, stored status), events, open tasks and notifications.

    KSD_VAR_DIR=var/copy-a python bench/tick_rows.py
    KSD_DB=postgres KSD_PG_NAME=copy_b python bench/tick_rows.py

Ids the database hands out (events, tasks, notifications) are left out: two runs may number
their inserts differently.
"""

from __future__ import annotations

import hashlib
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ksd.settings")

_RECORD = (
    "pk", "stage", "updated_at", "last_step_on", "ended_on", "next_due_on", "next_due_name",
    "is_overdue", "is_expiring", "status_on",
)  # fmt: skip
_EVENT = (
    "cooperation_id", "kind", "actor_id", "at", "on", "region_id", "citation", "reason",
    "changes", "stage",
)  # fmt: skip
_TASK = (
    "cooperation_id", "kind", "region_id", "subject", "due_on", "due_name", "status",
    "is_overdue",
)  # fmt: skip
_NOTICE = ("cooperation_id", "region_id", "kind", "due_on", "message", "citation", "created_at")


def main() -> int:
    import django

    django.setup()
    from ksd.cooperation.models import Cooperation, Event, Notification, OpenTask
    from ksd.dprd.models import DprdReview

    unscheduled = [f.attname for f in DprdReview._meta.concrete_fields if f.name != "next_check_on"]
    tables = {
        "tracks": DprdReview.objects.order_by("pk").values_list(),
        # The schedule is the tick's bookkeeping (when to read a track again), not a result.
        "tracks-without-schedule": DprdReview.objects.order_by("pk").values_list(*unscheduled),
        "records": Cooperation.objects.order_by("pk").values_list(*_RECORD),
        "events": Event.objects.order_by(*_EVENT).values_list(*_EVENT),
        "tasks": OpenTask.objects.order_by(*_TASK).values_list(*_TASK),
        "notifications": Notification.objects.order_by(*_NOTICE).values_list(*_NOTICE),
    }
    for name, rows in tables.items():
        digest = hashlib.md5(usedforsecurity=False)
        count = 0
        for row in rows.iterator(chunk_size=20_000):
            digest.update(repr(row).encode())
            digest.update(b"\n")
            count += 1
        print(f"{name} {count} {digest.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

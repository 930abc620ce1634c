"""`ksd tick`: deemed approvals, expiries and notifications; run it from cron every few minutes."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ksd.cooperation.jobs import run_tick
from ksd.cooperation.status import refresh_due
from ksd.cooperation.tick_batches import Law
from ksd.core.clock import now
from ksd.core.dates import today_at


class Command(BaseCommand):
    help = "Apply deemed DPRD approvals, expire ended agreements and create notifications."

    def handle(self, *args: Any, **options: Any) -> None:
        moment = now()
        law = Law()  # calendars, parameters and assessments shared by both parts of the run
        self.stdout.write(str(run_tick(now=moment, law=law)))
        # What days passing changed in the stored status (overdue, expiring): cooperation/status.py.
        self.stdout.write(f"status: {refresh_due(today_at(moment), run=law)} refreshed")
        # The oversight pages' counts are another job (`ksd warm_oversight`; `ksd scheduler` runs
        # both): the tick is the law's work on the register and nothing else.

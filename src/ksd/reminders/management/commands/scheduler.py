"""`ksd scheduler`: the scheduled jobs (ksd tick, notification e-mail, daily digests).

`--once` runs them once and exits (for a systemd timer, docs/deploy.md); without it they run
every KSD_SCHEDULER_MINUTES until stopped."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from ksd.core import clock
from ksd.reminders.scheduler import Scheduler, run_jobs


class Command(BaseCommand):
    help = "Run the scheduled jobs: deemed approvals, expiries, notifications, reminders by e-mail."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="run once and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            self.stdout.write(str(run_jobs(now=clock.now())))
            return
        scheduler = Scheduler(
            lambda: self.stdout.write(str(run_jobs(now=clock.now()))),
            dt.timedelta(minutes=settings.SCHEDULER_MINUTES),
        )
        scheduler.start()
        try:
            scheduler.wait()
        except KeyboardInterrupt:
            scheduler.stop()

"""`ksd run`: the development server of `make run`, with the scheduled jobs running in it.

The scheduler thread is started where the server serves: in the autoreloader's child process
(inner_run), once per process; the parent that only watches files starts nothing. So `make run`
needs no cron for deemed approvals, expiries and reminders."""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles.management.commands.runserver import Command as RunServer

from ksd.reminders.scheduler import start_in_process


class Command(RunServer):
    help = "Start the development server with the scheduled jobs (ksd scheduler) in a thread."

    def inner_run(self, *args: Any, **options: Any) -> None:
        if start_in_process(self.stdout.write) is not None:
            self.stdout.write("Scheduled jobs run in this process (KSD_SCHEDULER=0 turns it off).")
        super().inner_run(*args, **options)

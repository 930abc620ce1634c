"""`ksd tick`: deemed approvals, expiries and notifications; run it from cron every few minutes."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ksd.cooperation.jobs import run_tick
from ksd.core.clock import now


class Command(BaseCommand):
    help = "Apply deemed DPRD approvals, expire ended agreements and create notifications."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(str(run_tick(now=now())))

"""`ksd recompute_status [--check | --missing]`: the stored status of every cooperation (or of
those that have none yet), from ksd.law."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ksd.cooperation.models import Cooperation
from ksd.cooperation.status import fill_last_steps, fill_never_computed, refresh_many
from ksd.core.clock import now
from ksd.core.dates import today_at


class Command(BaseCommand):
    help = (
        "Recompute every cooperation's stored status (deadlines, overdue and expiring flags, "
        "DPRD track statuses, open tasks) from ksd.law; with --check, only report the records "
        "whose stored status disagrees."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="Change nothing; report.")
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Only the records without a stored status (an upgraded database, or records "
            "made stale by a change of calendars or DPRD clocks); `make run` and `make serve` "
            "run this after `migrate`.",
        )

    def _progress(self, started: float) -> Any:
        step = [0]

        def report(done: int, total: int) -> None:
            # About every tenth of the work, and at the end.
            if done == total or done >= step[0]:
                step[0] = done + max(total // 10, 1)
                seconds = time.monotonic() - started
                self.stdout.write(f"  {done:,} / {total:,} ({seconds:.0f} s)")

        return report

    def handle(self, *args: Any, **options: Any) -> None:
        check = bool(options["check"])
        started = time.monotonic()
        if options["missing"]:
            if check:
                raise CommandError("--check and --missing do not go together.")
            count = fill_never_computed(self._progress(started))
            if count:
                seconds = time.monotonic() - started
                self.stdout.write(
                    f"stored status filled for {count:,} cooperations ({seconds:.1f} s)"
                )
            return
        as_of = today_at(now())
        ids = list(Cooperation.objects.order_by("pk").values_list("pk", flat=True))
        if not check:
            fill_last_steps()
        differing = refresh_many(ids, as_of, check_only=check, progress=self._progress(started))
        seconds = time.monotonic() - started
        verb = "disagree" if check else "updated"
        self.stdout.write(
            f"{len(ids)} cooperations as of {as_of.isoformat()}: {len(differing)} {verb} "
            f"({seconds:.1f} s)"
        )
        if check and differing:
            shown = ", ".join(str(pk) for pk in differing[:20])
            more = "" if len(differing) <= 20 else f" and {len(differing) - 20} more"
            raise CommandError(f"Stored status disagrees with ksd.law for: {shown}{more}")

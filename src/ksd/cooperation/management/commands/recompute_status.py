"""`ksd recompute_status [--check]`: the stored status of every cooperation, from ksd.law."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ksd.cooperation.models import Cooperation
from ksd.cooperation.status import fill_last_steps, refresh_many
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

    def handle(self, *args: Any, **options: Any) -> None:
        check = bool(options["check"])
        started = time.monotonic()
        as_of = today_at(now())
        ids = list(Cooperation.objects.order_by("pk").values_list("pk", flat=True))
        if not check:
            fill_last_steps()
        differing = refresh_many(ids, as_of, check_only=check)
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

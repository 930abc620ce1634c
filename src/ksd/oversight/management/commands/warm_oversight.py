"""`ksd warm_oversight [--again]`: the oversight pages' counts brought up to date in the
database (oversight/warm.py), so that their first visitor does not read the whole register."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ksd.oversight.warm import warm


class Command(BaseCommand):
    help = (
        "Bring the oversight pages' counts up to date in the database (also done by `ksd tick` "
        "and `ksd scheduler`)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--again", action="store_true", help="drop the kept counts and read everything again"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(str(warm(again=options["again"])))

"""`ksd generate_dataset --cooperations N [--seed S] [--force]`: a national-scale dataset."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from ksd.cooperation.models import Cooperation
from ksd.core import clock
from ksd.dataset.generator import generate, refresh_statistics


class Command(BaseCommand):
    help = "Generate N valid cooperations (marked '(data uji)') for measuring KSD at scale."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cooperations", type=int, required=True)
        parser.add_argument("--seed", type=int, default=2007)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Generate even though the database holds real (non-demo) records.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = options["cooperations"]
        if count < 1 or count > 2_000_000:
            raise CommandError(_("The number of cooperations must be between 1 and 2,000,000."))
        if not options["force"] and Cooperation.objects.filter(is_demo=False).exists():
            raise CommandError(
                _(
                    "This database holds real cooperation records; generated data would mix with "
                    "them. Use an empty database, or --force if you are sure."
                )
            )
        now = clock.now()
        step = max(count // 10, 1000)

        def progress(done: int) -> None:
            if done % step == 0 or done == count:
                self.stdout.write(f"{done:,} / {count:,}")

        try:
            written = generate(
                count, seed=options["seed"], today=clock.today_in(), now=now, progress=progress
            )
        except LookupError:
            raise CommandError(
                _("No regions are loaded: run `ksd load_reference_data` first.")
            ) from None
        refresh_statistics()
        self.stdout.write(_("%(n)s cooperations generated.") % {"n": f"{written:,}"})

"""`ksd generate_monitoring [--seed S]`: monitoring rows for a generated dataset."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from ksd.cooperation.models import Cooperation
from ksd.core import clock
from ksd.dataset.generator import refresh_statistics
from ksd.dataset.monitoring import generate_monitoring


class Command(BaseCommand):
    help = (
        "Add monitoring rows (implementing agencies, reporting schedules, periodic reports on "
        "time, late or missing, obligations) to the cooperations `ksd generate_dataset` wrote."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2007)

    def handle(self, *args: Any, **options: Any) -> None:
        if not Cooperation.objects.filter(is_demo=True).exists():
            raise CommandError(_("No generated cooperations: run `ksd generate_dataset` first."))

        def progress(done: int) -> None:
            if done % 10_000 == 0:
                self.stdout.write(f"{done:,}")

        written = generate_monitoring(
            seed=options["seed"], today=clock.today_in(), now=clock.now(), progress=progress
        )
        refresh_statistics()
        self.stdout.write(
            _("Monitoring added to %(coops)s cooperations: %(agencies)s implementing agencies, "
              "%(reports)s reports (%(late)s submitted late), %(obligations)s obligations.")
            % {"coops": f"{written.cooperations:,}", "agencies": f"{written.agencies:,}",
               "reports": f"{written.reports:,}", "late": f"{written.late_reports:,}",
               "obligations": f"{written.obligations:,}"}
        )  # fmt: skip

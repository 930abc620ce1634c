from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ksd.accounts.demo import DEMO_USERS, load_demo, regions_missing
from ksd.core import clock


class Command(BaseCommand):
    help = (
        "Load demo users (one per role) and the seed's real cooperations, marked as demo. Safe "
        "to run again: what exists is left alone, and the password is shown only once."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if regions_missing():
            raise CommandError(
                _("The regions are not loaded yet. Run “ksd load_reference_data” first.")
            )
        result = load_demo(now=clock.now())
        if result.password:
            self.stdout.write(
                _("Demo users created: %(users)s.") % {"users": ", ".join(result.users_created)}
            )
            self.stdout.write(
                self.style.WARNING(
                    _("Their password, shown this once only: %(password)s")
                    % {"password": result.password}
                )
            )
        else:
            self.stdout.write(
                _("The demo users already exist (%(users)s); nothing changed.")
                % {"users": ", ".join(DEMO_USERS)}
            )
        self.stdout.write(
            _("Demo cooperations: %(created)d created, %(existing)d already there.")
            % {"created": len(result.cooperations_created),
               "existing": len(result.cooperations_existing)}
        )  # fmt: skip

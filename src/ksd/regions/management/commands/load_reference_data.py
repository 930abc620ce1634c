from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ksd.regions.services import load_reference_data


class Command(BaseCommand):
    help = (
        "Load or refresh the reference data (provinces, kabupaten and kota from the Kemendagri "
        "list; the government affairs of UU 23/2014 Pasal 12). Safe to run again: rows already "
        "up to date are left alone."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        loaded = load_reference_data()
        result = loaded.regions
        self.stdout.write(
            _("Regions: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
            % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
        )
        if result.not_in_list:
            message = ngettext(
                "%(count)d region in the database is no longer in the Kemendagri list; "
                "it was kept.",
                "%(count)d regions in the database are no longer in the Kemendagri list; "
                "they were kept.",
                result.not_in_list,
            ) % {"count": result.not_in_list}
            self.stdout.write(self.style.WARNING(message))
        affairs = loaded.affairs
        self.stdout.write(
            _("Affairs: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
            % {
                "created": affairs.created,
                "updated": affairs.updated,
                "unchanged": affairs.unchanged,
            }
        )
        if affairs.not_in_list:
            message = ngettext(
                "%(count)d affair in the database is no longer in affairs.yaml; it was kept.",
                "%(count)d affairs in the database are no longer in affairs.yaml; they were kept.",
                affairs.not_in_list,
            ) % {"count": affairs.not_in_list}
            self.stdout.write(self.style.WARNING(message))

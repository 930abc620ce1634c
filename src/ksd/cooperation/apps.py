from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "ksd.cooperation"
    label = "cooperation"
    verbose_name = _("Cooperation")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from ksd.cooperation.append_only import ensure_installed
        from ksd.cooperation.status import calendar_changed
        from ksd.regions.models import HolidayOverride

        post_migrate.connect(ensure_installed, sender=self, dispatch_uid="ksd_event_append_only")
        # The stored status of records that never had one (an upgraded database) is filled by
        # `ksd recompute_status --missing`, which `make run` and `make serve` call after
        # `migrate`: on a national register it takes minutes, too long to hide in a migration.
        # A day off moves DPRD deadlines: their stored status is computed again by `ksd tick`.
        for signal in (post_save, post_delete):
            signal.connect(calendar_changed, sender=HolidayOverride, dispatch_uid=f"ksd_{signal}")

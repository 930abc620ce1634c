from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DprdConfig(AppConfig):
    name = "ksd.dprd"
    label = "dprd"
    verbose_name = _("DPRD approval")

    def ready(self) -> None:
        from ksd.dprd import tick_schedule

        tick_schedule.connect()

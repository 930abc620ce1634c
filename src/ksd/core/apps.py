from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ksd.core"
    label = "core"
    verbose_name = _("KSD core")

    def ready(self) -> None:
        from ksd.core.audit import follow_reference_models

        follow_reference_models()

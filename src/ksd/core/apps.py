from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ksd.core"
    label = "core"
    verbose_name = _("KSD core")

    def ready(self) -> None:
        from django.core.signals import setting_changed
        from django.db.models.signals import post_migrate

        from ksd.core import change_stamp, page_cache
        from ksd.core.audit import follow_reference_models

        follow_reference_models()
        # After every migrate: SQLite loses a table's triggers when a migration rebuilds it.
        post_migrate.connect(change_stamp.ensure_installed, dispatch_uid="ksd_change_stamp")
        # A setting changed in a running process (tests) is not a database write.
        setting_changed.connect(page_cache.forget_on_setting, dispatch_uid="ksd_page_cache")

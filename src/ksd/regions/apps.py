from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "ksd.regions"
    label = "regions"
    verbose_name = _("Regions")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from ksd.regions import names

        region = self.get_model("Region")
        post_save.connect(names.forget, sender=region, dispatch_uid="region_names_save")
        post_delete.connect(names.forget, sender=region, dispatch_uid="region_names_delete")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatasetConfig(AppConfig):
    """Generated datasets for measuring KSD at national scale (`ksd generate_dataset`)."""

    name = "ksd.dataset"
    verbose_name = _("Generated datasets")

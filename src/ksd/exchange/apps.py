from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """Agreements in and out: the XLSX import of existing agreements, the register's CSV and
    XLSX exports, the himpunan and the open-data JSON (issue 10 points 3 and 4)."""

    name = "ksd.exchange"
    label = "exchange"
    verbose_name = _("Import and export")

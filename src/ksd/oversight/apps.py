from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    """What supervisors see (issue 11): figures and charts over the register, stalled and
    at-risk work, the map and the network, the regional scorecard, affairs and gaps, and the
    register as it stood on a past date. Reads the cooperation app; nothing there imports us."""

    name = "ksd.oversight"
    label = "oversight"
    verbose_name = _("Oversight")

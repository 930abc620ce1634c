from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    """Monitoring and evaluation (monev) of signed cooperation (issue 11 point 6): each
    implementing agency's periodic reports, the obligations and milestones of the parties, and
    who is late. Reads cooperation, bodies, regions and core; none of them imports this app."""

    name = "ksd.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring and evaluation")

    def ready(self) -> None:
        from ksd.monitoring import wiring

        wiring.register()
        wiring.follow_in_audit_log()

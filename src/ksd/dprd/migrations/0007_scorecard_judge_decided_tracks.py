# Records with a decided DPRD track get their stored status computed again: `ksd
# recompute_status --missing` (run by make run / make serve after migrate) then stores each
# decision's time limit from ksd.law once.

from django.db import migrations
from django.db.models import Q


def mark_stale(apps, schema_editor):
    review = apps.get_model("dprd", "DprdReview")
    cooperation = apps.get_model("cooperation", "Cooperation")
    decided = review.objects.filter(
        Q(approved_on__isnull=False) | Q(rejected_on__isnull=False)
        | Q(deemed_approved_on__isnull=False)
    ).values("cooperation_id")
    cooperation.objects.filter(pk__in=decided).update(status_on=None)


class Migration(migrations.Migration):

    dependencies = [
        ('dprd', '0006_scorecard_decision_deadline'),
        ('cooperation', '0017_stored_status_and_open_tasks'),
    ]

    operations = [migrations.RunPython(mark_stale, migrations.RunPython.noop)]

# Events are append-only, enforced by the database: a trigger refuses UPDATE and DELETE on
# cooperation_event (PostgreSQL and SQLite SQL in ksd/cooperation/append_only.py), and a
# cooperation with events can no longer be deleted through the ORM (PROTECT).

import django.db.models.deletion
from django.db import migrations, models


def install_triggers(apps, schema_editor):
    from ksd.cooperation.append_only import install

    install(schema_editor.connection)


def uninstall_triggers(apps, schema_editor):
    from ksd.cooperation.append_only import uninstall

    uninstall(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('cooperation', '0011_event_kinds_of_record_keeping_and_abroad'),
    ]

    operations = [
        migrations.AlterField(
            model_name='event',
            name='cooperation',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='events', to='cooperation.cooperation', verbose_name='cooperation'),
        ),
        migrations.RunPython(install_triggers, uninstall_triggers),
    ]

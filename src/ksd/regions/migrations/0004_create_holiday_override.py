# The administrator's holiday override table.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('regions', '0003_create_third_party'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HolidayOverride',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField(verbose_name='day')),
                ('action', models.CharField(choices=[('add', 'add a day off'), ('remove', 'make a listed holiday a working day')], max_length=6, verbose_name='action')),
                ('decree', models.CharField(help_text='The legal basis, e.g. the number of the joint ministerial decree (SKB).', max_length=300, verbose_name='decree')),
                ('name', models.CharField(help_text='The name of the day, in Bahasa Indonesia.', max_length=200, verbose_name='name')),
                ('source', models.CharField(blank=True, help_text='Where anyone can read the decree, e.g. its web address.', max_length=500, verbose_name='source')),
                ('created_at', models.DateTimeField(editable=False, verbose_name='created at')),
                ('created_by', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                ('region', models.ForeignKey(blank=True, help_text="Empty for a nationwide override. A region's override applies to exactly that region: a province's does not reach its kabupaten and kota.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='holiday_overrides', to='regions.region', verbose_name='region')),
            ],
            options={
                'verbose_name': 'holiday override',
                'verbose_name_plural': 'holiday overrides',
                'ordering': ('-day',),
            },
        ),
        migrations.AddConstraint(
            model_name='holidayoverride',
            constraint=models.UniqueConstraint(condition=models.Q(('region__isnull', False)), fields=('day', 'region'), name='holiday_override_unique_day_in_region', violation_error_message='This region already has an override for this day.'),
        ),
        migrations.AddConstraint(
            model_name='holidayoverride',
            constraint=models.UniqueConstraint(condition=models.Q(('region__isnull', True)), fields=('day',), name='holiday_override_unique_day_nationwide', violation_error_message='There is already a nationwide override for this day.'),
        ),
    ]

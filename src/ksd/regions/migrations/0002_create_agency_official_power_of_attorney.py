# Agencies (perangkat daerah), officials and Surat Kuasa.

import django.db.models.deletion
import ksd.regions.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('regions', '0001_create_region'),
    ]

    operations = [
        migrations.CreateModel(
            name='Agency',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='For example: Dinas Lingkungan Hidup.', max_length=200, verbose_name='name')),
                ('short_name', models.CharField(blank=True, help_text='For example: DLH.', max_length=30, verbose_name='short name')),
                ('is_active', models.BooleanField(default=True, help_text='Clear it when the agency is dissolved or merged; its records are kept.', verbose_name='active')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='agencies', to='regions.region', verbose_name='region')),
            ],
            options={
                'verbose_name': 'regional agency',
                'verbose_name_plural': 'regional agencies',
                'ordering': ('region', 'name'),
            },
        ),
        migrations.AddConstraint(
            model_name='agency',
            constraint=models.UniqueConstraint(fields=('region', 'name'), name='agency_name_unique_in_region', violation_error_message='This region already has an agency with this name.'),
        ),
        migrations.CreateModel(
            name='Official',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('nip', models.CharField(blank=True, help_text='18 digits; optional (a regional head has no NIP).', max_length=24, validators=[ksd.regions.validators.validate_nip], verbose_name='NIP')),
                ('position', models.CharField(help_text='For example: Kepala Dinas Lingkungan Hidup.', max_length=200, verbose_name='position')),
                ('is_head', models.BooleanField(default=False, help_text='The gubernur, bupati or wali kota of the region.', verbose_name='regional head')),
                ('term_start_on', models.DateField(verbose_name='term starts on')),
                ('term_end_on', models.DateField(blank=True, help_text='Empty while still in office.', null=True, verbose_name='term ends on')),
                ('agency', models.ForeignKey(blank=True, help_text='The perangkat daerah the official works in; empty for the regional head.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='officials', to='regions.agency', verbose_name='agency')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='officials', to='regions.region', verbose_name='region')),
            ],
            options={
                'verbose_name': 'official',
                'verbose_name_plural': 'officials',
                'ordering': ('region', '-is_head', 'name'),
            },
        ),
        migrations.AddConstraint(
            model_name='official',
            constraint=models.CheckConstraint(condition=models.Q(('term_end_on__isnull', True), ('term_end_on__gte', models.F('term_start_on')), _connector='OR'), name='official_term_ends_after_it_starts', violation_error_message='The term cannot end before it starts.'),
        ),
        migrations.AddConstraint(
            model_name='official',
            constraint=models.CheckConstraint(condition=models.Q(('is_head', False), ('agency__isnull', True), _connector='OR'), name='official_head_has_no_agency', violation_error_message='The regional head does not belong to a perangkat daerah.'),
        ),
        migrations.CreateModel(
            name='PowerOfAttorney',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.CharField(max_length=100, verbose_name='number')),
                ('issued_on', models.DateField(verbose_name='issued on')),
                ('valid_from', models.DateField(verbose_name='valid from')),
                ('valid_until', models.DateField(blank=True, help_text='Empty when the letter sets no end.', null=True, verbose_name='valid until')),
                ('scope', models.TextField(help_text='What the grantee may do for the head, in the words of the letter.', verbose_name='scope')),
                ('grantee', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='powers_received', to='regions.official', verbose_name='grantee')),
                ('grantor', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='powers_granted', to='regions.official', verbose_name='grantor (regional head)')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='powers_of_attorney', to='regions.region', verbose_name='region')),
            ],
            options={
                'verbose_name': 'power of attorney (Surat Kuasa)',
                'verbose_name_plural': 'powers of attorney (Surat Kuasa)',
                'ordering': ('region', '-valid_from'),
            },
        ),
        migrations.AddConstraint(
            model_name='powerofattorney',
            constraint=models.UniqueConstraint(fields=('region', 'number'), name='power_of_attorney_number_unique_in_region', violation_error_message='This region already has a Surat Kuasa with this number.'),
        ),
        migrations.AddConstraint(
            model_name='powerofattorney',
            constraint=models.CheckConstraint(condition=models.Q(('valid_from__gte', models.F('issued_on'))), name='power_of_attorney_valid_from_after_issue', violation_error_message='A Surat Kuasa cannot take effect before the day it is issued.'),
        ),
        migrations.AddConstraint(
            model_name='powerofattorney',
            constraint=models.CheckConstraint(condition=models.Q(('valid_until__isnull', True), ('valid_until__gte', models.F('valid_from')), _connector='OR'), name='power_of_attorney_valid_until_after_valid_from', violation_error_message='A Surat Kuasa cannot end before it takes effect.'),
        ),
    ]

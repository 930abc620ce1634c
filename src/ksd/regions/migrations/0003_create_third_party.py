# Third parties (pihak ketiga).

import ksd.regions.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('regions', '0002_create_agency_official_power_of_attorney'),
    ]

    operations = [
        migrations.CreateModel(
            name='ThirdParty',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('form', models.CharField(choices=[('kementerian_lpnd', 'ministry or non-ministerial agency'), ('perseroan_terbatas', 'private company with legal-entity status'), ('bumn', 'state-owned enterprise (BUMN)'), ('bumd', 'regionally-owned enterprise (BUMD)'), ('koperasi', 'cooperative (koperasi)'), ('yayasan', 'foundation (yayasan)'), ('badan_hukum_lain', 'other legal entity'), ('perseorangan', 'individual'), ('organisasi_non_badan_hukum', 'organisation without legal-entity status')], max_length=32, verbose_name='form')),
                ('is_domestic', models.BooleanField(default=True, help_text='Established or resident in Indonesia.', verbose_name='domestic')),
                ('npwp', models.CharField(blank=True, help_text='15 or 16 digits; stored in the 16-digit form.', max_length=24, validators=[ksd.regions.validators.validate_npwp], verbose_name='NPWP')),
                ('nib', models.CharField(blank=True, help_text='Nomor Induk Berusaha from OSS: 13 digits.', max_length=20, validators=[ksd.regions.validators.validate_nib], verbose_name='NIB')),
                ('nik', models.CharField(blank=True, help_text='Only for an individual: 16 digits. Shown masked in lists.', max_length=24, validators=[ksd.regions.validators.validate_nik], verbose_name='NIK')),
                ('address', models.TextField(blank=True, verbose_name='address')),
                ('contact', models.CharField(blank=True, help_text='Person, telephone or e-mail.', max_length=200, verbose_name='contact')),
            ],
            options={
                'verbose_name': 'third party',
                'verbose_name_plural': 'third parties',
                'ordering': ('name',),
                'constraints': [models.CheckConstraint(condition=models.Q(('nik', ''), ('form', 'perseorangan'), _connector='OR'), name='third_party_nik_only_for_individuals', violation_error_message='Only an individual has a NIK.')],
            },
        ),
    ]

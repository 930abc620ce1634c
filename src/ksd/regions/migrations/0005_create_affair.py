# Government affairs (urusan pemerintahan, UU 23/2014 Pasal 12).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('regions', '0004_create_holiday_override'),
    ]

    operations = [
        migrations.CreateModel(
            name='Affair',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=60, unique=True, verbose_name='code')),
                ('name', models.CharField(max_length=200, verbose_name='name (Indonesian)')),
                ('name_en', models.CharField(max_length=200, verbose_name='name (English)')),
                ('category', models.CharField(choices=[('wajib_pd', 'mandatory, basic services'), ('wajib_non_pd', 'mandatory, not basic services'), ('pilihan', 'optional')], max_length=12, verbose_name='category')),
                ('citation', models.CharField(max_length=100, verbose_name='legal basis')),
                ('position', models.PositiveSmallIntegerField(verbose_name='order')),
            ],
            options={
                'verbose_name': 'government affair',
                'verbose_name_plural': 'government affairs',
                'ordering': ('position',),
            },
        ),
    ]

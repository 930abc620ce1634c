"""The public register's index (published records by signature date), and planner statistics
for SQLite.

PostgreSQL keeps its statistics itself (autovacuum's ANALYZE). SQLite has none until ANALYZE
runs; without them it guesses that the stage index narrows the public register to a few rows and
sorts 45,000 of them (0.4 s at 100,000 cooperations) instead of reading the newest 25 from this
index (6 ms). ANALYZE on a small database takes milliseconds; after a bulk load (ksd
generate_dataset, a restore) run `PRAGMA optimize` or migrate again (docs/performance.md).
"""

from django.db import migrations, models


def analyze_sqlite(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE")


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0014_trigram_index_on_title_for_postgresql"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="cooperation",
            index=models.Index(
                models.OrderBy(models.F("signed_on"), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                condition=models.Q(is_published=True),
                name="coop_public_by_signed",
            ),
        ),
        migrations.RunPython(analyze_sqlite, migrations.RunPython.noop, elidable=True),
    ]

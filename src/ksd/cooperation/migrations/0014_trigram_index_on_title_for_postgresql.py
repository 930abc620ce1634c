"""The register's title search (`title__icontains`, UPPER(title) LIKE '%...%' on PostgreSQL) reads
a trigram index there instead of scanning every row. SQLite has no such index: nothing to do."""

from django.db import migrations

CREATE = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS coop_title_trgm ON cooperation_cooperation "
    "USING gin (UPPER(title) gin_trgm_ops)",
)
DROP = ("DROP INDEX IF EXISTS coop_title_trgm",)


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0013_index_register_orders_and_region_lookups")]

    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP))]

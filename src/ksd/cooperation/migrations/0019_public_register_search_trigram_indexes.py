"""The public register searches agreement numbers, sectors and third parties' names as well as
titles (cooperation.queries.public_register): on PostgreSQL trigram indexes serve each "contains"
search (UPPER(column) LIKE '%...%'), as 0014 does for the title. Region names are looked up in
the 552-row region table and then by the party's indexed region. SQLite: nothing to do."""

from django.db import migrations

INDEXES = {
    "coop_agreement_no_trgm": ("cooperation_cooperation", "agreement_number"),
    "coop_sector_trgm": ("cooperation_cooperation", "sector"),
    "party_third_party_name_trgm": ("cooperation_party", "third_party_name"),
}
CREATE = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    *(
        f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (UPPER({column}) gin_trgm_ops)"
        for name, (table, column) in INDEXES.items()
    ),
)
DROP = tuple(f"DROP INDEX IF EXISTS {name}" for name in INDEXES)


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0018_index_stalled_cooperations")]

    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP))]

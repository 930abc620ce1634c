from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from ksd.core.backup import BackupError, backup

# Exit status for input the command cannot use, as `ksd assess` and argparse use it.
EXIT_BAD_INPUT = 2
EXIT_INCOMPLETE = 1


class Command(BaseCommand):
    help = (
        "Write one archive with a consistent snapshot of the database and the stored documents "
        "(docs/operations.md). FILE must not exist yet."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = backup(options["file"])
        except BackupError as error:
            self.stderr.write(str(error))
            sys.exit(EXIT_BAD_INPUT)
        self.stdout.write(
            _("Backup written to %(path)s: %(rows)d rows in %(tables)d tables, %(documents)d documents.")
            % {"path": result.path, "rows": result.rows, "tables": result.tables,
               "documents": result.documents}
        )  # fmt: skip
        if result.missing:
            self.stderr.write(
                _(
                    "Warning: %(count)d stored documents are missing or damaged and are not in the backup: %(hashes)s"
                )
                % {"count": len(result.missing), "hashes": ", ".join(result.missing)}
            )
            sys.exit(EXIT_INCOMPLETE)

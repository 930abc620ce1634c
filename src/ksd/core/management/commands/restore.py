from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from ksd.core.backup import BackupError
from ksd.core.restore import restore

EXIT_BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "Fill an empty KSD instance (a new database, or one just migrated) from an archive made "
        "by `ksd backup` (docs/operations.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = restore(options["file"])
        except BackupError as error:
            self.stderr.write(str(error))
            sys.exit(EXIT_BAD_INPUT)
        self.stdout.write(
            _("Restored %(rows)d rows in %(tables)d tables and %(documents)d documents.")
            % {"rows": result.rows, "tables": result.tables, "documents": result.documents}
        )

# ruff: noqa: N999 - the command is `ksd import`, as the issue names it
"""`ksd import FILE.xlsx [--dry-run] [--user NAME]`: import existing agreements from a sheet.

Checks every row and prints each error (row, column, message); with --dry-run it stops there
and writes nothing. Otherwise the rows without errors are imported, rows already recorded are
skipped, and each record's "imported" event names the user given with --user (or no one: the
command line acting for the administrator).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ksd.core import clock
from ksd.core.dates import today_at
from ksd.exchange.importing import batches
from ksd.exchange.importing.reader import MAX_FILE_BYTES, SheetRefused
from ksd.exchange.models import ImportBatch


class Command(BaseCommand):
    help = "Import existing agreements from an XLSX sheet (the template of /kerja-sama/impor/)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        parser.add_argument("--user", default="", help="the user the events name")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Berkas tidak ditemukan / file not found: {path}")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError("Berkas lebih dari 20 MB / file larger than 20 MB.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Pengguna tidak dikenal / unknown user: {options['user']}")
        now = clock.now()
        today = today_at(now)
        try:
            batch = batches.start(
                path.read_bytes(), file_name=path.name, user=user, region=None, now=now
            )
        except SheetRefused as refused:
            raise CommandError(str(refused)) from None
        batch = batches.run_to_end(batch, today=today, now=now, progress=self._progress)
        for result in batch.results:
            for column, message in result["errors"]:
                self.stdout.write(f"baris {result['row']}, kolom “{column}”: {message}")
        summary = (
            f"{batch.total_rows} baris: {batch.valid_rows} tanpa galat, {batch.error_rows} "
            f"dengan galat, {batch.present_rows} sudah tercatat."
        )
        if options["dry_run"] or batch.valid_rows == 0:
            self.stdout.write(summary + " Tidak ada yang ditulis.")
            return
        batch = batches.confirm(batch.pk, now=now)
        batch = batches.run_to_end(batch, today=today, now=now, progress=self._progress)
        self.stdout.write(
            summary + f" Dimuat: {batch.imported_rows}; dilewati: {batch.skipped_rows}."
        )

    def _progress(self, batch: ImportBatch) -> None:
        if batch.status == ImportBatch.Status.IMPORTING:
            done, total = batch.import_position, len(batch.results)
        else:
            done, total = batch.checked_rows, batch.total_rows
        self.stderr.write(f"{done}/{total}")

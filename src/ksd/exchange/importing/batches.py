"""An import from upload to records, in chunks: read, check every row, wait for the user's
confirmation, then write the valid rows. Each chunk runs in one transaction with the batch row
locked, so two requests (or a request and the command) never process the same rows twice, and
the progress a page shows is the progress made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from ksd.cooperation.models import Stage
from ksd.core.errors import StepRefused
from ksd.exchange.importing.reader import read_sheet
from ksd.exchange.importing.rows import Agreement, Context, RegionInfo, check_row
from ksd.exchange.importing.writer import existing_keys, write_agreements
from ksd.exchange.models import ImportBatch
from ksd.regions.models import Affair, Region

CHUNK = 500


def start(
    data: bytes, *, file_name: str, user: AbstractBaseUser | None, region: str | None,
    now: dt.datetime,
) -> ImportBatch:  # fmt: skip
    """Read the sheet (SheetRefused: nothing kept) and keep its cells for checking."""
    sheet = read_sheet(data)
    return ImportBatch.objects.create(
        user=user,
        region_id=region,
        file_name=file_name[:200],
        file_sha256=hashlib.sha256(data).hexdigest(),
        status=ImportBatch.Status.CHECKING,
        cells=[[row, cells] for row, cells in sheet.rows],
        total_rows=len(sheet.rows),
        created_at=now,
        updated_at=now,
    )


def context_for(batch: ImportBatch, *, today: dt.date, now: dt.datetime) -> Context:
    regions: dict[str, RegionInfo] = {}
    by_name: dict[str, list[str]] = {}
    for code, name in Region.objects.values_list("code", "name"):
        regions[code] = RegionInfo(code, name)
        by_name.setdefault(name.casefold(), []).append(code)
    affairs: dict[str, int] = {}
    for pk, code, name in Affair.objects.values_list("pk", "code", "name"):
        affairs[code.casefold()] = pk
        affairs.setdefault(name.casefold(), pk)
    return Context(regions, by_name, affairs, today, now, batch.region_id)


def _result(checked: Any, state: str) -> dict[str, Any]:
    return {
        "row": checked.row,
        "number": checked.number,
        "title": checked.title[:120],
        "initiator": checked.initiator,
        "state": state,
        "errors": [list(e) for e in checked.errors],
    }


def _check_chunk(batch: ImportBatch, context: Context) -> None:
    start_at = batch.checked_rows
    chunk = batch.cells[start_at : start_at + CHUNK]
    checked = [check_row(row, cells, context) for row, cells in chunk]
    agreements = [c.agreement for c in checked if c.agreement]
    present = existing_keys(agreements)
    seen = {(r["initiator"], r["number"]): r["row"] for r in batch.results if r["state"] != "error"}
    for item in checked:
        agreement = item.agreement
        if agreement is None:
            batch.results.append(_result(item, "error"))
            continue
        earlier = seen.get(agreement.key)
        if earlier is not None:
            item.errors.append(
                ("Nomor perjanjian",
                 _("The same agreement (%(region)s, number %(number)s) is already on row "
                   "%(row)d.") % {"region": agreement.initiator,
                                  "number": agreement.agreement_number, "row": earlier})
            )  # fmt: skip
            batch.results.append(_result(item, "error"))
            continue
        seen[agreement.key] = item.row
        batch.results.append(_result(item, "present" if agreement.key in present else "valid"))
    batch.checked_rows = start_at + len(chunk)
    if batch.checked_rows >= batch.total_rows:
        batch.status = ImportBatch.Status.CHECKED


def _import_chunk(batch: ImportBatch, context: Context) -> None:
    """Write the next chunk's valid rows, checked again against the records as they are now:
    a row recorded since the preview (by another import) is skipped, never written twice."""
    start_at = batch.import_position
    results = batch.results[start_at : start_at + CHUNK]
    cells = dict(batch.cells)
    agreements: list[Agreement] = []
    for result in results:
        if result["state"] != "valid":
            continue
        checked = check_row(result["row"], cells[result["row"]], context)
        if checked.agreement is None:
            result["state"] = "error"
            result["errors"] = [list(e) for e in checked.errors]
        else:
            agreements.append(checked.agreement)
    present = existing_keys(agreements)
    fresh = [a for a in agreements if a.key not in present]
    for result in results:
        if result["state"] == "valid" and (result["initiator"], result["number"]) in present:
            result["state"] = "present"
    write_agreements(fresh, batch=batch, now=context.now)
    batch.imported_rows += len(fresh)
    batch.skipped_rows += len(agreements) - len(fresh)
    batch.import_position = start_at + len(results)
    if batch.import_position >= len(batch.results):
        batch.status = ImportBatch.Status.DONE


@transaction.atomic
def advance(batch_id: int, *, today: dt.date, now: dt.datetime) -> ImportBatch:
    """Process the next chunk of the batch (checking or importing), and save how far it got."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
    if batch.status == ImportBatch.Status.CHECKING:
        _check_chunk(batch, context_for(batch, today=today, now=now))
    elif batch.status == ImportBatch.Status.IMPORTING:
        _import_chunk(batch, context_for(batch, today=today, now=now))
    else:
        return batch
    batch.updated_at = now
    # The cells never change after the upload: only the progress is written back.
    batch.save(update_fields=["status", "results", "checked_rows", "import_position",
                              "imported_rows", "skipped_rows", "updated_at"])  # fmt: skip
    return batch


@transaction.atomic
def confirm(batch_id: int, *, now: dt.datetime) -> ImportBatch:
    """The user asked to import the valid rows of a checked batch."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
    if batch.status != ImportBatch.Status.CHECKED:
        raise StepRefused(_("This import is not waiting for confirmation."))
    if batch.valid_rows == 0:
        raise StepRefused(_("No row can be imported: correct the errors and upload again."))
    batch.status = ImportBatch.Status.IMPORTING
    batch.updated_at = now
    batch.save(update_fields=["status", "updated_at"])
    return batch


def run_to_end(batch: ImportBatch, *, today: dt.date, now: dt.datetime,
               progress: Any = None) -> ImportBatch:  # fmt: skip
    """Every remaining chunk of the current phase (the command line)."""
    phase = batch.status
    while batch.status == phase and phase in (
        ImportBatch.Status.CHECKING,
        ImportBatch.Status.IMPORTING,
    ):
        batch = advance(batch.pk, today=today, now=now)
        if progress:
            progress(batch)
    return batch


SIGNED_STAGES = (Stage.SIGNED, Stage.IMPLEMENTING, Stage.EXPIRED)

"""Writing reference data: the regions table follows ksd.law.regions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from ksd.law import regions as law_regions
from ksd.regions.models import Region

# The columns that follow the law's list; `code` is the key.
_SYNCED_FIELDS = ("name", "level", "province_id", "is_autonomous", "timezone")


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    unchanged: int
    # Rows whose code is no longer in the list (a region merged or renumbered). They are kept,
    # since cooperation records may point at them; an administrator decides what to do.
    not_in_list: int


def _row(region: law_regions.Region) -> Region:
    is_province = region.level is law_regions.Level.PROVINSI
    return Region(
        code=region.code,
        name=region.name,
        level=Region.Level(region.level.value),
        province_id=None if is_province else region.province_code,
        is_autonomous=region.is_autonomous,
        timezone=region.timezone,
    )


@transaction.atomic
def load_regions(source: Iterable[law_regions.Region] | None = None) -> LoadResult:
    """Insert or update every region of `source` (default: the whole Kemendagri list) in one
    transaction. Costs one SELECT when nothing changed, a few bulk statements otherwise."""
    wanted = [_row(r) for r in (law_regions.all_regions().values() if source is None else source)]
    existing = {row.code: row for row in Region.objects.all()}

    to_create: list[Region] = []
    to_update: list[Region] = []
    for row in wanted:
        current = existing.get(row.code)
        if current is None:
            to_create.append(row)
        elif any(getattr(current, f) != getattr(row, f) for f in _SYNCED_FIELDS):
            to_update.append(row)

    # Provinces before their kabupaten and kota, so no foreign key points at a missing row.
    to_create.sort(key=lambda row: row.province_id is not None)
    Region.objects.bulk_create(to_create, batch_size=500)
    Region.objects.bulk_update(to_update, _SYNCED_FIELDS, batch_size=200)

    wanted_codes = {row.code for row in wanted}
    return LoadResult(
        created=len(to_create),
        updated=len(to_update),
        unchanged=len(wanted) - len(to_create) - len(to_update),
        not_in_list=sum(1 for code in existing if code not in wanted_codes),
    )

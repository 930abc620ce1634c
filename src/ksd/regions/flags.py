"""Regions the state singles out for development: border regions, regions with outermost small
islands and disadvantaged regions (daerah tertinggal). Read-only reference data shipped with the
package in regions/data/region_flags.csv, each row naming the instrument it comes from, so the
map, the scorecard and the affairs gaps (issue 11) can answer the seed's "kesenjangan" question.
"""

from __future__ import annotations

import csv
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

DATA = Path(__file__).parent / "data" / "region_flags.csv"
# The islands behind each `pulau_terluar` row: one row per island of Keppres 6/2017 whose
# kabupaten/kota a named source gives (the sources and the islands still missing are in
# region_flags.md).
ISLANDS = Path(__file__).parent / "data" / "outermost_islands.csv"


class Flag(enum.StrEnum):
    BORDER = "perbatasan"
    OUTERMOST = "pulau_terluar"
    DISADVANTAGED = "tertinggal"

    @property
    def label(self) -> str:
        return str(FLAG_LABELS[self])


FLAG_LABELS = {
    Flag.BORDER: _("Border region"),
    Flag.OUTERMOST: _("Outermost small islands"),
    Flag.DISADVANTAGED: _("Disadvantaged region"),
}


@dataclass(frozen=True)
class FlagRow:
    code: str
    flag: Flag
    instrument: str  # the regulation or decree the row is read from
    note: str


@cache
def _rows() -> tuple[FlagRow, ...]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        return tuple(
            FlagRow(row["code"], Flag(row["flag"]), row["instrument"], row.get("note", ""))
            for row in csv.DictReader(handle)
        )


def flag_rows() -> tuple[FlagRow, ...]:
    return _rows()


def flags_of(codes: Iterable[str] | None = None) -> dict[str, frozenset[Flag]]:
    """Each region's flags (regions with none are left out); only `codes` when given."""
    wanted = None if codes is None else set(codes)
    found: dict[str, set[Flag]] = {}
    for row in _rows():
        if wanted is None or row.code in wanted:
            found.setdefault(row.code, set()).add(row.flag)
    return {code: frozenset(flags) for code, flags in found.items()}


@dataclass(frozen=True)
class IslandRow:
    island: str
    province: str  # as the Keppres names it (before the 2022 Papua split)
    code: str  # the kabupaten/kota today
    source: str  # the document the kabupaten/kota is read from
    where: str  # where in it
    note: str


@cache
def outermost_islands() -> tuple[IslandRow, ...]:
    with ISLANDS.open(encoding="utf-8", newline="") as handle:
        return tuple(
            IslandRow(
                row["island"], row["province"], row["code"], row["source"], row["where"],
                row.get("note", ""),
            )
            for row in csv.DictReader(handle)
        )  # fmt: skip


def regions_with(flag: Flag) -> frozenset[str]:
    return frozenset(row.code for row in _rows() if row.flag is flag)

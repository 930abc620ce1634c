"""Regions as they were on a date: formed or not yet, in which province, under which code.

The bundled data (law/data/regions/, copied from shared/data/regions with its README) lists every
region formed since 2007 with its formation law, and the kab/kota that moved into a new province
(Kalimantan Utara, UU 20/2012; Papua Selatan, Papua Tengah, Papua Pegunungan, UU 14-16/2022;
Papua Barat Daya, UU 29/2022) with their old and new codes. The formation laws take effect on
promulgation ("mulai berlaku pada tanggal diundangkan"), so a region exists from its diundangkan
date (or, where only the signing date was recovered, from that date: the laws of one batch were
signed and promulgated together).

A party is always keyed by today's Kemendagri code; an old code (Merauke 91.01) is accepted and
mapped to today's (93.01). Its `province_code` is the province it belonged to on the date.
Regions formed before 2007 are taken as existing on every date KSD assesses.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from dataclasses import dataclass, replace
from importlib import resources

from ksd.law.citations import Citation, Finding, Severity, Text, long_date
from ksd.law.regions import Region, all_regions, get_region

# The province a kab/kota left when its new province was formed, by the law that moved it. The
# 2022 rows carry the old code (91.xx, 92.xx); the 2012 rows do not (README of the data), so
# Kalimantan Timur (64) is taken from the formation law's daerah induk.
_OLD_PROVINCE_BY_LAW = {
    "UU 20/2012": "64",
    "UU 14/2022": "91",
    "UU 15/2022": "91",
    "UU 16/2022": "91",
    "UU 29/2022": "92",
}


@dataclass(frozen=True, slots=True)
class Formation:
    code: str
    name: str
    law: str
    title: str
    exists_from: dt.date | None
    inaugurated: dt.date | None

    @property
    def citation(self) -> Citation:
        return Citation(self.law, "")


@dataclass(frozen=True, slots=True)
class Move:
    new_code: str
    old_code: str | None
    law: str
    on: dt.date
    old_province: str


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("ksd.law").joinpath(f"data/regions/{name}").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@functools.cache
def formations() -> dict[str, Formation]:
    table: dict[str, Formation] = {}
    for row in _rows("region-history.csv"):
        table[row["code"]] = Formation(
            row["code"],
            row["name"],
            row["formation_law"],
            row["law_title"],
            _date(row["diundangkan"]) or _date(row["disahkan"]),
            _date(row["peresmian"]),
        )
    return table


@functools.cache
def moves() -> dict[str, Move]:
    table: dict[str, Move] = {}
    for row in _rows("region-code-changes.csv"):
        old = row["old_code"] if row["old_code"][:1].isdigit() else None
        law = row["moved_by_law"]
        table[row["new_code"]] = Move(
            row["new_code"], old, law, dt.date.fromisoformat(row["law_date"]),
            _OLD_PROVINCE_BY_LAW[law],
        )  # fmt: skip
    return table


@functools.cache
def _old_to_new() -> dict[str, str]:
    return {m.old_code: m.new_code for m in moves().values() if m.old_code is not None}


def today_code(code: str) -> str:
    """Today's code of a region given by an old code (91.01 -> 93.01); other codes unchanged."""
    return _old_to_new().get(code, code)


def province_on(region: Region, on: dt.date) -> str:
    """The province a region belonged to on `on` (a province is its own)."""
    if region.is_province:
        return region.code
    move = moves().get(region.code)
    if move is not None and on < move.on:
        return move.old_province
    return region.province_code


def code_on(region: Region, on: dt.date) -> str:
    """The region's Kemendagri code on `on`, when the data knows it (else today's)."""
    move = moves().get(region.code)
    if move is not None and on < move.on and move.old_code is not None:
        return move.old_code
    return region.code


def region_on(code: str, on: dt.date) -> Region:
    """The region with this code (today's or an old one) as it stood on `on`: today's code and
    name, the province of that day. Raises LawInputError for a code no list knows."""
    region = get_region(today_code(code) if isinstance(code, str) else code)
    province = province_on(region, on)
    if province == region.province_code:
        return region
    return replace(region, province_code=province)


def formation(code: str) -> Formation | None:
    return formations().get(code)


def exists_on(code: str, on: dt.date) -> bool:
    made = formations().get(code)
    return made is None or made.exists_from is None or on >= made.exists_from


def party_findings(regions: list[Region], on: dt.date, given: dict[str, str]) -> list[Finding]:
    """Regions not yet formed on `on` (not eligible, citing the formation law), formed but not
    yet inaugurated (no head to act for them), and old codes mapped to today's."""
    findings: list[Finding] = []
    for region in regions:
        made = formations().get(region.code)
        if made is not None and made.exists_from is not None and on < made.exists_from:
            findings.append(
                Finding(
                    "region_not_formed",
                    Severity.ERROR,
                    Text(
                        f"{region.name} belum ada pada {long_date(on).id}: daerah ini dibentuk "
                        f"dengan {made.law} tentang {made.title}, yang berlaku sejak "
                        f"{long_date(made.exists_from).id}. Daerah yang belum dibentuk tidak "
                        "dapat menjadi pihak.",
                        f"{region.name} did not exist on {long_date(on).en}: it was formed by "
                        f"{made.law} ({made.title}), in force from "
                        f"{long_date(made.exists_from).en}. A region not yet formed cannot be a "
                        "party.",
                    ),
                    made.citation,
                    region.code,
                )
            )
        elif made is not None and made.inaugurated is not None and on < made.inaugurated:
            findings.append(
                Finding(
                    "region_not_inaugurated",
                    Severity.WARNING,
                    Text(
                        f"{region.name} sudah dibentuk dengan {made.law}, tetapi pemerintahannya "
                        f"baru diresmikan {long_date(made.inaugurated).id}: sebelum itu belum "
                        "ada kepala daerah atau penjabat yang bertindak untuknya.",
                        f"{region.name} was formed by {made.law}, but its government was "
                        f"inaugurated only on {long_date(made.inaugurated).en}: before that no "
                        "head or acting head could act for it.",
                    ),
                    made.citation,
                    region.code,
                )
            )
        old = given.get(region.code)
        if old is not None and old != region.code:
            move = moves()[region.code]
            findings.append(
                Finding(
                    "old_region_code",
                    Severity.INFO,
                    Text(
                        f"Kode {old} adalah kode lama {region.name}; sejak {move.law} "
                        f"kodenya {region.code}. KSD memakai kode {region.code}.",
                        f"Code {old} is the old code of {region.name}; since {move.law} its "
                        f"code is {region.code}. KSD uses {region.code}.",
                    ),
                    Citation(move.law, ""),
                    region.code,
                )
            )
    return findings


def known_codes() -> frozenset[str]:
    """Every code KSD accepts for a region: today's and the old ones."""
    return frozenset(all_regions()) | frozenset(_old_to_new())

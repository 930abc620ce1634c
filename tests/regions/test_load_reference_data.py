from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from pytest_django import DjangoAssertNumQueries

from ksd.regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_database(no_regions: None) -> None:
    """These tests load into a database that has no region yet, as on a first install (the
    suite's test database starts with them: tests/conftest.py)."""


DKI_ADMINISTRATIVE_AREAS = {"31.01", "31.71", "31.72", "31.73", "31.74", "31.75"}


def _load() -> str:
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    return out.getvalue()


def _snapshot() -> list[tuple[object, ...]]:
    return list(
        Region.objects.order_by("code").values_list(
            "code", "name", "level", "province_id", "is_autonomous", "timezone"
        )
    )


def test_loads_every_province_kabupaten_and_kota() -> None:
    output = _load()

    assert "Wilayah: 552 dibuat, 0 diperbarui, 0 tidak berubah." in output
    assert Region.objects.filter(level=Region.Level.PROVINSI).count() == 38
    assert Region.objects.filter(level=Region.Level.KABUPATEN).count() == 416
    assert Region.objects.filter(level=Region.Level.KOTA).count() == 98


def test_kota_yogyakarta_belongs_to_diy() -> None:
    _load()

    kota = Region.objects.select_related("province").get(code="34.71")

    assert kota.name == "Kota Yogyakarta"
    assert kota.level == Region.Level.KOTA
    assert kota.province is not None
    assert kota.province.code == "34"
    assert kota.province.name == "Daerah Istimewa Yogyakarta"
    assert kota.is_autonomous


def test_provinces_have_no_parent_and_every_kabkota_has_one() -> None:
    _load()

    assert not Region.objects.filter(level=Region.Level.PROVINSI, province__isnull=False).exists()
    assert (
        not Region.objects.exclude(level=Region.Level.PROVINSI)
        .filter(province__isnull=True)
        .exists()
    )


def test_dki_administrative_cities_and_regency_are_not_autonomous() -> None:
    _load()

    not_autonomous = Region.objects.filter(is_autonomous=False)

    assert set(not_autonomous.values_list("code", flat=True)) == DKI_ADMINISTRATIVE_AREAS
    assert all("Administrasi" in region.name for region in not_autonomous)
    assert Region.objects.get(code="31").is_autonomous, "the province of DKI Jakarta is"


def test_regions_carry_their_own_time_zone() -> None:
    _load()

    assert Region.objects.get(code="34.71").timezone == "Asia/Jakarta"  # Kota Yogyakarta, WIB
    assert Region.objects.get(code="73.71").timezone == "Asia/Makassar"  # Kota Makassar, WITA
    assert Region.objects.get(code="91.71").timezone == "Asia/Jayapura"  # Kota Jayapura, WIT


def test_loading_twice_changes_nothing(
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    _load()
    before = _snapshot()

    # One SELECT of regions and one of affairs, plus the savepoint around them.
    with django_assert_max_num_queries(4):
        output = _load()

    assert "Wilayah: 0 dibuat, 0 diperbarui, 552 tidak berubah." in output
    assert _snapshot() == before
    assert Region.objects.count() == 552


def test_first_load_uses_bulk_statements(
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    with django_assert_max_num_queries(12):
        _load()

    assert Region.objects.count() == 552


def test_a_region_edited_by_hand_is_put_back() -> None:
    _load()
    Region.objects.filter(code="34.71").update(name="Kota Jogja", is_autonomous=False)

    output = _load()

    assert "Wilayah: 0 dibuat, 1 diperbarui, 551 tidak berubah." in output
    kota = Region.objects.get(code="34.71")
    assert kota.name == "Kota Yogyakarta"
    assert kota.is_autonomous


def test_a_region_no_longer_listed_is_kept_and_reported() -> None:
    _load()
    Region.objects.create(
        code="34.99",
        name="Kabupaten Contoh",
        level=Region.Level.KABUPATEN,
        province_id="34",
        timezone="Asia/Jakarta",
    )

    output = _load()

    assert "1 wilayah di basis data tidak lagi ada dalam daftar Kemendagri" in output
    assert Region.objects.filter(code="34.99").exists()


def test_a_missing_region_is_added_without_touching_the_others() -> None:
    _load()
    Region.objects.filter(code="34.71").delete()

    output = _load()

    assert "Wilayah: 1 dibuat, 0 diperbarui, 551 tidak berubah." in output
    assert Region.objects.get(code="34.71").province_id == "34"

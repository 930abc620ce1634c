"""Small builders of reference records for the tests in this folder. Objects are built inline,
with fictional people in real regions (Kota Yogyakarta 34.71, Kabupaten Sleman 34.04)."""

from __future__ import annotations

import datetime as dt

from ksd.regions.models import Agency, Official, PowerOfAttorney

KOTA_YOGYAKARTA = "34.71"
SLEMAN = "34.04"


def make_agency(region: str = KOTA_YOGYAKARTA, name: str = "Dinas Lingkungan Hidup") -> Agency:
    return Agency.objects.create(region_id=region, name=name, short_name="DLH")


def make_head(
    region: str = KOTA_YOGYAKARTA,
    name: str = "Budi Santoso",
    start: dt.date = dt.date(2025, 2, 20),
    end: dt.date | None = None,
) -> Official:
    return Official.objects.create(
        region_id=region,
        name=name,
        position="Wali Kota Yogyakarta" if region == KOTA_YOGYAKARTA else "Bupati",
        is_head=True,
        term_start_on=start,
        term_end_on=end,
    )


def make_official(
    agency: Agency,
    name: str = "Sri Rahayu",
    start: dt.date = dt.date(2024, 1, 2),
    end: dt.date | None = None,
) -> Official:
    return Official.objects.create(
        region_id=agency.region_id,
        agency=agency,
        name=name,
        nip="198001012005012001",
        position=f"Kepala {agency.name}",
        term_start_on=start,
        term_end_on=end,
    )


def power_of_attorney(
    grantor: Official,
    grantee: Official,
    *,
    number: str = "180/001/SK/2025",
    issued_on: dt.date = dt.date(2025, 3, 3),
    valid_from: dt.date = dt.date(2025, 3, 3),
    valid_until: dt.date | None = dt.date(2025, 12, 31),
    region: str | None = None,
) -> PowerOfAttorney:
    """An unsaved Surat Kuasa; call full_clean() and save() as the admin does."""
    return PowerOfAttorney(
        region_id=region or grantor.region_id,
        grantor=grantor,
        grantee=grantee,
        number=number,
        issued_on=issued_on,
        valid_from=valid_from,
        valid_until=valid_until,
        scope="Menandatangani perjanjian kerja sama pengelolaan sampah dengan Kabupaten Sleman.",
    )

"""The named people of the test suite (STYLE §5.6), like Zulip's iago and hamlet.

Each function returns the same user every time it is called in a test (created on first call),
with the Membership that gives them their role. They need the regions in the database: use the
`regions_loaded` fixture. Import them as `from personas import kemendagri` (pytest puts
`tests/` on the path). Every persona's password is PASSWORD.

- operator_kota_yogyakarta: operator daerah of Kota Yogyakarta (34.71), party to KARTAMANTUL.
- operator_sleman: operator daerah of Kabupaten Sleman (34.04), another KARTAMANTUL party.
- dprd_kota_yogyakarta: DPRD secretariat of Kota Yogyakarta (34.71): its own region's track.
- dprd_sleman: DPRD secretariat of Kabupaten Sleman (34.04).
- biro_pemerintahan_diy: pembina provinsi of DI Yogyakarta (34): every cooperation with a DIY
  region, Gunungkidul's PAWONSARI included.
- kemendagri: pembina pusat (Ministry of Home Affairs): sees everything.
- administrator: KSD's administrator (staff and superuser, role administrator, no region).
- operator_kota_batam: operator daerah of Kota Batam (21.71), party to the city cleaning contract.
- outsider: operator daerah of Kota Medan (12.71), party to nothing: must get 404 everywhere.
"""

from __future__ import annotations

import functools

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User

from ksd.accounts.models import Membership, Role

PASSWORD = "kerja-sama-daerah-uji"  # noqa: S105 (test users only)


@functools.cache
def _hashed() -> str:
    """PASSWORD hashed once per run: hashing is slow on purpose."""
    return make_password(PASSWORD)


def persona(username: str, role: Role, region: str | None = None, *, admin: bool = False) -> User:
    """A user with `role` (and `region`), created once per test database."""
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create(
            username=username, password=_hashed(), is_staff=admin, is_superuser=admin
        )
        Membership.objects.create(user=user, role=role, region_id=region)
    return user


def operator_kota_yogyakarta() -> User:
    return persona("operator_kota_yogyakarta", Role.OPERATOR, "34.71")


def operator_sleman() -> User:
    return persona("operator_sleman", Role.OPERATOR, "34.04")


def dprd_kota_yogyakarta() -> User:
    return persona("dprd_kota_yogyakarta", Role.DPRD, "34.71")


def dprd_sleman() -> User:
    return persona("dprd_sleman", Role.DPRD, "34.04")


def biro_pemerintahan_diy() -> User:
    return persona("biro_pemerintahan_diy", Role.PEMBINA_PROVINSI, "34")


def kemendagri() -> User:
    return persona("kemendagri", Role.PEMBINA_PUSAT)


def administrator() -> User:
    return persona("administrator", Role.ADMINISTRATOR, admin=True)


def operator_kota_batam() -> User:
    return persona("operator_kota_batam", Role.OPERATOR, "21.71")


def outsider() -> User:
    return persona("outsider", Role.OPERATOR, "12.71")


ALL = {
    f.__name__: f
    for f in (
        operator_kota_yogyakarta, operator_sleman, dprd_kota_yogyakarta, dprd_sleman,
        biro_pemerintahan_diy, kemendagri, administrator, operator_kota_batam, outsider,
    )
}  # fmt: skip

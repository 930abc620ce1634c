"""Fixtures shared by the whole suite. Kept light: tests/law needs no database and none of this."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.utils import translation

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in KSD's default language (Indonesian), whatever the one before it
    switched to: Django keeps the active language per thread. A no-op when Django is not set up
    (`pytest -p no:django tests/law`)."""
    yield
    if settings.configured:
        translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache: the oversight figures are kept under the ids of the
    last event and record (ksd.oversight.freshness), which a test database reuses after each
    test's rollback, so one test's figures must not be read by the next."""
    if settings.configured:
        from django.core.cache import cache

        from ksd.oversight.freshness import forget

        cache.clear()
        forget()


@pytest.fixture
def regions_loaded(db: None) -> None:
    """The Kemendagri region list, loaded as `ksd load_reference_data` loads it."""
    from ksd.regions.services import load_regions

    load_regions()


# Named people shared by the app tests (tests/personas.py); a folder's own conftest may override.


@pytest.fixture
def operator_kota_yogyakarta(regions_loaded: None) -> User:
    import personas

    return personas.operator_kota_yogyakarta()


@pytest.fixture
def operator_sleman(regions_loaded: None) -> User:
    import personas

    return personas.operator_sleman()


@pytest.fixture
def operator_kota_semarang(regions_loaded: None) -> User:
    """An operator of Kota Semarang (Jawa Tengah), party to nothing in DIY."""
    import personas
    from ksd.accounts.models import Role

    return personas.persona("operator_kota_semarang", Role.OPERATOR, "33.74")


@pytest.fixture
def kemendagri(regions_loaded: None) -> User:
    import personas

    return personas.kemendagri()


@pytest.fixture
def biro_pemerintahan_diy(regions_loaded: None) -> User:
    import personas

    return personas.biro_pemerintahan_diy()

"""Fixtures shared by the whole suite. Kept light: tests/law needs no database and none of this."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from django.conf import settings
from django.utils import translation

if TYPE_CHECKING:
    from django.contrib.auth.models import User


# Fixtures through which a test reaches the database (pytest-django's, and live_server's).
_DATABASE_FIXTURES = frozenset(
    ("db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback",
     "live_server")
)  # fmt: skip


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `no_database` every test that cannot reach the database: no django_db mark and none
    of the database fixtures among its fixtures (pytest-django refuses any other query). Such a
    test gives the same answer on SQLite and on PostgreSQL, so CI runs it in the SQLite pass only
    (.ci/run). A test that starts `ksd` in a subprocess is one of them only when that `ksd` needs
    no database or is given its own SQLite one (tests/cli, tests/core/test_backup_and_restore.py)."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if item.get_closest_marker("django_db") is None and not _DATABASE_FIXTURES.intersection(
            fixtures
        ):
            item.add_marker(pytest.mark.no_database)


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in KSD's default language (Indonesian), whatever the one before it
    switched to: Django keeps the active language per thread. A no-op when Django is not set up
    (`pytest -p no:django tests/law`)."""
    yield
    if settings.configured:
        translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    """Each test starts and ends with an empty cache: what one test's pages kept (the dashboards'
    counts, the oversight figures, kept under the ids of the last event and record:
    ksd.oversight.freshness) never answers another test, whose rows reuse the same ids."""
    if settings.configured:
        _forget_cache()
    yield
    if settings.configured:
        _forget_cache()


def _forget_cache() -> None:
    from django.core.cache import cache

    from ksd.core.page_cache import forget_all
    from ksd.oversight.freshness import forget

    cache.clear()
    forget()
    forget_all()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """The test database starts with the Kemendagri region list: writing its 552 rows again in
    every test that needs them cost ~0.1 s each, about two minutes per suite. A test that empties
    the table (a transactional test's flush, tests/regions) gets them back from `regions_loaded`."""
    from ksd.regions.services import load_regions

    with django_db_blocker.unblock():
        load_regions()


@pytest.fixture
def no_regions(db: None) -> None:
    """A database without the region list, as before the first `ksd load_reference_data`."""
    from ksd.regions.models import Region

    Region.objects.filter(province__isnull=False).delete()  # kab/kota first: PROTECT
    Region.objects.all().delete()


@pytest.fixture
def regions_loaded(db: None) -> None:
    """The Kemendagri region list, loaded as `ksd load_reference_data` loads it (a no-op but one
    SELECT when the session's database already holds it)."""
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


@pytest.fixture
def page_cache_off(settings: Any) -> None:
    """Every page computed on every visit (core/page_cache.py off): for the tests that count
    what computing a page costs; tests/pages/test_page_cache.py counts what a kept page costs."""
    settings.PAGE_CACHE_SECONDS = 0

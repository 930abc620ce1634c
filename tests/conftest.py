"""Fixtures shared by the whole suite. Kept light: tests/law needs no database and none of this."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in KSD's default language (Indonesian), whatever the one before it
    switched to: Django keeps the active language per thread. A no-op when Django is not set up
    (`pytest -p no:django tests/law`)."""
    yield
    if settings.configured:
        translation.deactivate()


@pytest.fixture
def regions_loaded(db: None) -> None:
    """The Kemendagri region list, loaded as `ksd load_reference_data` loads it."""
    from ksd.regions.services import load_regions

    load_regions()

"""People for the page tests.

The personas follow STYLE §5.6: an operator of a party region who reads and acts, a provincial
supervisor (pembina) who only reads, a DPRD secretariat, and an outsider from another province
who must get 404 and see nothing (tests/personas.py). The wall clock is set by patching
ksd.core.clock.now, the one place that reads it (time-machine is not installed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

import personas
from pages.records import NOW


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    return NOW


@pytest.fixture
def operator_kota_yogyakarta(regions_loaded: None) -> User:
    return personas.operator_kota_yogyakarta()


@pytest.fixture
def operator_sleman(regions_loaded: None) -> User:
    return personas.operator_sleman()


@pytest.fixture
def dprd_kota_yogyakarta(regions_loaded: None) -> User:
    return personas.dprd_kota_yogyakarta()


@pytest.fixture
def biro_pemerintahan_diy(regions_loaded: None) -> User:
    """The governor's bureau of DI Yogyakarta: reads every cooperation of its regions."""
    return personas.biro_pemerintahan_diy()


@pytest.fixture
def outsider(regions_loaded: None) -> User:
    """An operator of Kota Medan, party to nothing here."""
    return personas.outsider()


@pytest.fixture
def as_user() -> Callable[[User], Client]:
    def login(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return login

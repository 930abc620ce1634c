"""People and a clock for the monitoring tests (tests/personas.py; the clock is patched as in
tests/pages/conftest.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

import personas
from ksd.accounts.models import Role
from ksd.cooperation.models import Cooperation
from monitoring.records import at, implemented

# 1 August 2016: the first two quarterly reports (31 March, 30 June) are due.
TODAY = dt.date(2016, 8, 1)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    monkeypatch.setattr("ksd.core.clock.now", lambda: at(TODAY))
    return at(TODAY)


@pytest.fixture
def coop(regions_loaded: None) -> Cooperation:
    return implemented(personas.operator_kota_yogyakarta())


@pytest.fixture
def biro_jawa_tengah(regions_loaded: None) -> User:
    return personas.persona("biro_jawa_tengah", Role.PEMBINA_PROVINSI, "33")


@pytest.fixture
def as_user() -> Callable[[User], Client]:
    def login(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return login

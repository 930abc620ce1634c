"""People for the oversight page tests beyond those of tests/conftest.py; the clock reads 15 June
2026 (tests/oversight/scorecard_records.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

import personas
from oversight.scorecard_records import NOW


@pytest.fixture
def affairs_loaded(regions_loaded: None) -> None:
    from ksd.regions.services import load_affairs

    load_affairs()


@pytest.fixture
def dprd_kota_yogyakarta(regions_loaded: None) -> User:
    return personas.dprd_kota_yogyakarta()


@pytest.fixture
def outsider(regions_loaded: None) -> User:
    return personas.outsider()


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    return NOW


@pytest.fixture
def as_user() -> Callable[[User], Client]:
    def login(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return login

"""Fixtures of the API tests: personas with tokens, and a client that sends them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from ksd.api.tokens import create_token
from pages.records import NOW
from pages.test_permission_matrix import var_dir, world  # noqa: F401 - the pages' world, by name


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    return NOW


def token_for(user: User, name: str = "tests") -> str:
    return create_token(user, name, now=NOW)[1]


class ApiClient:
    """A Django test client calling /api/ with a bearer token (or none: the public)."""

    def __init__(self, token: str | None = None, *, language: str = "id") -> None:
        self.client = Client()
        self.headers: dict[str, str] = {"Accept-Language": language}
        if token:
            self.headers["Authorization"] = f"Bearer {token}"

    def get(self, url: str, params: dict[str, Any] | None = None) -> Any:
        return self.client.get(url, params or {}, headers=self.headers)

    def post(self, url: str, body: Any = None) -> Any:
        return self.client.post(url, body if body is not None else {},
                                content_type="application/json", headers=self.headers)  # fmt: skip


@pytest.fixture
def api_as() -> Callable[[User | None], ApiClient]:
    def make(user: User | None) -> ApiClient:
        return ApiClient(token_for(user) if user is not None else None)

    return make

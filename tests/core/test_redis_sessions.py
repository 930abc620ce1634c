"""Sessions and cache in Redis (KSD_REDIS_URL, ksd.core.deployment, docs/deploy.md): a login's
session is kept in Redis and written through to the database, it survives Redis losing it, and
login throttling (django-axes, whose records live in the database) still locks an account out.
Without KSD_REDIS_URL nothing changes: database sessions and a per-process memory cache.

The Redis tests need a Redis server on 127.0.0.1:6379 (CI's machine runs one); they skip, saying
so, when none answers. Each test uses its own key prefix, so it never touches other keys."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

import personas
from ksd.core.deployment import cache_and_sessions

REDIS_URL = "redis://127.0.0.1:6379/0"
LOGIN = "/akun/masuk/"


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


needs_redis = pytest.mark.skipif(
    not redis_answers(), reason="no Redis server answers on 127.0.0.1:6379"
)


@pytest.fixture
def in_redis(settings: Any) -> Iterator[str]:
    """Cache and sessions in Redis, as KSD_REDIS_URL sets them, under a key prefix of this test's
    own; the prefix."""
    caches, engine = cache_and_sessions(REDIS_URL)
    prefix = f"ksd-test-{uuid.uuid4().hex[:12]}"
    caches["default"]["KEY_PREFIX"] = prefix
    caches["pages"]["KEY_PREFIX"] = f"{prefix}-pages"
    settings.CACHES = caches
    settings.SESSION_ENGINE = engine
    yield prefix
    import redis

    # Only this test's keys: cache.clear() would empty the whole shared database 0.

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}*:*"):
        client.delete(key)


def test_without_redis_sessions_are_in_the_database_and_the_cache_in_memory() -> None:
    # The suite runs without KSD_REDIS_URL, as a single machine does.
    assert settings.SESSION_ENGINE == "ksd.core.sessions"  # Django's db sessions, one plain read
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    assert cache_and_sessions("") == (
        {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            # Pages kept apart (core/page_cache.py), a bounded number per process.
            "pages": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "ksd-pages",
                "OPTIONS": {"MAX_ENTRIES": 300},
            },
        },
        "ksd.core.sessions",
    )


def test_a_redis_url_of_another_scheme_stops_the_start() -> None:
    with pytest.raises(ImproperlyConfigured, match="KSD_REDIS_URL must start with redis://"):
        cache_and_sessions("127.0.0.1:6379")


def log_in(client: Client, password: str) -> Any:
    return client.post(LOGIN, {"username": "operator_kota_yogyakarta", "password": password})


@needs_redis
@pytest.mark.usefixtures("regions_loaded")
def test_a_login_is_kept_in_redis_and_in_the_database(in_redis: str) -> None:
    import redis

    user = personas.operator_kota_yogyakarta()
    browser = Client()

    assert log_in(browser, personas.PASSWORD).status_code == 302

    key = browser.cookies[settings.SESSION_COOKIE_NAME].value
    names = [k.decode() for k in redis.Redis.from_url(REDIS_URL).scan_iter(f"{in_redis}:*")]
    assert any(name.endswith(key) for name in names), names
    assert Session.objects.filter(session_key=key).exists()
    # Redis loses the session (a restart): the database copy keeps the user logged in.
    redis.Redis.from_url(REDIS_URL).delete(*names)
    assert browser.get("/").context["user"] == user


@needs_redis
@pytest.mark.usefixtures("regions_loaded", "in_redis")
def test_login_throttling_still_locks_the_account_out() -> None:
    personas.operator_kota_yogyakarta()
    browser = Client()

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(browser, "tebakan-salah").status_code == 200
    assert log_in(browser, "tebakan-salah").status_code == 429  # the limit reached
    response = log_in(browser, personas.PASSWORD)

    assert response.status_code == 429
    assert "Masuk dikunci" in response.content.decode()
    assert AccessAttempt.objects.filter(username="operator_kota_yogyakarta").exists()
    assert "_auth_user_id" not in browser.session

"""Sessions are read with one plain statement (ksd.core.sessions): a live session keeps its
user logged in, an expired or unknown one makes the request anonymous."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.test import Client

from ksd.core.sessions import SessionStore


@pytest.fixture
def logged_in(db: None) -> Client:
    client = Client()
    client.force_login(User.objects.create_user("sesi", password="x"))  # noqa: S106
    return client


def test_a_live_session_keeps_its_user_logged_in(logged_in: Client) -> None:
    key = logged_in.cookies["sessionid"].value
    assert SessionStore(key).load()["_auth_user_id"] == str(User.objects.get().pk)
    assert logged_in.get("/healthz/").wsgi_request.user.username == "sesi"


def test_an_expired_session_is_anonymous(logged_in: Client) -> None:
    key = logged_in.cookies["sessionid"].value
    Session.objects.filter(session_key=key).update(
        expire_date=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    )
    store = SessionStore(key)
    assert store.load() == {}
    assert store.session_key is None
    assert not logged_in.get("/healthz/").wsgi_request.user.is_authenticated


def test_an_unknown_session_is_anonymous(db: None) -> None:
    store = SessionStore("x" * 32)
    assert store.load() == {}
    assert store.session_key is None

"""/healthz/ tells a load balancer whether this app server can reach its database."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


@pytest.mark.django_db
def test_it_answers_ok_without_a_session() -> None:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "sessionid" not in response.cookies
    assert [q["sql"] for q in queries] == ["SELECT 1"]


@pytest.mark.django_db
def test_it_says_when_the_database_does_not_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: object, sql: str, params: object = None) -> None:
        raise DatabaseError("connection refused")

    from django.db.backends.utils import CursorWrapper

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = Client().get("/healthz/")
    assert response.status_code == 503
    assert b"database" in response.content


def test_a_logged_in_call_is_answered_too(operator_sleman: object) -> None:
    client = Client()
    client.force_login(operator_sleman)  # type: ignore[arg-type]
    assert client.get("/healthz/").status_code == 200

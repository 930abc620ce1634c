"""Pages answered again from the cache (core/page_cache.py): never stale, never another's.

These tests commit what they write (transactional_db), as the app does between requests: on
PostgreSQL the cache is not used inside an open transaction, so the rest of the suite, which runs
each test in one, computes every page.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import threading
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection, connections
from django.http import HttpRequest
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ksd.cooperation.models import Cooperation
from ksd.core import change_stamp
from pages.records import NOW, offer

pytestmark = pytest.mark.usefixtures("transactional_db")

REGISTER = "/kerja-sama/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


def _page(response: object) -> str:
    """The page without its CSRF token, which differs on every visit."""
    return TOKEN.sub("", response.content.decode())  # type: ignore[attr-defined]


def _read_twice(client: Client, path: str) -> tuple[object, object, int]:
    """The page read twice with nothing written in between, and the second read's queries. On
    PostgreSQL the stamp counts the whole server's writes (another test run's too): a pair
    during which anything was written anywhere is read again."""
    for _ in range(20):
        stamp = change_stamp.read()
        first = client.get(path)
        with CaptureQueriesContext(connection) as queries:
            second = client.get(path)
        count = len(queries)
        if change_stamp.read() == stamp:
            return first, second, count
    pytest.fail("the database was written to during every attempt")


def test_a_page_read_again_with_nothing_written_is_not_computed_again(
    as_user: Callable[[User], Client], operator_sleman: User
) -> None:
    offer(operator_sleman)
    client = as_user(operator_sleman)
    first = client.get(REGISTER)
    with CaptureQueriesContext(connection) as computing:
        assert client.get(REGISTER + "?sort=title").status_code == 200
    computed = len(computing)  # now: the next request empties the connection's log
    first, second, queries = _read_twice(client, REGISTER)
    assert first.status_code == second.status_code == 200
    assert _page(first) == _page(second)
    assert "Pengelolaan sampah regional TPST Piyungan" in _page(second)
    # The session, then the user with their role (and on PostgreSQL the stamp) in one statement;
    # SQLite reads its stamp on its own: nothing of the register itself.
    assert queries <= (2 if connection.vendor == "postgresql" else 3) < computed


def test_a_step_recorded_in_between_shows_at_once(
    as_user: Callable[[User], Client], operator_sleman: User
) -> None:
    client = as_user(operator_sleman)
    offer(operator_sleman)
    assert "Angkutan sungai" not in _page(client.get(REGISTER))
    offer(operator_sleman, title="Angkutan sungai Progo")
    assert "Angkutan sungai Progo" in _page(client.get(REGISTER))


def test_a_change_in_place_without_a_new_row_shows_at_once(
    as_user: Callable[[User], Client], operator_sleman: User
) -> None:
    client = as_user(operator_sleman)
    cooperation = offer(operator_sleman)
    path = f"/kerja-sama/{cooperation.pk}/"
    assert "Sampah terpadu Piyungan" not in _page(client.get(path))
    Cooperation.objects.filter(pk=cooperation.pk).update(title="Sampah terpadu Piyungan")
    assert "Sampah terpadu Piyungan" in _page(client.get(path))


def test_a_write_committed_by_another_connection_shows_at_once(
    as_user: Callable[[User], Client], operator_sleman: User
) -> None:
    client = as_user(operator_sleman)
    cooperation = offer(operator_sleman)
    path = f"/kerja-sama/{cooperation.pk}/"
    client.get(path)

    def rename() -> None:
        try:
            Cooperation.objects.filter(pk=cooperation.pk).update(title="Dari server lain")
        finally:
            connections.close_all()

    thread = threading.Thread(target=rename)
    thread.start()
    thread.join()
    assert "Dari server lain" in _page(client.get(path))


def test_each_user_gets_their_own_page(
    as_user: Callable[[User], Client], operator_sleman: User, outsider: User
) -> None:
    cooperation = offer(operator_sleman)
    path = f"/kerja-sama/{cooperation.pk}/"
    assert as_user(operator_sleman).get(path).status_code == 200
    assert as_user(outsider).get(path).status_code == 404
    sleman = _page(as_user(operator_sleman).get(REGISTER))
    medan = _page(as_user(outsider).get(REGISTER))
    assert "Pengelolaan sampah regional" in sleman
    assert "Pengelolaan sampah regional" not in medan


def test_each_visitor_gets_a_csrf_token_of_their_own(operator_sleman: User) -> None:
    offer(operator_sleman)
    visitors = [Client(), Client(), Client()]
    secrets = []
    for visitor in visitors:
        response = visitor.get("/publik/")
        token = TOKEN.search(response.content.decode())
        assert token is not None
        secrets.append(_unmask_cipher_token(token.group(1)))
        assert secrets[-1] == visitor.cookies["csrftoken"].value
    assert len(set(secrets)) == 3
    # And the language form of a page from the cache is accepted (a checked CSRF token).
    strict = Client(enforce_csrf_checks=True)
    strict.get("/publik/")
    page = strict.get("/publik/").content.decode()
    token = TOKEN.search(page).group(1)  # type: ignore[union-attr]
    answer = strict.post("/i18n/setlang/", {"language": "en", "next": "/publik/",
                                            "csrfmiddlewaretoken": token})  # fmt: skip
    assert answer.status_code == 302


def test_a_browser_accepting_gzip_gets_the_kept_page_compressed_with_its_own_token(
    operator_sleman: User,
) -> None:
    offer(operator_sleman)
    gzip_headers = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
    visitor = Client(enforce_csrf_checks=True)
    plain = visitor.get("/publik/")  # computed, then kept
    for _ in range(20):  # as _read_twice: a try during which nothing was written anywhere
        stamp = change_stamp.read()
        packed = visitor.get("/publik/", **gzip_headers)
        unpacked = visitor.get("/publik/")
        if change_stamp.read() == stamp:
            break
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert not unpacked.has_header("Content-Encoding")
    assert packed["ETag"] != unpacked["ETag"]
    page = gzip.decompress(packed.content).decode()
    assert len(packed.content) < len(page) / 2
    assert TOKEN.sub("", page) == _page(unpacked) == _page(plain)
    token = TOKEN.search(page).group(1)  # type: ignore[union-attr]
    assert _unmask_cipher_token(token) == visitor.cookies["csrftoken"].value
    # A browser that holds the compressed copy is told it is current.
    held = visitor.get("/publik/", HTTP_IF_NONE_MATCH=packed["ETag"], **gzip_headers)
    assert held.status_code == 304
    answer = visitor.post("/i18n/setlang/", {"language": "en", "next": "/publik/",
                                             "csrfmiddlewaretoken": token})  # fmt: skip
    assert answer.status_code == 302


def test_the_language_and_the_hour_are_part_of_the_page(
    as_user: Callable[[User], Client], operator_sleman: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = as_user(operator_sleman)
    indonesian = _page(client.get(REGISTER))
    client.post("/i18n/setlang/", {"language": "en", "next": REGISTER})
    english = _page(client.get(REGISTER))
    assert indonesian != english
    assert 'lang="en"' in english
    # An hour later the dates of the day may have turned over in one of the three zones.
    _, _, cached = _read_twice(client, REGISTER)
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW + dt.timedelta(hours=1))
    with CaptureQueriesContext(connection) as later:
        client.get(REGISTER)
    assert len(later) > cached


def test_a_message_for_the_user_is_shown_once_and_never_kept(
    as_user: Callable[[User], Client], operator_sleman: User
) -> None:
    client = as_user(operator_sleman)
    cooperation = offer(operator_sleman)
    path = f"/kerja-sama/{cooperation.pk}/"
    client.get(path)
    client.get(path)
    storage = CookieStorage(HttpRequest())
    client.cookies["messages"] = storage._encode([Message(constants.SUCCESS, "Sudah dicatat.")])
    assert "Sudah dicatat." in client.get(path).content.decode()
    assert "Sudah dicatat." not in client.get(path).content.decode()
    assert "Sudah dicatat." not in client.get(path).content.decode()


def test_a_browser_holding_the_page_is_told_it_is_current(
    as_user: Callable[[User], Client], operator_sleman: User
) -> None:
    client = as_user(operator_sleman)
    for _ in range(20):  # as _read_twice: a try during which nothing was written anywhere
        stamp = change_stamp.read()
        first, second = client.get(REGISTER), client.get(REGISTER)
        etag = second["ETag"]
        again = client.get(REGISTER, HTTP_IF_NONE_MATCH=etag)
        if change_stamp.read() == stamp:
            break
    assert first.get("ETag") == etag
    assert "no-cache" in second["Cache-Control"]
    assert "private" in second["Cache-Control"]
    assert again.status_code == 304
    offer(operator_sleman)
    answer = client.get(REGISTER, HTTP_IF_NONE_MATCH=etag)
    assert answer.status_code == 200
    assert "Pengelolaan sampah regional" in answer.content.decode()


def test_turned_off_every_page_is_computed(
    as_user: Callable[[User], Client], operator_sleman: User, settings: object
) -> None:
    settings.PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]
    client = as_user(operator_sleman)
    with CaptureQueriesContext(connection) as first:
        client.get(REGISTER)
    computed = len(first)
    with CaptureQueriesContext(connection) as second:
        client.get(REGISTER)
    assert len(second) == computed
    assert "ETag" not in client.get(REGISTER)


def test_the_stamp_moves_with_every_write_and_only_then(operator_sleman: User) -> None:
    before = change_stamp.read()
    assert before is not None
    assert change_stamp.read() == before
    cooperation = offer(operator_sleman)
    after_offer = change_stamp.read()
    assert after_offer != before
    Cooperation.objects.filter(pk=cooperation.pk).update(title="Judul lain")
    assert change_stamp.read() != after_offer

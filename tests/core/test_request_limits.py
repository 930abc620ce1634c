"""Request bodies are capped before they are read (issue 6, point 8): a request declaring a body
over the limit is answered 413 with a clear page, and nothing of it is read, parsed or written to
the temporary folder. Only the document upload takes the larger limit."""

from __future__ import annotations

import socket
import threading
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.translation import gettext
from pytest_django.live_server_helper import LiveServer

from ksd.core.request_limits import body_limit

MIB = 1024 * 1024
TOO_LARGE = "Request too large"


def post_declaring(client: Client, url: str, length: int, **extra: str):  # type: ignore[no-untyped-def]
    """A POST whose Content-Length says `length` bytes but carries a few: a server that read
    the body before checking the header would fail on the missing bytes."""
    return client.generic(
        "POST", url, b"x=1", content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(length), **extra,
    )  # fmt: skip


def test_an_anonymous_165_mib_post_to_the_login_page_is_refused_unread() -> None:
    response = post_declaring(Client(), "/akun/masuk/", 165 * MIB)

    page = response.content.decode()
    assert response.status_code == 413
    assert response.headers["Content-Language"] == "id"
    assert gettext(TOO_LARGE) in page
    assert "Permintaan terlalu besar" in page
    assert "20 MB" in page
    assert "Content-Security-Policy" in response.headers


def test_the_refusal_follows_the_language_chosen_on_the_page() -> None:
    client = Client()
    client.cookies["django_language"] = "en"
    response = post_declaring(client, "/akun/masuk/", 165 * MIB)

    assert response.status_code == 413
    assert "Request too large" in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/akun/masuk/", "/kerja-sama/baru/", "/admin/login/", "/i18n/setlang/"]
)
def test_every_other_url_takes_at_most_the_general_limit(url: str) -> None:
    assert body_limit(url) == settings.REQUEST_BODY_LIMIT == 2 * MIB
    assert post_declaring(Client(), url, 2 * MIB + 1).status_code == 413


def test_the_document_upload_takes_a_20_mb_document_and_its_form() -> None:
    upload = reverse("documents:upload", args=[7])

    assert body_limit(upload) == settings.UPLOAD_BODY_LIMIT == 21 * MIB
    assert body_limit(upload + "x/") == settings.REQUEST_BODY_LIMIT
    assert post_declaring(Client(), upload, 21 * MIB + 1).status_code == 413


@pytest.mark.django_db
def test_a_body_within_the_limit_reaches_the_page(client: Client) -> None:
    response = client.post("/akun/masuk/", {"username": "x", "password": "y" * 10_000})

    assert response.status_code == 200  # the ordinary "wrong username or password" form


def read_response(sock: socket.socket) -> tuple[int, str]:
    """The status code and body of the HTTP response on `sock`."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, "the server closed the connection without an answer"
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    length = int(headers["Content-Length"])
    while len(body) < length:
        chunk = sock.recv(65536)
        assert chunk
        body += chunk
    return int(lines[0].split()[1]), body.decode()


@pytest.mark.django_db(transaction=True)
def test_a_real_165_mib_upload_is_answered_before_its_body_is_sent(
    live_server: LiveServer, tmp_path: Path
) -> None:
    """Over a socket, as an attacker sends it: the headers of a 165 MiB multipart body, then
    (from another thread, while the answer is awaited) its first 4 MiB, more than Django keeps in
    memory. The answer comes without the rest, and no temporary file is written."""
    spool = tmp_path / "spool"
    spool.mkdir()
    host, port = live_server.url.removeprefix("http://").split(":")
    # With a CSRF cookie, as any visitor of the login page has: without one, Django would
    # refuse before reading the body even with no cap.
    with urllib.request.urlopen(live_server.url + "/akun/masuk/", timeout=30) as page:  # noqa: S310
        cookie = page.headers["Set-Cookie"].split(";", 1)[0]
    boundary = "batas"
    headers = (
        "POST /akun/masuk/ HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        f"Cookie: {cookie}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {165 * MIB}\r\n\r\n"
        f'--{boundary}\r\nContent-Disposition: form-data; name="berkas"; filename="a.pdf"'
        "\r\nContent-Type: application/pdf\r\n\r\n"
    ).encode()

    def send_body(sock: socket.socket) -> None:
        try:
            for _ in range(64):
                sock.sendall(b"\0" * (64 * 1024))
        except OSError:
            pass  # the test closed the connection once it had its answer

    with (
        override_settings(FILE_UPLOAD_TEMP_DIR=str(spool)),
        socket.create_connection((host, int(port)), timeout=30) as sock,
    ):
        sock.sendall(headers)
        sender = threading.Thread(target=send_body, args=(sock,), daemon=True)
        sender.start()
        status, body = read_response(sock)
        sock.shutdown(socket.SHUT_RDWR)
    sender.join(timeout=30)

    assert status == 413
    assert "Permintaan terlalu besar" in body
    assert list(spool.iterdir()) == []

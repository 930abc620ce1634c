"""Several stateless app servers behind one load balancer (docs/deploy.md): two gunicorn
processes, each with its own var/ folder, share one PostgreSQL database, one object store (a
local moto S3 server) and one Redis. A login made on one is valid on the other, from Redis even
when the database has lost the session row; a document uploaded through one is downloaded, byte
for byte, through the other, and lies in the bucket, on neither server's disk.

Runs in CI's PostgreSQL pass (KSD_DB=postgres); skips, saying why, without PostgreSQL, moto or a
Redis server on 127.0.0.1:6379. Everything listens on 127.0.0.1 only."""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import connection

import ksd
import object_store
import personas
from ksd.cooperation.models import Cooperation
from ksd.documents.models import Document
from object_store import moto_endpoint

from .conftest import PDF_BYTES

__all__ = ["moto_endpoint"]  # a fixture, used by name

REDIS_URL = "redis://127.0.0.1:6379/0"
# How long a server may take to start on a busy 2-core machine before the test gives up; a
# bound on waiting, not an assertion about speed.
START_WITHIN_SECONDS = 90
DOCUMENT = PDF_BYTES + b"% dokumen bersama dua server\n"


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as probe:
            probe.sendall(b"PING\r\n")
            return probe.recv(16).startswith(b"+PONG")
    except OSError:
        return False


pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="two app servers share one database only on PostgreSQL; CI runs it with "
        "KSD_DB=postgres",
    ),
    pytest.mark.skipif(not redis_answers(), reason="no Redis server answers on 127.0.0.1:6379"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def app_server(name: str, environment: dict[str, str], folder: Path) -> Iterator[str]:
    """`gunicorn ksd.wsgi` as `make serve` starts it, on a free port of 127.0.0.1; its URL once
    /healthz/ answers."""
    import requests

    port = free_port()
    log = (folder / f"{name}.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "ksd.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--timeout", "60"],
        env=environment, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_WITHIN_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"app server {name} stopped: {(folder / f'{name}.log').read_text()}")
            try:
                if requests.get(f"{url}/healthz/", timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"app server {name} did not start: {(folder / f'{name}.log').read_text()}"
                )
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def shared_environment(endpoint: str, bucket: str) -> dict[str, str]:
    """What every app server of one deployment is given (docs/deploy.md)."""
    database = connection.settings_dict
    base = {k: v for k, v in os.environ.items() if not k.startswith("KSD_")}
    source = str(Path(ksd.__file__).resolve().parents[1])
    return {
        **base,
        "PYTHONPATH": os.pathsep.join(filter(None, [source, base.get("PYTHONPATH")])),
        "KSD_DB": "postgres",
        "KSD_PG_NAME": database["NAME"],
        "KSD_PG_HOST": database["HOST"] or "127.0.0.1",
        "KSD_PG_PORT": str(database["PORT"] or 5432),
        "KSD_PG_USER": database["USER"],
        "KSD_PG_PASSWORD": database["PASSWORD"] or "",
        "KSD_SECRET_KEY": secrets.token_urlsafe(50),
        "KSD_REDIS_URL": REDIS_URL,
        **object_store.environment(endpoint, bucket),
    }


def form_token(page: Any) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert found is not None, page.text[:500]
    return found.group(1)


@pytest.mark.django_db(transaction=True)
def test_a_login_and_an_upload_on_one_server_serve_on_the_other(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, tmp_path: Path, moto_endpoint: str
) -> None:
    requests = pytest.importorskip("requests")
    import redis

    bucket = object_store.new_bucket(moto_endpoint)
    shared = shared_environment(moto_endpoint, bucket)
    with ExitStack() as servers:
        one, other = (
            servers.enter_context(
                app_server(name, {**shared, "KSD_VAR_DIR": str(tmp_path / name)}, tmp_path)
            )
            for name in ("one", "other")
        )
        # One browser; its cookies go to both servers, as behind one load balancer.
        browser = requests.Session()

        login = browser.get(f"{one}/akun/masuk/", timeout=30)
        answer = browser.post(
            f"{one}/akun/masuk/", allow_redirects=False, timeout=30,
            data={"username": operator_kota_yogyakarta.username, "password": personas.PASSWORD,
                  "csrfmiddlewaretoken": form_token(login)},
        )  # fmt: skip
        assert answer.status_code == 302, answer.text[:500]
        session_key = browser.cookies["sessionid"]
        # The session is in Redis; with the database's copy gone, the other server still knows
        # the user from Redis alone.
        in_redis = [
            k
            for k in redis.Redis.from_url(REDIS_URL).scan_iter("ksd:*")
            if k.endswith(session_key.encode())
        ]
        assert in_redis
        Session.objects.filter(session_key=session_key).delete()

        upload_page = f"{other}/dokumen/kerja-sama/{kartamantul.pk}/unggah/"
        form = browser.get(upload_page, allow_redirects=False, timeout=30)
        assert form.status_code == 200, "the other server does not know the login"

        uploaded = browser.post(
            f"{one}/dokumen/kerja-sama/{kartamantul.pk}/unggah/", allow_redirects=False,
            data={"kind": "offer_letter", "csrfmiddlewaretoken": form_token(form)},
            files={"file": ("surat-penawaran.pdf", DOCUMENT, "application/pdf")}, timeout=30,
        )  # fmt: skip
        assert uploaded.status_code == 302, uploaded.text[:500]
        document = Document.objects.get(cooperation=kartamantul)

        downloaded = browser.get(f"{other}/dokumen/{document.pk}/", timeout=30)

        assert downloaded.status_code == 200
        assert downloaded.content == DOCUMENT
        # Logging out on the other server ends the session in Redis too.
        browser.post(
            f"{other}/akun/keluar/", data={"csrfmiddlewaretoken": form_token(form)}, timeout=30
        )
        assert not any(redis.Redis.from_url(REDIS_URL).exists(k) for k in in_redis)
    key = f"documents/{document.sha256[:2]}/{document.sha256}"
    assert object_store.objects(moto_endpoint, bucket) == {key: DOCUMENT}
    assert not [p for p in tmp_path.rglob("documents/*") if p.is_file()]

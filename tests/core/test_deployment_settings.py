"""Production settings (issue 6, point 8): with the variables docs/setup.md gives for a server
behind an HTTPS proxy, `ksd check --deploy` reports nothing, and KSD_HTTPS=1 turns on the SSL
redirect, HSTS, HTTPS-only cookies and trust of the proxy's X-Forwarded-Proto."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

SETUP = Path(__file__).resolve().parents[2] / "docs" / "setup.md"


def documented_production_environment() -> dict[str, str]:
    """The KSD_* lines of the sh block under "## Production" in docs/setup.md."""
    text = SETUP.read_text(encoding="utf-8")
    section = text.split("\n## Production\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None, "docs/setup.md has no sh block under ## Production"
    pairs = [line.split("=", 1) for line in block.group(1).splitlines() if line.strip()]
    return dict(pairs)


def ksd(args: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # Start from a clean slate: none of the caller's KSD_* variables leak in.
    base = {k: v for k, v in os.environ.items() if not k.startswith("KSD_")}
    return subprocess.run(
        [sys.executable, "-m", "ksd", *args],
        capture_output=True,
        text=True,
        env={**base, **environment},
        check=False,
        timeout=120,
    )


@pytest.fixture
def production(tmp_path: Path) -> dict[str, str]:
    """The documented environment, with its two paths moved into a temporary folder."""
    environment = documented_production_environment()
    key_file = tmp_path / "secret_key"
    key_file.write_text(secrets.token_urlsafe(64) + "\n")
    key_file.chmod(0o400)
    assert environment["KSD_SECRET_KEY_FILE"]
    assert environment["KSD_VAR_DIR"]
    environment["KSD_SECRET_KEY_FILE"] = str(key_file)
    environment["KSD_VAR_DIR"] = str(tmp_path / "var")
    return environment


def test_the_documented_production_block_turns_on_https_and_debug_off() -> None:
    environment = documented_production_environment()

    assert environment["KSD_HTTPS"] == "1"
    assert environment["KSD_DEBUG"] == "0"
    assert environment["KSD_ALLOWED_HOSTS"]


def test_check_deploy_reports_no_issue_with_the_documented_variables(
    production: dict[str, str],
) -> None:
    result = ksd(["check", "--deploy", "--fail-level", "WARNING"], production)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_check_deploy_without_https_names_what_is_missing(production: dict[str, str]) -> None:
    result = ksd(["check", "--deploy"], {**production, "KSD_HTTPS": "0"})

    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr, result.stderr


def settings_in(environment: dict[str, str]) -> dict[str, object]:
    script = (
        "import json; from django.conf import settings as s; print(json.dumps({n: getattr(s, n)"
        " for n in ('SECURE_SSL_REDIRECT', 'SECURE_PROXY_SSL_HEADER', 'SECURE_HSTS_SECONDS',"
        " 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE',"
        " 'LANGUAGE_COOKIE_SECURE', 'PROXY_COUNT')}))"
    )
    result = ksd(["shell", "-c", script], environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_ksd_https_turns_on_redirect_hsts_secure_cookies_and_the_proxy_header(
    production: dict[str, str],
) -> None:
    assert settings_in(production) == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "LANGUAGE_COOKIE_SECURE": True,
        "PROXY_COUNT": 1,
    }


def test_without_ksd_https_a_plain_http_development_server_works(tmp_path: Path) -> None:
    defaults = settings_in({"KSD_VAR_DIR": str(tmp_path)})

    assert defaults["SECURE_SSL_REDIRECT"] is False
    assert defaults["SECURE_PROXY_SSL_HEADER"] is None
    assert defaults["SESSION_COOKIE_SECURE"] is False


# How a request behaves under the settings KSD_HTTPS=1 gives (checked above).
HTTPS_SETTINGS = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


@override_settings(**HTTPS_SETTINGS)
def test_behind_the_proxy_plain_http_is_redirected_to_https(client: Client) -> None:
    response = client.get("/akun/masuk/", headers={"X-Forwarded-Proto": "http"})

    assert response.status_code == 301
    assert response.headers["Location"] == "https://testserver/akun/masuk/"


@pytest.mark.django_db
@override_settings(**HTTPS_SETTINGS)
def test_behind_the_proxy_https_is_served_with_hsts_and_secure_cookies(client: Client) -> None:
    response = client.get("/akun/masuk/", headers={"X-Forwarded-Proto": "https"})

    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert response.cookies["csrftoken"]["secure"] is True

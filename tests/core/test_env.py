"""Settings come from KSD_* variables; a value KSD does not know must stop it, loudly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from ksd.core.env import env_choice, env_flag, env_int, env_list, env_str, secret_key


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("0", False), ("", False)])
def test_a_flag_is_1_or_0(value: str, expected: bool) -> None:
    assert env_flag("KSD_DEBUG", default=False, environ={"KSD_DEBUG": value}) is expected


@pytest.mark.parametrize("value", ["true", "yes", "on", "2", "False"])
def test_a_flag_written_any_other_way_is_refused(value: str) -> None:
    with pytest.raises(ImproperlyConfigured, match=r"KSD_DEBUG must be 1 or 0"):
        env_flag("KSD_DEBUG", default=False, environ={"KSD_DEBUG": value})


def test_an_unknown_database_kind_is_refused_with_the_kinds_it_knows() -> None:
    with pytest.raises(ImproperlyConfigured, match=r"KSD_DB must be one of sqlite, postgres"):
        env_choice("KSD_DB", ("sqlite", "postgres"), "sqlite", environ={"KSD_DB": "mysql"})


def test_unset_variables_take_their_defaults() -> None:
    assert env_choice("KSD_DB", ("sqlite", "postgres"), "sqlite", environ={}) == "sqlite"
    assert env_str("KSD_PG_HOST", "127.0.0.1", environ={}) == "127.0.0.1"
    assert env_int("KSD_PG_PORT", 5432, environ={}) == 5432
    assert env_list("KSD_ALLOWED_HOSTS", environ={}) == []


def test_a_port_must_be_a_number() -> None:
    with pytest.raises(ImproperlyConfigured, match=r"KSD_PG_PORT must be a whole number"):
        env_int("KSD_PG_PORT", 5432, environ={"KSD_PG_PORT": "fivefour"})


def test_a_list_is_split_on_commas() -> None:
    hosts = env_list("KSD_ALLOWED_HOSTS", environ={"KSD_ALLOWED_HOSTS": "ksd.go.id, , intra "})
    assert hosts == ["ksd.go.id", "intra"]


def test_the_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    key_file = tmp_path / "var" / "secret_key"

    first = secret_key(key_file, environ={})
    second = secret_key(key_file, environ={})

    assert len(first) >= 50
    assert first == second
    assert key_file.stat().st_mode & 0o077 == 0, "the key file must be private to its owner"


def test_the_secret_key_comes_from_the_environment_first(tmp_path: Path) -> None:
    key_file = tmp_path / "secret_key"

    assert secret_key(key_file, environ={"KSD_SECRET_KEY": "from-env"}) == "from-env"
    assert not key_file.exists()


def test_the_secret_key_can_come_from_a_file(tmp_path: Path) -> None:
    given = tmp_path / "given"
    given.write_text("from-a-file\n")

    key = secret_key(tmp_path / "unused", environ={"KSD_SECRET_KEY_FILE": str(given)})

    assert key == "from-a-file"


def test_a_missing_secret_key_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match=r"KSD_SECRET_KEY_FILE names .* cannot be read"):
        secret_key(tmp_path / "unused", environ={"KSD_SECRET_KEY_FILE": str(tmp_path / "nope")})


def test_setting_the_secret_key_twice_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match=r"not both"):
        secret_key(
            tmp_path / "unused",
            environ={"KSD_SECRET_KEY": "a", "KSD_SECRET_KEY_FILE": str(tmp_path / "b")},
        )


def test_ksd_refuses_to_start_with_a_misspelt_setting(tmp_path: Path) -> None:
    env = {**os.environ, "KSD_DEBUG": "true", "KSD_VAR_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "ksd", "check"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )

    assert result.returncode != 0
    assert "KSD_DEBUG must be 1 or 0, not 'true'" in result.stderr


def test_a_number_below_its_minimum_is_refused() -> None:
    with pytest.raises(ImproperlyConfigured, match=r"KSD_LOGIN_FAILURE_LIMIT must be 1 or more"):
        env_int("KSD_LOGIN_FAILURE_LIMIT", 10, minimum=1, environ={"KSD_LOGIN_FAILURE_LIMIT": "0"})
    assert env_int("KSD_PROXY_COUNT", 0, minimum=0, environ={"KSD_PROXY_COUNT": "0"}) == 0

"""The SQLite database and the generated secret key are readable by KSD's own user only
(issue 6, point 8), whatever the umask, and an existing wider file is tightened at start."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from ksd.core.env import secret_key
from ksd.core.private_files import ensure_private_file


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def start_ksd(var_dir: Path) -> None:
    """`ksd migrate` on a fresh SQLite database in `var_dir`, under the loosest umask."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("KSD_")}
    result = subprocess.run(
        ["/bin/sh", "-c", f'umask 000 && exec "{sys.executable}" -m ksd migrate -v 0'],
        env={**base, "KSD_VAR_DIR": str(var_dir)},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def test_a_new_sqlite_database_and_secret_key_are_0600(tmp_path: Path) -> None:
    start_ksd(tmp_path)

    assert mode(tmp_path / "ksd.sqlite3") == 0o600
    assert (tmp_path / "ksd.sqlite3").stat().st_size > 0  # migrated: a real database
    assert mode(tmp_path / "secret_key") == 0o600


def test_an_existing_database_is_tightened_at_start(tmp_path: Path) -> None:
    database = tmp_path / "ksd.sqlite3"
    database.touch(mode=0o644)
    database.chmod(0o644)

    ensure_private_file(database)

    assert mode(database) == 0o600


def test_a_new_database_file_never_exists_with_a_wider_mode(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        ensure_private_file(tmp_path / "ksd.sqlite3")
    finally:
        os.umask(previous)

    assert mode(tmp_path / "ksd.sqlite3") == 0o600


def test_a_generated_secret_key_file_is_0600_and_a_wider_one_is_tightened(tmp_path: Path) -> None:
    key_file = tmp_path / "secret_key"
    key = secret_key(key_file, environ={})
    assert mode(key_file) == 0o600

    key_file.chmod(0o644)

    assert secret_key(key_file, environ={}) == key
    assert mode(key_file) == 0o600

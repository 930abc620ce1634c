"""`ksd assess` and `ksd workdays` against hostile input (issue 6, point 10): each input below
ends within the subprocess timeout (a hang fails the test) with exit status 2, nothing on
stdout, and one line on stderr that says what is wrong, never a traceback.

Run as real processes, as a user runs them; no Django (they also run with `-p no:django`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# A plan the assessment accepts, to wrap hostile values in.
FACTS = {
    "date": "2016-02-01",
    "as_of": "2016-05-02",
    "parties": [{"region": "34.71"}, {"region": "34.04"}],
}
HUGE_INTEGER = "9" * 5000  # past Python's 4,300-digit limit for int("...")
MEBIBYTE = 1024 * 1024


@pytest.fixture(autouse=True)
def _default_language() -> None:
    """Shadows the suite-wide fixture that needs Django settings (see test_workdays_cli.py)."""


def ksd(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "ksd", *args],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=60,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


def refused(done: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """The one line of a refusal; fails unless the run was refused cleanly."""
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2, done
    assert done.stdout == ""
    assert done.stderr.endswith("\n")
    assert done.stderr.count("\n") == 1, done.stderr
    line = done.stderr.rstrip("\n")
    assert line.startswith(("ksd assess: ", "ksd workdays: ")), line
    assert len(line) < 700
    for fragment in fragments:
        assert fragment in line, line
    return line


# --- ksd assess -------------------------------------------------------------------------------


def test_assess_refuses_a_5000_digit_integer(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(FACTS)[:-1] + f', "duration_years": {HUGE_INTEGER}}}')

    line = refused(ksd("assess", str(path)), "terlalu besar")

    assert HUGE_INTEGER not in line  # quoted short, not echoed whole


@pytest.mark.parametrize("number", ["1e999", "-1e999", "NaN", "Infinity"])
def test_assess_refuses_numbers_that_are_not_finite(number: str) -> None:
    text = json.dumps(FACTS)[:-1] + f', "duration_years": {number}}}'
    refused(ksd("assess", "-", stdin=text.encode()), number)


@pytest.mark.parametrize("depth", [25, 100_000])
def test_assess_refuses_deeply_nested_json(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * depth + "]" * depth)

    refused(ksd("assess", str(path)), "bersarang lebih dari 20 tingkat")


def test_assess_refuses_too_many_values() -> None:
    text = json.dumps({**FACTS, "parties": [0] * 150_000})
    refused(ksd("assess", "-", stdin=text.encode()), "100.000")


def test_assess_reads_at_most_a_megabyte_of_dev_zero() -> None:
    refused(ksd("assess", "/dev/zero"), "/dev/zero", "lebih besar dari 1 MB")


def test_assess_refuses_a_huge_standard_input() -> None:
    huge = b" " * (3 * MEBIBYTE) + json.dumps(FACTS).encode()

    refused(ksd("assess", "-", stdin=huge), "masukan standar", "lebih besar dari 1 MB")
    refused(ksd("assess", "/dev/stdin", stdin=huge), "/dev/stdin", "lebih besar dari 1 MB")


def test_assess_reads_a_large_but_allowed_standard_input() -> None:
    padded = json.dumps(FACTS).encode() + b" " * (MEBIBYTE - 1000)

    done = ksd("assess", "/dev/stdin", stdin=padded)

    assert (done.returncode, done.stderr) == (0, "")
    assert isinstance(json.loads(done.stdout), dict)


def test_assess_refuses_a_directory(tmp_path: Path) -> None:
    refused(ksd("assess", str(tmp_path)), "folder")


def test_assess_does_not_wait_for_a_fifo_nobody_writes_to(tmp_path: Path) -> None:
    fifo = tmp_path / "facts.fifo"
    os.mkfifo(fifo)

    refused(ksd("assess", str(fifo)), "kosong")


def test_assess_refuses_binary_input(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_bytes(b'{"date": "2016-02-01"\x00\xff\xfe' + bytes(range(256)))

    refused(ksd("assess", str(path)), "biner")


def test_assess_refuses_empty_standard_input() -> None:
    refused(ksd("assess", "-", stdin=b""), "kosong")


def test_assess_speaks_english_when_asked() -> None:
    refused(ksd("assess", "/dev/zero", "--lang", "en"), "larger than 1 MB")


# --- ksd workdays -----------------------------------------------------------------------------


def test_workdays_refuses_a_5000_digit_count() -> None:
    line = refused(ksd("workdays", "add", "2026-01-01", HUGE_INTEGER), "terlalu besar")

    assert HUGE_INTEGER not in line


@pytest.mark.parametrize("n", ["1000000", "100000"])
def test_workdays_refuses_a_count_past_its_limit(n: str) -> None:
    refused(ksd("workdays", "add", "2026-01-01", n), "paling banyak 99.999 hari kerja")


def test_workdays_refuses_a_count_that_ends_after_the_calendar() -> None:
    refused(ksd("workdays", "explain", "2026-01-01", "99999"), "2100-12-31")


@pytest.mark.parametrize("n", ["-5", "-1000000", "5.5", "1e6", "٥", "5\n"])
def test_workdays_refuses_a_count_that_is_not_a_whole_number(n: str) -> None:
    refused(ksd("workdays", "add", "2026-01-01", n))


@pytest.mark.parametrize(
    "args",
    [
        ("add", "9999-12-31", "5"),
        ("add", "0001-01-01", "5"),
        ("explain", "9999-12-31", "1"),
        ("add", "2100-12-31", "5"),
        ("count", "0001-01-01", "9999-12-31"),
    ],
)
def test_workdays_refuses_days_outside_the_calendar(args: tuple[str, ...]) -> None:
    refused(ksd("workdays", *args), "2100-12-31")


def test_workdays_quotes_a_huge_date_argument_short() -> None:
    line = refused(ksd("workdays", "add", "x" * 100_000, "5"), "DATE")

    assert "x" * 100 not in line


def test_workdays_reads_at_most_a_megabyte_of_overrides_from_dev_zero() -> None:
    refused(
        ksd("workdays", "add", "2026-01-01", "5", "--overrides", "/dev/zero"),
        "/dev/zero",
        "lebih besar dari 1 MB",
    )


def test_workdays_refuses_huge_overrides_on_standard_input() -> None:
    huge = b"# " + b"x" * (2 * MEBIBYTE) + b"\n"
    refused(
        ksd("workdays", "add", "2026-01-01", "5", "--overrides", "/dev/stdin", stdin=huge),
        "lebih besar dari 1 MB",
    )


def test_workdays_refuses_a_directory_of_overrides(tmp_path: Path) -> None:
    refused(ksd("workdays", "add", "2026-01-01", "5", "--overrides", str(tmp_path)), "folder")


def test_workdays_does_not_wait_for_a_fifo_of_overrides(tmp_path: Path) -> None:
    fifo = tmp_path / "libur.json"
    os.mkfifo(fifo)

    refused(ksd("workdays", "add", "2026-01-01", "5", "--overrides", str(fifo)), "kosong")


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("deep.yaml", b"- " * 5000 + b"x\n", "bersarang"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "bersarang"),
        # Nine levels of aliases, each ten times the one before: 10**9 values if expanded.
        (
            "bomb.yaml",
            b"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + b"".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n".encode()
                for i in range(8)
            ),
            "100.000",
        ),
        ("big.json", f'[{{"date": "2026-03-25", "n": {HUGE_INTEGER}}}]'.encode(), "terlalu besar"),
        ("binary.yaml", b"overrides:\x00\x01\x02\xff", "biner"),
        ("latin1.yaml", "name: Hari Jadi Daerah \u00e9\n".encode("latin-1"), "UTF-8"),
    ],
)
def test_workdays_refuses_hostile_overrides_files(
    tmp_path: Path, name: str, content: bytes, fragment: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    refused(ksd("workdays", "add", "2026-01-01", "5", "--overrides", str(path)), fragment)

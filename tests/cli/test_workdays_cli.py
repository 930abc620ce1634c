"""`ksd workdays` run as a user runs it: a real process, its output, its exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _default_language() -> None:
    """Shadows the suite-wide fixture of the same name in tests/conftest.py, which resets Django's
    active language and so needs Django settings: these tests use no Django and must also run
    with `-p no:django`."""


def ksd_workdays(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ksd", "workdays", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


def assert_refused(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("ksd workdays: ")
    assert result.stderr.count("\n") == 1, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


# --- success ------------------------------------------------------------------------------


def test_add_prints_the_last_day_after_nyepi_and_idul_fitri_2026() -> None:
    result = ksd_workdays("add", "2026-03-17", "5")
    assert (result.returncode, result.stdout, result.stderr) == (0, "2026-03-31\n", "")


def test_add_with_zero_days_prints_the_day_of_receipt() -> None:
    assert ksd_workdays("add", "2026-12-25", "0").stdout == "2026-12-25\n"


def test_add_for_a_region_uses_its_overrides_file(tmp_path: Path) -> None:
    overrides = tmp_path / "libur.yaml"
    overrides.write_text(
        "overrides:\n"
        "  - date: 2026-03-25\n"
        "    action: add\n"
        '    decree: "Keputusan Gubernur DIY Nomor 1/KEP/2026 (contoh uji)"\n'
        '    name: "Hari Jadi Daerah"\n'
        '    region: "34"\n',
        "utf-8",
    )
    diy = ksd_workdays("add", "2026-03-17", "1", "--region", "34", "--overrides", str(overrides))
    assert diy.stdout == "2026-03-26\n"
    kota = ksd_workdays(
        "add", "2026-03-17", "1", "--region", "34.71", "--overrides", str(overrides)
    )
    assert kota.stdout == "2026-03-25\n"


def test_add_reads_a_json_overrides_file(tmp_path: Path) -> None:
    overrides = tmp_path / "libur.json"
    entry = {"date": "2026-12-24", "action": "remove", "decree": "SKB (contoh uji)", "name": "x"}
    overrides.write_text(json.dumps([entry]), "utf-8")
    result = ksd_workdays("add", "2026-12-23", "1", "--overrides", str(overrides))
    assert result.stdout == "2026-12-24\n"


def test_explain_names_every_day_off_in_indonesian_by_default() -> None:
    result = ksd_workdays("explain", "2026-12-23", "1")
    assert result.returncode == 0
    assert "berakhir pada akhir Senin, 28 Desember 2026" in result.stdout
    assert "2026-12-24 Kamis: cuti bersama, Cuti Bersama Hari Raya Natal" in result.stdout
    assert "2026-12-25 Jumat: libur nasional, Hari Raya Natal" in result.stdout
    assert "2026-12-27 Minggu: akhir pekan" in result.stdout


def test_explain_in_english() -> None:
    result = ksd_workdays("explain", "2026-12-23", "1", "--lang", "en")
    assert "2026-12-25 Friday: national holiday, Christmas Day" in result.stdout


def test_explain_as_json() -> None:
    result = ksd_workdays("explain", "2026-03-17", "1", "--json", "--region", "34.71")
    data = json.loads(result.stdout)
    assert data["end"] == "2026-03-25"
    assert data["region"] == "34.71"
    assert data["skipped"][0] == {
        "date": "2026-03-18",
        "kind": "cuti_bersama",
        "reason": "Cuti Bersama Hari Suci Nyepi",
    }
    assert len(data["skipped"]) == 7


def test_count_prints_the_working_days_of_2026() -> None:
    result = ksd_workdays("count", "2025-12-31", "2026-12-31", "--region", "34.71")
    assert (result.returncode, result.stdout) == (0, "240\n")


def test_help_exits_0() -> None:
    result = ksd_workdays("--help")
    assert result.returncode == 0
    assert "hari ke-0" in result.stdout


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["add", "2026-02-30", "5"], ["'2026-02-30' bukan tanggal yang sah", "YYYY-MM-DD"]),
        (["add", "17-03-2026", "5"], ["bukan tanggal yang sah"]),
        (["add", "2026-03-17", "-3"], ["N '-3' tidak sah", "bilangan bulat"]),
        (["add", "2026-03-17", "1.5"], ["N '1.5' tidak sah"]),
        (["add", "2026-03-17", "lima"], ["N 'lima' tidak sah"]),
        (["add", "2026-03-17", "5", "--region", "99.99"], ["tidak ada dalam daftar wilayah"]),
        (["add", "2026-03-17", "5", "--region", "Sleman"], ["Kode wilayah 'Sleman' tidak sah"]),
        (["add", "2006-03-17", "5"], ["di luar kalender hari kerja"]),
        (["add", "2100-12-20", "30"], ["berakhir setelah 2100-12-31"]),
        (["count", "2026-01-01", "2026-13-01"], ["END '2026-13-01' bukan tanggal"]),
        (["explain", "2026-03-17", "x"], ["N 'x' tidak sah"]),
        (["add", "2026-03-17", "5", "--frob"], ["argumen tidak dikenal: --frob"]),
        (["add", "2026-03-17"], ["argumen wajib belum diisi: N"]),
        (["tambah", "2026-03-17", "5"], ["pilihan 'tambah'", "tidak sah"]),
        ([], ["argumen wajib belum diisi"]),
        (["add", "2026-03-17", "5", "--lang", "fr"], ["pilihan 'fr' untuk --lang tidak sah"]),
        (["add", "2026-03-17", "5", "--overrides", "/tidak/ada.yaml"], ["tidak dapat dibaca"]),
    ],
)
def test_bad_input_exits_2_with_one_indonesian_line(args: list[str], fragments: list[str]) -> None:
    assert_refused(ksd_workdays(*args), *fragments)


def test_bad_input_is_reported_in_english_with_lang_en() -> None:
    assert_refused(
        ksd_workdays("add", "2026-03-17", "-3", "--lang", "en"),
        "N '-3' is invalid: the number of working days must be a whole number",
    )
    assert_refused(
        ksd_workdays("add", "2026-03-17", "5", "--region", "99.99", "--lang", "en"),
        "Region code '99.99' is not in the Kemendagri region list.",
    )
    assert_refused(
        ksd_workdays("add", "2026-03-17", "5", "--frob", "--lang=en"), "unknown arguments: --frob"
    )


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("rusak.yaml", "overrides: [date: 2026", "YAML tidak sah"),
        ("rusak.json", "[{", "JSON tidak sah"),
        (
            "tanpa-dasar.yaml",
            "- date: 2026-03-25\n  action: add\n  name: Libur\n",
            "Ketetapan hari libur ke-1 (2026-03-25): 'decree'",
        ),
        ("aksi.json", '[{"date": "2026-03-25", "action": "x"}]', "'action' harus 'add'"),
        ("bukan-daftar.yaml", "42\n", "harus berupa daftar"),
    ],
)
def test_a_bad_overrides_file_exits_2_naming_the_problem(
    tmp_path: Path, name: str, content: str, fragment: str
) -> None:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    result = ksd_workdays("add", "2026-03-17", "5", "--overrides", str(path))
    assert_refused(result, f"'{path}'", fragment)

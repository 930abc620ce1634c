"""`ksd import FILE.xlsx [--dry-run]`: every error printed with its row and column; --dry-run
writes nothing; without it the valid rows are imported, and a second run skips them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ksd.cooperation.models import Cooperation, Event, EventKind

from .sheets import good_row, sheet_bytes


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("import", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.usefixtures("reference_loaded")
def test_the_command_checks_imports_and_skips_what_is_recorded(tmp_path: Path) -> None:
    import personas

    admin = personas.administrator()
    path = tmp_path / "daftar.xlsx"
    path.write_bytes(sheet_bytes([good_row(1), good_row(2, term_years=0), good_row(3)]))

    out = _run(str(path), "--dry-run")
    assert (
        "baris 3, kolom “Jangka waktu (tahun)”: Jangka waktu harus bilangan bulat tahun dari 1 "
        "sampai 100." in out
    )
    assert (
        "3 baris: 2 tanpa galat, 1 dengan galat, 0 sudah tercatat. Tidak ada yang ditulis." in out
    )
    assert Cooperation.objects.count() == 0

    out = _run(str(path), "--user", admin.username)
    assert "Dimuat: 2; dilewati: 0." in out
    assert Event.objects.filter(kind=EventKind.IMPORTED, actor=admin).count() == 2

    out = _run(str(path))
    assert "0 tanpa galat, 1 dengan galat, 2 sudah tercatat" in out
    assert Cooperation.objects.count() == 2


@pytest.mark.usefixtures("reference_loaded")
def test_the_command_refuses_a_file_that_is_not_a_sheet(tmp_path: Path) -> None:
    path = tmp_path / "daftar.xlsx"
    path.write_text("Nomor perjanjian,Judul\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"Berkas ini bukan buku kerja Excel \(\.xlsx\)"):
        _run(str(path))
    with pytest.raises(CommandError, match="tidak ditemukan"):
        _run(str(tmp_path / "tidak-ada.xlsx"))

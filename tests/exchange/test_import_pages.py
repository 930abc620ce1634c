"""The upload page: an operator imports for its own region, an administrator for any; the
preview lists every row with its errors and writes nothing until confirmed; progress shows while
chunks run; another user's import is a 404."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ksd.cooperation.models import Cooperation, Event, EventKind
from ksd.exchange.importing import batches
from ksd.exchange.models import ImportBatch

from .sheets import good_row, sheet_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client: Client, data: bytes, name: str = "daftar.xlsx") -> object:
    return client.post(
        "/kerja-sama/impor/", {"file": SimpleUploadedFile(name, data, content_type=XLSX)}
    )


def _run(client: Client, status_url: str) -> str:
    """Follow the import as a browser without JavaScript does: press Continue until done."""
    page = client.get(status_url).content.decode()
    while 'id="ksd-import-continue"' in page:
        response = client.post(status_url + "lanjut/")
        assert response.status_code == 302
        page = client.get(status_url).content.decode()
    return page


@pytest.mark.usefixtures("reference_loaded")
def test_an_operator_previews_confirms_and_imports_only_valid_rows(
    operator_kota_yogyakarta: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batches, "CHUNK", 2)  # several chunks, so progress is shown
    rows = [good_row(1), good_row(2, signed_on="kemarin"), good_row(3),
            good_row(4, initiator="33.74", regions="33.01"), good_row(5)]  # fmt: skip
    client = _client(operator_kota_yogyakarta)
    response = _upload(client, sheet_bytes(rows))
    assert response.status_code == 302
    status_url = response["Location"]
    first = client.get(status_url).content.decode()
    assert "0 dari 5 baris" in first
    assert "<progress" in first
    assert "exchange/continue.js" in first

    page = _run(client, status_url)
    assert Cooperation.objects.count() == 0  # the preview wrote nothing
    assert "Muat 3 baris tanpa galat" in page
    assert "“kemarin” bukan tanggal" in page
    assert "Anda hanya memuat perjanjian Kota Yogyakarta" in page
    errors_only = client.get(status_url + "?tampil=galat").content.decode()
    assert "PKS/1/2015" not in errors_only
    assert "PKS/2/2015" in errors_only

    assert client.post(status_url + "setujui/").status_code == 302
    page = _run(client, status_url)
    assert Cooperation.objects.count() == 3
    events = Event.objects.filter(kind=EventKind.IMPORTED)
    assert {e.actor for e in events} == {operator_kota_yogyakarta}
    assert {e.region_id for e in events} == {"34.71"}
    assert {e.citation for e in events} == {"PP 50/2007 Pasal 21 huruf b"}

    # Uploading the same file again imports nothing new: the three rows are already recorded.
    status_url = _upload(client, sheet_bytes(rows))["Location"]
    page = _run(client, status_url)
    batch = ImportBatch.objects.order_by("-id").first()
    assert batch is not None
    assert (batch.valid_rows, batch.present_rows) == (0, 3)
    assert "Tidak ada baris yang dapat dimuat" in page


@pytest.mark.usefixtures("reference_loaded")
def test_a_file_that_is_not_a_sheet_gets_the_message_on_the_form(
    operator_kota_yogyakarta: User,
) -> None:
    response = _upload(_client(operator_kota_yogyakarta), b"%PDF-1.4 bukan lembar", "a.xlsx")
    assert response.status_code == 400
    assert "Berkas ini bukan buku kerja Excel (.xlsx)." in response.content.decode()
    assert ImportBatch.objects.count() == 0


@pytest.mark.usefixtures("reference_loaded")
def test_only_operators_and_administrators_import(kemendagri: User) -> None:
    import personas

    dprd = personas.dprd_sleman()
    for user in (kemendagri, dprd):
        client = _client(user)
        assert client.get("/kerja-sama/impor/").status_code == 403
        assert client.get("/kerja-sama/impor/templat.xlsx").status_code == 403
    assert Client().get("/kerja-sama/impor/").status_code == 302  # the public logs in first
    admin = personas.administrator()
    page = _client(admin).get("/kerja-sama/impor/").content.decode()
    assert "Sebagai administrator" in page


@pytest.mark.usefixtures("reference_loaded")
def test_an_import_is_followed_only_by_its_uploader(
    operator_kota_yogyakarta: User, operator_sleman: User
) -> None:
    client = _client(operator_kota_yogyakarta)
    status_url = _upload(client, sheet_bytes([good_row(1)]))["Location"]
    other = _client(operator_sleman)
    assert other.get(status_url).status_code == 404
    assert other.post(status_url + "lanjut/").status_code == 404
    assert other.post(status_url + "setujui/").status_code == 404


@pytest.mark.usefixtures("reference_loaded")
def test_the_template_has_the_headers_and_instructions(operator_kota_yogyakarta: User) -> None:
    import io

    from openpyxl import load_workbook

    response = _client(operator_kota_yogyakarta).get("/kerja-sama/impor/templat.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Kerja sama", "Petunjuk", "Urusan"]
    headers = [c.value for c in book["Kerja sama"][1]]
    assert headers[:3] == ["Nomor perjanjian", "Judul", "Daerah pemrakarsa"]
    assert book["Kerja sama"].max_row == 1  # empty: nothing is imported by accident
    guide = "\n".join(str(r[2].value) for r in book["Petunjuk"].iter_rows(min_row=2) if len(r) > 2)
    assert "perseroan_terbatas" in guide
    assert "ditandatangani, dilaksanakan, berakhir" in guide
    assert book["Urusan"].max_row > 20

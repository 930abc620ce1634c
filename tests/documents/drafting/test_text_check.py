"""A draft PKS checked by its text: uploaded, read, and the contents it seems to lack shown with
their articles beside the operator's ticks, with the disagreements named."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from docx import Document as Docx

from documents.drafting.conftest import needs_pdf
from ksd.cooperation.models import Cooperation, Event, EventKind
from ksd.documents.drafting.content_rules import KEYWORDS, contents_found
from ksd.documents.models import Document, TextCheck

DRAFT_WITHOUT_TWO = [
    "PERJANJIAN KERJA SAMA",
    "Para pihak yang bertanda tangan di bawah ini:",
    "Pasal 1 Objek kerja sama: pengelolaan sampah.",
    "Pasal 2 Ruang lingkup: pengangkutan.",
    "Pasal 3 Hak dan kewajiban para pihak.",
    "Pasal 4 Jangka waktu lima tahun.",
    "Pasal 5 Pengakhiran kerja sama.",
    "Pasal 6 Penyelesaian perselisihan secara musyawarah.",
]  # fmt: skip  (no keadaan memaksa, ... and no sanctions: not required here)


def docx_of(lines: list[str]) -> bytes:
    document = Docx()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_each_required_content_has_keywords_and_the_hyphenated_words_are_joined() -> None:
    from ksd.law.facts import DRAFT_CONTENT_CODES

    assert set(KEYWORDS) == set(DRAFT_CONTENT_CODES)
    assert contents_found("Pasal 7 KEADAAN MEMAK-\nSA") == {"keadaan_memaksa"}
    assert contents_found("Force Majeure") == {"keadaan_memaksa"}
    assert "sanksi" in contents_found("dikenakan denda sebesar")
    assert contents_found("") == frozenset()
    # "para pihak" alone also opens rights and obligations: it does not prove the subject.
    assert "subjek" not in contents_found("Hak dan kewajiban para pihak")


def upload(client: Client, coop: Cooperation, content: bytes, name: str) -> str:
    response = client.post(
        f"/dokumen/kerja-sama/{coop.pk}/unggah/",
        {"kind": "draft_pks", "visibility": "", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 302, response.content
    return response["Location"]


@pytest.mark.django_db
def test_a_draft_missing_two_contents_is_reported_with_their_articles_and_the_ticks(
    client: Client, kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    client.force_login(operator_kota_yogyakarta)
    location = upload(
        client, kartamantul, docx_of(DRAFT_WITHOUT_TWO[:1] + DRAFT_WITHOUT_TWO[2:]), "draf.docx"
    )
    page = client.get(location).content.decode()
    assert "heuristi" in page.lower()
    assert "tampaknya belum memuat 2 muatan wajib" in page
    check = TextCheck.objects.get()
    lacking = [(r["code"], r["citation"]) for r in check.rows if not r["found"]]
    assert lacking == [
        ("subjek", "PP 50/2007 Pasal 7 huruf b angka 1"),
        ("keadaan_memaksa", "PP 50/2007 Pasal 7 huruf b angka 7"),
    ]
    # The operator ticked all eight on the draft step: the two disagree, and the page says so.
    assert page.count("Dicentang, tetapi tidak ditemukan dalam teks") == 2
    event = Event.objects.get(kind=EventKind.DRAFT_TEXT_CHECKED)
    assert event.changes["lacking"] == ["subjek", "keadaan_memaksa"]


@needs_pdf
@pytest.mark.django_db
def test_a_pdf_draft_is_read_too(
    client: Client, kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    from ksd.documents.drafting import render
    from ksd.documents.drafting.record import parts_for

    pdf = render.to_pdf(
        parts_for(kartamantul, "pks", region_code="34.71", today=dt.date(2016, 2, 1))
    )
    client.force_login(operator_kota_yogyakarta)
    upload(client, kartamantul, pdf, "draf.pdf")
    check = TextCheck.objects.get()
    assert check.readable
    assert all(r["found"] for r in check.rows)


@pytest.mark.django_db
def test_an_unreadable_draft_is_said_to_be_unreadable_not_lacking(
    client: Client, kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    client.force_login(operator_kota_yogyakarta)
    location = upload(client, kartamantul, b"%PDF-1.4\n%%EOF\n", "scan.pdf")
    page = client.get(location).content.decode()
    assert not TextCheck.objects.get().readable
    assert "tidak dapat membaca teks" in page
    assert Document.objects.count() == 1

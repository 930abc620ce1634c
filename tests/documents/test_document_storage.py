"""Attaching documents: real PDF and DOCX content is kept under its SHA-256, never overwritten;
anything else is refused with a clear message and nothing is stored."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext

from ksd.cooperation.models import Cooperation, Event, EventKind
from ksd.core.errors import StepRefused
from ksd.documents import storage
from ksd.documents.models import Document, DocumentKind
from ksd.documents.services import attach_document

from .conftest import NOW, PDF_BYTES, docx_bytes, pdf

NEITHER = "Only PDF or DOCX files can be uploaded; the content of this file is neither."


def stored_files(var_dir: Path) -> list[Path]:
    return sorted(p for p in (var_dir / "documents").rglob("*") if p.is_file())


def test_a_pdf_is_stored_under_its_sha256_with_a_row_and_an_event(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, var_dir: Path
) -> None:
    document = attach_document(
        kartamantul.pk, actor=operator_kota_yogyakarta, region_code="34.71",
        upload=pdf(), kind=DocumentKind.OFFER_LETTER, now=NOW,
    )  # fmt: skip

    digest = hashlib.sha256(PDF_BYTES).hexdigest()
    assert (document.sha256, document.size) == (digest, len(PDF_BYTES))
    assert document.original_name == "surat-penawaran.pdf"
    assert document.content_type == "application/pdf"
    assert (document.region_id, document.uploaded_by, document.uploaded_at) == (
        "34.71", operator_kota_yogyakarta, NOW,
    )  # fmt: skip
    assert stored_files(var_dir) == [var_dir / "documents" / digest[:2] / digest]
    assert (var_dir / "documents" / digest[:2] / digest).read_bytes() == PDF_BYTES
    event = kartamantul.events.get(kind=EventKind.DOCUMENT_ATTACHED)
    assert (event.actor, event.region_id, event.reason) == (
        operator_kota_yogyakarta, "34.71", "surat-penawaran.pdf",
    )  # fmt: skip
    assert event.changes["sha256"] == digest


def test_a_docx_is_recognised_by_its_content(
    kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    upload = SimpleUploadedFile("kesepakatan-bersama.docx", docx_bytes())
    document = attach_document(
        kartamantul.pk, actor=operator_kota_yogyakarta, region_code="34.71",
        upload=upload, kind=DocumentKind.JOINT_AGREEMENT, now=NOW,
    )  # fmt: skip
    assert document.content_type == storage.DOCX


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("surat.pdf", b"just some text, not a PDF", NEITHER),
        ("surat.docx", b"PK\x03\x04 not really a zip", NEITHER),
        (
            "surat.exe",
            PDF_BYTES,
            "The file's content is %(kind)s but its name does not end in %(extension)s.",
        ),
        ("kosong.pdf", b"", "The file is empty."),
    ],
)
def test_a_file_that_is_not_a_real_pdf_or_docx_is_refused_and_nothing_is_stored(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, var_dir: Path,
    name: str, content: bytes, message: str,
) -> None:  # fmt: skip
    events_before = Event.objects.count()
    with pytest.raises(StepRefused) as refused:
        attach_document(
            kartamantul.pk, actor=operator_kota_yogyakarta, region_code="34.71",
            upload=SimpleUploadedFile(name, content), kind=DocumentKind.OTHER, now=NOW,
        )  # fmt: skip
    expected = gettext(message)
    if "%(kind)s" in message:
        expected %= {"kind": "PDF", "extension": ".pdf"}
    assert refused.value.message == expected
    assert not Document.objects.exists()
    assert stored_files(var_dir) == []
    assert Event.objects.count() == events_before


def test_a_zip_without_a_word_document_is_refused(
    kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    not_docx = docx_bytes().replace(b"word/document.xml", b"word/something.xml")
    with pytest.raises(StepRefused) as refused:
        attach_document(
            kartamantul.pk, actor=operator_kota_yogyakarta, region_code="34.71",
            upload=SimpleUploadedFile("palsu.docx", not_docx), kind=DocumentKind.OTHER, now=NOW,
        )  # fmt: skip
    assert refused.value.message == gettext(NEITHER)


def test_a_file_over_the_size_limit_is_refused_and_nothing_is_stored(
    kartamantul: Cooperation,
    operator_kota_yogyakarta: User,
    var_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(storage, "MAX_BYTES", 40)
    with pytest.raises(StepRefused) as refused:
        attach_document(
            kartamantul.pk, actor=operator_kota_yogyakarta, region_code="34.71",
            upload=pdf(content=PDF_BYTES + b"x" * 100), kind=DocumentKind.OTHER, now=NOW,
        )  # fmt: skip
    assert refused.value.message == gettext(
        "The file is larger than %(limit)d MB; upload a smaller file."
    ) % {"limit": 20}
    assert not Document.objects.exists()
    assert stored_files(var_dir) == []


def test_a_new_version_is_a_new_row_and_the_same_bytes_are_stored_once(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, var_dir: Path
) -> None:
    def attach(content: bytes) -> Document:
        return attach_document(
            kartamantul.pk, actor=operator_kota_yogyakarta, region_code="34.71",
            upload=SimpleUploadedFile("draf-pks.docx", content), kind=DocumentKind.DRAFT_AGREEMENT,
            now=NOW,
        )  # fmt: skip

    first = attach(docx_bytes("Draf pertama"))
    second = attach(docx_bytes("Draf kedua"))
    again = attach(docx_bytes("Draf pertama"))

    assert first.pk != second.pk != again.pk
    assert first.sha256 != second.sha256
    assert again.sha256 == first.sha256
    assert len(stored_files(var_dir)) == 2
    first_path = storage.path_for(first.sha256)
    assert first_path.read_bytes() == docx_bytes("Draf pertama")
    assert Document.objects.filter(cooperation=kartamantul).count() == 3
    assert kartamantul.events.filter(kind=EventKind.DOCUMENT_ATTACHED).count() == 3


def test_a_region_cannot_upload_for_another_region_nor_for_a_cooperation_it_is_not_party_to(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, operator_kota_semarang: User,
    var_dir: Path,
) -> None:  # fmt: skip
    with pytest.raises(StepRefused) as refused:
        attach_document(
            kartamantul.pk, actor=operator_kota_yogyakarta, region_code="34.04",
            upload=pdf(), kind=DocumentKind.OTHER, now=NOW,
        )  # fmt: skip
    assert refused.value.message == gettext(
        "Only the region's cooperation officers may upload its documents."
    )
    with pytest.raises(StepRefused) as refused:
        attach_document(
            kartamantul.pk, actor=operator_kota_semarang, region_code="33.74",
            upload=pdf(), kind=DocumentKind.OTHER, now=NOW,
        )  # fmt: skip
    assert refused.value.message == gettext(
        "Only a region that is party to the cooperation keeps documents."
    )
    assert not Document.objects.exists()
    assert stored_files(var_dir) == []

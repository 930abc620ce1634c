"""Stored documents are readable by KSD's own user only (issue 6, point 8): files 0400 in
folders 0700, also when the same bytes were stored earlier with a wider mode."""

from __future__ import annotations

import datetime as dt
import hashlib
import stat
from pathlib import Path

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from ksd.cooperation.models import Cooperation
from ksd.documents.models import DocumentKind
from ksd.documents.services import attach_document
from ksd.documents.storage import storage_root

NOW = dt.datetime(2016, 1, 4, 2, 0, tzinfo=dt.UTC)
PDF_BYTES = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def upload(cooperation: Cooperation, actor: User) -> Path:
    attach_document(
        cooperation.pk, actor=actor, region_code="34.71",
        upload=SimpleUploadedFile("surat.pdf", PDF_BYTES, content_type="application/pdf"),
        kind=DocumentKind.OFFER_LETTER, now=NOW,
    )  # fmt: skip
    digest = hashlib.sha256(PDF_BYTES).hexdigest()
    return storage_root() / digest[:2] / digest


def test_a_stored_document_is_readable_by_its_owner_only(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, var_dir: Path
) -> None:
    stored = upload(kartamantul, operator_kota_yogyakarta)

    assert mode(stored) == 0o400
    assert mode(stored.parent) == 0o700
    assert mode(var_dir / "documents") == 0o700
    assert [p.name for p in stored.parent.iterdir()] == [stored.name]  # no temporary file left


def test_a_document_stored_0444_by_an_older_version_is_tightened_when_uploaded_again(
    kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    stored = upload(kartamantul, operator_kota_yogyakarta)
    stored.chmod(0o444)

    assert upload(kartamantul, operator_kota_yogyakarta) == stored
    assert mode(stored) == 0o400

"""Stored documents in S3-compatible object storage (KSD_STORAGE=s3, docs/deploy.md), against a
local moto server: an upload lands in the bucket under its SHA-256 and nowhere on disk, is
downloaded byte for byte, is never overwritten, and an unreachable store refuses the upload with
a clear message and nothing recorded. ksd backup reads the documents from the bucket."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.translation import gettext

from ksd.cooperation.models import Cooperation, EventKind
from ksd.core.backup import backup
from ksd.core.errors import StepRefused
from ksd.documents.models import Document, DocumentKind
from ksd.documents.services import attach_document
from object_store import client, moto_endpoint, objects, s3_documents

from .conftest import NOW, PDF_BYTES

__all__ = ["moto_endpoint", "s3_documents"]  # fixtures, used by name

DIGEST = hashlib.sha256(PDF_BYTES).hexdigest()


def attach(cooperation: Cooperation, user: User, content: bytes = PDF_BYTES) -> Document:
    return attach_document(
        cooperation.pk, actor=user, region_code="34.71", kind=DocumentKind.OFFER_LETTER,
        upload=SimpleUploadedFile("surat-penawaran.pdf", content), now=NOW,
    )  # fmt: skip


def test_an_upload_lands_in_the_bucket_under_its_sha256_and_not_on_disk(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, var_dir: Path,
    s3_documents: str, moto_endpoint: str,
) -> None:  # fmt: skip
    document = attach(kartamantul, operator_kota_yogyakarta)

    assert document.sha256 == DIGEST
    assert objects(moto_endpoint, s3_documents) == {f"documents/{DIGEST[:2]}/{DIGEST}": PDF_BYTES}
    assert not [p for p in var_dir.rglob("*") if p.is_file()]


def test_the_document_downloads_byte_for_byte_from_the_bucket(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, s3_documents: str
) -> None:
    document = attach(kartamantul, operator_kota_yogyakarta)
    browser = Client()
    browser.force_login(operator_kota_yogyakarta)

    response = browser.get(f"/dokumen/{document.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES  # type: ignore[attr-defined]
    assert 'filename="surat-penawaran.pdf"' in response["Content-Disposition"]


def test_the_same_bytes_twice_are_stored_once_and_never_rewritten(
    kartamantul: Cooperation, operator_kota_yogyakarta: User,
    s3_documents: str, moto_endpoint: str,
) -> None:  # fmt: skip
    first = attach(kartamantul, operator_kota_yogyakarta)
    again = attach(kartamantul, operator_kota_yogyakarta)
    other = attach(kartamantul, operator_kota_yogyakarta, PDF_BYTES + b"% versi 2\n")

    assert first.sha256 == again.sha256 != other.sha256
    # The bucket keeps every version of an object: one version each means no rewrite.
    versions = client(moto_endpoint).list_object_versions(Bucket=s3_documents)["Versions"]
    assert sorted(v["Key"] for v in versions) == sorted(
        f"documents/{d[:2]}/{d}" for d in (first.sha256, other.sha256)
    )
    assert Document.objects.count() == 3


def test_an_unreachable_store_refuses_the_upload_and_records_nothing(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, settings: pytest.FixtureRequest,
    s3_documents: str,
) -> None:  # fmt: skip
    entry = settings.STORAGES["documents"]  # type: ignore[attr-defined]
    # A port nobody listens on: the connection is refused at once.
    options = {**entry["OPTIONS"], "endpoint_url": "http://127.0.0.1:9"}
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "documents": {**entry, "OPTIONS": options},
    }
    events_before = kartamantul.events.count()

    with pytest.raises(StepRefused) as refused:
        attach(kartamantul, operator_kota_yogyakarta, PDF_BYTES + b"% lain\n")

    assert refused.value.message == gettext(
        "The document store cannot be reached; nothing was stored. Try again later."
    )
    assert not Document.objects.exists()
    assert kartamantul.events.count() == events_before
    assert not kartamantul.events.filter(kind=EventKind.DOCUMENT_ATTACHED).exists()


# The backup copies SQLite while no transaction is open, as `ksd backup` runs.
@pytest.mark.django_db(transaction=True)
def test_a_backup_takes_the_documents_from_the_bucket(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, tmp_path: Path,
    s3_documents: str,
) -> None:  # fmt: skip
    attach(kartamantul, operator_kota_yogyakarta)
    archive = tmp_path / "ksd-backup.zip"

    made = backup(archive)

    assert (made.documents, made.missing) == (1, [])
    with zipfile.ZipFile(archive) as opened:
        assert opened.read(f"documents/{DIGEST[:2]}/{DIGEST}") == PDF_BYTES


# The backup copies SQLite while no transaction is open, as `ksd backup` runs.
@pytest.mark.django_db(transaction=True)
def test_a_backup_names_a_document_missing_from_the_bucket(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, tmp_path: Path,
    s3_documents: str, moto_endpoint: str,
) -> None:  # fmt: skip
    attach(kartamantul, operator_kota_yogyakarta)
    s3 = client(moto_endpoint)
    for version in s3.list_object_versions(Bucket=s3_documents)["Versions"]:
        s3.delete_object(Bucket=s3_documents, Key=version["Key"], VersionId=version["VersionId"])

    made = backup(tmp_path / "ksd-backup.zip")

    assert (made.documents, made.missing) == (0, [DIGEST])

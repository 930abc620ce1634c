"""Users, a cooperation and tiny real files for the documents tests; files go to a temporary
var/ folder."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from ksd.accounts.models import Membership, Role
from ksd.cooperation import services
from ksd.cooperation.models import Cooperation

# When the steps are recorded: after every legal date they carry (none is in the future).
NOW = dt.datetime(2024, 1, 2, 2, 0, tzinfo=dt.UTC)
PDF_BYTES = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"


def _entry(name: str) -> zipfile.ZipInfo:
    return zipfile.ZipInfo(name, date_time=(2026, 1, 5, 9, 0, 0))


def docx_bytes(text: str = "Kesepakatan Bersama") -> bytes:
    buffer = io.BytesIO()
    # Fixed entry dates: writestr(name, ...) stamps the wall clock, so the same text built
    # across a two-second boundary gave different bytes (and a failing test on a busy machine).
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(_entry("[Content_Types].xml"), '<?xml version="1.0"?><Types/>')
        archive.writestr(
            _entry("word/document.xml"),
            f'<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )
    return buffer.getvalue()


def pdf(name: str = "surat-penawaran.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def member(username: str, role: Role, region: str | None) -> User:
    user = User.objects.create_user(username)
    Membership.objects.create(user=user, role=role, region_id=region)
    return user


@pytest.fixture(autouse=True)
def var_dir(settings: pytest.FixtureRequest, tmp_path: Path) -> Path:
    settings.VAR_DIR = tmp_path  # type: ignore[attr-defined]
    return tmp_path


@pytest.fixture
def kartamantul(operator_kota_yogyakarta: User) -> Cooperation:
    return services.make_offer(
        actor=operator_kota_yogyakarta,
        title="Pengelolaan sampah regional TPST Piyungan",
        initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04", "34.02")],
        offered_on=dt.date(2016, 1, 4),
        offer_number="415.4/001",
        now=NOW,
    )

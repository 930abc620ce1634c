"""The documents pages: an operator of a party region uploads, its own region and the
supervisors download, another party region reads the cooperation but not the region's private
documents, and an outsider gets 404. Sharing: test_document_sharing.py."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.utils.translation import gettext

from ksd.cooperation.models import Cooperation, EventKind
from ksd.documents.models import Document, DocumentKind, Visibility
from ksd.documents.services import attach_document

from .conftest import NOW, PDF_BYTES, pdf


def upload_url(cooperation: Cooperation) -> str:
    return f"/dokumen/kerja-sama/{cooperation.pk}/unggah/"


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def offer_letter(kartamantul: Cooperation, operator_kota_yogyakarta: User) -> Document:
    """Kota Yogyakarta's draft of its offer letter, kept private to the region."""
    return attach_document(
        kartamantul.pk, actor=operator_kota_yogyakarta, region_code="34.71",
        upload=pdf("Surat Penawaran 415.4.pdf"), kind=DocumentKind.OFFER_LETTER, now=NOW,
        visibility=Visibility.PRIVATE,
    )  # fmt: skip


def test_an_operator_of_a_party_region_uploads_a_pdf(
    kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    client = logged_in(operator_kota_yogyakarta)
    assert client.get(upload_url(kartamantul)).status_code == 200

    response = client.post(
        upload_url(kartamantul),
        {"kind": DocumentKind.OFFER_LETTER, "file": pdf("surat-penawaran.pdf")},
        follow=True,
    )

    assert response.status_code == 200
    assert "surat-penawaran.pdf" in response.content.decode()
    document = Document.objects.get()
    assert (document.region_id, document.uploaded_by) == ("34.71", operator_kota_yogyakarta)
    assert kartamantul.events.filter(kind=EventKind.DOCUMENT_ATTACHED).count() == 1


def test_a_bad_file_is_refused_on_the_form_with_its_message(
    kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    response = logged_in(operator_kota_yogyakarta).post(
        upload_url(kartamantul),
        {"kind": DocumentKind.OTHER, "file": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00")},
    )
    assert response.status_code == 400  # refused, nothing stored
    message = gettext(
        "Only PDF or DOCX files can be uploaded; the content of this file is neither."
    )
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert not Document.objects.exists()


def test_a_reader_and_an_outsider_may_not_upload(
    kartamantul: Cooperation, kemendagri: User, operator_kota_semarang: User
) -> None:
    assert logged_in(kemendagri).get(upload_url(kartamantul)).status_code == 403
    response = logged_in(operator_kota_semarang).post(
        upload_url(kartamantul), {"kind": DocumentKind.OTHER, "file": pdf()}
    )
    assert response.status_code == 404
    assert not Document.objects.exists()


def test_the_uploading_region_and_the_supervisors_download_the_file_with_its_name(
    offer_letter: Document, operator_kota_yogyakarta: User, kemendagri: User,
    biro_pemerintahan_diy: User,
) -> None:  # fmt: skip
    for user in (operator_kota_yogyakarta, kemendagri, biro_pemerintahan_diy):
        response = logged_in(user).get(f"/dokumen/{offer_letter.pk}/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF_BYTES  # type: ignore[attr-defined]
        assert response["Content-Type"] == "application/pdf"
        assert "Surat Penawaran 415.4.pdf" in response["Content-Disposition"]


def test_another_party_region_and_an_outsider_get_404_and_the_public_must_log_in(
    offer_letter: Document, kartamantul: Cooperation, operator_sleman: User,
    operator_kota_semarang: User,
) -> None:  # fmt: skip
    url = f"/dokumen/{offer_letter.pk}/"
    assert logged_in(operator_sleman).get(url).status_code == 404
    assert logged_in(operator_kota_semarang).get(url).status_code == 404
    # The public is sent to log in, as on every page of a logged-in user.
    assert Client().get(url).status_code == 302
    assert logged_in(operator_sleman).get("/dokumen/999999/").status_code == 404


def test_the_documents_page_lists_only_the_documents_a_user_may_see(
    offer_letter: Document, kartamantul: Cooperation, operator_kota_yogyakarta: User,
    operator_sleman: User, operator_kota_semarang: User,
) -> None:  # fmt: skip
    url = f"/dokumen/kerja-sama/{kartamantul.pk}/"
    own = logged_in(operator_kota_yogyakarta).get(url)
    assert own.status_code == 200
    page = own.content.decode()
    assert "Surat Penawaran 415.4.pdf" in page
    assert offer_letter.sha256[:12] in page
    assert "operator_kota_yogyakarta" in page

    other_party = logged_in(operator_sleman).get(url)
    assert other_party.status_code == 200
    assert "Surat Penawaran 415.4.pdf" not in other_party.content.decode()

    assert logged_in(operator_kota_semarang).get(url).status_code == 404


def test_the_cooperation_page_includes_the_fragment_with_one_tag(
    offer_letter: Document, kartamantul: Cooperation, operator_kota_yogyakarta: User,
    operator_sleman: User,
) -> None:  # fmt: skip
    template = Template("{% load documents %}{% documents_of cooperation %}")
    for user, shown in ((operator_kota_yogyakarta, True), (operator_sleman, False)):
        request = RequestFactory().get("/")
        request.user = user
        html = template.render(Context({"cooperation": kartamantul, "request": request}))
        assert ("Surat Penawaran 415.4.pdf" in html) is shown
        assert (upload_url(kartamantul) in html) is True

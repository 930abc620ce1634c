"""Partners share what is meant to be shared (issue 6 point 7).

A document is private to the region that uploaded it (a working draft) or shared with every
party; what the parties exchange and sign is shared by default. Supervisors see both. The signed
agreement of a cooperation in the public register can be published there by a party's officer.
Nobody else learns the file name, the uploader or the existence of a region's private document:
not on the documents page, not in the cooperation's timeline, not by guessing its download URL.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils.translation import gettext

import personas
from ksd.cooperation.events import record_event
from ksd.cooperation.models import Cooperation, Event, EventKind
from ksd.core.errors import StepRefused
from ksd.documents import storage
from ksd.documents.models import Document, DocumentKind, Visibility
from ksd.documents.services import attach_document
from ksd.documents.sharing import publish_document, share_document
from pages.records import signed_and_published

from .conftest import NOW, PDF_BYTES, pdf

LATER = NOW + dt.timedelta(days=1)


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def upload(client: Client, cooperation: Cooperation, name: str, kind: str, **extra: str) -> None:
    response = client.post(
        f"/dokumen/kerja-sama/{cooperation.pk}/unggah/",
        {"kind": kind, "file": pdf(name), **extra},
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def secret(kartamantul: Cooperation, operator_sleman: User) -> Document:
    """Sleman's own working draft on KARTAMANTUL, uploaded through the form."""
    upload(logged_in(operator_sleman), kartamantul, "sleman-secret.pdf", DocumentKind.OTHER)
    return Document.objects.get(original_name="sleman-secret.pdf")


# ----- What is shared by default, and what the uploader chooses -----


@pytest.mark.parametrize(
    ("kind", "visibility"),
    [(DocumentKind.SIGNED_AGREEMENT, Visibility.PARTIES),
     (DocumentKind.JOINT_AGREEMENT, Visibility.PARTIES),
     (DocumentKind.DRAFT_AGREEMENT, Visibility.PARTIES),
     (DocumentKind.DPRD_LETTER, Visibility.PARTIES),
     (DocumentKind.DPRD_DECISION, Visibility.PARTIES),
     (DocumentKind.POWER_OF_ATTORNEY, Visibility.PARTIES),
     (DocumentKind.OTHER, Visibility.PRIVATE)],
)  # fmt: skip
def test_without_a_choice_a_document_gets_the_default_of_its_kind(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, kind: str, visibility: str
) -> None:
    upload(logged_in(operator_kota_yogyakarta), kartamantul, "dokumen.pdf", kind)
    assert Document.objects.get().visibility == visibility


def test_the_form_asks_who_sees_it_and_the_choice_is_kept(
    kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    client = logged_in(operator_kota_yogyakarta)
    form = page(client, f"/dokumen/kerja-sama/{kartamantul.pk}/unggah/")
    assert 'name="visibility"' in form
    assert gettext("Private to our region (working draft)") in form

    upload(client, kartamantul, "draf-internal.pdf", DocumentKind.SIGNED_AGREEMENT,
           visibility=Visibility.PRIVATE)  # fmt: skip
    upload(client, kartamantul, "catatan.pdf", DocumentKind.OTHER, visibility=Visibility.PARTIES)
    kept = dict(Document.objects.values_list("original_name", "visibility"))
    assert kept == {"draf-internal.pdf": "private", "catatan.pdf": "parties"}


def test_publishing_is_not_a_choice_on_upload(
    kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    response = logged_in(operator_kota_yogyakarta).post(
        f"/dokumen/kerja-sama/{kartamantul.pk}/unggah/",
        {"kind": DocumentKind.SIGNED_AGREEMENT, "file": pdf(), "visibility": "public"},
    )
    assert response.status_code == 400
    assert not Document.objects.exists()


# ----- A partner sees the shared documents (the reported bug) -----


def test_sleman_sees_and_downloads_the_signed_agreement_yogyakarta_uploaded(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, operator_sleman: User
) -> None:
    upload(logged_in(operator_kota_yogyakarta), kartamantul, "PKS 01-2016.pdf",
           DocumentKind.SIGNED_AGREEMENT)  # fmt: skip
    pks = Document.objects.get()

    sleman = logged_in(operator_sleman)
    listing = page(sleman, f"/dokumen/kerja-sama/{kartamantul.pk}/")
    assert "PKS 01-2016.pdf" in listing
    assert "operator_kota_yogyakarta" in listing  # who uploaded a shared document is shown
    response = sleman.get(f"/dokumen/{pks.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES  # type: ignore[attr-defined]
    assert "PKS 01-2016.pdf" in page(sleman, f"/kerja-sama/{kartamantul.pk}/")


# ----- A private document leaks nowhere -----


def test_a_private_document_is_invisible_to_the_other_parties_everywhere(
    secret: Document, kartamantul: Cooperation, operator_kota_yogyakarta: User,
    operator_sleman: User,
) -> None:  # fmt: skip
    for partner in (operator_kota_yogyakarta, personas.persona(
            "operator_bantul", personas.Role.OPERATOR, "34.02")):  # fmt: skip
        client = logged_in(partner)
        for url in (f"/dokumen/kerja-sama/{kartamantul.pk}/", f"/kerja-sama/{kartamantul.pk}/",
                    f"/kerja-sama/{kartamantul.pk}/riwayat/"):  # fmt: skip
            shown = page(client, url)
            assert "sleman-secret" not in shown
            assert "operator_sleman" not in shown  # the uploader
            assert gettext("Document attached") not in shown  # nor that it exists
        assert client.get(f"/dokumen/{secret.pk}/").status_code == 404
        assert client.get(f"/publik/dokumen/{secret.pk}/").status_code == 404
        assert client.post(f"/dokumen/{secret.pk}/bagikan/").status_code == 404
        assert client.post(f"/dokumen/{secret.pk}/terbitkan/").status_code == 404


def test_its_own_region_and_the_supervisors_see_it_and_its_event(
    secret: Document, kartamantul: Cooperation, operator_sleman: User,
    biro_pemerintahan_diy: User, kemendagri: User,
) -> None:  # fmt: skip
    for user in (operator_sleman, biro_pemerintahan_diy, kemendagri):
        client = logged_in(user)
        assert "sleman-secret.pdf" in page(client, f"/dokumen/kerja-sama/{kartamantul.pk}/")
        assert client.get(f"/dokumen/{secret.pk}/").status_code == 200
    for user in (operator_sleman, biro_pemerintahan_diy, kemendagri):
        for url in (f"/kerja-sama/{kartamantul.pk}/", f"/kerja-sama/{kartamantul.pk}/riwayat/"):
            timeline = page(logged_in(user), url)
            assert "sleman-secret.pdf" in timeline
            assert gettext("Document attached") in timeline


def test_another_provinces_supervisor_does_not_see_it(
    secret: Document, kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    """The governor's bureau of Jawa Tengah supervises none of KARTAMANTUL's regions."""
    jateng = personas.persona("biro_jawa_tengah", personas.Role.PEMBINA_PROVINSI, "33")
    assert logged_in(jateng).get(f"/dokumen/{secret.pk}/").status_code == 404


def test_an_event_recorded_before_documents_could_be_shared_stays_private(
    kartamantul: Cooperation, operator_sleman: User, operator_kota_yogyakarta: User
) -> None:
    """Events are never rewritten: one without a visibility was a private upload."""
    record_event(
        kartamantul, EventKind.DOCUMENT_ATTACHED, actor=operator_sleman, now=NOW,
        region_code="34.04", reason="lama-rahasia.pdf", changes={"document": 1},
    )  # fmt: skip
    assert "lama-rahasia.pdf" not in page(
        logged_in(operator_kota_yogyakarta), f"/kerja-sama/{kartamantul.pk}/"
    )
    assert "lama-rahasia.pdf" in page(logged_in(operator_sleman), f"/kerja-sama/{kartamantul.pk}/")


# ----- Sharing a private document later -----


def test_the_uploading_region_shares_its_document_with_an_event(
    secret: Document, kartamantul: Cooperation, operator_sleman: User,
    operator_kota_yogyakarta: User,
) -> None:  # fmt: skip
    yogyakarta = logged_in(operator_kota_yogyakarta)
    assert yogyakarta.post(f"/dokumen/{secret.pk}/bagikan/").status_code == 404

    sleman = logged_in(operator_sleman)
    listing = page(sleman, f"/dokumen/kerja-sama/{kartamantul.pk}/")
    assert f'action="/dokumen/{secret.pk}/bagikan/"' in listing
    response = sleman.post(f"/dokumen/{secret.pk}/bagikan/")
    assert response.status_code == 302

    secret.refresh_from_db()
    assert secret.visibility == Visibility.PARTIES
    event = kartamantul.events.get(kind=EventKind.DOCUMENT_SHARED)
    assert (event.actor, event.region_id, event.reason) == (
        operator_sleman, "34.04", "sleman-secret.pdf",
    )  # fmt: skip
    assert event.changes == {"document": secret.pk, "visibility": "parties", "previous": "private"}
    assert "sleman-secret.pdf" in page(yogyakarta, f"/dokumen/kerja-sama/{kartamantul.pk}/")
    assert gettext("Document shared with the parties") in page(
        yogyakarta, f"/kerja-sama/{kartamantul.pk}/"
    )
    assert yogyakarta.get(f"/dokumen/{secret.pk}/").status_code == 200


def test_a_shared_document_is_not_shared_twice_nor_by_another_region(
    secret: Document, operator_sleman: User, operator_kota_yogyakarta: User
) -> None:
    share_document(secret.pk, actor=operator_sleman, now=LATER)
    response = logged_in(operator_sleman).post(f"/dokumen/{secret.pk}/bagikan/")
    assert response.status_code == 400
    assert gettext("This document is already shared with the parties.") in (
        response.content.decode()
    )
    assert (
        logged_in(operator_kota_yogyakarta).post(f"/dokumen/{secret.pk}/bagikan/").status_code
        == 403
    )
    with pytest.raises(StepRefused):
        share_document(secret.pk, actor=operator_kota_yogyakarta, now=LATER)
    assert Event.objects.filter(kind=EventKind.DOCUMENT_SHARED).count() == 1


# ----- Publishing the signed agreement -----


@pytest.fixture
def published(operator_kota_yogyakarta: User) -> Cooperation:
    return signed_and_published(operator_kota_yogyakarta)


def test_a_partner_publishes_the_signed_agreement_and_the_public_downloads_it(
    published: Cooperation, operator_kota_yogyakarta: User, operator_sleman: User
) -> None:
    pks = attach_document(
        published.pk, actor=operator_kota_yogyakarta, region_code="34.71", upload=pdf("PKS.pdf"),
        kind=DocumentKind.SIGNED_AGREEMENT, now=NOW,
    )  # fmt: skip
    public = Client()
    assert public.get(f"/publik/dokumen/{pks.pk}/").status_code == 404
    assert "PKS.pdf" not in page(public, f"/publik/{published.pk}/")

    sleman = logged_in(operator_sleman)
    assert f'action="/dokumen/{pks.pk}/terbitkan/"' in page(
        sleman, f"/dokumen/kerja-sama/{published.pk}/"
    )
    assert sleman.post(f"/dokumen/{pks.pk}/terbitkan/").status_code == 302

    pks.refresh_from_db()
    assert pks.visibility == Visibility.PUBLIC
    event = published.events.get(kind=EventKind.DOCUMENT_PUBLISHED)
    assert (event.actor, event.reason) == (operator_sleman, "PKS.pdf")
    public_page = page(public, f"/publik/{published.pk}/")
    assert f'href="/publik/dokumen/{pks.pk}/"' in public_page
    assert "operator_kota_yogyakarta" not in public_page
    response = public.get(f"/publik/dokumen/{pks.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES  # type: ignore[attr-defined]


def test_only_a_signed_agreement_of_a_published_cooperation_is_published(
    published: Cooperation, kartamantul: Cooperation, operator_kota_yogyakarta: User,
    kemendagri: User,
) -> None:  # fmt: skip
    letter = attach_document(
        published.pk, actor=operator_kota_yogyakarta, region_code="34.71", upload=pdf(),
        kind=DocumentKind.DPRD_LETTER, now=NOW,
    )  # fmt: skip
    unpublished = attach_document(
        kartamantul.pk, actor=operator_kota_yogyakarta, region_code="34.71", upload=pdf(),
        kind=DocumentKind.SIGNED_AGREEMENT, now=NOW,
    )  # fmt: skip
    client = logged_in(operator_kota_yogyakarta)
    refusals = {
        letter.pk: "Only the signed cooperation agreement (PKS) can be published in the public "
        "register.",
        unpublished.pk: "Publish the cooperation in the public register first; its signed "
        "agreement can be published after that.",
    }
    for pk, message in refusals.items():
        response = client.post(f"/dokumen/{pk}/terbitkan/")
        assert response.status_code == 400
        assert gettext(message) in response.content.decode()
    # A supervisor reads it but does not publish for the parties.
    assert logged_in(kemendagri).post(f"/dokumen/{letter.pk}/terbitkan/").status_code == 403
    assert not Document.objects.filter(visibility=Visibility.PUBLIC).exists()
    assert not Event.objects.filter(kind=EventKind.DOCUMENT_PUBLISHED).exists()
    with pytest.raises(StepRefused):
        publish_document(unpublished.pk, actor=operator_kota_yogyakarta, now=LATER)


# ----- A stored file that has gone missing -----


def test_a_missing_stored_file_gives_a_clear_page_not_a_server_error(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, var_dir: Path
) -> None:
    document = attach_document(
        kartamantul.pk, actor=operator_kota_yogyakarta, region_code="34.71", upload=pdf(),
        kind=DocumentKind.OFFER_LETTER, now=NOW,
    )  # fmt: skip
    stored = storage.path_for(document.sha256)
    stored.chmod(0o644)
    stored.unlink()

    response = logged_in(operator_kota_yogyakarta).get(f"/dokumen/{document.pk}/")
    assert response.status_code == 404
    shown = response.content.decode()
    assert gettext("The file is missing from storage") in shown
    assert document.sha256 in shown
    assert 'href="/dasbor/"' in shown  # the site's navigation

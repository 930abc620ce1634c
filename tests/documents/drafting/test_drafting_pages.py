"""The drafting pages and command: who may draft and download, PDF refused with its reason where
the server cannot make it, a region's template checked with clear errors."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from docx import Document as Docx

from documents.drafting.helpers import docx_text
from ksd.cooperation.models import Cooperation
from ksd.core.errors import StepRefused
from ksd.documents.drafting import render
from ksd.documents.drafting.templates_check import check_template
from ksd.documents.models import Document, DraftTemplate


def draft(client: Client, coop: Cooperation, **data: str):  # type: ignore[no-untyped-def]
    return client.post(f"/dokumen/kerja-sama/{coop.pk}/susun/",
                       {"kind": "pks", "file_format": "docx", "visibility": "", **data})  # fmt: skip


@pytest.mark.django_db
def test_an_operator_drafts_from_the_page_and_the_step_links_to_it(
    client: Client, kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    client.force_login(operator_kota_yogyakarta)
    assert client.get(f"/dokumen/kerja-sama/{kartamantul.pk}/susun/?jenis=pks").status_code == 200
    response = draft(client, kartamantul)
    assert response.status_code == 302
    document = Document.objects.get()
    listing = client.get(f"/dokumen/kerja-sama/{kartamantul.pk}/").content.decode()
    assert "Disusun dari catatan per peristiwa" in listing
    detail = client.get(f"/kerja-sama/{kartamantul.pk}/").content.decode()
    assert document.original_name in detail  # the step that needs it links to it
    download = client.get(f"/dokumen/{document.pk}/")
    assert "PERJANJIAN KERJA SAMA" in docx_text(b"".join(download.streaming_content))


@pytest.mark.django_db
def test_a_user_of_another_region_can_neither_draft_nor_download(
    client: Client, kartamantul: Cooperation, operator_kota_yogyakarta: User,
    operator_kota_semarang: User,
) -> None:  # fmt: skip
    client.force_login(operator_kota_yogyakarta)
    draft(client, kartamantul, visibility="private")
    document = Document.objects.get()
    client.force_login(operator_kota_semarang)
    assert client.get(f"/dokumen/kerja-sama/{kartamantul.pk}/susun/").status_code == 404
    assert draft(client, kartamantul).status_code == 404
    assert client.get(f"/dokumen/{document.pk}/").status_code == 404
    assert client.get(f"/dokumen/{document.pk}/pemeriksaan-isi/").status_code == 404
    assert Document.objects.count() == 1


@pytest.mark.django_db
def test_a_private_draft_stays_out_of_the_partners_timeline(
    client: Client, kartamantul: Cooperation, operator_kota_yogyakarta: User,
    operator_sleman: User,
) -> None:  # fmt: skip
    client.force_login(operator_kota_yogyakarta)
    draft(client, kartamantul, visibility="private")
    name = Document.objects.get().original_name
    partner = Client()
    partner.force_login(operator_sleman)
    history = partner.get(f"/kerja-sama/{kartamantul.pk}/riwayat/")
    assert history.status_code == 200
    assert name not in history.content.decode()


@pytest.mark.django_db
def test_without_the_pdf_libraries_pdf_is_refused_with_the_reason_and_docx_still_works(
    client: Client, kartamantul: Cooperation, operator_kota_yogyakarta: User,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    monkeypatch.setattr(render, "_weasyprint_error", lambda: "cannot load library 'libpango-1.0-0'")
    client.force_login(operator_kota_yogyakarta)
    page = client.get(f"/dokumen/kerja-sama/{kartamantul.pk}/susun/").content.decode()
    assert "PDF tidak tersedia di server ini" in page
    assert "libpango-1.0-0" in page
    assert draft(client, kartamantul, file_format="pdf").status_code == 400
    assert not Document.objects.exists()
    assert draft(client, kartamantul).status_code == 302
    with pytest.raises(CommandError, match="PDF tidak tersedia"):
        call_command(
            "document", kartamantul.pk, "pks", "--format", "pdf", "-o", str(tmp_path / "x.pdf")
        )


@pytest.mark.django_db
def test_the_command_writes_the_document(kartamantul: Cooperation, tmp_path: Path) -> None:
    out = tmp_path / "pks.docx"
    call_command("document", kartamantul.pk, "pks", "--format", "docx", "-o", str(out))
    assert "Nomor: [belum dicatat: nomor perjanjian kerja sama]" in docx_text(out.read_bytes())
    assert not Document.objects.exists()  # without --as nothing is kept


def template_with(*lines: str) -> bytes:
    document = Docx()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a word file", "dokumen Word (DOCX)"),
        (template_with("{{ parts.title"), "tag yang tidak dapat dibaca"),
        (template_with("{%p for part in parts %}", "{{ part.title }} {{ kepala_dinas }}", "{%p endfor %}"),
         "variabel yang tidak disediakan KSD: kepala_dinas"),
        (template_with("{{ letterhead }}"), "perulangan atas bagian-bagian dokumen"),
        (template_with("{%p for part in parts %}", "{{ part.number }}", "{%p endfor %}"),
         "tidak menampilkan judul dokumen"),
        (template_with("{%p for part in parts %}", "{{ part.title|nosuchfilter }}", "{%p endfor %}"),
         "tag yang tidak dapat dibaca"),
        (b"PK" + b"\0" * (3 * 1024 * 1024), "lebih besar dari 2 MB"),
    ],
)  # fmt: skip
def test_a_regions_template_is_refused_with_what_to_fix(content: bytes, message: str) -> None:
    with pytest.raises(StepRefused, match=re.escape(message)):
        check_template(content)


@pytest.mark.django_db
def test_a_regions_own_template_gives_its_letterhead_numbering(
    client: Client, kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    import personas

    region_template = template_with(
        "KOP PEMERINTAH KOTA YOGYAKARTA",
        "{%p for part in parts %}", "{{ part.title }}", "{%p for s in part.sections %}",
        "{{ s.heading|upper }}. {{ s.title }}", "{%p endfor %}", "{%p endfor %}",
    )  # fmt: skip
    check_template(region_template)
    client.force_login(personas.administrator())
    response = client.post("/dokumen/templat/", {
        "region": "34.71", "name": "Kop Kota Yogyakarta",
        "file": SimpleUploadedFile("kop.docx", region_template),
    })  # fmt: skip
    assert response.status_code == 302
    assert DraftTemplate.objects.get().region_id == "34.71"
    client.force_login(operator_kota_yogyakarta)
    draft(client, kartamantul)
    document = Document.objects.get()
    assert document.drafted.template is not None
    text = docx_text(b"".join(client.get(f"/dokumen/{document.pk}/").streaming_content))
    assert "KOP PEMERINTAH KOTA YOGYAKARTA" in text
    assert "PASAL 1. SUBJEK KERJA SAMA" in text


@pytest.mark.django_db
def test_only_an_administrator_keeps_templates(
    client: Client, operator_kota_yogyakarta: User
) -> None:
    client.force_login(operator_kota_yogyakarta)
    assert client.get("/dokumen/templat/").status_code == 403


@pytest.mark.django_db
def test_a_refused_template_is_answered_in_indonesian_and_nothing_is_kept(
    client: Client, regions_loaded: None
) -> None:
    import personas

    client.force_login(personas.administrator())
    response = client.post("/dokumen/templat/", {
        "region": "34.71", "name": "Rusak",
        "file": SimpleUploadedFile("kop.docx", template_with("{%p for part in parts %}", "{{ part.title }} {{ nip }}", "{%p endfor %}")),
    })  # fmt: skip
    assert response.status_code == 400
    assert "variabel yang tidak disediakan KSD: nip" in response.content.decode()
    assert not DraftTemplate.objects.exists()


@pytest.mark.django_db
def test_the_command_as_an_operator_keeps_the_document_and_refuses_an_outsider(
    kartamantul: Cooperation, operator_kota_yogyakarta: User, tmp_path: Path
) -> None:
    import personas

    out = tmp_path / "surat.docx"
    call_command("document", kartamantul.pk, "surat_dprd", "-o", str(out),
                 "--as", operator_kota_yogyakarta.username)  # fmt: skip
    document = Document.objects.get()
    assert document.region_id == "34.71"
    assert document.drafted.draft_kind == "surat_dprd"
    assert "Ketua Dewan Perwakilan Rakyat Daerah Kota Yogyakarta" in docx_text(out.read_bytes())
    outsider = personas.operator_kota_batam()
    with pytest.raises(CommandError, match="pihak"):
        call_command("document", kartamantul.pk, "pks", "-o", str(out), "--as", outsider.username)
    assert Document.objects.count() == 1

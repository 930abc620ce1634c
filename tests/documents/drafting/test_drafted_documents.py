"""Documents drafted from the record, opened and read: the parties and who signs for them, the
numbers, the required contents of the record's own regulation as numbered articles, marked gaps
where the record is silent; stored as a new version with an event."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import User

from documents.drafting.conftest import needs_pdf
from documents.drafting.helpers import docx_text, pdf_text
from ksd.cooperation import services
from ksd.cooperation.models import Cooperation, Event, EventKind
from ksd.core.errors import StepRefused
from ksd.documents.drafting import render
from ksd.documents.drafting.record import parts_for
from ksd.documents.drafting.services import generate_document
from ksd.documents.models import Document, DocumentKind, Visibility
from ksd.documents.storage import open_stored

NOW = dt.datetime(2024, 1, 2, 2, 0, tzinfo=dt.UTC)
PP50_CONTENTS = [f"PP 50/2007 Pasal 7 huruf b angka {i}" for i in range(1, 9)]


def read(document: Document) -> str:
    with open_stored(document.sha256) as stored:
        content = stored.read()
    return pdf_text(content) if document.original_name.endswith(".pdf") else docx_text(content)


def articles(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"^Pasal (\d+)$", text, flags=re.MULTILINE)]


@pytest.mark.django_db
def test_a_pks_docx_names_the_parties_their_signers_and_the_eight_contents_of_pp_50(
    kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    services.sign_agreement(
        kartamantul.pk, actor=operator_kota_yogyakarta, number="PKS/07/2016",
        signed_on=dt.date(2016, 3, 28), now=NOW,
    )  # fmt: skip
    document = generate_document(
        kartamantul.pk, actor=operator_kota_yogyakarta, region_code="34.71", kind="pks",
        file_format="docx", now=NOW,
    )  # fmt: skip
    text = read(document)
    assert "PEMERINTAH KOTA YOGYAKARTA" in text
    assert "PEMERINTAH KABUPATEN SLEMAN" in text
    assert "Nomor: PKS/07/2016" in text
    assert "28 Maret 2016" in text
    assert "Haryadi Suyuti" in text  # the head of Kota Yogyakarta on the day
    assert "Sri Purnomo" in text  # Sleman's head in office comes before a Surat Kuasa holder
    assert articles(text) == list(range(1, 10))  # eight contents and the closing article
    for citation in PP50_CONTENTS:
        assert citation in text
    assert "Kesepakatan Bersama Nomor KB/01/2016" in text
    assert "PP 28/2018" not in text
    assert "Nomor 28 Tahun 2018" not in text
    assert "[belum dicatat: rincian hak dan kewajiban masing-masing pihak]" in text


@needs_pdf
@pytest.mark.django_db
def test_a_pp_28_pks_with_a_company_has_sanctions_and_never_cites_pp_50(
    batam_contract: Cooperation,
) -> None:
    import personas

    document = generate_document(
        batam_contract.pk, actor=personas.operator_kota_batam(), region_code="21.71",
        kind="pks", file_format="pdf", now=NOW,
    )  # fmt: skip
    text = read(document)
    assert "PEMERINTAH KOTA BATAM" in text
    assert "PT BERSIH JAYA" in text
    for huruf in "abcd":
        assert f"PP 28/2018 Pasal 19 ayat (2) huruf {huruf}" in text
    assert "SANKSI" in text
    assert "PP 50/2007" not in text
    assert "Nomor 50 Tahun 2007" not in text
    # Nobody is recorded as Batam's head or the company's representative: marked, not invented.
    assert "[belum dicatat: Wali Kota Batam atau pemegang Surat Kuasa" in text
    assert "[belum dicatat: nama dan jabatan wakil sah PT Bersih Jaya]" in text
    assert document.drafted.placeholders >= 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind", ["surat_penawaran", "kesepakatan_bersama", "surat_dprd", "surat_kuasa",
             "surat_pengantar", "adendum"],
)  # fmt: skip
def test_every_document_of_a_pp_50_record_cites_only_pp_50(
    kartamantul: Cooperation, kind: str
) -> None:
    parts = parts_for(kartamantul, kind, region_code="34.04", today=dt.date(2016, 2, 1))
    text = docx_text(render.to_docx(parts))
    assert "PP 50/2007" in text
    assert "PP 28/2018" not in text


@pytest.mark.django_db
def test_the_dprd_letter_explains_what_pasal_11_names_and_copies_the_governor(
    kartamantul: Cooperation,
) -> None:
    text = docx_text(render.to_docx(
        parts_for(kartamantul, "surat_dprd", region_code="34.04", today=dt.date(2016, 2, 1))
    ))  # fmt: skip
    assert "Ketua Dewan Perwakilan Rakyat Daerah Kabupaten Sleman" in text
    for heading in ("a. Tujuan kerja sama", "b. Objek yang akan dikerjasamakan",
                    "c. Hak dan kewajiban", "d. Jangka waktu kerja sama",
                    "e. Pembebanan kepada masyarakat"):  # fmt: skip
        assert heading in text
    assert "PP 50/2007 Pasal 11 ayat (1)" in text
    assert "Gubernur Daerah Istimewa Yogyakarta" in text  # Pasal 11 ayat (3)
    assert "Menteri Dalam Negeri" in text


@pytest.mark.django_db
def test_the_surat_kuasa_is_filled_from_the_regions_record(kartamantul: Cooperation) -> None:
    text = docx_text(render.to_docx(
        parts_for(kartamantul, "surat_kuasa", region_code="34.04", today=dt.date(2016, 2, 1))
    ))  # fmt: skip
    assert "Nomor: SK/180/2016" in text
    assert "Sri Purnomo" in text
    assert "Sumadi" in text
    assert "196001011985031001" in text
    assert "PP 50/2007 Pasal 7 huruf d" in text


@pytest.mark.django_db
def test_cover_letters_go_to_each_recipient_pasal_12_names(kartamantul: Cooperation) -> None:
    parts = parts_for(
        kartamantul, "surat_pengantar", region_code="34.71", today=dt.date(2016, 4, 1)
    )
    recipients = [p.recipient[1] for p in parts]
    assert recipients == [
        "Gubernur Daerah Istimewa Yogyakarta",
        "Menteri/Pimpinan Lembaga Pemerintah Non Departemen terkait",
        "Ketua Dewan Perwakilan Rakyat Daerah Kota Yogyakarta",
    ]
    assert all("PP 50/2007 Pasal 12 ayat (6)" in p.opening[0] for p in parts)


@pytest.mark.django_db
def test_an_addendum_carries_the_amendment_recorded(
    kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    actor = operator_kota_yogyakarta
    services.sign_agreement(
        kartamantul.pk, actor=actor, number="PKS/07/2016", signed_on=dt.date(2016, 3, 28), now=NOW
    )
    services.amend(
        kartamantul.pk, actor=actor, number="ADD/01/2017", signed_on=dt.date(2017, 5, 2),
        summary="Penambahan kapasitas TPST", new_ends_on=None, now=NOW,
    )  # fmt: skip
    kartamantul.refresh_from_db()
    text = docx_text(render.to_docx(
        parts_for(kartamantul, "adendum", region_code="34.71", today=dt.date(2017, 6, 1))
    ))  # fmt: skip
    assert "Nomor: ADD/01/2017" in text
    assert "Penambahan kapasitas TPST" in text
    assert "Perjanjian Kerja Sama Nomor PKS/07/2016" in text
    assert "PP 50/2007 Pasal 17 ayat (3)" in text


@pytest.mark.django_db
def test_a_drafted_document_is_a_new_version_with_its_origin_and_an_event(
    kartamantul: Cooperation, operator_kota_yogyakarta: User
) -> None:
    last = Event.objects.filter(cooperation=kartamantul).order_by("-pk").first()
    first = generate_document(
        kartamantul.pk, actor=operator_kota_yogyakarta, region_code="34.71", kind="pks",
        file_format="docx", now=NOW,
    )  # fmt: skip
    second = generate_document(
        kartamantul.pk, actor=operator_kota_yogyakarta, region_code="34.71", kind="pks",
        file_format="docx", now=NOW + dt.timedelta(minutes=5),
    )  # fmt: skip
    assert first.pk != second.pk
    assert first.kind == DocumentKind.DRAFT_AGREEMENT
    assert first.visibility == Visibility.PARTIES  # what the parties exchange is shared
    assert first.uploaded_by == operator_kota_yogyakarta
    assert len(first.sha256) == 64
    assert first.drafted.from_event == last.pk
    events = Event.objects.filter(cooperation=kartamantul, kind=EventKind.DOCUMENT_DRAFTED)
    assert [e.changes["document"] for e in events] == [first.pk, second.pk]
    assert events.first().changes["from_event"] == last.pk


@pytest.mark.django_db
def test_a_region_that_is_not_a_party_cannot_draft(kartamantul: Cooperation) -> None:
    import personas

    with pytest.raises(StepRefused):
        generate_document(
            kartamantul.pk, actor=personas.operator_kota_batam(), region_code="21.71",
            kind="pks", file_format="docx", now=NOW,
        )  # fmt: skip
    assert not Document.objects.exists()
    assert not Event.objects.filter(kind=EventKind.DOCUMENT_DRAFTED).exists()


@pytest.mark.django_db
def test_where_the_head_is_out_of_office_the_surat_kuasa_holder_signs(
    kartamantul: Cooperation,
) -> None:
    from ksd.regions.models import Official

    Official.objects.filter(region_id="34.04", is_head=True).update(
        term_end_on=dt.date(2016, 1, 31)
    )
    text = docx_text(
        render.to_docx(
            parts_for(kartamantul, "pks", region_code="34.71", today=dt.date(2016, 2, 8))
        )
    )
    assert (
        "Sumadi, Sekretaris Daerah Kabupaten Sleman, berdasarkan Surat Kuasa Bupati Sleman" in text
    )
    assert "Nomor SK/180/2016" in text
    assert "PP 50/2007 Pasal 1 angka 5 dan Pasal 7 huruf d" in text
    assert "Sri Purnomo" not in text


@pytest.mark.django_db
def test_a_pp_28_pks_between_regions_cites_pp_28_for_every_content(
    operator_kota_yogyakarta: User,
) -> None:
    coop = services.make_offer(
        actor=operator_kota_yogyakarta, title="Kartamantul 2019", initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=dt.date(2019, 1, 7), offer_number="OFF/1/2019", now=NOW,
    )  # fmt: skip
    text = docx_text(
        render.to_docx(parts_for(coop, "pks", region_code="34.71", today=dt.date(2019, 2, 1)))
    )
    assert articles(text) == list(range(1, 10))  # eight contents and the closing article
    assert text.count("PP 28/2018 Pasal 6 ayat (4)") == 8
    assert "Nomor 28 Tahun 2018" in text
    assert "PP 50/2007" not in text
    assert "Nomor 50 Tahun 2007" not in text
    assert "SANKSI" not in text  # not required between regions


@pytest.mark.django_db
def test_a_pp_50_pks_with_a_company_after_uu_23_2014_has_the_sanctions_of_pasal_366(
    operator_kota_yogyakarta: User,
) -> None:
    coop = services.make_offer(
        actor=operator_kota_yogyakarta, title="Parkir Malioboro", initiator="34.71",
        parties=[services.PartySpec(region="34.71"),
                 services.PartySpec(third_party_name="PT Parkir Jogja",
                                    third_party_form="perseroan_terbatas")],
        offered_on=dt.date(2015, 6, 1), now=NOW,
    )  # fmt: skip
    text = docx_text(
        render.to_docx(parts_for(coop, "pks", region_code="34.71", today=dt.date(2015, 7, 1)))
    )
    assert "Pasal 9 (sanksi): UU 23/2014 Pasal 366 ayat (2) huruf d" in text
    assert "PP 50/2007 Pasal 7 huruf b angka 8" in text
    assert "PP 28/2018" not in text

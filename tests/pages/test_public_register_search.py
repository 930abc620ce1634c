"""The public register finds a cooperation by what the public knows of it: a party's name, the
agreement's number, its object; and offers the signed agreement once it is published."""

from __future__ import annotations

import hashlib

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from ksd.cooperation.models import Cooperation, Party
from ksd.documents.models import Document, DocumentKind, Visibility
from pages.records import NOW, in_dprd_review, signed_and_published

TITLE = "Angkutan perkotaan Trans Jogja"  # Kota Yogyakarta with Kabupaten Sleman


def _titles(client: Client, query: str) -> str:
    return client.get("/publik/", {"q": query}).content.decode()


@pytest.mark.parametrize(
    "query",
    ["Sleman", "kabupaten sleman", "PKS/02", "Pekerjaan umum", "public works", "trotoar"],
)
def test_the_public_finds_a_cooperation_by_party_number_or_object(
    operator_kota_yogyakarta: User, client: Client, query: str
) -> None:
    coop = signed_and_published(operator_kota_yogyakarta)
    Cooperation.objects.filter(pk=coop.pk).update(sector="Jalan dan trotoar")
    from ksd.regions.models import Affair

    affair = Affair.objects.create(
        code="pekerjaan_umum", name="Pekerjaan umum dan penataan ruang",
        name_en="Public works and spatial planning", category="wajib_pd",
        citation="UU 23/2014 Pasal 12 ayat (1) huruf c", position=1,
    )  # fmt: skip
    Cooperation.objects.filter(pk=coop.pk).update(affair=affair)

    assert TITLE in _titles(client, query)


def test_a_third_partys_name_finds_its_cooperation_and_nothing_else(
    operator_kota_yogyakarta: User, client: Client
) -> None:
    coop = signed_and_published(operator_kota_yogyakarta)
    signed_and_published(operator_kota_yogyakarta, title="Penerangan jalan umum")
    Party.objects.create(cooperation=coop, third_party_name="PT Sarana Jogja Lestari")

    page = _titles(client, "sarana jogja")

    assert TITLE in page
    assert "Penerangan jalan umum" not in page


def test_numbers_the_register_does_not_publish_find_nothing(
    operator_kota_yogyakarta: User, client: Client
) -> None:
    signed_and_published(operator_kota_yogyakarta)

    assert TITLE not in _titles(client, "KB/02/2016")  # the joint agreement's number
    assert TITLE not in _titles(client, "415.4/001")  # the offer letter's number


def test_a_draft_is_not_found_even_by_its_partys_name(
    operator_kota_yogyakarta: User, client: Client
) -> None:
    in_dprd_review(operator_kota_yogyakarta)  # Kartamantul, with Sleman, still in DPRD review

    page = _titles(client, "Sleman")

    assert "Piyungan" not in page


def test_the_list_shows_object_term_and_the_published_signed_agreement(
    operator_kota_yogyakarta: User, client: Client
) -> None:
    coop = signed_and_published(operator_kota_yogyakarta)
    content = b"%PDF-1.4 signed"
    document = Document.objects.create(
        cooperation=coop, region_id="34.71", visibility=Visibility.PUBLIC,
        kind=DocumentKind.SIGNED_AGREEMENT, original_name="pks.pdf",
        content_type="application/pdf", size=len(content),
        sha256=hashlib.sha256(content).hexdigest(), uploaded_by=operator_kota_yogyakarta,
        uploaded_at=NOW,
    )  # fmt: skip

    page = _titles(client, "")

    assert f'href="/publik/dokumen/{document.pk}/"' in page
    assert "1 Februari 2016" in page  # signed on, as letters write it
    assert "(5 tahun)" in page  # the term


@pytest.mark.usefixtures("page_cache_off")
def test_a_search_costs_the_same_queries_for_one_match_or_many(
    operator_kota_yogyakarta: User,
    client: Client,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    signed_and_published(operator_kota_yogyakarta)
    client.get("/publik/?q=Sleman")  # warm the per-process caches (translations, region names)
    with django_assert_num_queries(4) as one:
        client.get("/publik/?q=Sleman")
    for n in range(5):
        signed_and_published(operator_kota_yogyakarta, title=f"Kerja sama {n}")

    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get("/publik/?q=Sleman").content.decode()

    assert "Kerja sama 4" in page

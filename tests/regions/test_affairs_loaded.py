"""The government affairs of UU 23/2014 Pasal 12, loaded by `ksd load_reference_data`: 6 mandatory
affairs related to basic services (ayat (1) huruf a-f), 18 not related to them (ayat (2) huruf
a-r), 8 optional ones (ayat (3) huruf a-h)."""

from __future__ import annotations

import string
from io import StringIO

import pytest
from django.core.management import call_command

from ksd.regions.models import Affair
from ksd.regions.services import bundled_affairs, load_affairs

pytestmark = pytest.mark.django_db

AYAT = {"wajib_pd": 1, "wajib_non_pd": 2, "pilihan": 3}


def _load() -> str:
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    return out.getvalue()


def test_the_affairs_of_pasal_12_are_loaded_with_their_counts_per_category() -> None:
    output = _load()

    assert "Urusan pemerintahan: 32 dibuat, 0 diperbarui, 0 tidak berubah." in output
    assert Affair.objects.filter(category=Affair.Category.WAJIB_PD).count() == 6
    assert Affair.objects.filter(category=Affair.Category.WAJIB_NON_PD).count() == 18
    assert Affair.objects.filter(category=Affair.Category.PILIHAN).count() == 8


def test_each_affair_cites_its_ayat_and_huruf_in_the_laws_order() -> None:
    for category, ayat in AYAT.items():
        affairs = [a for a in bundled_affairs() if a.category == category]
        letters = string.ascii_lowercase[: len(affairs)]
        assert [a.citation for a in affairs] == [
            f"UU 23/2014 Pasal 12 ayat ({ayat}) huruf {letter}" for letter in letters
        ]


def test_an_affair_carries_its_indonesian_and_english_names() -> None:
    _load()

    environment = Affair.objects.get(code="wajib_non_pd.lingkungan_hidup")

    assert environment.name == "Lingkungan hidup"
    assert environment.name_en == "Environment"
    assert environment.citation == "UU 23/2014 Pasal 12 ayat (2) huruf e"
    assert str(Affair.objects.get(code="wajib_pd.pendidikan")) == "Pendidikan"
    assert Affair.objects.get(code="pilihan.transmigrasi").citation == (
        "UU 23/2014 Pasal 12 ayat (3) huruf h"
    )


def test_loading_the_affairs_again_changes_nothing() -> None:
    _load()
    before = list(Affair.objects.order_by("code").values())

    output = _load()

    assert "Urusan pemerintahan: 0 dibuat, 0 diperbarui, 32 tidak berubah." in output
    assert list(Affair.objects.order_by("code").values()) == before


def test_an_affair_edited_by_hand_is_put_back() -> None:
    load_affairs()
    Affair.objects.filter(code="pilihan.pariwisata").update(name="Wisata", position=99)

    result = load_affairs()

    assert (result.created, result.updated, result.unchanged) == (0, 1, 31)
    tourism = Affair.objects.get(code="pilihan.pariwisata")
    assert tourism.name == "Pariwisata"
    assert tourism.position == 26  # 6 + 18 + huruf b of ayat (3)


def test_an_affair_no_longer_in_the_file_is_kept_and_reported() -> None:
    _load()
    Affair.objects.create(
        code="pilihan.contoh",
        name="Contoh",
        name_en="Example",
        category="pilihan",
        citation="UU 23/2014 Pasal 12 ayat (3) huruf z",
        position=100,
    )

    output = _load()

    assert "1 urusan pemerintahan di basis data tidak lagi ada dalam affairs.yaml" in output
    assert Affair.objects.filter(code="pilihan.contoh").exists()

"""The oversight dashboard's figures (issue 11 point 1) on a small register with known answers:
the Ministry counts the country, every figure is exact, and every figure's link opens the
register listing exactly the records it counts."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

import personas
from ksd.cooperation.models import Cooperation
from ksd.regions.services import load_affairs
from oversight.figures_world import (
    NOW,
    bars,
    build,
    chart,
    headline,
    register_count,
    unrecorded,
)

pytestmark = pytest.mark.usefixtures("regions_loaded")

KEYS = ("stage", "province", "regime", "kind", "affair", "management_model", "institution_model")


@pytest.fixture(autouse=True)
def world(regions_loaded: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    load_affairs()
    build()


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _page(client: Client) -> str:
    response = client.get("/pengawasan/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_ministry_sees_the_totals_of_the_country() -> None:
    page = _page(_client(personas.kemendagri()))

    assert [(link.label, link.count, link.url) for link in headline(page)] == [
        ("Semua kerja sama", 7, "/kerja-sama/"),
        ("Berlaku (ditandatangani atau sedang dilaksanakan)", 3, "/kerja-sama/?in_force=on"),
        ("Ditandatangani tahun 2026", 2, "/kerja-sama/?signed_year=2026"),
    ]
    assert "Seluruh Indonesia" in page


def test_the_ministry_counts_each_stage_in_the_order_of_the_lifecycle() -> None:
    page = _page(_client(personas.kemendagri()))

    assert chart(page, "stage") == {
        "stage=offered": 2, "stage=declined": 0, "stage=accepted": 0,
        "stage=joint_agreement": 0, "stage=drafting": 0, "stage=dprd_review": 1,
        "stage=ready_to_sign": 0, "stage=signed": 2, "stage=implementing": 1,
        "stage=terminated": 0, "stage=expired": 1,
    }  # fmt: skip
    assert next(iter(chart(page, "stage"))) == "stage=offered"


def test_the_ministry_sees_every_province_busiest_first() -> None:
    page = _page(_client(personas.kemendagri()))

    provinces = chart(page, "province")

    assert len(provinces) == 38
    assert list(provinces.items())[:3] == [("province=34", 5), ("province=33", 2),
                                           ("province=12", 1)]  # fmt: skip
    assert set(list(provinces.values())[3:]) == {0}
    assert "dihitung pada setiap provinsi" in page


def test_the_ministry_counts_regulation_kind_affair_and_models() -> None:
    page = _page(_client(personas.kemendagri()))

    assert chart(page, "regime") == {"regime=pp50-2007": 2, "regime=pp28-2018": 5}
    assert chart(page, "kind") == {
        "kind=inter_regional": 6,
        "kind=third_party": 1,
        "kind=foreign": 0,
    }
    assert chart(page, "affair") == {
        "affair=wajib_non_pd.perhubungan": 3, "affair=wajib_pd.pendidikan": 1,
        "affair=wajib_non_pd.lingkungan_hidup": 1, "affair=pilihan.pariwisata": 1,
    }  # fmt: skip
    assert chart(page, "management_model") == {
        "management_model=konsorsium": 0, "management_model=joint_purchasing": 0,
        "management_model=equipment_sharing": 0, "management_model=cooperative_construction": 0,
        "management_model=joint_service": 2, "management_model=contract_service": 1,
    }  # fmt: skip
    assert chart(page, "institution_model") == {
        "institution_model=forum": 2,
        "institution_model=badan": 1,
    }


def test_records_without_an_affair_or_a_model_are_counted_apart() -> None:
    page = _page(_client(personas.kemendagri()))

    def note(key: str) -> tuple[int, str] | None:
        found = unrecorded(page, key)
        return (found.count, found.url) if found else None

    assert "Tidak dicatat pada" in page
    assert [note(key) for key in ("affair", "management_model", "institution_model")] == [
        (1, "/kerja-sama/?affair=tanpa"),
        (4, "/kerja-sama/?management_model=tanpa"),
        (4, "/kerja-sama/?institution_model=tanpa"),
    ]


@pytest.mark.parametrize("who", ["kemendagri", "biro_pemerintahan_diy", "operator_sleman",
                                 "operator_kota_yogyakarta"])  # fmt: skip
def test_each_not_recorded_figure_opens_the_register_with_the_same_count(who: str) -> None:
    client = _client(getattr(personas, who)())
    page = _page(client)

    found = [unrecorded(page, key) for key in ("affair", "management_model", "institution_model")]

    for link in found:
        if link is not None:
            assert register_count(client, link.url) == link.count, (who, link)
    assert any(found), who


def test_the_labels_say_what_a_bar_counts_in_indonesian() -> None:
    page = _page(_client(personas.kemendagri()))

    stage = {link.url: link.label for link in bars(page, "stage")}
    affair = {link.url: link.label for link in bars(page, "affair")}

    assert stage["/kerja-sama/?stage=dprd_review"] == "Menunggu persetujuan DPRD"
    assert affair["/kerja-sama/?affair=wajib_non_pd.perhubungan"] == "Perhubungan"


@pytest.mark.parametrize("who", ["kemendagri", "biro_pemerintahan_diy", "operator_sleman"])
def test_every_figure_opens_the_register_with_the_same_count(who: str) -> None:
    client = _client(getattr(personas, who)())
    page = _page(client)

    links = headline(page) + [link for key in (*KEYS, "region") if f'id="figures-{key}"' in page
                              for link in bars(page, key)]  # fmt: skip

    assert len(links) > 20
    for link in links:
        assert register_count(client, link.url) == link.count, (who, link)


def test_the_numbers_are_also_a_table_of_links_under_each_chart() -> None:
    page = _page(_client(personas.kemendagri()))

    start = page.index('id="figures-regime"')
    section = page[start : page.index("</section>", start)]
    table = section[section.index("<table") :]

    for part in ("<svg", "<title", "<desc"):
        assert part in section
    assert '<a href="/kerja-sama/?regime=pp28-2018" aria-label="PP 28/2018: 5">5</a>' in table


def test_a_stored_value_the_register_cannot_filter_is_counted_without_a_link() -> None:
    Cooperation.objects.filter(title="E Sleman dengan PT Resik").update(regime="pp-lama")
    page = _page(_client(personas.kemendagri()))

    start = page.index('id="figures-regime"')
    section = page[start : page.index("</section>", start)]
    assert chart(page, "regime") == {"regime=pp50-2007": 2, "regime=pp28-2018": 4}
    assert '<g class="ksd-bar-row"><title>pp-lama: 1</title>' in section

"""The map of active cooperation (/pengawasan/peta/, issue 11 point 3) on a small built set with
known answers (tests/oversight/mapnet_world.py): which region falls in which class, what each
role sees, where each region links, and bad input."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import personas
from ksd.oversight import mapnet
from ksd.oversight.mapnet_scope import Band, band_of, bands
from ksd.regions.flags import Flag
from oversight.mapnet_world import build_world, make_cooperation

pytestmark = pytest.mark.usefixtures("regions_loaded")


@pytest.fixture
def world(regions_loaded: None) -> None:
    build_world()


@pytest.fixture
def as_user() -> Callable[[User], Client]:
    def login(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return login


def _areas(html: str) -> dict[str, tuple[str, str]]:
    """Each drawn region's tooltip -> (band class, link)."""
    found = re.findall(
        r'<a href="([^"]+)" aria-label="[^"]*"><title>([^<]+)</title><path class="band-(\d)"', html
    )
    return {title.replace("&#x27;", "'"): (band, href.replace("&amp;", "&")) for href, title, band
            in found}  # fmt: skip


def _register_count(client: Client, href: str) -> int:
    page = client.get(href).content.decode()
    match = re.search(r'<p class="ksd-count">(\d+) kerja sama</p>', page)
    assert match, page[:2000]
    return int(match.group(1))


def test_the_counts_read_only_active_cooperation(world: None) -> None:
    active = mapnet.active_cooperations(personas.kemendagri())

    assert mapnet.counts_by_province(active) == {"34": 6, "33": 4, "35": 1, "21": 1}
    assert mapnet.counts_by_region(active) == {
        "34.71": 2, "34.04": 4, "34.02": 1, "34.03": 1, "33.12": 1, "35.01": 1,
        "33.72": 3, "33.74": 1, "34": 1, "21.71": 1,
    }  # fmt: skip


def test_classes_are_quantiles_of_the_counts_that_occur() -> None:
    assert bands([0, 1, 1, 4, 6]) == [Band(0, 0, 0), Band(1, 1, 1), Band(2, 2, 4), Band(3, 5, 6)]
    assert bands([0, 0]) == [Band(0, 0, 0)]
    five = bands([1, 2, 3, 4, 5, 6, 7, 8])
    assert [(b.low, b.high) for b in five] == [(0, 0), (1, 2), (3, 4), (5, 6), (7, 8)]
    assert [band_of(n, five) for n in (0, 1, 3, 8)] == [0, 1, 2, 4]


def test_the_ministry_sees_provinces_coloured_by_class_each_linking_to_the_register(
    world: None, as_user: Callable[[User], Client]
) -> None:
    client = as_user(personas.kemendagri())

    response = client.get("/pengawasan/peta/")

    assert response.status_code == 200
    areas = _areas(response.content.decode())
    assert len(areas) == 38
    assert areas["Daerah Istimewa Yogyakarta: 6 kerja sama aktif"][0] == "3"
    assert areas["Jawa Tengah: 4 kerja sama aktif"][0] == "2"
    assert areas["Jawa Timur: 1 kerja sama aktif"][0] == "1"
    assert areas["Kepulauan Riau: 1 kerja sama aktif"][0] == "1"
    assert areas["Bali: 0 kerja sama aktif"][0] == "0"
    # The legend names the classes
    assert "2–4" in response.content.decode()
    assert "5–6" in response.content.decode()
    # Each province links to exactly the records counted
    href = areas["Daerah Istimewa Yogyakarta: 6 kerja sama aktif"][1]
    assert href == "/kerja-sama/?province=34&in_force=on"
    assert _register_count(client, href) == 6
    assert _register_count(client, areas["Jawa Tengah: 4 kerja sama aktif"][1]) == 4


def test_the_ministry_drills_down_to_a_provinces_kabupaten_and_kota(
    world: None, as_user: Callable[[User], Client]
) -> None:
    client = as_user(personas.kemendagri())

    html = client.get("/pengawasan/peta/").content.decode()
    assert 'href="/pengawasan/peta/?provinsi=34"' in html
    response = client.get("/pengawasan/peta/?provinsi=34")

    areas = _areas(response.content.decode())
    assert set(areas) == {
        "Kabupaten Kulon Progo: 0 kerja sama aktif", "Kabupaten Bantul: 1 kerja sama aktif",
        "Kabupaten Gunungkidul: 1 kerja sama aktif", "Kabupaten Sleman: 4 kerja sama aktif",
        "Kota Yogyakarta: 2 kerja sama aktif",
    }  # fmt: skip
    assert areas["Kabupaten Sleman: 4 kerja sama aktif"][0] == "3"
    assert areas["Kota Yogyakarta: 2 kerja sama aktif"][0] == "2"
    assert areas["Kabupaten Bantul: 1 kerja sama aktif"][0] == "1"
    assert areas["Kabupaten Kulon Progo: 0 kerja sama aktif"][0] == "0"
    sleman = areas["Kabupaten Sleman: 4 kerja sama aktif"][1]
    assert sleman == "/kerja-sama/?region=34.04&in_force=on"
    assert _register_count(client, sleman) == 4


def test_the_bureau_sees_its_provinces_kabupaten_and_kota_whatever_it_asks(
    world: None, as_user: Callable[[User], Client]
) -> None:
    client = as_user(personas.biro_pemerintahan_diy())

    own = client.get("/pengawasan/peta/").content.decode()
    other = client.get("/pengawasan/peta/?provinsi=33")

    assert set(_areas(own)) == set(_areas(other.content.decode()))
    assert "Kabupaten Sleman: 4 kerja sama aktif" in _areas(own)
    assert "Daerah Istimewa Yogyakarta sendiri: 1 kerja sama aktif." in own
    assert "Anda hanya mengawasi Daerah Istimewa Yogyakarta" in other.content.decode()
    assert "Jawa Tengah: " not in own


def test_an_operator_sees_its_partners_and_how_often_it_works_with_each(
    world: None, as_user: Callable[[User], Client]
) -> None:
    client = as_user(personas.operator_sleman())

    response = client.get("/pengawasan/peta/?provinsi=33")

    html = response.content.decode()
    areas = _areas(html)
    # What Sleman shares with each partner; Semarang's cooperation with Surakarta is not Sleman's
    assert "Kota Yogyakarta: 2 kerja sama aktif" in areas
    assert "Kota Surakarta: 2 kerja sama aktif" in areas
    assert "Kabupaten Bantul: 1 kerja sama aktif" in areas
    assert "Kota Semarang: 0 kerja sama aktif" in areas
    assert "Kabupaten Gunungkidul: 0 kerja sama aktif" in areas
    assert "Kabupaten Sleman sendiri: 4 kerja sama aktif." in html
    assert 'class="mapnet-own"' in html
    href = areas["Kota Surakarta: 2 kerja sama aktif"][1]
    assert _register_count(client, href) == 2


@pytest.mark.usefixtures("page_cache_off")  # the flags are patched between two visits
def test_flagged_regions_get_an_outline_and_a_legend_entry(
    world: None, as_user: Callable[[User], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = as_user(personas.kemendagri())
    empty = client.get("/pengawasan/peta/?provinsi=34").content.decode()
    monkeypatch.setattr(
        "ksd.oversight.mapnet_scope.flags_of",
        lambda codes: {"34.03": frozenset({Flag.DISADVANTAGED})} if "34.03" in codes else {},
    )

    flagged = client.get("/pengawasan/peta/?provinsi=34").content.decode()

    assert "flag-tertinggal" in flagged
    assert "Kabupaten Gunungkidul: 1 kerja sama aktif (Daerah tertinggal)" in _areas(flagged)
    assert "Daerah tertinggal (1)" in flagged
    assert '<path class="flag-tertinggal"' not in empty
    assert "Daerah tertinggal (0)" in empty


def test_the_legend_counts_kepri_regions_with_outermost_small_islands(
    world: None, as_user: Callable[[User], Client]
) -> None:
    # Keppres 6/2017 islands of Kepulauan Riau lie in Bintan, Karimun, Natuna, Anambas and Batam
    # (regions/data/outermost_islands.csv); Lingga and Tanjungpinang have none.
    html = as_user(personas.kemendagri()).get("/pengawasan/peta/?provinsi=21").content.decode()

    assert "Pulau-pulau kecil terluar (5)" in html
    assert "Kabupaten Natuna: 0 kerja sama aktif (Pulau-pulau kecil terluar)" in _areas(html)
    assert "Kabupaten Lingga: 0 kerja sama aktif" in _areas(html)


@pytest.mark.parametrize("bad", ["99", "<script>alert(1)</script>", "34.04", "x" * 500])
def test_a_province_code_that_does_not_exist_gets_a_clear_message(
    world: None, as_user: Callable[[User], Client], bad: str
) -> None:
    client = as_user(personas.kemendagri())

    for url in ("/pengawasan/peta/", "/pengawasan/jaringan/"):
        response = client.get(url, {"provinsi": bad})

        html = response.content.decode()
        assert response.status_code == 200
        assert "Tidak ada provinsi dengan kode" in html
        assert "<script>alert" not in html


def test_the_public_logs_in_and_an_account_without_a_role_is_refused(
    world: None, as_user: Callable[[User], Client]
) -> None:
    from django.contrib.auth.models import User as Account

    nobody = Account.objects.create(username="tanpa_peran")

    assert Client().get("/pengawasan/peta/").status_code == 302
    assert as_user(nobody).get("/pengawasan/peta/").status_code == 403


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


PAGES = ("/pengawasan/peta/", "/pengawasan/peta/?provinsi=34", "/pengawasan/jaringan/",
         "/pengawasan/jaringan/?provinsi=33")  # fmt: skip


def test_each_page_runs_the_same_number_of_queries_at_two_sizes(
    regions_loaded: None, as_user: Callable[[User], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ksd.oversight.freshness.CACHE_SECONDS", 0)  # count the aggregates too
    clients = [as_user(f()) for f in (personas.kemendagri, personas.biro_pemerintahan_diy,
                                      personas.operator_sleman)]  # fmt: skip

    def grow(n: int) -> list[int]:
        for i in range(n):
            make_cooperation("signed", ["34.04", "33.72", f"PT Mitra {i}"])
            make_cooperation("implementing", ["34.71", "34.04"])
            make_cooperation("signed", [f"3{3 + 2 * (i % 2)}.0{1 + i % 9}", "34.02"])
        for client in clients:
            for url in PAGES:
                client.get(url)  # warm the session and the region names alike at both sizes
        return [_queries(c, url) for c in clients for url in PAGES]

    small = grow(1)
    large = grow(6)

    assert small == large


def test_the_cached_figures_follow_a_change_of_the_register(
    world: None, as_user: Callable[[User], Client]
) -> None:
    client = as_user(personas.kemendagri())
    before = _areas(client.get("/pengawasan/peta/?provinsi=34").content.decode())
    make_cooperation("signed", ["34.01", "34.02"])

    after = _areas(client.get("/pengawasan/peta/?provinsi=34").content.decode())

    assert "Kabupaten Kulon Progo: 0 kerja sama aktif" in before
    assert "Kabupaten Kulon Progo: 1 kerja sama aktif" in after
    assert "Kabupaten Bantul: 2 kerja sama aktif" in after

"""The cooperation network (/pengawasan/jaringan/, issue 11 point 3) on the small built set of
tests/oversight/mapnet_world.py: which pairs are linked with which weights, which regions are
isolated, per role, and the register's filter for "both regions are parties"."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

import personas
from ksd.oversight import mapnet
from ksd.oversight.mapnet import Pair
from ksd.regions.flags import Flag
from oversight.mapnet_world import build_world

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


def _strongest(html: str) -> list[tuple[str, str, int, str]]:
    """The table of strongest links: (one, other, count, link)."""
    table = html.split("Hubungan terkuat", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<tr><td>([^<]+)</td><td>([^<]+)</td><td><a href="([^"]+)">(\d+)</a>', table)
    return [(a, b, int(n), href.replace("&amp;", "&")) for a, b, href, n in rows]


def _isolated(html: str) -> str:
    return html.split("Daerah tanpa kerja sama dengan daerah lain", 1)[1].split("Batas wilayah")[0]


def _register_count(client: Client, href: str) -> int:
    page = client.get(href).content.decode()
    match = re.search(r'<p class="ksd-count">(\d+) kerja sama</p>', page)
    assert match, page[:2000]
    return int(match.group(1))


def test_the_pairs_count_each_active_cooperation_once_per_pair(world: None) -> None:
    active = mapnet.active_cooperations(personas.kemendagri())

    assert mapnet.pairs(active, by_province=True) == [
        Pair("33", "34", 3),
        Pair("33", "35", 1),
        Pair("34", "35", 1),
    ]
    assert mapnet.pairs(active, by_province=False) == [
        Pair("33.72", "34.04", 2), Pair("34.04", "34.71", 2), Pair("33.12", "34.03", 1),
        Pair("33.12", "35.01", 1), Pair("33.72", "33.74", 1), Pair("34.02", "34.04", 1),
        Pair("34.02", "34.71", 1), Pair("34.03", "35.01", 1),
    ]  # fmt: skip


def test_the_ministry_sees_links_between_provinces_each_listing_its_records(
    world: None, as_user: Callable[[User], Client]
) -> None:
    client = as_user(personas.kemendagri())

    html = client.get("/pengawasan/jaringan/").content.decode()

    rows = _strongest(html)
    assert [(a, b, n) for a, b, n, _ in rows] == [
        ("Jawa Tengah", "Daerah Istimewa Yogyakarta", 3),
        ("Jawa Tengah", "Jawa Timur", 1),
        ("Daerah Istimewa Yogyakarta", "Jawa Timur", 1),
    ]
    assert rows[0][3] == "/kerja-sama/?province=33&province=34&in_force=on"
    assert _register_count(client, rows[0][3]) == 3
    assert "Jawa Tengah – Daerah Istimewa Yogyakarta: 3 kerja sama aktif" in html
    # Regions with no partner region: the province government with only a third party, Batam,
    # Kulon Progo; not Sleman, Gunungkidul or Semarang
    isolated = _isolated(html)
    assert "Kabupaten Kulon Progo" in isolated
    assert "Kota Batam" in isolated
    assert "Kabupaten Sleman" not in isolated
    assert "Kabupaten Gunungkidul" not in isolated
    assert "Kota Semarang" not in isolated
    assert "Kota Administrasi Jakarta Pusat" not in isolated  # not autonomous, never a party


def test_the_bureau_sees_its_regions_and_their_partners_outside_the_province(
    world: None, as_user: Callable[[User], Client]
) -> None:
    client = as_user(personas.biro_pemerintahan_diy())

    html = client.get("/pengawasan/jaringan/").content.decode()

    rows = {(a, b): (n, href) for a, b, n, href in _strongest(html)}
    assert {pair: n for pair, (n, _) in rows.items()} == {
        ("Kota Surakarta", "Kabupaten Sleman"): 2,
        ("Kabupaten Sleman", "Kota Yogyakarta"): 2,
        ("Kabupaten Wonogiri", "Kabupaten Gunungkidul"): 1,
        ("Kabupaten Bantul", "Kabupaten Sleman"): 1,
        ("Kabupaten Bantul", "Kota Yogyakarta"): 1,
        ("Kabupaten Gunungkidul", "Kabupaten Pacitan"): 1,
    }  # Wonogiri - Pacitan is between two other provinces: not the bureau's
    href = rows[("Kota Surakarta", "Kabupaten Sleman")][1]
    assert href == "/kerja-sama/?region=33.72&region=34.04&in_force=on"
    assert _register_count(client, href) == 2
    isolated = _isolated(html)
    assert "Kabupaten Kulon Progo" in isolated
    assert "Daerah Istimewa Yogyakarta" in isolated  # the province itself: only a third party
    assert "Kota Batam" not in isolated  # not DIY's


def test_an_operator_sees_only_its_own_links(
    world: None, as_user: Callable[[User], Client]
) -> None:
    sleman = as_user(personas.operator_sleman()).get("/pengawasan/jaringan/").content.decode()
    batam = as_user(personas.operator_kota_batam()).get("/pengawasan/jaringan/").content.decode()

    assert [(a, b, n) for a, b, n, _ in _strongest(sleman)] == [
        ("Kota Surakarta", "Kabupaten Sleman", 2),
        ("Kabupaten Sleman", "Kota Yogyakarta", 2),
        ("Kabupaten Bantul", "Kabupaten Sleman", 1),
    ]
    assert "Tidak ada: setiap daerah di sini bekerja sama" in sleman
    assert _strongest(batam) == []
    assert "Kota Batam" in _isolated(batam)


def test_isolated_regions_show_their_flags(
    world: None, as_user: Callable[[User], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "ksd.oversight.mapnet_scope.flags_of",
        lambda codes: {"21.71": frozenset({Flag.BORDER})} if "21.71" in codes else {},
    )

    html = as_user(personas.operator_kota_batam()).get("/pengawasan/jaringan/").content.decode()

    assert '<mark class="mapnet-flag">Daerah perbatasan</mark>' in _isolated(html)


def test_the_register_lists_the_records_all_given_regions_are_parties_to(
    world: None, as_user: Callable[[User], Client]
) -> None:
    client = as_user(personas.kemendagri())

    both = "/kerja-sama/?region=34.04&region=34.71"
    assert _register_count(client, both) == 2  # A and B; X (offered) has not Sleman
    page = client.get(both + "&in_force=on").content.decode()
    assert "yang setiap daerah ini menjadi pihaknya: Kabupaten Sleman, Kota Yogyakarta" in page
    assert _register_count(client, both + "&in_force=on") == 2  # both in force
    assert '<input type="hidden" name="region" value="34.04">' in page  # kept on a new search
    assert _register_count(client, "/kerja-sama/?region=34.71&region=33.72") == 1  # X only
    assert _register_count(client, "/kerja-sama/?region=34.71") == 3  # A, B, X
    assert _register_count(client, "/kerja-sama/?stage=signed&stage=implementing") == 8
    assert _register_count(client, "/kerja-sama/?province=33&province=35") == 1  # D
    # A bad value among repeated ones is refused like a single one (no 500)
    response = client.get("/kerja-sama/?stage=signed&stage=nonsense")
    assert response.status_code == 200
    assert "nonsense" in response.content.decode()

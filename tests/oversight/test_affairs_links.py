"""Every figure of /pengawasan/urusan/ opens the register listing exactly the records it counts
(issue 11: "every figure links to the register filtered to exactly those records"), and the page
runs the same number of queries however many cooperations there are."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from oversight import world

pytestmark = pytest.mark.django_db
URL = "/pengawasan/urusan/"
LINK = re.compile(r'<a href="(/kerja-sama/\?[^"]+)">(?:[^<:]*: )?(\d+)</a>')
COUNT = re.compile(r'<p class="ksd-count">\s*(\d+) kerja sama')


@pytest.fixture
def built(affairs_loaded: None) -> dict[str, Any]:
    return world.build()


def _links(client: Client, query: str = "") -> list[tuple[str, int]]:
    page = client.get(URL + query).content.decode()
    return [(unescape(href), int(n)) for href, n in LINK.findall(page)]


def _register_count(client: Client, href: str) -> int:
    response = client.get(href)
    assert response.status_code == 200
    found = COUNT.search(response.content.decode())
    assert found, href
    return int(found.group(1))


@pytest.mark.parametrize(
    ("persona", "query"),
    [("biro_pemerintahan_diy", ""), ("kemendagri", "?provinsi=33"), ("kemendagri", ""),
     ("operator_kota_yogyakarta", ""), ("dprd_kota_yogyakarta", "")],
)  # fmt: skip
def test_every_number_opens_the_register_with_as_many_records(
    built: Any, persona: str, query: str, request: pytest.FixtureRequest,
    as_user: Callable[[User], Client],
) -> None:  # fmt: skip
    client = as_user(request.getfixturevalue(persona))
    links = _links(client, query)

    assert links or persona == "dprd_kota_yogyakarta"
    for href, shown in links:
        assert "in_force=on" in href
        assert _register_count(client, href) == shown, href


def test_the_bureau_follows_kota_yogyakartas_education_cell(
    built: Any, biro_pemerintahan_diy: User, as_user: Callable[[User], Client]
) -> None:
    client = as_user(biro_pemerintahan_diy)
    href = "/kerja-sama/?region=34.71&affair=wajib_pd.pendidikan&in_force=on"

    assert (href, 1) in _links(client)
    page = client.get(href).content.decode()
    # A (implementing) is listed, D (expired, same region and affair) is not.
    assert ">A</a>" in page
    assert ">D</a>" not in page


def test_a_dprd_secretariat_counts_only_the_cooperation_before_its_own_dprd(
    built: Any, dprd_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    # Kota Yogyakarta's DPRD sees the cooperations with a track of its own (core/access.py):
    # none in this world, so its own region shows no affair and is its own gap.
    response = as_user(dprd_kota_yogyakarta).get(URL)
    assert response.status_code == 200
    board = response.context["board"]
    assert board.rows == []
    assert [row.code for row in board.gaps] == ["34.71"]


def _queries(client: Client, query: str = "") -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL + query).status_code == 200
    return len(queries)


def test_the_page_runs_the_same_number_of_queries_at_two_sizes(
    affairs_loaded: None, biro_pemerintahan_diy: User, kemendagri: User,
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client],
) -> None:  # fmt: skip
    clients = [
        (as_user(biro_pemerintahan_diy), ""), (as_user(kemendagri), ""),
        (as_user(kemendagri), "?provinsi=34&bendera=tertinggal"),
        (as_user(operator_kota_yogyakarta), ""),
    ]  # fmt: skip

    def grow(n: int) -> list[int]:
        for i in range(n):
            for title, regions, affair, stage in world.ROWS:
                world.cooperation(f"{title}{i}", regions, affair, stage)
        for client, query in clients:
            client.get(URL + query)  # warm the session alike at both sizes
        return [_queries(client, query) for client, query in clients]

    small = grow(1)
    large = grow(4)

    assert small == large


def test_active_means_in_force_on_the_affairs_page_the_map_the_figures_and_the_register(
    built: Any, kemendagri: User, as_user: Callable[[User], Client]
) -> None:
    from ksd.oversight import mapnet

    client = as_user(kemendagri)
    board = client.get(URL).context["board"]
    yogya = next(row for row in board.rows if row.code == "34.71")
    on_map = mapnet.counts_by_region(mapnet.active_cooperations(kemendagri))["34.71"]
    figures = client.get("/pengawasan/").context["figures"]
    in_force = next(f for f in figures.headline if "in_force=on" in (f.url or ""))

    # Kota Yogyakarta: A (implementing) and B (signed); C (being drafted) and D (expired) are
    # not active anywhere.
    assert yogya.total == on_map == 2
    assert _register_count(client, "/kerja-sama/?region=34.71&in_force=on") == 2
    # The older address of the filter means the same.
    assert _register_count(client, "/kerja-sama/?region=34.71&active=on") == 2
    # In the country: A, B, F (no affair), G and H are in force.
    assert in_force.count == 5

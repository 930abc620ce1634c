"""The API's access matrix, joined to the pages' permission matrix (tests/pages/
test_permission_matrix.py): each API row names the page whose cell it must match, for every
persona, so a token sees and does exactly what its user sees and does on the pages.

A page cell becomes an API status thus: LOGIN (the page sends the public to log in) is 401; 200,
403 and 404 stay; 400 (the step is allowed and the empty form refused) is 400 too, because
the API posts a well-formed step the service refuses (a stage already passed, a date before
the record): the service, not the door, said no, and nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import personas
from api.conftest import ApiClient, token_for
from pages.test_permission_matrix import (
    LOGIN,
    MATRIX,
    PERSONAS,
    World,
    expected_code,
    snapshot,
)

Body = dict[str, Any] | Callable[[str], dict[str, Any]]


def own_region(persona: str) -> dict[str, Any]:
    """An operator answers the offer for its own region (cooperation/offer/panels.py answerable)."""
    code = {"operator_sleman": "34.04", "dprd_sleman": "34.04"}.get(persona, "34.71")
    return {"party": code, "answer": "accept", "on": "2016-01-11"}


# fmt: off
# method, API url, body, the page row whose cells it must match, the public's page row (None:
# the same row)
API_ROWS: list[tuple[str, str, Body | None, tuple[str, str], tuple[str, str] | None]] = [
    ("GET", "/api/cooperations", None, ("GET", "/kerja-sama/"), ("GET", "/publik/")),
    ("GET", "/api/cooperations/{R}", None, ("GET", "/kerja-sama/{R}/"), ("GET", "/publik/{R}/")),
    ("GET", "/api/cooperations/{S}", None, ("GET", "/kerja-sama/{S}/"), ("GET", "/publik/{S}/")),
    ("GET", "/api/cooperations/{R}/parties", None, ("GET", "/kerja-sama/{R}/"), ("GET", "/publik/{R}/")),
    ("GET", "/api/cooperations/{S}/parties", None, ("GET", "/kerja-sama/{S}/"), ("GET", "/publik/{S}/")),
    ("GET", "/api/cooperations/{R}/dprd-tracks", None, ("GET", "/kerja-sama/{R}/"), None),
    ("GET", "/api/cooperations/{S}/dprd-tracks", None, ("GET", "/kerja-sama/{S}/"), None),
    ("GET", "/api/cooperations/{R}/events", None, ("GET", "/kerja-sama/{R}/riwayat/"), None),
    ("GET", "/api/cooperations/{S}/events", None, ("GET", "/kerja-sama/{S}/riwayat/"), None),
    ("GET", "/api/cooperations/{R}/assessment", None, ("GET", "/kerja-sama/{R}/"), None),
    ("GET", "/api/cooperations/{S}/assessment", None, ("GET", "/kerja-sama/{S}/"), None),
    ("GET", "/api/cooperations/{R}/documents", None, ("GET", "/dokumen/kerja-sama/{R}/"), ("GET", "/publik/{R}/")),
    ("GET", "/api/cooperations/{S}/documents", None, ("GET", "/kerja-sama/{S}/"), ("GET", "/publik/{S}/")),
    ("GET", "/api/documents/{D}", None, ("GET", "/dokumen/{D}/"), ("GET", "/publik/dokumen/{D}/")),
    ("GET", "/api/documents/{P}", None, ("GET", "/dokumen/{P}/"), ("GET", "/publik/dokumen/{P}/")),
    ("POST", "/api/cooperations/{R}/steps/answer-offer", own_region,
     ("POST", "/kerja-sama/{R}/jawab-penawaran/"), None),
    ("POST", "/api/cooperations/{R}/steps/joint-agreement",
     {"number": "KB/09/2016", "signed_on": "2016-01-18"},
     ("POST", "/kerja-sama/{R}/kesepakatan-bersama/"), None),
    ("POST", "/api/cooperations/{R}/steps/draft",
     {"contents": ["subjek", "objek"], "on": "2016-01-25"}, ("POST", "/kerja-sama/{R}/rancangan/"), None),
    ("POST", "/api/cooperations/{R}/steps/sign",
     {"number": "PKS/09/2016", "signed_on": "2016-03-01"}, ("POST", "/kerja-sama/{R}/tanda-tangan/"), None),
    ("POST", "/api/cooperations/{R}/steps/publish", {}, ("POST", "/kerja-sama/{R}/terbitkan/"), None),
    ("POST", "/api/cooperations/{S}/steps/publish", {}, ("POST", "/kerja-sama/{S}/terbitkan/"), None),
    ("POST", "/api/cooperations/{R}/dprd/submit", {"region": "34.71", "received_on": "2016-02-01"},
     ("POST", "/dprd/kerja-sama/{R}/ajukan/"), None),
    ("POST", "/api/cooperations/{R}/dprd/opinion", {"region": "34.71", "sent_on": "2016-02-15"},
     ("POST", "/dprd/kerja-sama/{R}/pendapat/"), None),
    ("POST", "/api/cooperations/{R}/dprd/resubmit", {"region": "34.71", "received_on": "2016-03-01"},
     ("POST", "/dprd/kerja-sama/{R}/penyampaian-kembali/"), None),
    ("POST", "/api/cooperations/{R}/dprd/decision",
     {"region": "34.71", "decision": "approve", "on": "2000-01-03"},
     ("POST", "/dprd/kerja-sama/{R}/keputusan/"), None),
]
# fmt: on

PAGE_CELLS = {(method, pattern): cells for method, pattern, cells in MATRIX}


def api_status(cell: Any) -> int:
    code = expected_code(cell)
    return 401 if code == LOGIN else int(code)


def expected(persona: str, page: tuple[str, str], public_page: tuple[str, str] | None) -> int:
    row = public_page if persona == "public" and public_page else page
    return api_status(PAGE_CELLS[row][PERSONAS.index(persona)])


def client_for(persona: str) -> ApiClient:
    if persona == "public":
        return ApiClient()
    return ApiClient(token_for(personas.ALL[persona]()))


def test_every_api_row_names_a_row_of_the_pages_matrix() -> None:
    for _m, _u, _b, page, public_page in API_ROWS:
        assert page in PAGE_CELLS
        assert public_page is None or public_page in PAGE_CELLS


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_token_is_answered_as_its_user_is_on_the_pages(world: World, persona: str) -> None:
    client = client_for(persona)
    before = snapshot(world)
    wrong = []
    for method, pattern, body, page, public_page in API_ROWS:
        want = expected(persona, page, public_page)
        url = world.url(pattern)
        if method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, body(persona) if callable(body) else body)
        data = response.json()
        if response.status_code != want:
            wrong.append(f"{method} {pattern}: expected {want}, got {response.status_code} {data}")
        elif want >= 400:
            # The stable error shape, with the article of a refused step.
            assert set(data) >= {"code", "message", "citations"}, data
            assert data["message"]
    assert not wrong, "\n".join(wrong)
    assert snapshot(world) == before


def test_the_outsider_finds_the_cooperation_in_no_list_or_search(world: World) -> None:
    client = client_for("outsider")
    for params in ({}, {"q": world.review.title}, {"region": "34.71"}):
        data = client.get("/api/cooperations", params).json()
        assert data["count"] == 0
        assert data["results"] == []


def test_the_party_operator_finds_it_by_the_register_filters(world: World) -> None:
    client = client_for("operator_sleman")
    data = client.get("/api/cooperations", {"q": world.review.title, "stage": "dprd_review"}).json()
    assert [row["id"] for row in data["results"]] == [world.review.pk]


def test_the_public_sees_the_published_register_and_not_who_uploaded(world: World) -> None:
    data = ApiClient().get("/api/cooperations").json()
    assert [row["id"] for row in data["results"]] == [world.signed.pk]
    assert ApiClient().get(f"/api/cooperations/{world.signed.pk}/documents").json() == []

"""Affairs and gaps (issue 11 point 5), /pengawasan/urusan/: which government affairs (UU 23/2014
Pasal 12) each region in the user's scope cooperates on, the affairs nobody cooperates on, and
the regions that cooperate on none with their flags. Known answers from tests/oversight/world.py.
"""

from __future__ import annotations

from collections.abc import Callable
from html import unescape
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from ksd.regions.flags import Flag, regions_with
from oversight import world

pytestmark = pytest.mark.django_db
URL = "/pengawasan/urusan/"


@pytest.fixture
def built(affairs_loaded: None) -> dict[str, Any]:
    return world.build()


def _board(client: Client, query: str = "") -> Any:
    response = client.get(URL + query)
    assert response.status_code == 200, response.content[:500]
    return response.context["board"]


def _matrix(board: Any) -> dict[str, dict[str, int]]:
    """{region: {affair code: count}} of the matrix rows."""
    return {
        row.code: {item.affair.code: item.count for cell in row.cells for item in cell.affairs}
        for row in board.rows
    }


def _totals(board: Any) -> dict[str, int]:
    return {row.affair.code: row.count for g in board.groups for row in g.affairs if row.count}


def test_the_bureau_sees_its_provinces_regions_and_only_active_cooperation_with_an_affair(
    built: Any, biro_pemerintahan_diy: User, as_user: Callable[[User], Client]
) -> None:
    board = _board(as_user(biro_pemerintahan_diy))

    # Active means in force: C (still being drafted), D (expired), E (withdrawn) and F (no
    # affair) are not counted; G and H are elsewhere.
    assert _matrix(board) == {
        "34.02": {"wajib_pd.kesehatan": 1},
        "34.04": {"wajib_pd.pendidikan": 1},
        "34.71": {"wajib_pd.pendidikan": 1, "wajib_pd.kesehatan": 1},
    }
    yogya = next(row for row in board.rows if row.code == "34.71")
    assert [cell.total for cell in yogya.cells] == [2, 0, 0]
    assert _totals(board) == {"wajib_pd.pendidikan": 1, "wajib_pd.kesehatan": 1}
    # The province itself, Kulon Progo (only an expired one) and Gunungkidul (only a withdrawn
    # offer) cooperate on no affair.
    assert [row.code for row in board.gaps] == ["34", "34.01", "34.03"]
    assert len(board.idle_affairs) == 32 - 2


def test_the_ministry_sees_the_country_and_the_affairs_nobody_cooperates_on(
    built: Any, kemendagri: User, as_user: Callable[[User], Client]
) -> None:
    board = _board(as_user(kemendagri))

    assert set(_matrix(board)) == {"33.71", "33.74", "34.02", "34.04", "34.71", "53.04", "53.71"}
    assert _matrix(board)["33.71"] == {"wajib_pd.pendidikan": 1}
    assert _totals(board) == {
        "wajib_pd.pendidikan": 2, "wajib_pd.kesehatan": 1, "wajib_pd.sosial": 1,
    }  # fmt: skip
    idle = {a.code for a in board.idle_affairs}
    assert "wajib_non_pd.perhubungan" in idle
    assert "wajib_pd.pendidikan" not in idle
    assert "34.01" in {row.code for row in board.gaps}
    page = unescape(as_user(kemendagri).get(URL).content.decode())
    assert "Perhubungan" in page[page.index("urusan yang belum dikerjasamakan siapa pun:") :][:1500]


def test_the_ministry_narrows_to_a_province(
    built: Any, kemendagri: User, as_user: Callable[[User], Client]
) -> None:
    board = _board(as_user(kemendagri), "?provinsi=33")

    # Jawa Tengah: Kota Magelang and Kota Semarang with G, which counts once for the province
    # although both are its parties; C (Kota Magelang's, being drafted) is not in force.
    assert _matrix(board) == {
        "33.71": {"wajib_pd.pendidikan": 1},
        "33.74": {"wajib_pd.pendidikan": 1},
    }
    assert _totals(board) == {"wajib_pd.pendidikan": 1}
    assert board.scope.province == "33"


def test_an_operator_sees_its_own_region_only(
    built: Any, operator_sleman: User, operator_kota_yogyakarta: User,
    as_user: Callable[[User], Client],
) -> None:  # fmt: skip
    assert _matrix(_board(as_user(operator_sleman))) == {"34.04": {"wajib_pd.pendidikan": 1}}
    board = _board(as_user(operator_kota_yogyakarta))
    assert set(_matrix(board)) == {"34.71"}
    assert _totals(board) == {"wajib_pd.pendidikan": 1, "wajib_pd.kesehatan": 1}
    assert board.gaps == []


def test_a_region_with_nothing_finds_itself_in_the_gap(
    built: Any, outsider: User, as_user: Callable[[User], Client]
) -> None:
    board = _board(as_user(outsider))
    assert board.rows == []
    assert [row.code for row in board.gaps] == ["12.71"]
    assert _totals(board) == {}
    assert "Sleman" not in as_user(outsider).get(URL).content.decode()


def test_the_flag_filter_lists_the_disadvantaged_regions_without_cooperation(
    built: Any, kemendagri: User, as_user: Callable[[User], Client]
) -> None:
    board = _board(as_user(kemendagri), "?bendera=tertinggal")

    gaps = {row.code for row in board.gaps}
    # Belu (53.04, disadvantaged and on the border) cooperates through H; the other 61 do not.
    assert gaps == regions_with(Flag.DISADVANTAGED) - {"53.04"}
    assert len(gaps) == 61
    malaka = next(row for row in board.gaps if row.code == "53.21")
    assert malaka.flags == [Flag.BORDER, Flag.DISADVANTAGED]
    belu = next(row for row in board.rows if row.code == "53.04")
    assert belu.flags == [Flag.BORDER, Flag.DISADVANTAGED]
    border = _board(as_user(kemendagri), "?bendera=perbatasan")
    assert {row.code for row in border.gaps} == regions_with(Flag.BORDER) - {"53.04"}
    page = as_user(kemendagri).get(URL + "?bendera=tertinggal").content.decode()
    assert "Kabupaten Malaka" in page
    assert "Daerah tertinggal" in page


def test_the_flag_filter_lists_the_regions_with_outermost_small_islands(
    built: Any, kemendagri: User, as_user: Callable[[User], Client]
) -> None:
    board = _board(as_user(kemendagri), "?bendera=pulau_terluar")

    # None of the 50 kab/kota with a Keppres 6/2017 island cooperates in this world.
    gaps = {row.code for row in board.gaps}
    assert gaps == regions_with(Flag.OUTERMOST)
    assert len(gaps) == 50
    batam = next(row for row in board.gaps if row.code == "21.71")
    assert batam.flags == [Flag.OUTERMOST]
    page = as_user(kemendagri).get(URL + "?bendera=pulau_terluar").content.decode()
    assert "Kabupaten Natuna" in page
    assert "Pulau-pulau kecil terluar" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?bendera=miskin", "Pilih tanda dari daftar."),
        ("?provinsi=99", "Pilih provinsi dari daftar."),
        ("?provinsi=34.71", "Pilih provinsi dari daftar."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_the_page_unfiltered(
    built: Any, kemendagri: User, as_user: Callable[[User], Client], query: str, message: str
) -> None:
    response = as_user(kemendagri).get(URL + query)

    assert response.status_code == 400
    assert message in unescape(response.content.decode())
    assert response.context["board"].scope.province is None
    assert "34.71" in {row.code for row in response.context["board"].rows}


def test_only_the_ministry_chooses_a_province(
    built: Any, biro_pemerintahan_diy: User, as_user: Callable[[User], Client]
) -> None:
    response = as_user(biro_pemerintahan_diy).get(URL + "?provinsi=33")

    assert response.status_code == 400
    assert "Hanya Kementerian yang memilih provinsi di sini." in unescape(response.content.decode())
    # Still its own province, never Jawa Tengah.
    assert set(_matrix(response.context["board"])) == {"34.02", "34.04", "34.71"}


def test_a_page_number_out_of_range_shows_the_last_page(
    built: Any, kemendagri: User, as_user: Callable[[User], Client]
) -> None:
    response = as_user(kemendagri).get(URL + "?page=zz")
    assert response.status_code == 200
    assert as_user(kemendagri).get(URL + "?page=999").status_code == 200


def test_the_public_is_sent_to_log_in(built: Any) -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/")


@pytest.mark.parametrize(
    "value", ["x" * 100_000, "9" * 40, "-" + "9" * 40, "9999-12-31", "1e400", "34 OR 1=1"]
)
def test_hostile_values_in_every_parameter_get_an_answer_never_a_server_error(
    built: Any, kemendagri: User, biro_pemerintahan_diy: User,
    as_user: Callable[[User], Client], value: str,
) -> None:  # fmt: skip
    for user in (kemendagri, biro_pemerintahan_diy):
        client = as_user(user)
        for name in ("provinsi", "bendera", "page"):
            response = client.get(URL, {name: value})
            assert response.status_code in (200, 400), (name, response.status_code)

"""The scorecard's pages as each role sees them: the Ministry every region, the governor's
bureau its province (with national ranks), an operator its own card and nothing else; every
figure's link lists exactly the records counted; the downloads carry the method version and the
day of the figures; bad input gets a message in Bahasa Indonesia, never a 500; the number of
queries does not grow with the register."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

import personas
from ksd.cooperation.models import Event, EventKind, Stage
from ksd.oversight.freshness import forget
from ksd.oversight.scorecard import METHOD_VERSION
from ksd.regions.models import Region
from oversight.scorecard_records import BANTUL, NOW, SLEMAN, YOGYA, build, cooperation

pytestmark = pytest.mark.django_db
Login = Callable[[User], Client]


@pytest.fixture
def world(kemendagri: User) -> None:
    build(kemendagri)


def _rows(page: str) -> list[str]:
    """The region names of the table, in order."""
    body = page[page.index("<tbody>") : page.index("</tbody>")]
    return re.findall(r'<td><a href="/pengawasan/rapor/[0-9.]+/\?year=\d+">([^<]+)</a>', body)


def test_the_ministry_sees_every_region_and_can_filter_by_province_and_level(
    world: None, kemendagri: User, as_user: Login
) -> None:
    client = as_user(kemendagri)
    page = client.get("/pengawasan/rapor/").content.decode()
    assert "Kota Yogyakarta" in page
    assert "Kota Medan" in page
    diy = _rows(client.get("/pengawasan/rapor/?province=34&level=kabupaten").content.decode())
    assert diy == ["Kabupaten Bantul", "Kabupaten Gunungkidul", "Kabupaten Kulon Progo",
                   "Kabupaten Sleman"]  # fmt: skip


def test_the_table_sorts_by_a_figure_with_no_data_last(
    world: None, kemendagri: User, as_user: Login
) -> None:
    client = as_user(kemendagri)
    stalled = _rows(client.get("/pengawasan/rapor/?province=34&sort=stalled").content.decode())
    assert stalled[:2] == ["Kabupaten Sleman", "Kabupaten Bantul"]  # 50% before 100%
    active = _rows(client.get("/pengawasan/rapor/?province=34&sort=-active").content.decode())
    assert active[0] == "Kota Yogyakarta"


def test_the_bureau_sees_its_province_only_but_national_ranks_on_a_card(
    world: None, biro_pemerintahan_diy: User, as_user: Login
) -> None:
    client = as_user(biro_pemerintahan_diy)
    names = _rows(client.get("/pengawasan/rapor/").content.decode())
    assert "Kota Yogyakarta" in names
    assert "Kota Medan" not in names
    assert len(names) == 6  # DIY and its five kabupaten and kota
    card = client.get("/pengawasan/rapor/34.71/").content.decode()
    assert "Peringkat di provinsi" in card
    assert "Peringkat nasional" in card
    assert client.get("/pengawasan/rapor/12.71/").status_code == 404  # Medan is not its own


def test_an_operator_reads_its_own_card_only(world: None, as_user: Login) -> None:
    client = as_user(personas.operator_kota_yogyakarta())
    response = client.get("/pengawasan/rapor/")
    assert response.status_code == 302
    assert response["Location"] == "/pengawasan/rapor/34.71/"
    assert client.get("/pengawasan/rapor/34.71/").status_code == 200
    assert client.get(f"/pengawasan/rapor/{SLEMAN}/").status_code == 404
    rows = list(csv.reader(io.StringIO(client.get("/pengawasan/rapor/unduh.csv")
                                       .getvalue().decode("utf-8-sig"))))  # fmt: skip
    assert [r[0] for r in rows[6:]] == [YOGYA]


def test_a_dprd_secretariat_has_no_scorecard(world: None, as_user: Login) -> None:
    assert as_user(personas.dprd_kota_yogyakarta()).get("/pengawasan/rapor/").status_code == 403


def test_no_dprd_track_shows_no_data_not_zero_percent(
    world: None, kemendagri: User, as_user: Login
) -> None:
    card = as_user(kemendagri).get("/pengawasan/rapor/34.02/").content.decode()  # Bantul
    dprd = card[card.index('id="dprd"') :]
    assert "tidak ada data" in dprd[: dprd.index("</h2>")]
    assert "0%" not in dprd[: dprd.index("</h2>")]


def _register_titles(client: Client, url: str) -> set[str]:
    page = client.get(url).content.decode()
    body = page[page.index("<tbody>") : page.index("</tbody>")] if "<tbody>" in page else ""
    return set(re.findall(r'<td><a href="/kerja-sama/\d+/">([^<]+)</a>', body))


def test_the_signed_figure_links_to_the_register_listing_exactly_those_records(
    world: None, kemendagri: User, as_user: Login
) -> None:
    client = as_user(kemendagri)
    page = client.get("/pengawasan/rapor/?year=2025&province=34").content.decode()
    link = re.search(r'href="(/kerja-sama/\?region=34\.71&amp;signed_year=2025)">(\d+)</a>', page)
    assert link is not None
    titles = _register_titles(client, link.group(1).replace("&amp;", "&"))
    assert titles == {"A Sampah regional", "D Terminal", "J Kota kembar"}
    assert int(link.group(2)) == len(titles)


def test_the_card_lists_the_records_behind_each_figure(
    world: None, kemendagri: User, as_user: Login
) -> None:
    card = as_user(kemendagri).get("/pengawasan/rapor/34.71/?year=2025").content.decode()

    def section(key: str) -> str:
        start = card.index(f'id="{key}"')
        return card[start : card.index("</section>", start)]

    active = section("active")
    assert "A Sampah regional" in active
    assert "J Kota kembar" in active
    assert "C Pasar bersama" not in active
    assert "E Salah catat" not in card
    dprd = section("dprd")
    assert "A Sampah regional" in dprd
    assert "tepat waktu" in dprd
    reports = section("reports")
    assert "J Kota kembar" in reports
    assert "Sekber Kartamantul" in reports
    assert "Tarif" not in card
    assert "A Sampah regional" in section("disputes")


def test_the_downloads_carry_the_method_version_and_the_day_of_the_figures(
    world: None, kemendagri: User, as_user: Login
) -> None:
    client = as_user(kemendagri)
    response = client.get("/pengawasan/rapor/unduh.csv?year=2025&province=34")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[1] == ["Versi metode", METHOD_VERSION]
    assert rows[2] == ["Angka per tanggal", "2025-12-31"]
    by_code = {r[0]: r for r in rows[6:]}
    header = rows[5]
    yogya = dict(zip(header, by_code[YOGYA], strict=True))
    assert yogya["Kerja sama berlaku"] == "2"
    assert yogya["Ditandatangani pada tahun itu"] == "3"
    assert yogya["DPRD tepat waktu (%)"] == "100"
    bantul = dict(zip(header, by_code["34.02"], strict=True))
    assert bantul["DPRD tepat waktu (%)"] == ""  # no data, never 0

    book = load_workbook(io.BytesIO(client.get("/pengawasan/rapor/unduh.xlsx?year=2025").content))
    sheet = book.worksheets[0]
    assert sheet["B2"].value == METHOD_VERSION
    assert sheet["B3"].value == "2025-12-31"
    codes = [row[0].value for row in sheet.iter_rows(min_row=7)]
    assert YOGYA in codes
    assert len(codes) == Region.objects.filter(is_autonomous=True).count()  # the whole country


@pytest.mark.parametrize(
    "query",
    ["year=abc", "year=2999", "year=1900", "province=99", "level=desa", "flag=x", "sort=evil"],
)
def test_bad_input_gets_a_message_and_no_figures(
    world: None, kemendagri: User, as_user: Login, query: str
) -> None:
    client = as_user(kemendagri)
    for url in (
        "/pengawasan/rapor/",
        "/pengawasan/rapor/unduh.csv",
        "/pengawasan/rapor/unduh.xlsx",
    ):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400
        assert "Angka tidak dihitung" in response.content.decode()
    card = client.get(f"/pengawasan/rapor/34.71/?{query}")
    assert card.status_code in (200, 400)  # the card reads the year only


def test_an_unknown_region_is_not_found(world: None, kemendagri: User, as_user: Login) -> None:
    assert as_user(kemendagri).get("/pengawasan/rapor/99.99/").status_code == 404


def _queries(client: Client, url: str) -> int:
    cache.clear()  # the figures computed, not read from the cache
    forget()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_the_register(
    world: None, kemendagri: User, as_user: Login
) -> None:
    client = as_user(kemendagri)
    urls = ("/pengawasan/rapor/", "/pengawasan/rapor/34.71/", "/pengawasan/rapor/unduh.csv")
    before = [_queries(client, u) for u in urls]
    for i in range(30):
        cooperation(f"Tambahan {i}", (YOGYA, SLEMAN, "33.74"), Stage.IMPLEMENTING,
                    signed_on=dt.date(2026, 1, 2))  # fmt: skip
    assert [_queries(client, u) for u in urls] == before


def test_a_recorded_step_shows_at_once_despite_the_cache(
    world: None, kemendagri: User, as_user: Login
) -> None:
    client = as_user(kemendagri)
    url = "/pengawasan/rapor/?province=34&sort=-signed"

    def signed_of_bantul() -> str:
        page = client.get(url).content.decode()
        row = page[page.index(">Kabupaten Bantul<") :]
        return re.findall(r"signed_year=2026\">(\d+)</a>", row)[0]

    assert signed_of_bantul() == "1"  # B
    coop = cooperation("L Baru", (BANTUL,), Stage.SIGNED, signed_on=dt.date(2026, 6, 1))
    Event.objects.create(cooperation=coop, kind=EventKind.SIGNED, at=NOW, on=dt.date(2026, 6, 1))
    assert signed_of_bantul() == "2"


def test_the_outermost_islands_flag_filters_to_the_50_regions_of_keppres_6_2017(
    world: None, kemendagri: User, as_user: Login
) -> None:
    # regions/data/outermost_islands.csv maps the Keppres's 111 islands to 50 kab/kota.
    page = as_user(kemendagri).get("/pengawasan/rapor/?flag=pulau_terluar").content.decode()
    names = _rows(page)
    assert len(names) == 50
    assert {
        "Kabupaten Natuna",
        "Kota Batam",
        "Kabupaten Kepulauan Talaud",
        "Kabupaten Halmahera Tengah",
    } <= set(names)
    assert "Kabupaten Sleman" not in names
    assert "Pulau-pulau kecil terluar" in page


def test_a_busy_regions_card_lists_the_first_records_and_links_to_all_in_the_register(
    world: None, kemendagri: User, as_user: Login
) -> None:
    from ksd.oversight.scorecard import CARD_ROWS

    for i in range(CARD_ROWS + 3):
        cooperation(f"Ramai {i:02d}", (BANTUL, "33.74"), Stage.IMPLEMENTING,
                    signed_on=dt.date(2026, 2, 2))  # fmt: skip
    client = as_user(kemendagri)
    page = client.get(f"/pengawasan/rapor/{BANTUL}/").content.decode()
    active = page[page.index('<section id="active">') : page.index('<section id="signed">')]
    shown = re.findall(r'<a href="/kerja-sama/\d+/">', active)
    total = int(re.search(r"Kerja sama berlaku: (\d+)", page.replace("&nbsp;", " ")).group(1))

    assert len(shown) == CARD_ROWS < total
    assert f"{CARD_ROWS} pertama dari {total}" in active
    link = re.search(r'<a href="([^"]+)">Semuanya di daftar kerja sama</a>', active).group(1)
    register = client.get(link.replace("&amp;", "&")).content.decode()
    assert f"{total} kerja sama" in register

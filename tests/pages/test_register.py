"""The register: what each person finds, filters, sorting, pages, and a fixed query count."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from ksd.cooperation.models import Cooperation
from pages.records import NOW, drafted, in_dprd_review, offer, signed_and_published


def _titles(page: str) -> list[str]:
    return re.findall(r'<a href="/kerja-sama/\d+/">([^<]+)</a>', page)


def _get(client: Client, query: str = "") -> str:
    response = client.get(f"/kerja-sama/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_an_operator_finds_its_region_s_cooperation_and_searches_titles(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    offer(operator_kota_yogyakarta)
    signed_and_published(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)

    assert sorted(_titles(_get(client))) == [
        "Angkutan perkotaan Trans Jogja",
        "Pengelolaan sampah regional TPST Piyungan",
    ]
    assert _titles(_get(client, "?q=sampah")) == ["Pengelolaan sampah regional TPST Piyungan"]


def test_a_provincial_supervisor_reads_the_register_of_its_province(
    operator_kota_yogyakarta: User, biro_pemerintahan_diy: User, as_user: Callable[[User], Client]
) -> None:
    offer(operator_kota_yogyakarta)

    page = _get(as_user(biro_pemerintahan_diy))

    assert _titles(page) == ["Pengelolaan sampah regional TPST Piyungan"]


def test_an_outsider_sees_nothing_in_the_list_the_count_or_a_search(
    operator_kota_yogyakarta: User, outsider: User, as_user: Callable[[User], Client]
) -> None:
    offer(operator_kota_yogyakarta)
    client = as_user(outsider)

    for query in ("", "?q=sampah", "?province=34", "?region=34.71", "?region=Bantul"):
        page = _get(client, query)
        assert _titles(page) == []
        assert "Piyungan" not in page
        assert re.search(r'class="ksd-count">0 ', page)


def test_the_public_is_sent_to_the_login_page(client: Client) -> None:
    response = client.get("/kerja-sama/")

    assert response.status_code == 302
    assert response["Location"] == "/akun/masuk/?next=/kerja-sama/"


def test_filters_narrow_the_register(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    offer(operator_kota_yogyakarta)
    signed = signed_and_published(operator_kota_yogyakarta)  # ends on 2021-01-31
    client = as_user(operator_kota_yogyakarta)
    trans_jogja = ["Angkutan perkotaan Trans Jogja"]
    piyungan = ["Pengelolaan sampah regional TPST Piyungan"]

    assert _titles(_get(client, "?stage=signed")) == trans_jogja
    assert _titles(_get(client, "?stage=offered")) == piyungan
    assert _titles(_get(client, "?region=34.02")) == piyungan  # Bantul is party only to Piyungan
    assert _titles(_get(client, "?region=bantul")) == piyungan
    assert sorted(_titles(_get(client, "?province=34"))) == sorted(trans_jogja + piyungan)
    assert _titles(_get(client, "?province=35")) == []
    assert len(_titles(_get(client, "?kind=inter_regional&regime=pp50-2007&year=2016"))) == 2
    assert _titles(_get(client, "?year=2017")) == []
    assert signed.ends_on == dt.date(2021, 1, 31)
    # Today is 2 March 2016: the agreement ends in 1796 days.
    assert _titles(_get(client, "?expiring_within=1796")) == trans_jogja
    assert _titles(_get(client, "?expiring_within=1795")) == []


def test_columns_sort_both_ways(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    offer(operator_kota_yogyakarta)
    signed_and_published(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)

    ascending = _titles(_get(client, "?sort=title"))
    descending = _titles(_get(client, "?sort=-title"))

    assert ascending == sorted(ascending)
    assert descending == list(reversed(ascending))


def test_the_register_shows_25_cooperations_a_page(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    _many(operator_kota_yogyakarta, 30)
    client = as_user(operator_kota_yogyakarta)

    assert len(_titles(_get(client))) == 25
    assert len(_titles(_get(client, "?page=2"))) == 5


def _many(actor: User, n: int) -> None:
    for i in range(n):
        offer(actor, title=f"Kerja sama {i:02d}")


@pytest.mark.usefixtures("page_cache_off")
def test_the_register_takes_the_same_number_of_queries_for_3_or_30_rows(
    operator_kota_yogyakarta: User,
    as_user: Callable[[User], Client],
    django_assert_max_num_queries: Callable[..., Any],
) -> None:
    client = as_user(operator_kota_yogyakarta)
    in_dprd_review(operator_kota_yogyakarta)
    drafted(operator_kota_yogyakarta, title="Rancangan")
    _many(operator_kota_yogyakarta, 1)
    client.get("/kerja-sama/")  # the session is warm for both

    counts = []
    for more in (0, 27):
        _many(operator_kota_yogyakarta, more)
        # Session, user, membership, the header's region name, provinces and affairs for the
        # filters, count, the page's rows, their parties with regions, the stalled rules the
        # page's rows hit (cooperation/stalled.py marks_for, one union).
        with django_assert_max_num_queries(10) as captured:
            assert client.get("/kerja-sama/?sort=title").status_code == 200
        counts.append(len(captured))

    assert Cooperation.objects.count() == 30
    assert counts[0] == counts[1]


def test_the_register_filters_by_government_affair_and_management_arrangement(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    from ksd.cooperation import services as steps
    from ksd.cooperation.models import Cooperation
    from ksd.regions.services import load_affairs

    load_affairs()
    waste = steps.make_offer(
        actor=operator_kota_yogyakarta, title="Sampah regional", initiator="34.71",
        parties=[steps.PartySpec(region="34.71"), steps.PartySpec(region="34.04")],
        offered_on=dt.date(2016, 1, 4), affair="wajib_non_pd.lingkungan_hidup", now=NOW,
    )  # fmt: skip
    Cooperation.objects.filter(pk=waste.pk).update(management_model="joint_service")
    offer(operator_kota_yogyakarta, title="Angkutan", regions=("34.71", "34.04"))
    client = as_user(operator_kota_yogyakarta)

    by_affair = client.get(
        "/kerja-sama/", {"affair": "wajib_non_pd.lingkungan_hidup"}
    ).content.decode()
    by_model = client.get("/kerja-sama/", {"management_model": "joint_service"}).content.decode()

    for page in (by_affair, by_model):
        assert "Sampah regional" in page
        assert "Angkutan" not in page


@pytest.mark.parametrize("name", ["affair", "management_model", "institution_model"])
def test_not_recorded_lists_exactly_the_records_that_leave_the_field_empty(
    name: str, operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    from ksd.regions.models import Affair
    from ksd.regions.services import load_affairs

    load_affairs()
    offer(operator_kota_yogyakarta, title="Sampah regional", regions=("34.71", "34.04"))
    offer(operator_kota_yogyakarta, title="Angkutan", regions=("34.71", "34.04"))
    Cooperation.objects.filter(title="Sampah regional").update(
        affair=Affair.objects.get(code="wajib_non_pd.lingkungan_hidup"),
        management_model="joint_service", institution_model="badan",
    )  # fmt: skip
    Cooperation.objects.filter(title="Angkutan").update(affair=None)
    client = as_user(operator_kota_yogyakarta)

    page = _get(client, f"?{name}=tanpa")
    as_it_stood = _get(client, f"?{name}=tanpa&per={NOW.date().isoformat()}")

    assert _titles(page) == ["Angkutan"]
    # The register as it stood (cooperation/as_of.py) takes the same filter.
    assert 'class="ksd-count">1 kerja sama<' in as_it_stood
    assert "Angkutan" in as_it_stood
    assert "Sampah regional" not in as_it_stood
    assert '<option value="tanpa" selected>(belum dicatat)</option>' in page


@pytest.mark.parametrize("name", ["affair", "management_model", "institution_model"])
@pytest.mark.parametrize("value", ["TANPA", "tanpa ", "none", "<b>x</b>", "9" * 40])
def test_a_value_no_filter_names_is_told_and_filters_nothing(
    name: str, value: str, operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    offer(operator_kota_yogyakarta, title="Angkutan", regions=("34.71", "34.04"))
    client = as_user(operator_kota_yogyakarta)

    response = client.get("/kerja-sama/", {name: value})

    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="errorlist' in page or value.strip() == "tanpa"
    assert "Angkutan" in page


@pytest.mark.usefixtures("page_cache_off")
def test_not_recorded_takes_no_more_queries_than_a_recorded_value(
    operator_kota_yogyakarta: User,
    as_user: Callable[[User], Client],
    django_assert_max_num_queries: Callable[..., Any],
) -> None:
    from ksd.regions.services import load_affairs

    load_affairs()
    client = as_user(operator_kota_yogyakarta)
    in_dprd_review(operator_kota_yogyakarta)
    _many(operator_kota_yogyakarta, 3)
    client.get("/kerja-sama/")  # the session is warm for every address

    counts = []
    # The records all leave the three fields empty: both addresses list the same rows.
    for query in ("", "?affair=tanpa&management_model=tanpa&institution_model=tanpa"):
        with django_assert_max_num_queries(10) as captured:
            page = client.get(f"/kerja-sama/{query}").content.decode()
        assert 'class="ksd-count">4 kerja sama<' in page
        counts.append(len(captured))

    assert counts[0] == counts[1]

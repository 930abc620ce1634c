"""Long lists at national scale: the register counts up to a cap and numbers a bounded number of
pages; a cooperation's page shows its latest events and links to the full history.

core/paging.py's cap (10,000 rows) and the register's page size (25) are lowered here so a few
records stand for 100,000: what a user sees past the cap is the same.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from ksd.cooperation import queries
from ksd.cooperation.models import Cooperation, Event, EventKind
from ksd.core import paging
from pages.records import NOW, offer, signed_and_published


def _titles(page: str) -> list[str]:
    return re.findall(r'<a href="/(?:kerja-sama|publik)/\d+/">([^<]+)</a>', page)


def _count_line(page: str) -> str:
    found = re.search(r'class="ksd-count">([^<]+)<', page)
    assert found
    return found.group(1)


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of 5 rows, counted up to 10: 12 records stand for more than the cap."""
    monkeypatch.setattr(paging, "COUNT_CAP", 10)
    monkeypatch.setattr(queries, "PAGE_SIZE", 5)


def _twelve_offers(actor: User) -> None:
    for i in range(12):
        offer(actor, title=f"Kerja sama {i:02d}")


def test_past_the_cap_the_register_says_more_than_and_pages_in_order(
    small_pages: None, operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    _twelve_offers(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)

    first = client.get("/kerja-sama/?sort=title").content.decode()
    second = client.get("/kerja-sama/?sort=title&page=2").content.decode()

    assert _count_line(first) == "Lebih dari 10 kerja sama"
    assert _titles(first) == [f"Kerja sama {i:02d}" for i in range(5)]
    assert _titles(second) == [f"Kerja sama {i:02d}" for i in range(5, 10)]
    assert "Halaman 2 dari 2" in second
    assert 'rel="next"' not in second


def test_a_page_past_the_numbered_ones_shows_no_rows_and_says_how_to_reach_the_rest(
    small_pages: None, operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    _twelve_offers(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)

    response = client.get("/kerja-sama/?sort=title&page=3")
    reversed_first = client.get("/kerja-sama/?sort=-title").content.decode()

    page = response.content.decode()
    assert response.status_code == 200
    assert _titles(page) == []
    assert "Hanya 2 halaman pertama" in page
    assert 'rel="prev" href="?sort=title&amp;page=2"' in page
    # The other end of the list, which page 3 would have reached, is the reversed sort's start.
    assert _titles(reversed_first)[:2] == ["Kerja sama 11", "Kerja sama 10"]


def test_below_the_cap_the_count_is_exact_and_a_page_past_the_end_shows_the_last(
    small_pages: None, operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    for i in range(7):
        offer(operator_kota_yogyakarta, title=f"Kerja sama {i:02d}")
    client = as_user(operator_kota_yogyakarta)

    page = client.get("/kerja-sama/?sort=title&page=9").content.decode()
    nonsense = client.get("/kerja-sama/?sort=title&page=abc").content.decode()

    assert _count_line(page) == "7 kerja sama"
    assert _titles(page) == ["Kerja sama 05", "Kerja sama 06"]
    assert _titles(nonsense)[0] == "Kerja sama 00"


def test_the_public_register_counts_up_to_the_cap_too(
    small_pages: None, operator_kota_yogyakarta: User, client: Client
) -> None:
    signed_and_published(operator_kota_yogyakarta)

    page = client.get("/publik/").content.decode()

    assert _count_line(page) == "1 kerja sama"
    assert _titles(page) == ["Angkutan perkotaan Trans Jogja"]


def _notes(coop: Cooperation, actor: User, n: int) -> None:
    """`n` events with numbered reasons, one minute apart after the offer."""
    Event.objects.bulk_create(
        Event(cooperation=coop, kind=EventKind.OFFER_ACCEPTED, actor=actor,
              at=NOW + dt.timedelta(minutes=i + 1), reason=f"Catatan {i:03d}")
        for i in range(n)
    )  # fmt: skip


def test_the_cooperation_page_shows_the_latest_events_and_links_the_full_history(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = offer(operator_kota_yogyakarta)
    _notes(coop, operator_kota_yogyakarta, 30)  # with the offer: 31 events
    client = as_user(operator_kota_yogyakarta)

    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    first = client.get(f"/kerja-sama/{coop.pk}/riwayat/").content.decode()

    shown = re.findall(r"Catatan (\d{3})", page)
    assert shown == [f"{i:03d}" for i in range(10, 30)]  # the latest 20, oldest first
    assert f'href="/kerja-sama/{coop.pk}/riwayat/"' in page
    assert "Penawaran disampaikan" not in page.split('id="timeline"')[1]
    # The history has every event, the offer first.
    assert _count_line(first) == "31 peristiwa"
    assert "Penawaran disampaikan" in first
    assert re.findall(r"Catatan (\d{3})", first) == [f"{i:03d}" for i in range(30)]


def test_a_short_history_is_shown_whole_without_a_link(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = offer(operator_kota_yogyakarta)
    _notes(coop, operator_kota_yogyakarta, 19)

    page = as_user(operator_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()

    assert len(re.findall(r"Catatan \d{3}", page)) == 19
    assert "Penawaran disampaikan" in page
    assert "/riwayat/" not in page


def test_the_history_pages_fifty_events_at_a_time(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = offer(operator_kota_yogyakarta)
    _notes(coop, operator_kota_yogyakarta, 60)
    client = as_user(operator_kota_yogyakarta)

    second = client.get(f"/kerja-sama/{coop.pk}/riwayat/?page=2").content.decode()

    # 61 events: the offer and notes 000-048 on page 1, notes 049-059 on page 2.
    assert re.findall(r"Catatan (\d{3})", second) == [f"{i:03d}" for i in range(49, 60)]


def test_an_outsider_gets_404_for_the_history(
    operator_kota_yogyakarta: User, outsider: User, as_user: Callable[[User], Client]
) -> None:
    coop = offer(operator_kota_yogyakarta)

    assert as_user(outsider).get(f"/kerja-sama/{coop.pk}/riwayat/").status_code == 404


def test_the_history_takes_the_same_number_of_queries_for_5_or_60_events(
    operator_kota_yogyakarta: User,
    as_user: Callable[[User], Client],
    django_assert_max_num_queries: Callable[..., Any],
) -> None:
    coop = offer(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)
    client.get(f"/kerja-sama/{coop.pk}/riwayat/")  # the session is warm for both

    counts = []
    for more in (4, 55):
        _notes(coop, operator_kota_yogyakarta, more)
        # Session, user, membership, the cooperation, the count, the page's events with their
        # actors and regions, the header's region name.
        with django_assert_max_num_queries(8) as captured:
            assert client.get(f"/kerja-sama/{coop.pk}/riwayat/").status_code == 200
        counts.append(len(captured))

    assert counts[0] == counts[1]

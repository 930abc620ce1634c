"""The dashboard: my region's tasks with due dates, countdown in working days and the why."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from pages.records import in_dprd_review, offer


def _dashboard(client: Client) -> str:
    response = client.get("/dasbor/")
    assert response.status_code == 200
    return response.content.decode()


def _section(page: str, key: str) -> str:
    """The HTML of one section of the dashboard ("" when it is not shown)."""
    start = page.find(f'id="tasks-{key}"')
    return "" if start < 0 else page[start : page.index("</section>", start)]


def test_an_operator_sees_the_offer_awaiting_its_answer(
    operator_kota_yogyakarta: User, operator_sleman: User, as_user: Callable[[User], Client]
) -> None:
    coop = offer(operator_kota_yogyakarta)

    assert "TPST Piyungan" in _section(_dashboard(as_user(operator_sleman)), "mine")
    # The initiator has nothing to answer; it sees that it waits for Sleman and Bantul.
    page = _dashboard(as_user(operator_kota_yogyakarta))
    assert "TPST Piyungan" not in _section(page, "mine")
    waiting = _section(page, "others")
    assert "Kabupaten Sleman" in waiting
    assert "Kabupaten Bantul" in waiting
    assert f"/kerja-sama/{coop.pk}/#steps" in waiting


def test_an_open_dprd_track_shows_its_due_date_countdown_and_why(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    in_dprd_review(operator_kota_yogyakarta)

    page = _dashboard(as_user(operator_kota_yogyakarta))

    assert "TPST Piyungan" in page
    assert "23 Maret 2016" in page  # deemed approval: 15 working days from 1 March, Nyepi skipped
    # From 2 March to 23 March 2016: 14 working days (Nyepi on 9 March is not one).
    assert re.search(r'class="ksd-countdown">14 ', page)
    assert "PP 50/2007 Pasal 12 ayat (4)" in page
    assert "Nyepi" in page


def test_tasks_are_ordered_by_urgency(
    operator_kota_yogyakarta: User, operator_sleman: User, as_user: Callable[[User], Client]
) -> None:
    in_dprd_review(operator_kota_yogyakarta)
    offer(operator_kota_yogyakarta, title="Promosi wisata bersama")

    page = _dashboard(as_user(operator_sleman))

    # Sleman's DPRD track (decision due 5 April 2016) comes before the offer, which has no
    # legal deadline.
    assert page.index("TPST Piyungan") < page.index("Promosi wisata bersama")


def test_an_outsider_and_a_supervisor_without_tasks_see_none(
    operator_kota_yogyakarta: User,
    outsider: User,
    biro_pemerintahan_diy: User,
    as_user: Callable[[User], Client],
) -> None:
    in_dprd_review(operator_kota_yogyakarta)

    assert "Piyungan" not in _dashboard(as_user(outsider))
    assert "Piyungan" not in _dashboard(as_user(biro_pemerintahan_diy))


def test_the_public_is_sent_to_the_login_page(client: Client) -> None:
    assert client.get("/dasbor/").status_code == 302


def test_the_dashboard_shows_what_ksd_tick_left_for_the_region(
    operator_kota_yogyakarta: User, outsider: User, as_user: Callable[[User], Client]
) -> None:
    import datetime as dt

    from ksd.cooperation.jobs import run_tick
    from pages.records import in_dprd_review

    coop = in_dprd_review(operator_kota_yogyakarta)
    run_tick(now=dt.datetime(2016, 3, 24, 1, 0, tzinfo=dt.UTC))

    page = as_user(operator_kota_yogyakarta).get("/dasbor/").content.decode()
    assert "PP 50/2007 Pasal 12 ayat (4)" in page
    assert f"/kerja-sama/{coop.pk}/" in page
    assert coop.title not in as_user(outsider).get("/dasbor/").content.decode()

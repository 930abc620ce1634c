"""A cooperation's page: what its parties, a supervisor, an outsider and the public see."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from ksd.accounts.models import Role
from ksd.regions.models import HolidayOverride
from ksd.regions.services import calendar_for_region, record_holiday_override
from pages.records import NOW, drafted, in_dprd_review, offer
from personas import persona

# Kota Surakarta and six neighbours of Central Java.
SOLO_RAYA = ("33.72", "33.11", "33.13", "33.08", "33.09", "33.10", "33.14")


def test_an_operator_of_a_party_sees_parties_clocks_and_the_why_of_each_deadline(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)

    response = as_user(operator_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Pengelolaan sampah regional TPST Piyungan" in page
    for region in ("Kota Yogyakarta", "Sleman", "Bantul"):
        assert region in page
    assert "KB/01/2016" in page
    # The deemed approval of Kota Yogyakarta's DPRD: 15 working days from 1 March, Nyepi skipped.
    assert "23 Maret 2016" in page
    assert "PP 50/2007 Pasal 12 ayat (4)" in page
    assert "15 hari kerja sejak Selasa, 1 Maret 2016 (hari ke-0)" in page
    assert "Nyepi" in page
    # The timeline names who acted and under which article.
    assert "operator_kota_yogyakarta" in page
    assert "PP 50/2007 Pasal 7 huruf a" in page


def test_an_operator_of_a_party_gets_the_steps_it_may_take_now(
    operator_kota_yogyakarta: User, operator_sleman: User, as_user: Callable[[User], Client]
) -> None:
    coop = offer(operator_kota_yogyakarta)

    sleman_page = as_user(operator_sleman).get(f"/kerja-sama/{coop.pk}/").content.decode()
    initiator_page = (
        as_user(operator_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()
    )

    assert f'action="/kerja-sama/{coop.pk}/jawab-penawaran/' in sleman_page
    assert 'value="34.04"' in sleman_page
    assert f'action="/kerja-sama/{coop.pk}/jawab-penawaran/' not in initiator_page


def test_a_provincial_supervisor_reads_the_page_but_gets_no_forms(
    operator_kota_yogyakarta: User, biro_pemerintahan_diy: User, as_user: Callable[[User], Client]
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)

    response = as_user(biro_pemerintahan_diy).get(f"/kerja-sama/{coop.pk}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Pengelolaan sampah regional TPST Piyungan" in page
    assert "23 Maret 2016" in page
    assert 'method="post" action="/kerja-sama/' not in page
    assert 'action="/dprd/' not in page


def test_a_dprd_user_gets_the_decision_form_of_its_own_region_only(
    operator_kota_yogyakarta: User, dprd_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)

    page = as_user(dprd_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()

    assert f'action="/dprd/kerja-sama/{coop.pk}/keputusan/' in page
    assert f'action="/kerja-sama/{coop.pk}/tanda-tangan/' not in page


def test_an_outsider_gets_404_as_if_the_cooperation_did_not_exist(
    operator_kota_yogyakarta: User, outsider: User, as_user: Callable[[User], Client]
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)

    assert as_user(outsider).get(f"/kerja-sama/{coop.pk}/").status_code == 404
    assert as_user(outsider).get(f"/kerja-sama/{coop.pk + 1000}/").status_code == 404


def test_the_public_is_sent_to_the_login_page(
    operator_kota_yogyakarta: User, client: Client
) -> None:
    coop = offer(operator_kota_yogyakarta)

    response = client.get(f"/kerja-sama/{coop.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/?next=")


@pytest.mark.usefixtures("page_cache_off")
def test_the_page_takes_the_same_number_of_queries_with_3_or_7_parties(
    regions_loaded: None,
    as_user: Callable[[User], Client],
    django_assert_max_num_queries: Callable[..., Any],
) -> None:
    operator = persona("operator_kota_surakarta", Role.OPERATOR, "33.72")
    small = drafted(operator, title="Solo Raya", regions=SOLO_RAYA[:3])
    large = drafted(operator, title="Subosukowonosraten", regions=SOLO_RAYA)
    client = as_user(operator)
    client.get(f"/kerja-sama/{small.pk}/")  # the session is warm for both

    counts = []
    for coop in (small, large):
        # Session, user, membership, the cooperation, parties with regions, DPRD tracks,
        # record-keeping events, the timeline's latest events, disputes, holiday overrides,
        # the header's region name, the government affairs offered by the correction form,
        # the administrator's DPRD clocks (PP 28/2018 Pasal 6 ayat (4)), the DPRDs without an
        # account (accounts/missing_dprd.py) and the drafted documents the steps link to.
        with django_assert_max_num_queries(15) as captured:
            assert client.get(f"/kerja-sama/{coop.pk}/").status_code == 200
        counts.append(len(captured))

    assert counts[0] == counts[1]


def test_the_page_speaks_english_after_the_language_switch(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()

    assert '<html lang="en">' in page
    assert "Timeline" in page
    assert "15 working days from Tuesday, 1 March 2016 (day 0)" in page


def test_only_the_deadline_that_runs_now_counts_down(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)

    page = as_user(operator_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()

    # Kota Yogyakarta's deemed approval (after 23 March) and Sleman's DPRD review run; the
    # other dates of Kota Yogyakarta's track belong to steps already taken.
    assert page.count('class="ksd-countdown') == 2
    assert "overdue" not in page


def test_a_regional_day_off_from_the_override_table_moves_that_region_s_deadline_only(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    record_holiday_override(
        HolidayOverride(day=dt.date(2016, 3, 14), action=HolidayOverride.Action.ADD,
                        decree="Keputusan Wali Kota Yogyakarta (uji)", name="Libur daerah uji",
                        region_id="34.71"),
        actor=operator_kota_yogyakarta, now=NOW,
    )  # fmt: skip

    page = as_user(operator_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()

    # The page reads the table in one query for all regions, yet agrees with
    # calendar_for_region, which reads one region at a time.
    expected = calendar_for_region("34.71").add_working_days(dt.date(2016, 3, 1), 15)
    assert expected == dt.date(2016, 3, 24)
    assert "24 Maret 2016" in page
    assert "Libur daerah uji" in page
    assert "23 Maret 2016" not in page

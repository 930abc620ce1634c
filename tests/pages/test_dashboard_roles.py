"""Every role's dashboard tells the truth (issue 9 point 4): each operator sees every step that
waits for its region, each DPRD secretariat its tracks with their deadlines, the governor's
bureau and the Ministry the disputes for their decision, overdue DPRD tracks and stalled
cooperations of their area; the empty state only when nothing waits. Read from the stored
status, in a number of queries that does not grow with the register."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ksd.cooperation import services
from ksd.cooperation.disputes import services as disputes
from ksd.cooperation.models import Cooperation
from pages.records import ALL_CONTENTS, BUDGETED, NOW, drafted, in_dprd_review, signed_and_published

# Three months on: Sleman's DPRD (received 1 February 2016) is past its 30 working days, and
# nothing has happened on the record since 1 March.
LATER = dt.datetime(2016, 6, 1, 3, 0, tzinfo=dt.UTC)


def _page(client: Client) -> str:
    response = client.get("/dasbor/")
    assert response.status_code == 200
    return response.content.decode()


def _section(page: str, key: str) -> str:
    start = page.find(f'id="tasks-{key}"')
    return "" if start < 0 else page[start : page.index("</section>", start)]


EMPTY = "Tidak ada yang menunggu tindakan Anda."


def _between_provinces(actor: User) -> Cooperation:
    """Kota Yogyakarta (DIY) and Kota Magelang (Jawa Tengah), signed: a dispute between
    regions of two provinces goes to the Minister (PP 50/2007 Pasal 15)."""
    coop = services.make_offer(
        actor=actor, title="Jalur wisata Borobudur–Prambanan", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "33.71")],
        offered_on=dt.date(2016, 1, 4), now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=actor, party_key="33.71", on=dt.date(2016, 1, 11), now=NOW)
    services.sign_joint_agreement(coop.pk, actor=actor, number="KB/9", signed_on=dt.date(2016, 1, 18),
                                  now=NOW)  # fmt: skip
    skpd = {**BUDGETED, "within_skpd_duties": True}
    services.draft_agreement(coop.pk, actor=actor, contents=ALL_CONTENTS, term_years=5,
                             on=dt.date(2016, 1, 25), burdens={"34.71": skpd, "33.71": skpd},
                             now=NOW)  # fmt: skip
    return services.sign_agreement(coop.pk, actor=actor, number="PKS/9",
                                   signed_on=dt.date(2016, 2, 1), now=NOW)  # fmt: skip


def test_an_operator_sees_submitting_to_its_dprd(
    operator_kota_yogyakarta: User, operator_sleman: User, as_user: Callable[[User], Client]
) -> None:
    coop = drafted(operator_kota_yogyakarta)

    mine = _section(_page(as_user(operator_sleman)), "mine")

    assert coop.title in mine
    assert f"/kerja-sama/{coop.pk}/#dprd" in mine  # to the DPRD section of the page


def test_an_operator_sees_the_copies_to_send_after_signing(
    operator_kota_yogyakarta: User, operator_sleman: User, as_user: Callable[[User], Client]
) -> None:
    coop = signed_and_published(operator_kota_yogyakarta)

    for operator in (operator_kota_yogyakarta, operator_sleman):
        mine = _section(_page(as_user(operator)), "mine")
        assert coop.title in mine
        assert f"/kerja-sama/{coop.pk}/#steps" in mine


def test_a_dprd_secretariat_sees_its_own_tracks_with_deadline_and_days_left(
    operator_kota_yogyakarta: User, dprd_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)

    mine = _section(_page(as_user(dprd_kota_yogyakarta)), "mine")

    assert coop.title in mine
    assert "23 Maret 2016" in mine  # deemed approval: 15 working days from 1 March, Nyepi skipped
    assert 'class="ksd-countdown">14 ' in mine
    assert "Kabupaten Sleman" not in mine  # Sleman's track is Sleman's DPRD's


def test_the_governors_bureau_sees_the_dispute_for_the_governor(
    operator_kota_yogyakarta: User, biro_pemerintahan_diy: User, kemendagri: User,
    as_user: Callable[[User], Client],
) -> None:  # fmt: skip
    coop = signed_and_published(operator_kota_yogyakarta)
    disputes.raise_dispute(coop.pk, actor=operator_kota_yogyakarta, between=["34.71", "34.04"],
                           raised_on=dt.date(2016, 2, 15), description="Pembagian biaya.",
                           now=NOW)  # fmt: skip

    page = _page(as_user(biro_pemerintahan_diy))

    assert coop.title in _section(page, "disputes")
    assert f"/kerja-sama/{coop.pk}/#disputes" in _section(page, "disputes")
    assert EMPTY not in page
    assert coop.title not in _section(_page(as_user(kemendagri)), "disputes")


def test_the_ministry_sees_the_dispute_for_the_minister(
    operator_kota_yogyakarta: User, biro_pemerintahan_diy: User, kemendagri: User,
    as_user: Callable[[User], Client],
) -> None:  # fmt: skip
    coop = _between_provinces(operator_kota_yogyakarta)
    disputes.raise_dispute(coop.pk, actor=operator_kota_yogyakarta, between=["34.71", "33.71"],
                           raised_on=dt.date(2016, 2, 15), description="Pembagian biaya.",
                           now=NOW)  # fmt: skip

    assert coop.title in _section(_page(as_user(kemendagri)), "disputes")
    assert coop.title not in _section(_page(as_user(biro_pemerintahan_diy)), "disputes")


def test_supervisors_see_overdue_dprd_tracks_and_stalled_cooperations_of_their_area(
    operator_kota_yogyakarta: User, biro_pemerintahan_diy: User, kemendagri: User,
    operator_kota_semarang: User, as_user: Callable[[User], Client],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from ksd.cooperation.status import refresh_due
    from ksd.core.dates import today_at

    coop = in_dprd_review(operator_kota_yogyakarta)
    assert coop.title not in _page(as_user(biro_pemerintahan_diy))  # nothing late yet
    monkeypatch.setattr("ksd.core.clock.now", lambda: LATER)
    refresh_due(today_at(LATER))  # what `ksd tick` does every day

    for supervisor in (biro_pemerintahan_diy, kemendagri):
        client = as_user(supervisor)
        page = _page(client)
        overdue = _section(page, "overdue")
        assert coop.title in overdue
        assert "<mark>" in overdue
        # The stalled rules count it (cooperation/stalled.py) and link to the register, which
        # lists it: no step since 1 March, and Sleman's DPRD late.
        stalled = _section(page, "stalled")
        assert "Macet dan berisiko" in stalled
        for key in ("no_step", "dprd_overdue"):
            assert (
                f'href="/kerja-sama/?stalled={key}" class="ksd-stalled-count"><strong>1<' in stalled
            )
            assert coop.title in client.get(f"/kerja-sama/?stalled={key}").content.decode()
    # An office of another province sees neither.
    assert coop.title not in _page(as_user(operator_kota_semarang))


def test_the_empty_state_only_when_nothing_waits(
    operator_kota_yogyakarta: User, outsider: User, biro_pemerintahan_diy: User,
    as_user: Callable[[User], Client],
) -> None:  # fmt: skip
    assert EMPTY in _page(as_user(operator_kota_yogyakarta))
    coop = in_dprd_review(operator_kota_yogyakarta)

    assert EMPTY not in _page(as_user(operator_kota_yogyakarta))
    assert EMPTY in _page(as_user(outsider))
    assert coop.title not in _page(as_user(outsider))


def _queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/dasbor/").status_code == 200
    return len(queries)


def test_each_dashboard_runs_the_same_number_of_queries_at_two_sizes(
    operator_kota_yogyakarta: User, operator_sleman: User, dprd_kota_yogyakarta: User,
    biro_pemerintahan_diy: User, kemendagri: User, as_user: Callable[[User], Client],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from ksd.cooperation.status import refresh_due
    from ksd.core.dates import today_at

    users = (operator_kota_yogyakarta, operator_sleman, dprd_kota_yogyakarta,
             biro_pemerintahan_diy, kemendagri)  # fmt: skip
    clients = [as_user(u) for u in users]

    def grow(n: int) -> list[int]:
        for i in range(n):
            in_dprd_review(operator_kota_yogyakarta)
            coop = signed_and_published(operator_kota_yogyakarta, title=f"Trans Jogja {i}")
            disputes.raise_dispute(coop.pk, actor=operator_kota_yogyakarta,
                                   between=["34.71", "34.04"], raised_on=dt.date(2016, 2, 15),
                                   description="Biaya.", now=NOW)  # fmt: skip
        refresh_due(today_at(LATER))
        for client in clients:
            client.get("/dasbor/")  # warm the session and caches alike at both sizes
        return [_queries(c) for c in clients]

    monkeypatch.setattr("ksd.core.clock.now", lambda: LATER)
    small = grow(1)
    large = grow(3)

    assert small == large


def test_the_register_filters_and_sorts_by_the_stored_status(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from ksd.cooperation.status import refresh_due
    from ksd.core.dates import today_at

    late = in_dprd_review(operator_kota_yogyakarta)
    signed = signed_and_published(operator_kota_yogyakarta)
    monkeypatch.setattr("ksd.core.clock.now", lambda: LATER)
    refresh_due(today_at(LATER))
    client = as_user(operator_kota_yogyakarta)

    overdue = client.get("/kerja-sama/?overdue=on").content.decode()
    assert late.title in overdue
    assert signed.title not in overdue
    by_deadline = client.get("/kerja-sama/?sort=next_due_on").content.decode()
    # Sleman's DPRD decision (April 2016) is due long before the agreement ends (2021).
    assert by_deadline.index(late.title) < by_deadline.index(signed.title)

"""PP 28/2018's DPRD clocks for KSDD/KSDPK, entered by an administrator (issue 7 point 10).

Pasal 6 ayat (4) leaves the DPRD's time limits to a Minister's regulation (Permendagri 22/2020),
which KSD does not ship: until an administrator enters its numbers, no clock runs, and the pages
say so. Entering or withdrawing them is audited (who, when, old, new)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

import personas
from ksd.cooperation import services
from ksd.cooperation.law import assessment_for
from ksd.cooperation.models import Cooperation
from ksd.core.errors import StepRefused
from ksd.dprd import clock_settings
from ksd.dprd import services as dprd
from ksd.dprd.models import ClockSetting, ClockSettingChange
from ksd.law.facts import BURDEN_FIELDS

NOW = dt.datetime(2021, 3, 1, 2, 0, tzinfo=dt.UTC)
UNSET = "Tidak ada batas waktu DPRD yang berjalan"  # the Indonesian notice on the pages


@pytest.fixture
def administrator(regions_loaded: None) -> User:
    return personas.administrator()


@pytest.fixture
def client_of() -> Callable[[User], Client]:
    def login(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return login


def enter(admin: User, **changes: object) -> ClockSetting:
    values: dict[str, object] = {
        "in_force_from": dt.date(2020, 6, 1), "assessment": 45, "opinion": 15, "revision": 14,
        "deemed_approval": 15, "decree_number": "Permendagri Nomor 22 Tahun 2020",
        "decree_date": dt.date(2020, 4, 14), "now": NOW,
    }  # fmt: skip
    values.update(changes)
    return clock_settings.set_clocks(actor=admin, **values)  # type: ignore[arg-type]


def submitted_ksdd(actor: User) -> Cooperation:
    """Kota Yogyakarta and Sleman in 2021; Kota Yogyakarta's DPRD received the plan on 1 March."""
    coop = services.make_offer(
        actor=actor, title="Kartamantul 2021", initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=dt.date(2021, 1, 4), now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=dt.date(2021, 1, 11), now=NOW)
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB", signed_on=dt.date(2021, 1, 18), now=NOW
    )
    services.record_burdens(
        coop.pk,
        actor=actor,
        now=NOW,
        # Sleman's facts all recorded as "no": no DPRD of its own (missing is never "no").
        burdens={"34.71": {"apbd_cost": True}, "34.04": dict.fromkeys(BURDEN_FIELDS, False)},
    )
    dprd.submit_to_dprd(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2021, 3, 1), now=NOW
    )
    return coop


def track(coop: Cooperation) -> tuple[str, dt.date | None]:
    verdict = next(v for v in assessment_for(coop, as_of=dt.date(2021, 9, 1)).dprd
                   if v.region == "34.71")  # fmt: skip
    return verdict.track.status, verdict.track.deadlines["assessment_due"]


def test_until_an_administrator_enters_the_clocks_no_dprd_clock_runs_and_then_it_does(
    administrator: User, operator_kota_yogyakarta: User
) -> None:
    coop = submitted_ksdd(operator_kota_yogyakarta)
    assert track(coop) == ("under_review", None)

    enter(administrator)

    # 45 working days from Monday 1 March 2021 (day 0), skipping Isra Mi'raj (11 March) and
    # Good Friday (2 April); Nyepi fell on Sunday 14 March: Wednesday 5 May 2021.
    status, due = track(coop)
    assert status == "assessment_overdue"
    assert due == dt.date(2021, 5, 5)


def test_entering_the_clocks_is_audited_and_a_second_entry_withdraws_the_first(
    administrator: User,
) -> None:
    first = enter(administrator)
    second = enter(administrator, assessment=30, decree_number="Permendagri 22/2020 Pasal 12")

    first.refresh_from_db()
    assert first.withdrawn_at == NOW
    assert first.assessment_days == 45  # the old row keeps its values
    changes = list(ClockSettingChange.objects.order_by("id"))
    assert [(c.action, c.setting_id) for c in changes] == [
        ("set", first.pk), ("withdrawn", first.pk), ("set", second.pk),
    ]  # fmt: skip
    assert changes[2].actor == administrator
    assert changes[2].old_value["assessment"] == 45
    assert changes[2].new_value["assessment"] == 30
    assert clock_settings.clocks_on(dt.date(2021, 1, 1))["assessment"] == 30  # type: ignore[index]
    # Before the regulation's day the clocks are not in force.
    assert clock_settings.clocks_on(dt.date(2020, 5, 29)) is None


def test_withdrawing_the_clocks_stops_them_again_and_says_why(administrator: User) -> None:
    setting = enter(administrator)
    clock_settings.withdraw_clocks(
        setting.pk, actor=administrator, reason="entered by mistake", now=NOW
    )
    assert clock_settings.clocks_on(dt.date(2021, 1, 1)) is None
    change = ClockSettingChange.objects.latest("id")
    assert (change.action, change.reason, change.new_value) == (
        "withdrawn",
        "entered by mistake",
        None,
    )


def test_only_an_administrator_may_enter_the_clocks(operator_kota_yogyakarta: User) -> None:
    with pytest.raises(StepRefused):
        enter(operator_kota_yogyakarta)
    assert not ClockSetting.objects.exists()


def test_values_cannot_hold_before_their_regulation_was_made(administrator: User) -> None:
    with pytest.raises(StepRefused, match="sebelum"):
        enter(administrator, in_force_from=dt.date(2019, 1, 1))
    assert not ClockSetting.objects.exists()
    assert not ClockSettingChange.objects.exists()


def test_the_administrator_enters_the_clocks_on_the_settings_page(
    administrator: User, client_of: Callable[[User], Client]
) -> None:
    client = client_of(administrator)
    page = client.get("/pengaturan/batas-waktu-dprd/")
    assert "Belum diisi" in page.content.decode()
    response = client.post("/pengaturan/batas-waktu-dprd/", {
        "in_force_from": "2020-06-01", "assessment": "45", "opinion": "15", "revision": "14",
        "deemed_approval": "", "decree_number": "Permendagri Nomor 22 Tahun 2020",
        "decree_date": "2020-04-14",
    })  # fmt: skip
    assert response.status_code == 302
    setting = ClockSetting.objects.get()
    assert setting.deemed_approval_days is None
    assert setting.created_by == administrator
    assert (
        "Permendagri Nomor 22 Tahun 2020"
        in client.get("/pengaturan/batas-waktu-dprd/").content.decode()
    )


def test_a_bad_entry_on_the_page_is_refused_in_indonesian_and_changes_nothing(
    administrator: User, client_of: Callable[[User], Client]
) -> None:
    response = client_of(administrator).post("/pengaturan/batas-waktu-dprd/", {
        "in_force_from": "2018-07-13", "assessment": "45", "opinion": "15", "revision": "14",
        "decree_number": "Permendagri Nomor 22 Tahun 2020", "decree_date": "2020-04-14",
    })  # fmt: skip
    assert response.status_code == 400
    assert "sebelum peraturannya ditetapkan" in response.content.decode()
    assert not ClockSetting.objects.exists()


def test_the_cooperation_page_and_the_dashboard_say_no_clock_runs_until_it_is_set(
    administrator: User, operator_kota_yogyakarta: User, client_of: Callable[[User], Client],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    coop = submitted_ksdd(operator_kota_yogyakarta)
    client = client_of(operator_kota_yogyakarta)
    assert UNSET in client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert UNSET in client.get("/dasbor/").content.decode()

    enter(administrator)

    assert UNSET not in client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert UNSET not in client.get("/dasbor/").content.decode()


def test_ksd_tick_deems_approval_only_once_the_administrator_has_entered_the_clocks(
    administrator: User, operator_kota_yogyakarta: User
) -> None:
    from ksd.cooperation.jobs import run_tick
    from ksd.cooperation.models import EventKind

    coop = submitted_ksdd(operator_kota_yogyakarta)
    dprd.record_dprd_opinion(
        coop.pk, actor=operator_kota_yogyakarta, region_code="34.71",
        sent_on=dt.date(2021, 3, 8), now=dt.datetime(2021, 3, 8, 3, 0, tzinfo=dt.UTC),
    )  # fmt: skip
    dprd.record_resubmission(
        coop.pk, actor=operator_kota_yogyakarta, region_code="34.71",
        received_on=dt.date(2021, 3, 15), now=dt.datetime(2021, 3, 15, 3, 0, tzinfo=dt.UTC),
    )  # fmt: skip
    much_later = dt.datetime(2021, 8, 2, 1, 0, tzinfo=dt.UTC)
    assert run_tick(now=much_later).deemed_approvals == 0

    enter(administrator)

    assert run_tick(now=much_later).deemed_approvals == 1
    assert coop.events.get(kind=EventKind.DPRD_DEEMED_APPROVED).citation == (
        "PP 28/2018 Pasal 6 ayat (4)"
    )

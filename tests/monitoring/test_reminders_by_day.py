"""Who gets which monitoring reminder on which day, with known answers: the operators of every
party region for the reports their own agencies owe, counted in working days on the region's
calendar (the Idul Fitri holidays and cuti bersama of July 2016, an administrator's regional
day off); nobody else (a DPRD secretariat, the bureau); the provincial bureau sees the late ones
on its oversight list. The dates: a quarterly schedule whose first report is due Thursday
30 June 2016."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

import personas
from ksd.accounts.models import Role
from ksd.cooperation.models import Cooperation
from ksd.monitoring import services
from ksd.regions.models import HolidayOverride
from ksd.regions.services import record_holiday_override
from ksd.reminders.calendar import feed
from ksd.reminders.digest import digest_for, send_digests
from ksd.reminders.waiting import Waiting
from monitoring.records import SLEMAN_AGENCY, YK_AGENCY, at

D = dt.date
Login = Callable[[User], Client]
FIRST_DUE = D(2016, 6, 30)  # a Thursday
SET_ON = D(2016, 3, 1)


def operator(name: str, region: str) -> User:
    user = personas.persona(name, Role.OPERATOR, region)
    user.email = f"{name}@example.go.id"
    user.save(update_fields=["email"])
    return user


@pytest.fixture
def scheduled(coop: Cooperation) -> Cooperation:
    services.set_schedule(coop.pk, actor=personas.operator_kota_yogyakarta(), period="quarterly",
                          first_due_on=FIRST_DUE, now=at(SET_ON))  # fmt: skip
    return coop


def monev_lines(user: User, day: dt.date) -> dict[str, list[tuple[str, int | None]]]:
    """The user's digest on `day`, monitoring lines only: bucket -> (agency, working days)."""
    digest = digest_for(user, today=day)

    def ours(items: list[Waiting]) -> list[tuple[str, int | None]]:
        return sorted(
            (i.label.removeprefix("Laporan berkala "), i.working_days_left)
            for i in items if i.what.startswith("monev_report:")
        )  # fmt: skip

    found = {"overdue": ours(digest.overdue), "due_soon": ours(digest.due_soon),
             "waiting": ours(digest.waiting)}  # fmt: skip
    return {k: v for k, v in found.items() if v}


YK = YK_AGENCY
SLEMAN = SLEMAN_AGENCY


@pytest.mark.parametrize(("day", "expected"), [
    # 2 June: 20 working days left (3 June and the 19 weekdays from 6 to 30 June).
    (D(2016, 6, 2), {"waiting": [(YK, 20)]}),
    # 6 working days left: still waiting; 5 (REMINDER_WORKING_DAYS): due soon.
    (D(2016, 6, 22), {"waiting": [(YK, 6)]}),
    (D(2016, 6, 23), {"due_soon": [(YK, 5)]}),
    # The due day itself: 0 working days left, not late yet.
    (D(2016, 6, 30), {"due_soon": [(YK, 0)]}),
    # Friday 1 July: late, 1 working day.
    (D(2016, 7, 1), {"overdue": [(YK, -1)]}),
    # 4-8 July 2016 are cuti bersama and Idul Fitri: still 1 working day late on Friday 8 July,
    # 2 on Monday 11 July.
    (D(2016, 7, 8), {"overdue": [(YK, -1)]}),
    (D(2016, 7, 11), {"overdue": [(YK, -2)]}),
])  # fmt: skip
def test_the_operator_gets_its_agencys_report_on_each_day(
    scheduled: Cooperation, day: dt.date, expected: dict[str, list[tuple[str, int]]]
) -> None:  # fmt: skip
    assert monev_lines(personas.operator_kota_yogyakarta(), day) == expected


def test_a_report_is_listed_from_31_days_before_its_due_date(scheduled: Cooperation) -> None:
    yk = personas.operator_kota_yogyakarta()
    assert monev_lines(yk, D(2016, 5, 29)) == {}
    assert [agency for agency, _days in monev_lines(yk, D(2016, 5, 30))["waiting"]] == [YK]


def test_every_operator_of_every_party_region_and_nobody_else_is_reminded(
    scheduled: Cooperation, as_user: Login
) -> None:  # fmt: skip
    yk_1 = personas.operator_kota_yogyakarta()
    yk_1.email = "kerjasama@jogjakota.go.id"
    yk_1.save(update_fields=["email"])
    yk_2 = operator("operator_yk_kedua", "34.71")
    sleman = operator("operator_sleman_monev", "34.04")
    dprd = personas.dprd_kota_yogyakarta()
    dprd.email = "setwan@jogjakota.go.id"
    dprd.save(update_fields=["email"])
    bureau = personas.biro_pemerintahan_diy()
    bureau.email = "biro@jogjaprov.go.id"
    bureau.save(update_fields=["email"])
    outsider = operator("operator_medan_monev", "12.71")

    # Tuesday 5 July 2016 (cuti bersama): both reports 1 working day late.
    send_digests(now=at(D(2016, 7, 5)))
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert YK_AGENCY in bodies["kerjasama@jogjakota.go.id"]
    assert YK_AGENCY in bodies[yk_2.email]
    assert SLEMAN_AGENCY not in bodies[yk_2.email]
    assert SLEMAN_AGENCY in bodies[sleman.email]
    assert YK_AGENCY not in bodies[sleman.email]
    for address in ("setwan@jogjakota.go.id", "biro@jogjaprov.go.id", outsider.email):
        assert YK_AGENCY not in bodies.get(address, "")
        assert SLEMAN_AGENCY not in bodies.get(address, "")
    assert "1 hari kerja yang lalu" in bodies[yk_2.email]
    # The calendar feed of each operator carries its own agency's due date, nobody else's.
    assert "DTSTART;VALUE=DATE:20160630" in feed(yk_2, today=D(2016, 7, 5), now=at(D(2016, 7, 5)),
                                                 language="id").decode()  # fmt: skip
    assert "monev" not in feed(dprd, today=D(2016, 7, 5), now=at(D(2016, 7, 5)),
                               language="id").decode()  # fmt: skip

    # Sleman reports on 6 July: its operators are no longer reminded; Yogyakarta's still are.
    services.file_report(
        scheduled.pk, actor=personas.operator_sleman(), now=at(D(2016, 7, 6)),
        agency_id=scheduled.implementing_agencies.get(agency_name=SLEMAN_AGENCY).pk,
        due_on=FIRST_DUE, facts=services.ReportFacts("Berjalan", "", "", 0, D(2016, 7, 6)),
    )  # fmt: skip
    assert monev_lines(sleman, D(2016, 7, 11)) == {}
    assert monev_lines(yk_2, D(2016, 7, 11)) == {"overdue": [(YK, -2)]}

    # The bureau of DIY sees the late one on its oversight list; Sumatera Utara's does not.
    listed = as_user(bureau).get("/pengawasan/monev/").content.decode()
    assert YK_AGENCY in listed
    assert SLEMAN_AGENCY not in listed
    other = personas.persona("biro_sumut_monev", Role.PEMBINA_PROVINSI, "12")
    assert YK_AGENCY not in as_user(other).get("/pengawasan/monev/").content.decode()


def test_a_regional_day_off_counts_for_that_regions_operators_only(
    scheduled: Cooperation,
) -> None:  # fmt: skip
    record_holiday_override(
        HolidayOverride(day=D(2016, 7, 1), action=HolidayOverride.Action.ADD,
                        decree="Keputusan Wali Kota Yogyakarta (contoh uji)",
                        name="Hari libur daerah (contoh uji)", region_id="34.71",
                        source="https://example.go.id/libur-daerah"),
        actor=personas.kemendagri(), now=at(SET_ON),
    )  # fmt: skip
    # Friday 8 July: for Yogyakarta no working day since 30 June (1 July its day off, 4-8 July
    # Idul Fitri): late all the same, and the digest says so; for Sleman, 1 working day.
    assert monev_lines(personas.operator_kota_yogyakarta(), D(2016, 7, 8)) == {
        "overdue": [(YK, 0)]}  # fmt: skip
    assert monev_lines(personas.operator_sleman(), D(2016, 7, 8)) == {"overdue": [(SLEMAN, -1)]}


def test_a_due_date_on_a_saturday_is_late_on_the_sunday(coop: Cooperation) -> None:
    services.set_schedule(coop.pk, actor=personas.operator_kota_yogyakarta(), period="yearly",
                          first_due_on=D(2016, 7, 30), now=at(SET_ON))  # fmt: skip
    yk = operator("operator_yk_sabtu", "34.71")
    assert monev_lines(yk, D(2016, 7, 30)) == {"due_soon": [(YK, 0)]}
    # Sunday 31 July: late, though no working day has gone by; Monday: 1 working day late.
    assert monev_lines(yk, D(2016, 7, 31)) == {"overdue": [(YK, 0)]}
    assert monev_lines(yk, D(2016, 8, 1)) == {"overdue": [(YK, -1)]}
    send_digests(now=at(D(2016, 7, 31)))
    (message,) = [m for m in mail.outbox if m.to == [yk.email]]
    assert "30 Juli 2016, sudah lewat; belum ada hari kerja sejak itu" in message.body

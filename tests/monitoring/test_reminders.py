"""Report and obligation due dates reach the party's operators: the daily digest and the
calendar feed (ksd.reminders, through its registry of sources)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core import mail
from django.test import override_settings

import personas
from ksd.cooperation.models import Cooperation
from ksd.core.dates import show
from ksd.monitoring import services
from ksd.reminders.calendar import feed
from ksd.reminders.digest import digest_for, send_digests
from ksd.reminders.waiting import waiting_for
from monitoring.conftest import TODAY
from monitoring.records import SLEMAN_AGENCY, YK_AGENCY, at

D = dt.date
NOW = at(TODAY)
SITE = "https://ksd.jogjakota.go.id"


def with_email(user: User, email: str) -> User:
    user.email = email
    user.save(update_fields=["email"])
    return user


def scheduled_with_an_obligation(coop: Cooperation) -> None:
    yk = personas.operator_kota_yogyakarta()
    services.set_schedule(coop.pk, actor=yk, period="quarterly", first_due_on=D(2016, 3, 31),
                          now=NOW)  # fmt: skip
    services.add_obligation(
        coop.pk, actor=yk, party_id=coop.parties.get(region_id="34.71").pk, kind="milestone",
        description="Halte Malioboro selesai dibangun", due_on=D(2016, 8, 15), now=NOW,
    )  # fmt: skip


@override_settings(SITE_URL=SITE)
def test_the_operator_gets_its_agencys_late_report_and_its_coming_milestone(
    coop: Cooperation,
) -> None:
    scheduled_with_an_obligation(coop)
    with_email(personas.operator_kota_yogyakarta(), "kerjasama@jogjakota.go.id")
    with_email(personas.operator_sleman(), "kerjasama@slemankab.go.id")

    assert send_digests(now=NOW) == 2

    (yk,) = [m for m in mail.outbox if "kerjasama@jogjakota.go.id" in m.to]
    (sleman,) = [m for m in mail.outbox if "kerjasama@slemankab.go.id" in m.to]
    assert YK_AGENCY in yk.body
    assert SLEMAN_AGENCY not in yk.body
    assert show(D(2016, 3, 31)) in yk.body
    assert f"{SITE}/kerja-sama/{coop.pk}/monev/#reports" in yk.body
    assert "Halte Malioboro selesai dibangun" in yk.body
    assert f"{SITE}/kerja-sama/{coop.pk}/monev/#obligations" in yk.body
    # Sleman's digest names its own agency, not Kota Yogyakarta's milestone.
    assert SLEMAN_AGENCY in sleman.body
    assert "Halte Malioboro" not in sleman.body


def test_late_reports_are_overdue_and_the_milestone_is_due_soon(coop: Cooperation) -> None:
    scheduled_with_an_obligation(coop)
    digest = digest_for(personas.operator_kota_yogyakarta(), today=TODAY)
    (late,) = digest.overdue
    assert (late.due_on, late.cooperation, late.working_days_left < 0) == (
        D(2016, 3, 31), coop, True)  # fmt: skip
    assert YK_AGENCY in late.label
    milestone = [i for i in digest.due_soon + digest.waiting if "Halte" in i.label]
    assert [i.due_on for i in milestone] == [D(2016, 8, 15)]
    # A supervisor's digest carries none of it: the party's operators act.
    assert waiting_for(personas.biro_pemerintahan_diy(), today=TODAY) == []


def test_the_calendar_feed_lists_the_report_and_milestone_due_dates(coop: Cooperation) -> None:
    scheduled_with_an_obligation(coop)
    ics = feed(personas.operator_kota_yogyakarta(), today=TODAY, now=NOW, language="id").decode()
    assert "DTSTART;VALUE=DATE:20160331" in ics
    assert "DTSTART;VALUE=DATE:20160815" in ics
    assert f"/kerja-sama/{coop.pk}/monev/#reports" in ics

"""The daily digest: what waits for each user, due soon and overdue, with the record's own
article and a direct link, in the user's language; never twice the same day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

import personas
from ksd.core.dates import show
from ksd.reminders.digest import send_digests
from ksd.reminders.models import ReminderProfile, SentReminder
from ksd.reminders.waiting import waiting_for
from reminders.records import TITLE, TITLE_PP28, submitted_pp28, submitted_pp50

pytestmark = [pytest.mark.usefixtures("regions_loaded"),
              pytest.mark.django_db]  # fmt: skip
SITE = "https://ksd.jogjaprov.go.id"
WIB = dt.timezone(dt.timedelta(hours=7))


def at(day: dt.date, hour: int = 8) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=WIB)


def with_email(user: User, email: str) -> User:
    user.email = email
    user.save(update_fields=["email"])
    return user


@pytest.fixture
def dprd_yogya() -> User:
    return with_email(personas.dprd_kota_yogyakarta(), "setwan@jogjakota.go.id")


@pytest.fixture
def submitted(dprd_yogya: User):
    return submitted_pp50(personas.operator_kota_yogyakarta(), personas.operator_sleman())


def mails_to(address: str) -> list[mail.EmailMessage]:
    return [m for m in mail.outbox if address in m.to]


@override_settings(SITE_URL=SITE)
def test_the_dprd_gets_its_waiting_track_with_its_deadline_article_and_link(
    submitted, dprd_yogya: User
) -> None:  # fmt: skip
    today = dt.date(2016, 2, 10)
    (item,) = waiting_for(dprd_yogya, today=today)

    assert send_digests(now=at(today)) == 1

    (message,) = mails_to("setwan@jogjakota.go.id")
    assert TITLE in message.body
    assert f"{SITE}/kerja-sama/{submitted.pk}/#steps" in message.body
    assert "PP 50/2007 Pasal 12 ayat (1)" in message.body
    assert "PP 28/2018" not in message.body
    assert show(item.due_on) in message.body  # Indonesian by default: "4 April 2016"
    assert gettext("ALSO WAITING") in message.body


@override_settings(SITE_URL=SITE)
def test_a_digest_goes_once_a_day_whatever_the_number_of_runs(submitted, dprd_yogya) -> None:
    today = dt.date(2016, 2, 10)
    send_digests(now=at(today))
    send_digests(now=at(today, 9))
    send_digests(now=at(today, 15))

    assert len(mails_to("setwan@jogjakota.go.id")) == 1
    assert SentReminder.objects.filter(user=dprd_yogya, kind="digest").count() == 1

    send_digests(now=at(today + dt.timedelta(days=1)))
    assert len(mails_to("setwan@jogjakota.go.id")) == 2


def test_no_digest_before_the_morning_hour(submitted, dprd_yogya) -> None:
    assert send_digests(now=at(dt.date(2016, 2, 10), hour=5)) == 0
    assert mail.outbox == []


def test_due_soon_and_overdue_are_named_as_such(submitted, dprd_yogya: User) -> None:
    (item,) = waiting_for(dprd_yogya, today=dt.date(2016, 2, 10))
    assert item.due_on is not None

    send_digests(now=at(item.due_on - dt.timedelta(days=2)))
    send_digests(now=at(item.due_on + dt.timedelta(days=7)))

    soon, late = mails_to("setwan@jogjakota.go.id")
    assert gettext("DUE WITHIN %(days)s WORKING DAYS") % {"days": 5} in soon.body
    assert gettext("OVERDUE") in late.body
    assert gettext("OVERDUE") not in soon.body


def test_the_digest_is_in_the_users_language(submitted, dprd_yogya: User) -> None:
    ReminderProfile.objects.create(user=dprd_yogya, language="en")

    send_digests(now=at(dt.date(2016, 2, 10)))

    (message,) = mails_to("setwan@jogjakota.go.id")
    with translation.override("en"):
        assert gettext("ALSO WAITING") in message.body
        assert "10 February 2016" in message.subject
    with translation.override("id"):
        assert gettext("ALSO WAITING") not in message.body


def test_nobody_without_work_an_address_or_the_wish_gets_one(submitted, dprd_yogya) -> None:
    # Sleman's DPRD has nothing waiting; the Yogyakarta operator has no address; the disabled
    # and the unwilling get nothing either.
    with_email(personas.dprd_sleman(), "setwan@slemankab.go.id")
    personas.operator_kota_yogyakarta()
    ReminderProfile.objects.create(user=dprd_yogya, wants_digest=False)

    assert send_digests(now=at(dt.date(2016, 2, 10))) == 0
    assert mail.outbox == []


def test_a_pp28_record_cites_pp28_and_never_pp50(dprd_yogya: User) -> None:
    coop = submitted_pp28(personas.operator_kota_yogyakarta(), personas.operator_sleman())

    send_digests(now=at(dt.date(2025, 3, 12)))

    (message,) = mails_to("setwan@jogjakota.go.id")
    assert TITLE_PP28 in message.body
    assert f"/kerja-sama/{coop.pk}/" in message.body
    assert "PP 28/2018 Pasal 6" in message.body
    assert "PP 50/2007" not in message.body


@override_settings(EMAIL_BACKEND="accounts.test_regional_people.RefusingBackend")
def test_a_digest_that_could_not_be_sent_is_tried_again_next_run(submitted, dprd_yogya) -> None:
    today = dt.date(2016, 2, 10)

    assert send_digests(now=at(today)) == 0
    assert not SentReminder.objects.filter(user=dprd_yogya, was_sent=True).exists()

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        assert send_digests(now=at(today, 9)) == 1

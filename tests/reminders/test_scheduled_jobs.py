"""The scheduled jobs: `ksd tick`'s notifications reach the region's people by e-mail, once;
`ksd scheduler --once` runs everything once, and the in-process scheduler starts one thread."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils.translation import gettext

import personas
from ksd.cooperation.models import Notification
from ksd.core.dates import show
from ksd.reminders import scheduler
from ksd.reminders.models import SentReminder
from ksd.reminders.scheduler import Scheduler, run_jobs
from reminders.records import TITLE, submitted_pp50

WIB = dt.timezone(dt.timedelta(hours=7))
# Three working days before the DPRD opinion's deadline of a draft received on 1 February 2016.
NEAR_DEADLINE = dt.datetime(2016, 2, 18, 8, 0, tzinfo=WIB)


def with_email(user: User, email: str) -> User:
    user.email = email
    user.save(update_fields=["email"])
    return user


@pytest.fixture
def people_of_yogyakarta(regions_loaded: None) -> dict[str, User]:
    return {
        "dprd": with_email(personas.dprd_kota_yogyakarta(), "setwan@jogjakota.go.id"),
        "operator": with_email(personas.operator_kota_yogyakarta(), "kerjasama@jogjakota.go.id"),
        # Sleman's operator is party, but the DPRD deadline is Kota Yogyakarta's.
        "sleman": with_email(personas.operator_sleman(), "kerjasama@slemankab.go.id"),
    }


@override_settings(SITE_URL="https://ksd.example.go.id")
def test_a_dprd_deadline_is_mailed_once_to_the_regions_operator_and_dprd(
    people_of_yogyakarta: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    coop = submitted_pp50(people_of_yogyakarta["operator"], people_of_yogyakarta["sleman"])

    run_jobs(now=NEAR_DEADLINE)

    notice = Notification.objects.get(cooperation=coop, kind=Notification.Kind.DPRD_DEADLINE)
    assert notice.due_on is not None
    for address in ("setwan@jogjakota.go.id", "kerjasama@jogjakota.go.id"):
        (message,) = [m for m in mail.outbox if m.to == [address] and "/kerja-sama/" in m.body
                      and show(notice.due_on) in m.subject]  # fmt: skip
        assert TITLE in message.body
        assert notice.citation in message.body
        assert f"https://ksd.example.go.id/kerja-sama/{coop.pk}/" in message.body
    assert not [m for m in mail.outbox if m.to == ["kerjasama@slemankab.go.id"]
                and gettext("DPRD deadline for “%(title)s” on %(date)s.")[:10] in m.subject]  # fmt: skip
    first = len(mail.outbox)

    run_jobs(now=NEAR_DEADLINE + dt.timedelta(minutes=5))
    # The command reads the one clock: set to the same round, not the wall clock (which, after
    # 07:00 WIB on another day, would rightly send that day's digests).
    monkeypatch.setattr("ksd.core.clock.now", lambda: NEAR_DEADLINE + dt.timedelta(minutes=10))
    call_command("scheduler", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert len(mail.outbox) == first
    assert SentReminder.objects.filter(kind="notification").count() == 2


def test_the_scheduler_starts_one_thread_and_runs_the_jobs_once_per_round() -> None:
    ran = threading.Event()
    rounds: list[int] = []

    def job() -> None:
        rounds.append(1)
        ran.set()

    jobs = Scheduler(job, dt.timedelta(hours=1))
    assert jobs.start()
    assert not jobs.start()  # a second start is refused: still one thread
    assert ran.wait(30)
    jobs.stop()

    assert rounds == [1]
    assert [t for t in threading.enumerate() if t.name == "ksd-scheduler"] == []


@pytest.mark.django_db
def test_a_failing_round_does_not_stop_the_scheduler() -> None:
    calls: list[int] = []

    def job() -> None:
        calls.append(1)
        raise RuntimeError("SMTP down")

    jobs = Scheduler(job, dt.timedelta(hours=1))
    jobs.run_once()
    jobs.run_once()

    assert calls == [1, 1]


@override_settings(SCHEDULER_IN_PROCESS=False)
def test_the_in_process_scheduler_can_be_turned_off() -> None:
    assert scheduler.start_in_process() is None
    assert [t for t in threading.enumerate() if t.name == "ksd-scheduler"] == []

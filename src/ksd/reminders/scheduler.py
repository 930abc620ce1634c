"""The scheduled jobs, and the small in-process scheduler that runs them under `make run`.

`run_jobs` is the whole scheduled work, in order: `ksd tick` (deemed approvals, expiries, the
region's notifications), then the e-mail of new notifications and the daily digests, then the
oversight pages' counts brought up to date (oversight/warm.py). Each part
is idempotent, so running it twice, or from two processes at once, does nothing twice.

Where it runs (docs/deploy.md):
- `make run` starts `ksd run`, the development server with a scheduler thread. The thread is
  started in the process that serves (under the autoreloader: the child, once per restart of
  it; never in the watching parent), only once per process, and never in tests.
- A server runs `ksd scheduler --once` from a systemd timer (or `ksd scheduler`, which loops).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections

from ksd.cooperation.jobs import run_tick
from ksd.core import clock
from ksd.oversight.warm import warm
from ksd.reminders.digest import send_digests
from ksd.reminders.notices import send_notification_mails

log = logging.getLogger(__name__)


@dataclass
class JobsSummary:
    tick: str
    notification_mails: int
    digests: int
    oversight: str = ""

    def __str__(self) -> str:
        return (f"{self.tick}; mail: {self.notification_mails} notifications, "
                f"{self.digests} digests; {self.oversight}")  # fmt: skip


def run_jobs(*, now: dt.datetime) -> JobsSummary:
    tick = run_tick(now=now)
    mails = send_notification_mails(now=now)
    digests = send_digests(now=now)
    oversight = warm(today=clock.date_in(now))
    return JobsSummary(str(tick), mails, digests, str(oversight))


class Scheduler:
    """Runs `job` now and then every `interval`, in one daemon thread, until stopped."""

    def __init__(self, job: Callable[[], object], interval: dt.timedelta) -> None:
        self.job = job
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> bool:
        """Start the thread; False (and nothing new) if this scheduler already runs."""
        with self._lock:
            if self._thread is not None:
                return False
            self._thread = threading.Thread(target=self._loop, name="ksd-scheduler", daemon=True)
            self._thread.start()
            return True

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def wait(self) -> None:
        """Block until stopped (the `ksd scheduler` process)."""
        self._stop.wait()

    def run_once(self) -> None:
        """One round; an error is logged and the next round comes as planned."""
        try:
            self.job()
        except Exception:
            log.exception("scheduled jobs failed; next round in %s", self.interval)
        finally:
            close_old_connections()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.run_once()
            self._stop.wait(self.interval.total_seconds())


_process_scheduler: Scheduler | None = None
_process_lock = threading.Lock()


def start_in_process(report: Callable[[str], object] = log.info) -> Scheduler | None:
    """The scheduler of this server process, started once; KSD_SCHEDULER=0 turns it off. Only
    `ksd run` calls it: tests, gunicorn and other commands never start a thread."""
    global _process_scheduler
    if not settings.SCHEDULER_IN_PROCESS:
        return None
    with _process_lock:
        if _process_scheduler is None:
            _process_scheduler = Scheduler(
                lambda: report(str(run_jobs(now=clock.now()))),
                dt.timedelta(minutes=settings.SCHEDULER_MINUTES),
            )
            _process_scheduler.start()
        return _process_scheduler

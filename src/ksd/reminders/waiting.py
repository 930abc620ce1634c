"""What waits for a user: the one function reminders, the digest and the calendar read.

It reads the dashboard's sections of what waits for the user's own desk (cooperation/dashboard.py
over the stored open tasks of cooperation/status.py, by index): the region's steps, its DPRD's
tracks, the disputes for the governor or the Minister.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ksd.cooperation.after_signing.panels import copies_article
from ksd.cooperation.articles import article_of
from ksd.cooperation.dashboard import dashboard_for
from ksd.cooperation.models import Cooperation, EventKind
from ksd.cooperation.status import TASK_LABELS, TaskKind

ANSWER_OFFER = _("Answer the offer")


@dataclass
class Waiting:
    """One thing waiting for the user, with its legal deadline when it has one."""

    cooperation: Cooperation
    what: str  # the open task's kind (cooperation/status.py TaskKind)
    region_code: str
    citation: str
    due_on: dt.date | None = None
    deadline_label: str = ""
    working_days_left: int | None = None
    # Set by a registered source (below) for something that is not an open task of the
    # cooperation: its own words and the page where the user acts.
    text: str = ""
    page: str = ""
    # Set by a source whose due dates are calendar days (monitoring's reports, late the day
    # after): past due even when no working day has gone by since (a Saturday's due date, on the
    # Sunday). None: overdue once a working day has passed, as for the legal deadlines, which
    # always fall on a working day.
    late: bool | None = None

    @property
    def label(self) -> str:
        return self.text or str(TASK_LABELS.get(self.what, ANSWER_OFFER))

    @property
    def key(self) -> str:
        """Stable name of this task across runs (the calendar's UID, the sent-log's subject)."""
        return f"{self.cooperation.pk}:{self.what}:{self.region_code}"

    @property
    def is_overdue(self) -> bool:
        if self.late is not None:
            return self.late
        return self.working_days_left is not None and self.working_days_left < 0

    @property
    def path(self) -> str:
        """The cooperation's page, at its steps (where the user acts)."""
        if self.page:
            return self.page
        return reverse("cooperation:detail", args=[self.cooperation.pk]) + "#steps"


# The dashboard sections that are the user's own desk; "others" is only for reading.
OWN_SECTIONS = ("mine", "disputes")
# The step whose article a task without a legal deadline cites.
TASK_STEPS = {
    TaskKind.ANSWER_OFFER: EventKind.OFFER_ACCEPTED,
    TaskKind.SIGN_JOINT_AGREEMENT: EventKind.JOINT_AGREEMENT_SIGNED,
    TaskKind.SIGN: EventKind.SIGNED,
    TaskKind.DRAFT: EventKind.AGREEMENT_DRAFTED,
    TaskKind.SUBMIT_DPRD: EventKind.DPRD_SUBMITTED,
}


# What apps above this one add to a user's list (the digest and the calendar read it): a
# function of (user, today) returning Waiting items, registered from the app's
# AppConfig.ready(), so this app imports none of them (monitoring's report due dates).
Source = Callable[[AbstractBaseUser | AnonymousUser, dt.date], list[Waiting]]
_SOURCES: list[Source] = []


def register_source(source: Source) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def waiting_for(user: AbstractBaseUser | AnonymousUser, *, today: dt.date) -> list[Waiting]:
    """Everything waiting for `user` on `today`, the most urgent first; only what the user may
    see (the dashboard starts from the user's own region and role)."""
    found: list[Waiting] = []
    for section in dashboard_for(user, today=today).sections:
        if section.key not in OWN_SECTIONS:
            continue
        for item in section.items:
            task, deadline = item.task, item.deadline
            region = task.region_id or _own_region(user)
            if deadline is not None:
                found.append(
                    Waiting(item.cooperation, task.kind, region, deadline.citation,
                            deadline.due_on, deadline.label, deadline.working_days_left)
                )  # fmt: skip
                continue
            if task.kind == TaskKind.SEND_COPIES:
                citation = copies_article(item.cooperation, region)
            else:
                step = TASK_STEPS.get(task.kind, EventKind.DPRD_APPROVED)
                citation = article_of(item.cooperation, step)
            found.append(Waiting(item.cooperation, task.kind, region, citation, task.due_on))
    for source in _SOURCES:
        found.extend(source(user, today))
    return found


def _own_region(user: AbstractBaseUser | AnonymousUser) -> str:
    membership = getattr(user, "membership", None)
    return getattr(membership, "region_id", "") or ""

"""What waits for a user: the one function reminders, the digest and the calendar read.

For now it asks the dashboard's own query (cooperation/queries.py `tasks_for`: offers awaiting
the region's answer and the region's open DPRD tracks, read by their indexes, the law run only
over those). When stored open tasks exist (cooperation/status.py), `waiting_for` is the one place
to switch to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ksd.cooperation.articles import article_of
from ksd.cooperation.models import Cooperation, EventKind
from ksd.cooperation.queries import STATUS_LABELS, tasks_for

ANSWER_OFFER = _("Answer the offer")


@dataclass
class Waiting:
    """One thing waiting for the user, with its legal deadline when it has one."""

    cooperation: Cooperation
    what: str  # "answer_offer" or a DPRD track's status
    region_code: str
    citation: str
    due_on: dt.date | None = None
    deadline_label: str = ""
    working_days_left: int | None = None

    @property
    def label(self) -> str:
        if self.what == "answer_offer":
            return str(ANSWER_OFFER)
        return str(STATUS_LABELS.get(self.what, self.what))

    @property
    def key(self) -> str:
        """Stable name of this task across runs (the calendar's UID, the sent-log's subject)."""
        return f"{self.cooperation.pk}:{self.what}:{self.region_code}"

    @property
    def is_overdue(self) -> bool:
        return self.working_days_left is not None and self.working_days_left < 0

    @property
    def path(self) -> str:
        """The cooperation's page, at its steps (where the user acts)."""
        return reverse("cooperation:detail", args=[self.cooperation.pk]) + "#steps"


def waiting_for(user: AbstractBaseUser | AnonymousUser, *, today: dt.date) -> list[Waiting]:
    """Everything waiting for `user` on `today`, the most urgent first; only what the user may
    see (the dashboard's query starts from the access door)."""
    found: list[Waiting] = []
    for task in tasks_for(user, today=today):
        region = task.track.region_code if task.track else _own_region(user)
        deadline = task.deadline
        if deadline is not None:
            found.append(
                Waiting(
                    task.cooperation,
                    task.what,
                    region,
                    deadline.citation,
                    deadline.due_on,
                    deadline.label,
                    deadline.working_days_left,
                )
            )
        else:
            step = (
                EventKind.OFFER_ACCEPTED if task.what == "answer_offer" else EventKind.DPRD_APPROVED
            )
            citation = article_of(task.cooperation, step)
            found.append(Waiting(task.cooperation, task.what, region, citation))
    return found


def _own_region(user: AbstractBaseUser | AnonymousUser) -> str:
    membership = getattr(user, "membership", None)
    return getattr(membership, "region_id", "") or ""

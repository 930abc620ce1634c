"""Appending to a cooperation's event log: the only writer of Event rows, and the one place
every lifecycle step passes through, so the stored status (cooperation/status.py) is refreshed
here, in the step's transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from ksd.cooperation.models import Cooperation, Event, EventKind


def record_event(
    cooperation: Cooperation,
    kind: EventKind,
    *,
    actor: AbstractBaseUser | None,
    now: dt.datetime,
    on: dt.date | None = None,
    region_code: str | None = None,
    citation: str = "",
    reason: str = "",
    changes: dict[str, Any] | None = None,
) -> Event:
    event = Event.objects.create(
        cooperation=cooperation,
        kind=kind,
        actor=actor,
        at=now,
        on=on,
        region_id=region_code,
        citation=citation,
        reason=reason,
        changes=changes or {},
        # Every step sets the stage before recording its event: this is the stage it left.
        stage=cooperation.stage,
    )
    # Every step records its event last, in its transaction: the stored status follows it.
    from ksd.cooperation.status import note_step  # status reads the law bridge, which reads us

    note_step(cooperation, on=on, now=now)
    return event

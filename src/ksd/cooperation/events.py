"""Appending to a cooperation's event log: the only writer of Event rows."""

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
    return Event.objects.create(
        cooperation=cooperation,
        kind=kind,
        actor=actor,
        at=now,
        on=on,
        region_id=region_code,
        citation=citation,
        reason=reason,
        changes=changes or {},
    )

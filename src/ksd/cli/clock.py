"""Today's date for the command line, read once at the edge (ksd.law never reads a clock).

KSD_TODAY=YYYY-MM-DD fixes it, for scripts and tests that replay a past day.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from ksd.law.facts import parse_date

DEFAULT_ZONE = "Asia/Jakarta"


def today(zone: str = DEFAULT_ZONE) -> dt.date:
    fixed = os.environ.get("KSD_TODAY")
    if fixed:
        return parse_date(fixed, "KSD_TODAY")
    return dt.datetime.now(ZoneInfo(zone)).date()

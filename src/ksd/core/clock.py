"""The only place in KSD that reads the wall clock (STYLE §5.5).

Views, API handlers and jobs call now() or today_in() once per request or job and pass the
result down as `now` or `as_of`; ksd.law never reads a clock. ruff's banned-api rule (TID251)
forbids django.utils.timezone.now and localdate everywhere but here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

# Western Indonesia Time (WIB): the zone of the capital and KSD's display default.
DEFAULT_ZONE = "Asia/Jakarta"


def now() -> datetime:
    """The current instant, timezone-aware, in UTC: what audit timestamps (`*_at`) store."""
    return timezone.now().astimezone(UTC)


def today_in(zone: str = DEFAULT_ZONE) -> date:
    """Today's date on the wall calendar of `zone` ("Asia/Jakarta", "Asia/Makassar",
    "Asia/Jayapura"): a region's legal dates (`*_on`) are read in the region's own zone, so at
    23:30 WIB it is already tomorrow in Jayapura."""
    return now().astimezone(ZoneInfo(zone)).date()


def date_in(moment: datetime, zone: str = DEFAULT_ZONE) -> date:
    """The wall-calendar date of `moment` in `zone`: jobs read the clock once and derive each
    region's date from that one instant."""
    return moment.astimezone(ZoneInfo(zone)).date()

"""Region names by code, for pages that hold only a code ("34.71" -> "Kota Yogyakarta").

The map is read once per process from the 552 rows and kept: a page that names many regions
asks the database nothing more, whatever its length. Saving or deleting a Region (only
`load_reference_data` does) empties it in this process; other processes read the new names
within MAX_AGE seconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable

MAX_AGE = 300.0

_lock = threading.Lock()
_names: dict[str, str] = {}
_read_at = 0.0


def region_names() -> dict[str, str]:
    """Every region's name by its code."""
    global _names, _read_at
    if _names and time.monotonic() - _read_at < MAX_AGE:
        return _names
    from ksd.regions.models import Region

    with _lock:
        _names = dict(Region.objects.values_list("code", "name"))
        _read_at = time.monotonic()
    return _names


def region_name(code: str | None) -> str:
    """The region's name; an unknown code is shown as it is rather than hidden."""
    if not code:
        return ""
    return region_names().get(code, code)


def join_region_names(codes: Iterable[str], separator: str = ", ") -> str:
    return separator.join(region_name(code) for code in codes)


def forget(**_kwargs: object) -> None:
    """Signal receiver: the next call reads the table again."""
    global _names
    with _lock:
        _names = {}

"""Pages of a long list that never count or skip more than a bounded number of rows.

Django's Paginator counts every matching row on every page and reaches page N by skipping
(N - 1) x size rows; at national scale (100,000 cooperations) both grow with the register. Here:

- the count stops at COUNT_CAP: up to it the page says the exact number, beyond it "more than
  2,000" (one `SELECT COUNT(*) FROM (... LIMIT 2,001)`, read along the sort's index);
- pages are numbered up to the cap (80 pages of 25), so the deepest OFFSET is bounded too. A
  request beyond the last numbered page shows no rows and says how to reach the rest: the
  search and filters narrow the list, and the reversed sort starts from its other end.

Why 2,000: reading 10,000 rows to count them costs ~50 ms on SQLite and ~20 ms on PostgreSQL at
national scale, 2,000 rows a fifth of that, and nobody pages through more than 80 pages: a year, a
stage, a province or a title word finds a record in a few. A region's own register (1,700
cooperations for the busiest kabupaten of the national dataset) is still counted exactly.

The query count stays fixed: one count, one query for the page's rows (plus the caller's
prefetches), whatever the list's length.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

COUNT_CAP = 2_000


@dataclass(frozen=True)
class Page:
    object_list: list[Any]
    number: int
    count: int  # exact when not `capped`; COUNT_CAP when the list holds more
    capped: bool
    per_page: int
    beyond: bool  # the page asked for lies past the last page this list numbers

    @property
    def paginator(self) -> Page:
        """The templates written for Django's Page read `page.paginator.count`/`num_pages`."""
        return self

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def has_other_pages(self) -> bool:
        return self.has_previous() or self.has_next()

    def previous_page_number(self) -> int:
        return min(self.number, self.num_pages + 1) - 1

    def next_page_number(self) -> int:
        return self.number + 1


def page_of(rows: QuerySet[Any], number: Any, per_page: int) -> Page:
    """Page `number` (as the query string gives it: anything, defaulting to 1) of `rows`."""
    try:
        wanted = max(1, int(number))
    except (TypeError, ValueError):
        wanted = 1
    counted = rows.order_by()[: COUNT_CAP + 1].count()
    capped = counted > COUNT_CAP
    count = min(counted, COUNT_CAP)
    last = max(1, -(-count // per_page))
    if wanted > last and not capped:
        wanted = last  # as Django's get_page: a page past the end shows the last one
    beyond = wanted > last
    if beyond:
        return Page([], wanted, count, capped, per_page, beyond=True)
    start = (wanted - 1) * per_page
    return Page(list(rows[start : start + per_page]), wanted, count, capped, per_page, False)

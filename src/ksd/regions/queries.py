"""Read models over regions for pages and dashboards."""

from __future__ import annotations

from django.db.models import Count, Q

from ksd.regions.models import Region


def count_by_level() -> dict[str, int]:
    """How many regions of each level are loaded, keyed by Region.Level value, in one query."""
    return Region.objects.aggregate(
        **{level: Count("code", filter=Q(level=level)) for level in Region.Level.values}
    )

"""The register's filters on what a cooperation is about: the government affair and the
management and institution models, each of which may also ask for the records that leave the
field empty (the oversight figures' "Not recorded" links)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from ksd.cooperation.models import Cooperation

# The filter value meaning "this field is not recorded" (?affair=tanpa, ?management_model=tanpa).
UNRECORDED = "tanpa"
MODEL_FIELDS = ("management_model", "institution_model")


def narrow(rows: QuerySet[Cooperation], filters: dict[str, Any]) -> QuerySet[Cooperation]:
    """`rows` with the affair and the models `filters` ask for (RegisterFilterForm's names)."""
    affair = filters.get("affair")
    if affair == UNRECORDED:
        rows = rows.filter(affair__isnull=True)  # no affair at all
    elif affair:
        rows = rows.filter(affair=affair)
    for name in MODEL_FIELDS:
        value = filters.get(name)
        if value == UNRECORDED:
            # Stored as "" today; NULL is listed too should a record ever hold it.
            rows = rows.filter(Q(**{name: ""}) | Q(**{f"{name}__isnull": True}))
        elif value:
            rows = rows.filter(**{name: value})
    return rows

"""django-auditlog's list of changes, re-registered with KSD's guards for admin lists
(core/admin_lists.py): an impossible year in its date hierarchy, or a resource type that is no
number, shows the list again with Django's error flag instead of a server error."""

from __future__ import annotations

from typing import Any

from auditlog.admin import LogEntryAdmin
from auditlog.filters import ResourceTypeFilter
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import QuerySet
from django.http import HttpRequest

from ksd.core.admin_lists import DateHierarchyAdmin

# More digits than any id of a content type can have (a 64-bit integer has 19).
MAX_ID_DIGITS = 18


class CheckedResourceTypeFilter(ResourceTypeFilter):
    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()  # a string from the address, an id when Django counts facets
        if value is not None and not (str(value).isdigit() and len(str(value)) <= MAX_ID_DIGITS):
            raise IncorrectLookupParameters
        return super().queryset(request, queryset)  # type: ignore[no-any-return]


class CheckedLogEntryAdmin(DateHierarchyAdmin, LogEntryAdmin):  # type: ignore[misc]
    list_filter = tuple(
        CheckedResourceTypeFilter if f is ResourceTypeFilter else f
        for f in LogEntryAdmin.list_filter
    )


admin.site.unregister(LogEntry)
admin.site.register(LogEntry, CheckedLogEntryAdmin)

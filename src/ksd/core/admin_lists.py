"""What every KSD admin list needs beyond Django's: a date hierarchy that answers an
impossible year in its query string (?issued_on__year=99999999999999999999, or 9999, whose
next year does not exist) as Django answers
any other bad filter, by showing the list again with an error flag, instead of failing with
OverflowError, which Django's admin does not catch."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.http import HttpRequest


class DateHierarchyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Also turns a list filter's ValueError (a value its field cannot hold) into Django's
    error flag."""

    def get_changelist_instance(self, request: HttpRequest) -> Any:
        try:
            return super().get_changelist_instance(request)
        except (OverflowError, ValueError):
            raise IncorrectLookupParameters from None

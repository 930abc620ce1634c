from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from ksd.regions.models import Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    """Read-only: regions come from the Kemendagri list through `load_reference_data`."""

    list_display = ("code", "name", "level", "province", "is_autonomous", "timezone")
    list_filter = ("level", "province", "is_autonomous", "timezone")
    search_fields = ("code", "name")
    list_select_related = ("province",)
    list_per_page = 100

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Region | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Region | None = None) -> bool:
        return False

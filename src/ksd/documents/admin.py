"""Documents in the admin: read-only, since stored files are never replaced or removed here."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from ksd.documents.models import Document, DraftTemplate


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("original_name", "kind", "cooperation", "region", "size", "uploaded_at")
    list_filter = ("kind",)
    search_fields = ("original_name", "sha256")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Document | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Document | None = None) -> bool:
        return False


@admin.register(DraftTemplate)
class DraftTemplateAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """A region's template is added through its checked page (dokumen/templat/); here it can
    only be taken out of use (or back), never changed or removed."""

    list_display = ("name", "region", "is_active", "uploaded_by", "uploaded_at")
    list_filter = ("is_active",)
    readonly_fields = ("region", "name", "original_name", "size", "sha256", "uploaded_by",
                       "uploaded_at")  # fmt: skip

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: DraftTemplate | None = None) -> bool:
        return False

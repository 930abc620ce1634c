from __future__ import annotations

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ksd.core import clock
from ksd.core.admin_lists import DateHierarchyAdmin
from ksd.core.audit import AuditTrailAdmin
from ksd.regions.models import (
    Affair,
    Agency,
    HolidayOverride,
    Official,
    PowerOfAttorney,
    Region,
    ThirdParty,
)
from ksd.regions.services import record_holiday_override


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


@admin.register(Agency)
class AgencyAdmin(AuditTrailAdmin):
    list_display = ("name", "short_name", "region", "is_active")
    list_filter = ("is_active", "region__level", "region__province")
    search_fields = ("name", "short_name", "region__name", "region__code")
    list_select_related = ("region",)
    autocomplete_fields = ("region",)


@admin.register(Official)
class OfficialAdmin(DateHierarchyAdmin, AuditTrailAdmin):
    list_display = (
        "name",
        "position",
        "region",
        "agency",
        "is_head",
        "term_start_on",
        "term_end_on",
    )
    list_filter = ("is_head", "region__level", "region__province")
    search_fields = (
        "name",
        "nip",
        "position",
        "region__name",
        "agency__name",
        "agency__short_name",
    )
    list_select_related = ("region", "agency")
    autocomplete_fields = ("region", "agency")
    date_hierarchy = "term_start_on"


@admin.register(PowerOfAttorney)
class PowerOfAttorneyAdmin(DateHierarchyAdmin, AuditTrailAdmin):
    list_display = (
        "number",
        "region",
        "grantor",
        "grantee",
        "issued_on",
        "valid_from",
        "valid_until",
    )
    list_filter = ("region__level", "region__province", "valid_from")
    search_fields = ("number", "scope", "grantor__name", "grantee__name", "region__name")
    list_select_related = ("region", "grantor", "grantee")
    autocomplete_fields = ("region", "grantor", "grantee")
    date_hierarchy = "issued_on"


@admin.register(ThirdParty)
class ThirdPartyAdmin(AuditTrailAdmin):
    # The NIK of an individual is personal data (UU 27/2022): lists show it masked only.
    list_display = ("name", "form", "is_domestic", "npwp", "nib", "masked_nik_display")
    list_filter = ("form", "is_domestic")
    search_fields = ("name", "npwp", "nib", "contact")

    @admin.display(description=_("NIK"))
    def masked_nik_display(self, obj: ThirdParty) -> str:
        return obj.masked_nik


@admin.register(HolidayOverride)
class HolidayOverrideAdmin(DateHierarchyAdmin, AuditTrailAdmin):
    """Each row records who entered it and when; the audit trail keeps every later change and
    deletion with its actor and the old and new values."""

    list_display = ("day", "action", "name", "region", "decree", "created_by", "created_at")
    list_filter = ("action", "region__level", ("region", admin.EmptyFieldListFilter))
    search_fields = ("name", "decree", "region__name", "region__code")
    list_select_related = ("region", "created_by")
    autocomplete_fields = ("region",)
    readonly_fields = ("created_by", "created_at")
    date_hierarchy = "day"

    def save_model(
        self, request: HttpRequest, obj: HolidayOverride, form: forms.ModelForm, change: bool
    ) -> None:
        if change:
            obj.save()
            return
        record_holiday_override(obj, actor=request.user, now=clock.now())  # type: ignore[arg-type]


@admin.register(Affair)
class AffairAdmin(admin.ModelAdmin):
    """Read-only: the affairs come from UU 23/2014 Pasal 12 through `load_reference_data`."""

    list_display = ("name", "name_en", "category", "citation", "code")
    list_filter = ("category",)
    search_fields = ("code", "name", "name_en")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Affair | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Affair | None = None) -> bool:
        return False

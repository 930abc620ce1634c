"""Cooperation bodies in the admin, with their members and reports inline."""

from __future__ import annotations

from django.contrib import admin

from ksd.bodies.models import BodyMember, BodyReport, CooperationBody
from ksd.core.audit import AuditTrailAdmin


class BodyMemberInline(admin.TabularInline):  # type: ignore[type-arg]
    model = BodyMember
    extra = 0


class BodyReportInline(admin.StackedInline):  # type: ignore[type-arg]
    model = BodyReport
    extra = 0
    filter_horizontal = ("reported_to",)


@admin.register(CooperationBody)
class CooperationBodyAdmin(AuditTrailAdmin):
    list_display = ("name", "kind", "decision_number", "decided_on", "cooperation")
    list_filter = ("kind",)
    search_fields = ("name", "decision_number")
    raw_id_fields = ("cooperation",)
    inlines = (BodyMemberInline, BodyReportInline)

from __future__ import annotations

from typing import Any

from django.contrib import admin

from ksd.accounts.forms import MembershipForm
from ksd.accounts.models import Invitation, Membership
from ksd.core.audit import AuditTrailAdmin


@admin.register(Membership)
class MembershipAdmin(AuditTrailAdmin):
    """Who has which role for which region; the form refuses a region that does not fit the role."""

    form = MembershipForm
    list_display = ("user", "role", "region", "is_regional_admin", "disabled_at")
    list_filter = ("role", "is_regional_admin")
    search_fields = ("user__username", "user__first_name", "user__last_name", "region__name")
    list_select_related = ("user", "region")
    autocomplete_fields = ("user", "region")


@admin.register(Invitation)
class InvitationAdmin(AuditTrailAdmin):
    """Invitations are made on the region's people page; here they are only read."""

    list_display = ("email", "role", "region", "invited_by", "created_at", "accepted_at",
                    "revoked_at")  # fmt: skip
    list_filter = ("role",)
    search_fields = ("email", "region__name")
    list_select_related = ("region", "invited_by")
    exclude = ("key_hash",)

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

from __future__ import annotations

from django.contrib import admin

from ksd.accounts.forms import MembershipForm
from ksd.accounts.models import Membership
from ksd.core.audit import AuditTrailAdmin


@admin.register(Membership)
class MembershipAdmin(AuditTrailAdmin):
    """Who has which role for which region; the form refuses a region that does not fit the role."""

    form = MembershipForm
    list_display = ("user", "role", "region")
    list_filter = ("role",)
    search_fields = ("user__username", "user__first_name", "user__last_name", "region__name")
    list_select_related = ("user", "region")
    autocomplete_fields = ("user", "region")

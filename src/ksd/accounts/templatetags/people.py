"""`{% load people %}{% missing_dprd cooperation tracks %}`: the notice of party regions whose
DPRD has no account in KSD yet (accounts/missing_dprd.py)."""

from __future__ import annotations

from typing import Any

from django import template

from ksd.accounts.missing_dprd import missing_dprd_accounts

register = template.Library()


@register.inclusion_tag("accounts/partials/missing_dprd.html", takes_context=True)
def missing_dprd(context: Any, cooperation: Any, tracks: Any = None) -> dict[str, Any]:
    request = context.get("request")
    visitor = getattr(request, "user", None)
    return {"missing": missing_dprd_accounts(cooperation, tracks, visitor)}

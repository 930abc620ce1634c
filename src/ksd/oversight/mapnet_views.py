"""The map (/pengawasan/peta/) and the network (/pengawasan/jaringan/) of active cooperation,
each scoped to what the user oversees (oversight/mapnet_scope.py)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ksd.core.access import member_required, sees_everything
from ksd.core.page_cache import cached_page
from ksd.oversight.mapnet_pages import build_map, build_network
from ksd.oversight.mapnet_scope import COUNTRY, PROVINCE, scope_for
from ksd.oversight.shapes import provinces


@member_required
@require_safe
@cached_page
def map_page(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user, request.GET.get("provinsi"))
    view = build_map(request.user, scope)
    return render(request, "oversight/mapnet_map.html", _context(request, scope, view=view))


@member_required
@require_safe
@cached_page
def network_page(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user, request.GET.get("provinsi"))
    view = build_network(request.user, scope)
    return render(request, "oversight/mapnet_network.html", _context(request, scope, view=view))


def _context(request: HttpRequest, scope: object, **extra: object) -> dict[str, object]:
    """The province picker is the Ministry's (it may zoom to any province)."""
    picker = sees_everything(request.user)
    return {
        "scope": scope, "COUNTRY": COUNTRY, "PROVINCE": PROVINCE, "picker": picker,
        "province_choices": sorted((s.code, s.name) for s in provinces().values()) if picker
        else [],
        **extra,
    }  # fmt: skip

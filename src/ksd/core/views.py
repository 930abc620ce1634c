from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ksd.regions.queries import count_by_level


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The landing page: what KSD is, how much reference data is loaded, and the CLI."""
    counts = count_by_level()
    return render(
        request,
        "core/home.html",
        {"counts": counts, "regions_loaded": sum(counts.values()) > 0},
    )

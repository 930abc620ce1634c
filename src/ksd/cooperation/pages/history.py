"""A cooperation's full history: every recorded event, oldest first, a page at a time.

The cooperation's page shows only the latest events (queries.TIMELINE_SIZE) and links here,
so the page costs the same with 10 events or 1,000. Whoever may see the cooperation may read its
history (core/access.py); anyone else gets 404.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ksd.cooperation import queries
from ksd.cooperation.events_html import events_html
from ksd.core.access import get_cooperation_for, member_required
from ksd.core.page_cache import cached_page
from ksd.core.paging import page_of


@member_required
@require_safe
@cached_page
def history(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = get_cooperation_for(request.user, pk)
    page = page_of(
        queries.history(request.user, cooperation),
        request.GET.get("page"),
        queries.HISTORY_PAGE_SIZE,
    )
    page.object_list[:] = queries.with_kind_labels(page.object_list)
    return render(
        request,
        "cooperation/history.html",
        {"cooperation": cooperation, "page": page, "events_html": events_html(page.object_list)},
    )

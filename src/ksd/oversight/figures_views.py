"""The oversight dashboard (/pengawasan/): figures and charts over what the visitor may see."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ksd.core import clock
from ksd.core.access import member_required
from ksd.core.page_cache import cached_page
from ksd.oversight.charts import bar_chart
from ksd.oversight.figures import Breakdown, figures_for, scope_of, scope_title


@member_required
@require_safe
@cached_page
def dashboard(request: HttpRequest) -> HttpResponse:
    """The Ministry sees the country, the governor's bureau its province with its kab/kota, a
    region's operator its own region; a DPRD secretariat oversees no one (403)."""
    scope = scope_of(request.user)
    if scope is None:
        raise PermissionDenied(
            _(
                "The oversight figures are for the Ministry of Home Affairs, the governor's "
                "bureau and the regions' cooperation officers."
            )
        )
    figures = figures_for(request.user, scope, today=clock.today_in())
    charts = [
        (breakdown, bar_chart(f"chart-{breakdown.key}", breakdown.title, breakdown.bars))
        for breakdown in figures.breakdowns
    ]
    return render(
        request,
        "oversight/figures.html",
        {"figures": figures, "columns": _two_columns(charts), "scope_title": scope_title(scope)},
    )


Chart = tuple[Breakdown, SafeString]


def _two_columns(charts: list[Chart]) -> tuple[list[Chart], list[Chart]]:
    """The charts in two columns of about the same height, each in the order given: the next
    chart goes under the shorter column (a chart is as tall as its bars). A phone shows the
    first column, then the second."""
    columns: tuple[list[Chart], list[Chart]] = ([], [])
    heights = [0, 0]
    for chart in charts:
        shorter = 0 if heights[0] <= heights[1] else 1
        columns[shorter].append(chart)
        heights[shorter] += len(chart[0].bars) + 3  # the heading, the notes and the table's line
    return columns

"""Horizontal bar charts drawn on the server as inline SVG: no JavaScript, no chart library.

Each bar is a row of its own: the label on one line, the bar below it with its value at its end,
so long Indonesian labels fit a phone as well as an office screen. The chart is as wide as its
box (width 100%, bar lengths in percent) and as tall as its rows; the text keeps its size.

The Content-Security-Policy allows no style attribute (core/content_security.py): colours come
from SVG presentation attributes, which the site CSS may override by class. Each bar that has an
address is a link, named "label: value" by its <title> (screen readers, and a tooltip for a
label cut short); the <title> and <desc> name the
chart and spell out all its numbers; pages print the same numbers in a table too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

ROW = 40  # px per bar: a label line and the bar
LABEL_BASELINE = 14
BAR_TOP = 20
BAR_HEIGHT = 14
VALUE_BASELINE = 31
LONGEST_BAR = 82  # % of the width: the rest keeps room for the value at the bar's end
LABEL_CHARS = 46  # longer labels are cut in the picture; the link's name and the table hold all
INK = "#1f2933"
BAR = "#0f4c81"


class Bar(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def count(self) -> int: ...
    @property
    def shown(self) -> str: ...
    @property
    def url(self) -> str | None: ...


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar]) -> SafeString:
    """An inline <svg> of `bars`, one row each, in the given order. `chart_id` must be unique
    on the page (it names the title and the description)."""
    largest = max((bar.count for bar in bars), default=0)
    rows = format_html_join("", "{}", ((_row(i, bar, largest),) for i, bar in enumerate(bars)))
    description = "; ".join(f"{bar.label}: {bar.shown}" for bar in bars)
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="ksd-chart-svg" width="100%" '
        'height="{}" aria-labelledby="{}-title" aria-describedby="{}-desc">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        max(len(bars), 1) * ROW, chart_id, chart_id, chart_id, title, chart_id, description,
        rows,
    )  # fmt: skip


def _row(index: int, bar: Bar, largest: int) -> SafeString:
    top = index * ROW
    share = f"{LONGEST_BAR * bar.count / largest:.2f}".rstrip("0").rstrip(".") if largest else "0"
    name = f"{bar.label}: {bar.shown}"
    body = format_html(
        '<title>{}</title><rect class="ksd-bar-hit" x="0" y="{}" width="100%" height="{}" '
        'fill="transparent"/><text class="ksd-bar-label" x="0" y="{}" fill="{}">{}</text>'
        '<rect class="ksd-bar" x="0" y="{}" width="{}%" height="{}" rx="2" fill="{}"/>'
        '<text class="ksd-bar-value" x="{}%" dx="{}" y="{}" fill="{}">{}</text>',
        name, top, ROW, top + LABEL_BASELINE, INK, _short(bar.label),
        top + BAR_TOP, share, BAR_HEIGHT, BAR,
        share, 6 if bar.count else 0, top + VALUE_BASELINE, INK, bar.shown,
    )  # fmt: skip
    if bar.url is None:
        return format_html('<g class="ksd-bar-row">{}</g>', body)
    return format_html('<a class="ksd-bar-row" href="{}">{}</a>', bar.url, body)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"

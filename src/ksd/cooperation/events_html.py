"""A list of events (the cooperation page's timeline, its history and the record as it stood),
written in one pass in Python as cooperation/_events.html writes it: the constant phrases
translated once per list, each legal date formatted once. tests/pages/test_events_html.py
renders both and compares them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from ksd.cooperation.models import Event


def _esc(value: object) -> str:
    return str(conditional_escape(value))


def events_html(events: Iterable[Event]) -> SafeString:
    no_date = _esc(gettext("no legal date"))
    by = _esc(gettext("by"))
    automatic = _esc(gettext("KSD (automatic)"))
    days: dict[dt.date, str] = {}
    out = ['<ol class="ksd-timeline">\n  ']
    for event in events:
        on = event.on
        if on:
            shown = days.get(on)
            if shown is None:
                shown = days[on] = (
                    f'<time datetime="{_esc(date_filter(on, "Y-m-d"))}">{_esc(date_filter(on))}'
                    "</time>"
                )
        else:
            shown = no_date
        at = _esc(date_filter(template_localtime(event.at), "DATETIME_FORMAT"))
        entered = gettext("entered %(at)s") % {"at": at}
        actor = event.actor
        who = _esc(actor.get_full_name() or actor.get_username()) if actor else automatic
        region = f" ({_esc(event.region.name)})" if event.region else ""
        cite = f"— <cite>{_esc(event.citation)}</cite>" if event.citation else ""
        reason = (
            f'<p class="ksd-reason">{linebreaksbr(event.reason, autoescape=True)}</p>'
            if event.reason
            else ""
        )
        out.append(
            f"\n    <li>\n      <strong>{_esc(event.kind_label)}</strong>\n      — {shown}\n"  # type: ignore[attr-defined]
            f"      <small>({entered})</small>\n      — {by}: {who}{region}\n      {cite}\n"
            f"      {reason}\n    </li>\n  "
        )
    if len(out) == 1:
        out.append(f"\n    <li>{_esc(gettext('No events yet.'))}</li>\n  ")
    out.append("\n</ol>\n")
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped

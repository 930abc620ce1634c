"""The DPRD tracks of a cooperation page, written in one pass in Python.

A record with 39 DPRD tracks rendered through dprd/_track.html (with its countdown and "why"
includes) cost ~20 ms of template work per request: ~380 `{% translate %}` nodes and ~210
dates. Here every constant phrase is translated once per page, each distinct date is formatted
once, and each row is joined from precomputed strings. The markup is the template's, byte for
byte (tests/pages/test_track_html.py renders both and compares them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.template.defaultfilters import date as date_filter
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from ksd.cooperation.queries import Deadline, DprdTrack


def _esc(value: object) -> str:
    return str(conditional_escape(value))


def tracks_html(tracks: Iterable[DprdTrack]) -> SafeString:
    """Every track's <article>, as `{% for track in tracks %}{% include "dprd/_track.html" %}
    {% endfor %}` would write it."""
    words = {
        key: _esc(gettext(key))
        for key in ("Received", "opinion sent", "resubmitted", "approved", "refused",
                    "Deadline", "Due", "Countdown", "Why", "Why this date?", "Article")
    }  # fmt: skip
    dates: dict[dt.date, str] = {}

    def day(value: dt.date) -> str:
        text = dates.get(value)
        if text is None:
            text = dates[value] = _esc(date_filter(value))
        return text

    head = (
        '  <div class="table-wrap"><table class="ksd-table ksd-clocks">\n'
        f'    <thead><tr><th scope="col">{words["Deadline"]}</th><th scope="col">{words["Due"]}'
        f'</th><th scope="col">{words["Countdown"]}</th><th scope="col">{words["Why"]}</th>'
        "</tr></thead>\n    <tbody>\n"
    )
    out: list[str] = []
    for track in tracks:
        name = _esc(track.region_name)
        out.append(
            f'<article class="ksd-track" aria-label="DPRD {name}">\n'
            f'  <h3>DPRD {name} <span class="ksd-status {_esc(track.status)}">'
            f"{_esc(track.status_label)}</span></h3>\n  "
        )
        review = track.review
        if review:
            out.append(
                f'\n  <p class="ksd-track-dates">{words["Received"]}: {day(review.received_on)}'
            )
            for field, word in (("opinion_sent_on", "opinion sent"),
                                ("resubmitted_on", "resubmitted"), ("approved_on", "approved"),
                                ("rejected_on", "refused")):  # fmt: skip
                on = getattr(review, field)
                if on:
                    out.append(f"; {words[word]}: {day(on)}")
            out.append("</p>\n  ")
        out.append("\n  ")
        if track.deadlines:
            nxt = track.next_deadline
            out.append("\n" + head)
            for deadline in track.deadlines:
                countdown = _countdown(deadline) if nxt and deadline.name == nxt.name else "—"
                out.append(
                    f"    \n      <tr><td>{_esc(deadline.label)}</td><td>{day(deadline.due_on)}"
                    f"</td><td>{countdown}</td><td>{_why(deadline, words)}</td></tr>\n"
                )
            out.append("    \n    </tbody>\n  </table></div>\n  ")
        elif track.reasons:
            items = "".join(f"<li>{_esc(r)}</li>" for r in track.reasons)
            out.append(f'\n  <ul class="ksd-reasons">{items}</ul>\n  ')
        out.append("\n</article>\n")
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped


def _countdown(deadline: Deadline) -> str:
    if deadline.is_overdue:
        days = deadline.working_days_overdue
        text = _plural(
            ngettext, "%(days)s working day overdue", "%(days)s working days overdue", days
        )
        return f'<span class="ksd-countdown overdue">{text}</span>\n'
    days = deadline.working_days_left
    text = _plural(ngettext, "%(days)s working day left", "%(days)s working days left", days)
    return f'<span class="ksd-countdown">{text}</span>\n'


def _plural(translate: Callable[[str, str, int], str], one: str, many: str, days: int) -> str:
    return translate(one, many, days) % {"days": _esc(localize(days))}


def _why(deadline: Deadline, words: dict[str, str]) -> str:
    citation = _esc(deadline.citation)
    return (
        f'<details class="ksd-why">\n  <summary>{words["Why this date?"]} ({citation})</summary>\n'
        f"  <p>{words['Article']}: {citation}</p>\n"
        f"  <pre>{_esc(deadline.explanation)}</pre>\n</details>\n"
    )

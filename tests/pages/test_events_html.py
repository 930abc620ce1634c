"""A list of events, written in Python, reads as cooperation/_events.html writes it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.template.loader import get_template
from django.utils import translation

from ksd.cooperation.events_html import events_html
from ksd.cooperation.models import Event, EventKind
from ksd.regions.models import Region

UTC = dt.UTC


def _events() -> list[Event]:
    user = get_user_model()
    named = user(username="sri", first_name="Sri <b>", last_name="Rahayu & co")
    unnamed = user(username="operator_3404")
    sleman = Region(code="34.04", name="Kabupaten <Sleman>")
    rows = [
        Event(kind=EventKind.RECORD_CORRECTED, at=dt.datetime(2025, 1, 2, 23, 30, tzinfo=UTC),
              on=dt.date(2025, 1, 2), actor=named, region=sleman,
              citation="PP 28/2018 Pasal 12", reason="Salah ketik\n<script>x</script>\n\nbaris"),
        Event(kind=EventKind.OFFER_WITHDRAWN, at=dt.datetime(2025, 3, 4, 1, 0, tzinfo=UTC),
              on=dt.date(2025, 1, 2), actor=unnamed),
        Event(kind="bukan_jenis", at=dt.datetime(2025, 3, 5, 8, 0, tzinfo=UTC), on=None),
    ]  # fmt: skip
    for event in rows:
        try:
            event.kind_label = EventKind(event.kind).label
        except ValueError:
            event.kind_label = str(event.kind)
    return rows


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("empty", [False, True])
def test_the_events_read_as_the_template_writes_them(language: str, empty: bool) -> None:
    template = get_template("cooperation/_events.html")
    with translation.override(language):
        events = [] if empty else _events()
        expected = template.render({"events": events})
        written = events_html(events)

    assert written == expected
    assert "<script>" not in written
    assert "<Sleman>" not in written

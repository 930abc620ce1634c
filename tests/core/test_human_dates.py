"""Dates as letters write them: "1 Desember 2026", moments with "pukul 20.26"; English when
the user chose English."""

from __future__ import annotations

import datetime as dt

from django.template import Context, Template
from django.utils import translation

from ksd.core.dates import show

DAY = dt.date(2026, 12, 1)
MOMENT = dt.datetime(2026, 12, 1, 13, 26, tzinfo=dt.UTC)  # 20.26 WIB


def _render(text: str) -> str:
    return Template(text).render(Context({"day": DAY, "moment": MOMENT}))


def test_a_date_on_a_page_reads_as_in_a_letter() -> None:
    assert _render("{{ day|date }}") == "1 Desember 2026"
    assert _render('{{ moment|date:"DATETIME_FORMAT" }}') == "1 Desember 2026 pukul 20.26"


def test_in_english_the_month_is_english_and_the_day_comes_first() -> None:
    with translation.override("en"):
        assert _render("{{ day|date }}") == "1 December 2026"
        assert _render('{{ moment|date:"DATETIME_FORMAT" }}') == "1 December 2026, 20:26"
        assert show(DAY) == "1 December 2026"


def test_messages_write_dates_the_same_way() -> None:
    assert show(DAY) == "1 Desember 2026"

"""The server-drawn bar chart: bars in proportion to their numbers, each a named link, every
number spelled out in the chart's description, text escaped, nothing the Content-Security-Policy
blocks, and numbers written the Indonesian way."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from django.utils import translation

from ksd.oversight.charts import LONGEST_BAR, bar_chart
from ksd.oversight.figures import Figure

SVG = "{http://www.w3.org/2000/svg}"
BLOCKED = re.compile(r"\sstyle\s*=|<style|<script|\son[a-z]+\s*=", re.I)


def _chart(*figures: Figure) -> ET.Element:
    # Our own markup, built from the test's own strings.
    return ET.fromstring(str(bar_chart("chart-x", "Menurut tahap", list(figures))))  # noqa: S314


def test_bars_are_in_proportion_and_the_largest_keeps_room_for_its_value() -> None:
    svg = _chart(Figure("Ditawarkan", 40, "/a"), Figure("Ditandatangani", 10, "/b"),
                 Figure("Berakhir", 0, "/c"))  # fmt: skip

    widths = [
        rect.get("width") for rect in svg.iter(f"{SVG}rect") if rect.get("class") == "ksd-bar"
    ]

    assert widths == [f"{LONGEST_BAR}%", f"{LONGEST_BAR / 4}%", "0%"]
    assert svg.get("height") == "120"


def test_each_bar_is_a_link_named_by_its_label_and_value() -> None:
    svg = _chart(Figure("Ditawarkan", 1234, "/kerja-sama/?stage=offered&kind=foreign"))

    (link,) = svg.iter(f"{SVG}a")

    assert link.get("href") == "/kerja-sama/?stage=offered&kind=foreign"
    assert link.find(f"{SVG}title").text == "Ditawarkan: 1.234"  # type: ignore[union-attr]
    assert [t.text for t in link.iter(f"{SVG}text")] == ["Ditawarkan", "1.234"]


def test_a_bar_the_register_cannot_list_is_drawn_without_a_link() -> None:
    svg = _chart(Figure("pp99", 3, None))

    assert list(svg.iter(f"{SVG}a")) == []
    assert [t.text for t in svg.iter(f"{SVG}text")] == ["pp99", "3"]


def test_the_title_and_description_name_the_chart_and_spell_out_every_number() -> None:
    svg = _chart(Figure("Ditawarkan", 2, "/a"), Figure("Ditandatangani", 5, "/b"))

    assert svg.get("aria-labelledby") == "chart-x-title"
    assert svg.get("aria-describedby") == "chart-x-desc"
    assert svg.find(f"{SVG}title").text == "Menurut tahap"  # type: ignore[union-attr]
    assert svg.find(f"{SVG}desc").text == "Ditawarkan: 2; Ditandatangani: 5"  # type: ignore[union-attr]


def test_labels_are_escaped_and_long_ones_cut_in_the_picture_only() -> None:
    long = "Ketenteraman, ketertiban umum, dan pelindungan masyarakat <b>&</b>"
    markup = str(bar_chart("chart-x", "T", [Figure(long, 1, "/a?x=1&y=2")]))
    svg = ET.fromstring(markup)  # noqa: S314

    label = next(t for t in svg.iter(f"{SVG}text") if t.get("class") == "ksd-bar-label")

    assert "<b>" not in markup
    assert label.text is not None
    assert label.text.endswith("…")
    assert len(label.text) <= 46
    assert next(svg.iter(f"{SVG}a")).find(f"{SVG}title").text == f"{long}: 1"  # type: ignore[union-attr]
    assert 'href="/a?x=1&amp;y=2"' in markup


def test_the_chart_has_nothing_the_content_security_policy_blocks() -> None:
    markup = str(bar_chart("c", "T", [Figure("a", 1, "/a"), Figure("b", 0, None)]))

    assert BLOCKED.search(markup) is None


def test_an_empty_chart_is_still_valid_svg() -> None:
    svg = _chart()

    assert svg.get("height") == "40"
    assert list(svg.iter(f"{SVG}rect")) == []


def test_numbers_follow_the_language() -> None:
    with translation.override("en"):
        assert Figure("x", 12345, None).shown == "12,345"
    with translation.override("id"):
        assert Figure("x", 12345, None).shown == "12.345"

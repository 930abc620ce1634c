"""PlainSelect writes the markup Django's Select writes, with values and labels escaped."""

from __future__ import annotations

import re

from django import forms

from ksd.core.widgets import PlainSelect

CHOICES = [
    ("", "(semua)"),
    ("34", "DI Yogyakarta"),
    ("Wajib", [("a&b", 'Pendidikan "dasar"'), ("x", "<script>alert(1)</script>")]),
]


def _normal(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


def _both(value: str | None) -> tuple[str, str]:
    attrs = {"id": "id_pilihan"}
    plain = PlainSelect(choices=CHOICES).render("pilihan", value, attrs)
    django = forms.Select(choices=CHOICES).render("pilihan", value, attrs)
    return _normal(plain), _normal(django)


def test_the_markup_is_django_s_with_or_without_a_selection() -> None:
    for value in (None, "34", "a&b"):
        plain, django = _both(value)
        assert plain == django


def test_values_and_labels_are_escaped() -> None:
    plain, _django = _both("x")

    assert "<script>" not in plain
    assert '<option value="x" selected>&lt;script&gt;alert(1)&lt;/script&gt;</option>' in plain
    assert '<option value="a&amp;b">Pendidikan &quot;dasar&quot;</option>' in plain
    assert '<optgroup label="Wajib">' in plain

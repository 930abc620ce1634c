"""The plain widgets write the markup Django's widgets write, with values and labels escaped."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.http import QueryDict

from ksd.core.widgets import (
    PlainCheckboxInput,
    PlainNumberInput,
    PlainSelect,
    PlainTextarea,
    PlainTextInput,
    make_plain,
)

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


class Plain(forms.Form):
    q = forms.CharField(max_length=100, required=False, widget=PlainTextInput)
    year = forms.IntegerField(min_value=2007, max_value=2100, required=False,
                              widget=PlainNumberInput)  # fmt: skip
    overdue = forms.BooleanField(required=False, widget=PlainCheckboxInput)
    kind = forms.ChoiceField(choices=CHOICES, required=False, widget=PlainSelect)
    must = forms.CharField(widget=PlainTextInput)


class Django(forms.Form):
    q = forms.CharField(max_length=100, required=False)
    year = forms.IntegerField(min_value=2007, max_value=2100, required=False)
    overdue = forms.BooleanField(required=False)
    kind = forms.ChoiceField(choices=CHOICES, required=False)
    must = forms.CharField()


@pytest.mark.parametrize(
    "query",
    ["", "q=Sleman&year=2020&overdue=on&kind=34&must=x",
     'q="><script>&year=abc&overdue=&kind=nope', "year=1900&kind=a%26b&must="],
)  # fmt: skip
def test_a_form_s_fields_read_as_with_django_s_widgets(query: str) -> None:
    """Bound or not, valid or with errors (Django then adds aria-invalid): the same markup."""
    plain, django = (
        Plain(QueryDict(query) if query else None),
        Django(QueryDict(query) if query else None),
    )
    plain.is_valid(), django.is_valid()
    for name in Django.base_fields:
        assert _normal(str(plain[name])) == _normal(str(django[name])), name
    assert "<script>" not in str(plain["q"])


class Notes(forms.Form):
    text = forms.CharField(required=False, max_length=50,
                           widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    kind = forms.ChoiceField(choices=CHOICES, required=False)

    def plain(self) -> Notes:
        make_plain(self)
        return self


@pytest.mark.parametrize(
    "query", ["", "text=</textarea><b>&on=2025-01-02&kind=34", "text=a%0Ab&on=kemarin&kind=x"]
)
def test_a_form_made_plain_reads_as_with_django_s_widgets(query: str) -> None:
    data = QueryDict(query) if query else None
    plain, django = Notes(data).plain(), Notes(data)
    plain.is_valid(), django.is_valid()
    assert type(plain.fields["text"].widget) is PlainTextarea
    assert type(django.fields["text"].widget) is forms.Textarea
    for name in Notes.base_fields:
        assert _normal(str(plain[name])) == _normal(str(django[name])), name
    assert "</textarea><b>" not in str(plain["text"])

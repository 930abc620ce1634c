"""Form widgets that write their markup in Python rather than through Django's templates.

Django renders a widget through its template (input.html, which includes attrs.html), and a
select through one more include per <option>. The register's filter form, on every page of the
register, has 17 fields and about 150 options: through the templates that was a large part of
the page's CPU time (docs/performance.md). These widgets write the same markup as Django's
(same attributes in the same order, values and labels escaped as the templates escape them;
a select's options without the line breaks between them), which tests/core/test_plain_widgets.py
compares with Django's own rendering.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe


def _attrs(attrs: dict[str, Any]) -> str:
    """attrs.html: `name="value"` in the dict's order, a True value as a bare name, False
    left out."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class PlainSelect(forms.Select):
    def _options(self, choices: Iterable[Any], selected: set[str], state: list[bool]) -> str:
        parts = []
        for value, label in choices:
            value = "" if value is None else str(value)
            # Select.optgroups: only the first option with a selected value is selected.
            chosen = not state[0] and value in selected
            state[0] = state[0] or chosen
            parts.append(
                f'<option value="{conditional_escape(value)}"{" selected" if chosen else ""}>'
                f"{conditional_escape(label)}</option>"
            )
        return "".join(parts)

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        selected = set(self.format_value(value))
        state = [False]
        parts = []
        for value_or_group, label in self.choices:
            if isinstance(label, list | tuple):
                inner = self._options(label, selected, state)
                group = "" if value_or_group is None else value_or_group
                parts.append(f'<optgroup label="{conditional_escape(group)}">{inner}</optgroup>')
            else:
                parts.append(self._options([(value_or_group, label)], selected, state))
        built = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            built["multiple"] = True
        return mark_safe(  # noqa: S308 - every value and label escaped above
            f'<select name="{conditional_escape(name)}"{_attrs(built)}>{"".join(parts)}</select>'
        )


class _PlainInput:
    """input.html: type, name, the value when there is one, then the attributes."""

    input_type: str

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        context = self.get_context(name, value, attrs)["widget"]  # type: ignore[attr-defined]
        shown = context["value"]
        value_attr = "" if shown is None else f' value="{conditional_escape(shown)}"'
        return mark_safe(  # noqa: S308 - name, value and attributes escaped
            f'<input type="{context["type"]}" name="{conditional_escape(name)}"{value_attr}'
            f"{_attrs(context['attrs'])}>"
        )


class PlainTextInput(_PlainInput, forms.TextInput):
    pass


class PlainNumberInput(_PlainInput, forms.NumberInput):
    pass


class PlainCheckboxInput(_PlainInput, forms.CheckboxInput):
    pass


class PlainDateInput(_PlainInput, forms.DateInput):
    pass


class PlainTextarea(forms.Textarea):
    """textarea.html: a line break after the opening tag, then the value if there is one."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        context = self.get_context(name, value, attrs)["widget"]
        shown = context["value"]
        text = conditional_escape(shown) if shown else ""
        return mark_safe(  # noqa: S308 - name, value and attributes escaped
            f'<textarea name="{conditional_escape(name)}"{_attrs(context["attrs"])}>\n{text}'
            "</textarea>"
        )


_PLAIN: dict[type[forms.Widget], type[forms.Widget]] = {
    forms.Select: PlainSelect,
    forms.TextInput: PlainTextInput,
    forms.NumberInput: PlainNumberInput,
    forms.CheckboxInput: PlainCheckboxInput,
    forms.DateInput: PlainDateInput,
    forms.Textarea: PlainTextarea,
}


def make_plain(form: forms.BaseForm) -> None:
    """Give each field of this form instance (its own copy of the widgets) the plain widget of
    its Django widget's exact class; other widgets (radios, checkbox lists, subclasses that
    render differently) are left as they are."""
    for field in form.fields.values():
        plain = _PLAIN.get(type(field.widget))
        if plain is not None:
            field.widget.__class__ = plain

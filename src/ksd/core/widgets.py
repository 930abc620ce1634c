"""Form widgets that render long lists in Python rather than one template per option.

Django renders every <option> of a select through a template include; the register's filter
form has 72 of them (provinces and government affairs) on every page, ~15 ms of a page's 40.
PlainSelect writes the same markup (name, attributes, options, selection; groups as
<optgroup>) with format_html, which escapes every value and label.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


def _options(choices: list[dict[str, Any]]) -> SafeString:
    return format_html_join(
        "", "<option value=\"{}\"{}>{}</option>",
        ((str(o["value"]), flatatt(o["attrs"]), o["label"]) for o in choices),
    )  # fmt: skip


class PlainSelect(forms.Select):
    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group, choices, _index in widget["optgroups"]:
            if group:
                parts.append(format_html('<optgroup label="{}">{}</optgroup>', group,
                                         _options(choices)))  # fmt: skip
            else:
                parts.append(_options(choices))
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"], flatatt(widget["attrs"]), SafeString("".join(parts)),
        )  # fmt: skip

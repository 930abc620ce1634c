"""The forms and query-string links of a page, read from its HTML as a browser would, so that a
test can fill and send them (tests/pages/test_no_server_error.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, select, checkbox, radio, date, number, hidden, file, ...
    value: str = ""
    options: list[str] = field(default_factory=list)
    checked: bool = False


@dataclass
class Form:
    action: str
    method: str
    fields: list[Field] = field(default_factory=list)

    def names(self) -> list[str]:
        return list(dict.fromkeys(f.name for f in self.fields if f.kind != "file"))

    def file_fields(self) -> list[str]:
        return [f.name for f in self.fields if f.kind == "file"]

    def filled(self) -> dict[str, str | list[str]]:
        """What a patient user would send: every box ticked, the first real option chosen,
        required-looking text filled, the dates proposed by the page kept."""
        data: dict[str, str | list[str]] = {}
        for f in self.fields:
            if f.name == "csrfmiddlewaretoken" or f.kind == "file":
                continue
            if f.kind == "checkbox":
                values = data.setdefault(f.name, [])
                assert isinstance(values, list)
                values.append(f.value or "on")
            elif f.kind == "radio":
                if f.checked or f.name not in data:
                    data[f.name] = f.value
            elif f.kind == "select":
                chosen = f.value or next((o for o in f.options if o), "")
                data[f.name] = chosen
            elif f.kind == "date":
                data[f.name] = f.value or "2016-03-01"
            elif f.kind == "number":
                data[f.name] = f.value or "1"
            else:
                data[f.name] = f.value or ("1" if f.kind != "hidden" else "")
        return data


class _Reader(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href", "").startswith("?"):
            self.links.append(a["href"])
        elif tag == "form":
            action = urljoin(self.base, a.get("action") or self.base)
            self._form = Form(action=action, method=(a.get("method") or "get").lower())
            self.forms.append(self._form)
        elif self._form is None or not a.get("name"):
            if tag == "option" and self._select is not None:
                self._select.options.append(a.get("value", ""))
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "reset", "image"):
                return
            self._form.fields.append(
                Field(a["name"], kind, a.get("value", ""), checked="checked" in a)
            )
        elif tag == "select":
            self._select = Field(a["name"], "select")
            self._form.fields.append(self._select)
        elif tag == "textarea":
            self._textarea = Field(a["name"], "textarea")
            self._form.fields.append(self._textarea)
        if tag == "option" and self._select is not None and "selected" in a:
            self._select.value = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea.value += data


def read(html: str, url: str) -> tuple[list[Form], set[str]]:
    """The forms of the page at `url`, and the names of the query parameters its links use."""
    reader = _Reader(url)
    reader.feed(html)
    params = {name for link in reader.links for name, _v in parse_qsl(urlsplit(link).query)}
    return reader.forms, params

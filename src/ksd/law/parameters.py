"""Dated, sourced parameters for choices the regulations leave open (law/data/parameters.yaml)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from ksd.law.citations import Lang, Text


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    value: Any
    label: Text
    source: str
    since: dt.date

    def to_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "label": self.label.render(lang),
            "source": self.source,
            "since": self.since.isoformat(),
        }


class ParameterError(ValueError):
    """The parameter file is malformed: a programming or administration error, not user input."""


@functools.cache
def _table() -> dict[str, tuple[Text, tuple[tuple[dt.date, Any, str], ...]]]:
    raw = yaml.safe_load(
        resources.files("ksd.law").joinpath("data/parameters.yaml").read_text("utf-8")
    )
    table: dict[str, tuple[Text, tuple[tuple[dt.date, Any, str], ...]]] = {}
    for name, spec in raw["parameters"].items():
        entries = []
        for since, entry in sorted(spec["values"].items()):
            if not isinstance(since, dt.date):
                raise ParameterError(f"{name}: key {since!r} is not a YYYY-MM-DD date")
            if not isinstance(entry, dict) or not str(entry.get("source", "")).strip():
                raise ParameterError(f"{name} {since}: every value needs a source")
            entries.append((since, entry.get("value"), " ".join(str(entry["source"]).split())))
        label = Text(" ".join(spec["label_id"].split()), " ".join(spec["label_en"].split()))
        table[name] = (label, tuple(entries))
    return table


def parameter(name: str, *, on: dt.date) -> Parameter:
    """The value of `name` in force on `on` (None before its first date or after a null)."""
    label, entries = _table()[name]
    current: tuple[dt.date, Any, str] | None = None
    for entry in entries:
        if entry[0] <= on:
            current = entry
    if current is None:
        return Parameter(name, None, label, "", on)
    return Parameter(name, current[1], label, current[2], current[0])


def parameter_names() -> tuple[str, ...]:
    return tuple(_table())

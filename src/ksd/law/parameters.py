"""Dated, sourced parameters for choices the regulations leave open (law/data/parameters.yaml)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ksd.law import yaml_data
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
    raw = yaml_data.safe_load(
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


@dataclass(frozen=True, slots=True)
class ParameterValue:
    """A dated value of a parameter supplied by the caller, e.g. the value an administrator
    entered in the web app from the Minister's regulation, with that regulation as its source."""

    name: str
    since: dt.date
    value: Any
    source: str


_SUPPLIED: ContextVar[tuple[ParameterValue, ...]] = ContextVar("ksd_law_parameters", default=())


@contextmanager
def supplied_values(values: Iterable[ParameterValue]) -> Iterator[None]:
    """Within the block, `values` join the bundled dated values: the latest value dated on or
    before the day wins, and a supplied value wins over a bundled one of the same date. ksd.law
    reads nothing itself; the caller hands the values in (assess(..., parameters=...))."""
    values = tuple(values)
    for v in values:
        if v.name not in _table():
            raise ParameterError(f"unknown parameter {v.name!r}")
        if not v.source.strip():
            raise ParameterError(f"{v.name} {v.since}: every value needs a source")
    token = _SUPPLIED.set(_SUPPLIED.get() + values)
    try:
        yield
    finally:
        _SUPPLIED.reset(token)


def parameter(name: str, *, on: dt.date) -> Parameter:
    """The value of `name` in force on `on` (None before its first date or after a null)."""
    label, bundled = _table()[name]
    supplied = [(v.since, v.value, v.source) for v in _SUPPLIED.get() if v.name == name]
    # Sorted by date; on the same date the supplied value comes last, so it wins.
    entries = sorted(
        [(e, 0) for e in bundled] + [(e, 1) for e in supplied], key=lambda x: (x[0][0], x[1])
    )
    current: tuple[dt.date, Any, str] | None = None
    for entry, _rank in entries:
        if entry[0] <= on:
            current = entry
    if current is None:
        return Parameter(name, None, label, "", on)
    return Parameter(name, current[1], label, current[2], current[0])


def parameter_names() -> tuple[str, ...]:
    return tuple(_table())


def every_value(name: str) -> tuple[Any, ...]:
    """Every value `name` takes on any date, bundled or supplied (None included): what a caller
    needs to bound a computation over all dates, e.g. the longest DPRD clock."""
    _label, bundled = _table()[name]
    return tuple(v for _since, v, _source in bundled) + tuple(
        v.value for v in _SUPPLIED.get() if v.name == name
    )

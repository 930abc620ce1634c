"""The law's data files (parameters, holidays, the UU 23/2014 annex) read with libyaml's safe
loader when PyYAML has it: the same documents, read several times faster than by the pure
Python parser (the annex alone took 0.6 s, once per process, in each web worker and tick)."""

from __future__ import annotations

from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


def safe_load(text: str) -> Any:
    """yaml.safe_load, with the C parser when there is one."""
    return yaml.load(text, Loader=_SafeLoader)

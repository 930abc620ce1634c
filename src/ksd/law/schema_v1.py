"""Readers of `ksd.assess/1`: version 2 output translated back to what version 1 meant.

Version 2 changed the meaning of one field: `dispute.authority` (with its `province`, `citation`
and `message`) names the one authority whose power reaches every pair, or null. Version 1 named the
most senior route among the pairs (menteri over gubernur over perjanjian), and null only when a
pair was uncovered. Every other field of version 1 keeps its name and meaning in version 2 (new
fields were added); `to_v1` rebuilds the old `dispute` from `dispute.pairs` and labels the output
`ksd.assess/1`. `ksd assess --schema 1` prints it.
"""

from __future__ import annotations

import copy
from typing import Any

SCHEMA_V1 = "ksd.assess/1"
_RANK = {"menteri": 3, "gubernur": 2, "perjanjian": 1, "negosiasi_konsultasi": 1}
_ROUTE_KEYS = ("authority", "province", "citation", "message")


def to_v1(output: dict[str, Any]) -> dict[str, Any]:
    """The same assessment in the version 1 contract."""
    old = copy.deepcopy(output)
    old["schema"] = SCHEMA_V1
    dispute = old.get("dispute")
    pairs = dispute.get("pairs") if dispute else None
    if dispute and pairs:
        uncovered = [p for p in pairs if p["authority"] is None]
        chosen = (
            uncovered[0] if uncovered else max(pairs, key=lambda p: _RANK.get(p["authority"], 0))
        )
        for key in _ROUTE_KEYS:
            dispute[key] = chosen[key]
    return old

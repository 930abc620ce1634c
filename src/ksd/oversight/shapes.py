"""The map's shapes, read once per process from oversight/data/map_shapes.json (built by
`ksd build_map_shapes`; boundaries of github.com/cahyadsn/wilayah_boundaries, MIT licence in
LICENSE-wilayah_boundaries.txt beside the data)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SHAPES_FILE = Path(__file__).parent / "data" / "map_shapes.json"


@dataclass(frozen=True)
class Shape:
    code: str
    name: str
    d: str  # SVG path data in the file's projection (shapes_build.project)
    box: tuple[int, int, int, int]  # min x, min y, max x, max y
    centre: tuple[int, int]  # a point on the region's largest part, for the network's nodes


@cache
def _load() -> dict[str, dict[str, Shape]]:
    raw = json.loads(SHAPES_FILE.read_text(encoding="utf-8"))
    return {
        level: {
            code: Shape(code, row["name"], row["d"], tuple(row["box"]), tuple(row["c"]))
            for code, row in raw[level].items()
        }
        for level in ("provinces", "kabkota")
    }


def provinces() -> dict[str, Shape]:
    return _load()["provinces"]


def kabkota() -> dict[str, Shape]:
    return _load()["kabkota"]


def shape_of(code: str) -> Shape | None:
    return provinces().get(code) or kabkota().get(code)


def box_of(shapes: list[Shape], margin: float = 0.04) -> tuple[int, int, int, int]:
    """The viewBox (x, y, width, height) around `shapes`, with a margin on each side."""
    x0 = min(s.box[0] for s in shapes)
    y0 = min(s.box[1] for s in shapes)
    x1 = max(s.box[2] for s in shapes)
    y1 = max(s.box[3] for s in shapes)
    pad = round(max(x1 - x0, y1 - y0) * margin)
    return (x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad)

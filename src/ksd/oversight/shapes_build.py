"""Build the map's shapes (oversight/data/map_shapes.json) from the simplified boundaries of
github.com/cahyadsn/wilayah_boundaries (provinces.geojson, kabkota.geojson; MIT, see
oversight/data/LICENSE-wilayah_boundaries.txt). Run by `ksd build_map_shapes --source DIR`.

Pages must stay light on slow intranets, so each shape is simplified further (Douglas-Peucker),
projected once to integer SVG units and written as compact relative path data. The projection is
plain equirectangular: Indonesia lies across the equator (11° S to 6° N), where a degree of
longitude and one of latitude are within 2 % of each other, so no scaling by latitude is needed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

# SVG units per degree: one unit is 0.001° (about 110 m), finer than any tolerance below.
SCALE = 1000
# The projection's origin (north-west corner): west of Sabang, north of Natuna.
WEST = 94.9
NORTH = 6.2
# Douglas-Peucker tolerance in degrees, the larger for regions drawn on the national map.
TOLERANCE = {"provinces": 0.02, "kabkota": 0.012}
# Smaller regions get a finer tolerance (a share of the square root of their area), so a small
# kota keeps its shape instead of collapsing to a triangle.
TOLERANCE_SHARE = 0.04
# Islands (polygons) smaller than this share of their region's largest polygon are dropped,
# except that every region keeps its largest MAX_KEPT parts at least.
MIN_ISLAND_SHARE = 0.01
MIN_ISLAND_AREA = {"provinces": 0.004, "kabkota": 0.0006}  # square degrees (~50 / ~7 km²)
MAX_KEPT = 3

Point = tuple[float, float]


def project(lon: float, lat: float) -> Point:
    return ((lon - WEST) * SCALE, (NORTH - lat) * SCALE)


def _distance_to_segment(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)
    t = max(0.0, min(1.0, t))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """The points of an open line that stay when every dropped point lies within `tolerance` of
    the simplified line (iterative, so long coasts do not hit the recursion limit)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, far_index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance_to_segment(points[i], points[first], points[last])
            if d > far:
                far, far_index = d, i
        if far_index >= 0 and far > tolerance:
            keep[far_index] = True
            stack.append((first, far_index))
            stack.append((far_index, last))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(ring: Sequence[Point], tolerance: float) -> list[tuple[int, int]]:
    """A closed ring simplified and rounded to whole units (without the closing point); empty
    when fewer than three distinct corners are left."""
    points = list(ring[:-1]) if len(ring) > 1 and ring[0] == ring[-1] else list(ring)
    if len(points) < 3:
        return []
    # Split at the point farthest from the first, so both halves are open lines.
    split = max(range(len(points)), key=lambda i: math.dist(points[0], points[i]))
    half_a = douglas_peucker([*points[: split + 1]], tolerance)
    half_b = douglas_peucker([*points[split:], points[0]], tolerance)
    rounded: list[tuple[int, int]] = []
    for x, y in half_a[:-1] + half_b[:-1]:
        point = (round(x), round(y))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    return rounded if len(set(rounded)) >= 3 else []


def ring_area(ring: Sequence[Point]) -> float:
    """Unsigned area by the shoelace formula, in the ring's own units squared."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def ring_centroid(ring: Sequence[Point]) -> Point:
    total = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x1 * y2 - x2 * y1
        total += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if total == 0:
        return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
    return (cx / (3 * total), cy / (3 * total))


def path_data(rings: Iterable[Sequence[tuple[int, int]]]) -> str:
    """SVG path data with relative moves ("M12 34l5-6 7 8z"), the shortest plain form."""
    parts: list[str] = []
    previous = (0, 0)
    for index, ring in enumerate(rings):
        x, y = ring[0]
        if index == 0:
            parts.append(f"M{x} {y}")
        else:
            parts.append(f"m{_pair(x - previous[0], y - previous[1])}")
        steps = [_pair(b[0] - a[0], b[1] - a[1]) for a, b in pairwise(ring)]
        parts.append("l" + _join(steps) + "z")
        previous = (x, y)  # after z the current point is the ring's start
    return "".join(parts)


def _pair(dx: int, dy: int) -> str:
    return f"{dx}{'' if dy < 0 else ' '}{dy}"


def _join(pairs: list[str]) -> str:
    # A minus sign separates numbers by itself.
    out = ""
    for pair in pairs:
        out += pair if not out or pair.startswith("-") else " " + pair
    return out


def simplify_feature(geometry: dict[str, Any], level: str) -> dict[str, Any] | None:
    """One region: its path data, bounding box and a centroid on its largest part."""
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    projected = [[[project(lon, lat) for lon, lat in ring] for ring in poly] for poly in polygons]
    areas = [ring_area(poly[0]) for poly in projected]
    largest = max(areas)
    tolerance = min(TOLERANCE[level], TOLERANCE_SHARE * math.sqrt(largest) / SCALE) * SCALE
    order = sorted(range(len(projected)), key=lambda i: -areas[i])
    min_area = max(MIN_ISLAND_AREA[level] * SCALE * SCALE, MIN_ISLAND_SHARE * largest)
    rings: list[list[tuple[int, int]]] = []
    for rank, i in enumerate(order):
        if rank >= MAX_KEPT and areas[i] < min_area:
            continue
        outer = simplify_ring(projected[i][0], tolerance)
        if not outer:
            continue
        rings.append(outer)
        for hole in projected[i][1:]:
            if ring_area(hole) >= min_area:
                simplified = simplify_ring(hole, tolerance)
                if simplified:
                    rings.append(simplified)
    if not rings:
        return None
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    cx, cy = ring_centroid(projected[order[0]][0])
    return {
        "d": path_data(rings),
        "box": [min(xs), min(ys), max(xs), max(ys)],
        "c": [round(cx), round(cy)],
    }


def build(source: Path) -> dict[str, Any]:
    """The whole shapes file from the folder holding provinces.geojson and kabkota.geojson."""
    result: dict[str, Any] = {}
    for level in ("provinces", "kabkota"):
        collection = json.loads((source / f"{level}.geojson").read_text(encoding="utf-8"))
        result.setdefault("source", collection.get("source", ""))
        result.setdefault("license", collection.get("license", ""))
        regions: dict[str, Any] = {}
        for feature in collection["features"]:
            shape = simplify_feature(feature["geometry"], level)
            if shape is not None:
                regions[feature["properties"]["code"]] = {"name": feature["properties"]["name"],
                                                          **shape}  # fmt: skip
        result[level] = dict(sorted(regions.items()))
    result["note"] = (
        "Simplified for overview maps (Douglas-Peucker, ksd build_map_shapes); not for measuring "
        f"or legal use. Equirectangular projection: x = (lon - {WEST}) * {SCALE}, "
        f"y = ({NORTH} - lat) * {SCALE}."
    )
    return result


def write(shapes: dict[str, Any], target: Path) -> int:
    """Write `shapes` as compact JSON, one region per line so a rebuild diffs readably."""
    head = {k: v for k, v in shapes.items() if k not in ("provinces", "kabkota")}
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    for level in ("provinces", "kabkota"):
        lines.append(f"{json.dumps(level)}: {{")
        items = list(shapes[level].items())
        for n, (code, region) in enumerate(items):
            comma = "," if n < len(items) - 1 else ""
            compact = json.dumps(region, ensure_ascii=False, separators=(",", ":"))
            lines.append(f"{json.dumps(code)}: {compact}{comma}")
        lines.append("}," if level == "provinces" else "}")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    target.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))

"""The map's shipped shapes (oversight/data/map_shapes.json) and the build that makes them
(`ksd build_map_shapes`, oversight/shapes_build.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ksd.law.regions import all_regions
from ksd.oversight import shapes
from ksd.oversight.shapes_build import douglas_peucker, path_data, simplify_ring

DATA = Path(shapes.__file__).parent / "data"


def test_every_province_and_kabupaten_kota_is_shipped_small_with_its_licence() -> None:
    raw = json.loads(shapes.SHAPES_FILE.read_text(encoding="utf-8"))
    codes = set(all_regions())

    assert len(raw["provinces"]) == 38
    assert len(raw["kabkota"]) == 514
    assert set(raw["provinces"]) | set(raw["kabkota"]) == codes
    assert shapes.SHAPES_FILE.stat().st_size < 300_000
    assert "wilayah_boundaries" in raw["source"]
    assert raw["license"].startswith("MIT")
    assert "Cahya DSN" in (DATA / "LICENSE-wilayah_boundaries.txt").read_text(encoding="utf-8")
    assert shapes.kabkota()["34.04"].name == "Kabupaten Sleman"


def test_douglas_peucker_drops_the_points_within_the_tolerance() -> None:
    line = [(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 5.0), (4.0, 6.0), (5.0, 7.0), (6.0, 0.0)]

    # (1, 0.1) is 0.15 from the line through its neighbours, (4, 6) lies on it; (3, 5) is 1.06 away
    assert douglas_peucker(line, 0.5) == [
        (0.0, 0.0),
        (2.0, -0.1),
        (3.0, 5.0),
        (5.0, 7.0),
        (6.0, 0.0),
    ]
    assert douglas_peucker(line, 100) == [(0.0, 0.0), (6.0, 0.0)]


def test_a_ring_becomes_relative_path_data_and_a_sliver_disappears() -> None:
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 0.2), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]

    ring = simplify_ring(square, 1.0)

    assert sorted(ring) == [(0, 0), (0, 10), (10, 0), (10, 10)]
    assert path_data([[(0, 0), (10, 0), (10, 10)]]) == "M0 0l10 0 0 10z"
    assert simplify_ring([(0.0, 0.0), (0.2, 0.1), (0.4, 0.0), (0.0, 0.0)], 1.0) == []


def test_the_build_command_writes_every_region_and_refuses_a_short_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def collection(features: list[tuple[str, str]]) -> str:
        square = [[[95.0, 5.0], [95.5, 5.0], [95.5, 5.5], [95.0, 5.5], [95.0, 5.0]]]
        return json.dumps({"source": "uji", "license": "MIT", "features": [
            {"properties": {"code": c, "name": n},
             "geometry": {"type": "Polygon", "coordinates": square}}
            for c, n in features
        ]})  # fmt: skip

    (tmp_path / "provinces.geojson").write_text(collection([("11", "Aceh")]), encoding="utf-8")
    (tmp_path / "kabkota.geojson").write_text(collection([("11.01", "X")]), encoding="utf-8")
    out = tmp_path / "shapes.json"

    with pytest.raises(CommandError, match="38 provinsi dan 514"):
        call_command("build_map_shapes", source=tmp_path, out=out)
    assert not out.exists()

    monkeypatch.setattr("ksd.oversight.management.commands.build_map_shapes.PROVINCES", 1)
    monkeypatch.setattr("ksd.oversight.management.commands.build_map_shapes.KABKOTA", 1)
    call_command("build_map_shapes", source=tmp_path, out=out)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["license"] == "MIT"
    assert written["provinces"]["11"]["d"] == "M100 1200l500 0 0-500-500 0z"
    assert written["kabkota"]["11.01"]["name"] == "X"

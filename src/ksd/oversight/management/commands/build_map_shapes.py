from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from ksd.oversight.shapes import SHAPES_FILE
from ksd.oversight.shapes_build import build, write

# Every province and kab/kota of the Kemendagri list (Kepmendagri 300.2.2-2138/2025).
PROVINCES, KABKOTA = 38, 514


class Command(BaseCommand):
    help = (
        "Rebuild oversight/data/map_shapes.json (the map's simplified shapes as SVG path data) "
        "from provinces.geojson and kabkota.geojson of the wilayah_boundaries build "
        "(oversight/data/README.md). Run by developers when the boundaries change."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--source", type=Path, required=True,
                            help="folder with provinces.geojson and kabkota.geojson")  # fmt: skip
        parser.add_argument("--out", type=Path, default=SHAPES_FILE)

    def handle(self, *args: Any, **options: Any) -> None:
        source: Path = options["source"]
        if (
            not (source / "provinces.geojson").is_file()
            or not (source / "kabkota.geojson").is_file()
        ):
            raise CommandError(_("%(path)s holds no provinces.geojson and kabkota.geojson.")
                               % {"path": source})  # fmt: skip
        shapes = build(source)
        found = (len(shapes["provinces"]), len(shapes["kabkota"]))
        if found != (PROVINCES, KABKOTA):
            raise CommandError(
                _("Expected %(p)d provinces and %(k)d kabupaten/kota, found %(fp)d and %(fk)d.")
                % {"p": PROVINCES, "k": KABKOTA, "fp": found[0], "fk": found[1]}
            )
        size = write(shapes, options["out"])
        self.stdout.write(
            _("%(p)d provinces and %(k)d kabupaten/kota written to %(path)s (%(kb)d kB).")
            % {"p": found[0], "k": found[1], "path": options["out"], "kb": size // 1000}
        )

"""What the map page and the network page draw, from the aggregates of oversight/mapnet.py and
the shapes of oversight/shapes.py: plain data the templates turn into SVG."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ksd.cooperation.models import Cooperation, Party
from ksd.oversight import mapnet
from ksd.oversight.mapnet_scope import (
    COUNTRY,
    FLAG_ORDER,
    PALETTE,
    PROVINCE,
    REGION,
    Band,
    Scope,
    band_of,
    bands,
    flagged,
    register_link,
)
from ksd.oversight.shapes import Shape, box_of, kabkota, provinces, shape_of
from ksd.regions.flags import Flag
from ksd.regions.models import Region
from ksd.regions.names import region_name

Visitor = AbstractBaseUser | AnonymousUser
Box = tuple[int, int, int, int]


def _active_text(name: str, count: int) -> str:
    return ngettext(
        "%(name)s: %(count)d active cooperation", "%(name)s: %(count)d active cooperations", count
    ) % {"name": name, "count": count}


def _flag_text(flags: list[Flag]) -> str:
    return "".join(f" ({flag.label})" for flag in flags)


@dataclass
class Area:
    """One region drawn on the map, or one row of the table beside it."""

    code: str
    name: str
    d: str
    count: int
    band: int
    href: str
    flags: list[Flag]
    drill: str = ""  # the Ministry's link to the province's kab/kota map

    @property
    def title(self) -> str:
        return _active_text(self.name, self.count) + _flag_text(self.flags)

    @property
    def flag_classes(self) -> str:
        return " ".join(f"flag-{flag.value}" for flag in self.flags)


@dataclass
class FlagKey:
    flag: Flag
    present: int  # regions in view with this flag


@dataclass
class MapView:
    scope: Scope
    heading: str
    box: Box
    areas: list[Area]
    background: list[Shape]
    bands: list[Band]
    own: Shape | None = None
    own_count: int | None = None
    own_name: str = ""
    flag_keys: list[FlagKey] = field(default_factory=list)
    computed_at: dt.datetime | None = None

    @property
    def view_box(self) -> str:
        return " ".join(str(n) for n in self.box)

    @property
    def legend(self) -> list[tuple[Band, str]]:
        return [(band, PALETTE[band.index]) for band in self.bands]

    @property
    def rows(self) -> list[Area]:
        rows = self.areas
        if self.scope.kind == REGION:  # its partners only, not every kab/kota drawn around them
            rows = [a for a in rows if a.count]
        return sorted(rows, key=lambda a: (-a.count, a.name))

    @property
    def drawn(self) -> list[Area]:
        return [a for a in self.areas if a.d]

    @property
    def flagged(self) -> list[Area]:
        return [a for a in self.areas if a.flags]


def _kabkota_of(province: str) -> list[Shape]:
    return [s for code, s in kabkota().items() if code.startswith(province + ".")]


def _overlapping(box: Box, exclude: set[str]) -> list[Shape]:
    """The provinces whose bounding box meets `box` (x, y, width, height): the faint land
    around a zoomed map, without drawing all of Indonesia off screen."""
    x, y, w, h = box
    return [
        s
        for code, s in provinces().items()
        if code not in exclude and s.box[0] < x + w and s.box[2] > x and s.box[1] < y + h
        and s.box[3] > y
    ]  # fmt: skip


def _flag_keys(areas: list[Area]) -> list[FlagKey]:
    return [FlagKey(f, sum(1 for a in areas if f in a.flags)) for f in FLAG_ORDER]


def build_map(user: Visitor, scope: Scope) -> MapView:
    figures = mapnet.Aggregates(user)
    active = figures.active
    if scope.kind == COUNTRY:
        counts = figures.summed(
            "by_province", lambda span: mapnet.province_rows(active, span), dict
        )
        shapes = list(provinces().values())
        heading = _("Active cooperation by province")
    else:
        counts = figures.summed("by_region", lambda span: mapnet.region_rows(active, span), dict)
        if scope.kind == PROVINCE:
            shapes = _kabkota_of(scope.code)
            heading = _("Active cooperation of the kabupaten and kota of %(province)s") % {
                "province": region_name(scope.code)
            }
        else:
            partners = {c for c, n in counts.items() if n and c != scope.code}
            wanted = {code[:2] for code in partners | {scope.code} if code}
            shapes = [s for code, s in kabkota().items() if code[:2] in wanted]
            heading = _("The partners of %(region)s") % {"region": region_name(scope.code)}
    # Outlined: the operator's own region among its partners (a bureau's map is all its own).
    own = shape_of(scope.code) if scope.kind == REGION and scope.code else None
    drawn_counts = [counts.get(s.code, 0) for s in shapes if s.code != scope.code]
    all_bands = bands(drawn_counts)
    marks = flagged([s.code for s in shapes] + list(counts))
    areas = []
    for s in shapes:
        count = counts.get(s.code, 0)
        by_province = scope.kind == COUNTRY
        areas.append(Area(
            s.code, region_name(s.code) if s.code else s.name, s.d, count,
            band_of(count, all_bands),
            register_link(in_provinces=(s.code,)) if by_province
            else register_link(regions=(s.code,)),
            marks.of(s.code),
            drill=f"{reverse('oversight:map')}?provinsi={s.code}" if by_province else "",
        ))  # fmt: skip
    if scope.kind == REGION:  # partners without a kab/kota shape: a province's government
        drawn = {s.code for s in shapes} | {scope.code}
        for code in sorted(c for c, n in counts.items() if n and c not in drawn):
            areas.append(Area(code, region_name(code), "", counts[code],
                              band_of(counts[code], all_bands),
                              register_link(regions=(code,)), marks.of(code)))  # fmt: skip
    box = box_of(shapes) if shapes else box_of(list(provinces().values()))
    view = MapView(scope, heading, box, areas,
                   _overlapping(box, {s.code[:2] for s in shapes} | {scope.code}),
                   all_bands, own=own, flag_keys=_flag_keys(areas))  # fmt: skip
    if scope.kind != COUNTRY and scope.code:
        view.own_count = counts.get(scope.code, 0)
        view.own_name = region_name(scope.code)
    view.computed_at = figures.computed_at
    return view


# ----- The network -----


@dataclass
class Node:
    code: str
    name: str
    x: int
    y: int
    r: int
    strength: int  # active cooperations with other regions, summed over its links
    flags: list[Flag]

    @property
    def label(self) -> str:
        """A short name beside the node: without "Kabupaten", and "DI"/"DKI" spelled short."""
        for long, short in SHORT_NAMES:
            if self.name.startswith(long):
                return short + self.name[len(long) :]
        return self.name

    @property
    def title(self) -> str:
        return ngettext(
            "%(name)s: %(count)d cooperation with other regions",
            "%(name)s: %(count)d cooperations with other regions",
            self.strength,
        ) % {"name": self.name, "count": self.strength} + _flag_text(self.flags)


@dataclass
class Edge:
    a: Node
    b: Node
    count: int
    weight: int  # 1-5, the line's thickness class
    href: str

    @property
    def title(self) -> str:
        return ngettext(
            "%(a)s – %(b)s: %(count)d active cooperation",
            "%(a)s – %(b)s: %(count)d active cooperations",
            self.count,
        ) % {"a": self.a.name, "b": self.b.name, "count": self.count}


@dataclass
class Isolated:
    code: str
    name: str
    flags: list[Flag]


@dataclass
class NetworkView:
    scope: Scope
    heading: str
    box: Box
    background: list[Shape]
    nodes: list[Node]
    edges: list[Edge]
    isolated: list[Isolated]
    strongest: list[Edge]
    more_links: int = 0
    by_province: bool = False
    area: list[Shape] = field(default_factory=list)  # the province's kab/kota, drawn faintly
    computed_at: dt.datetime | None = None

    @property
    def links(self) -> int:
        return self.more_links + len(self.strongest)

    @property
    def capped(self) -> bool:
        return self.links > DRAWN

    @property
    def font_size(self) -> int:
        return round(max(self.box[2], self.box[3]) / (110 if self.by_province else 75))

    @property
    def view_box(self) -> str:
        return " ".join(str(n) for n in self.box)

    @property
    def isolated_by_province(self) -> list[tuple[str, SafeString]]:
        """Each province's isolated regions as one escaped line: hundreds of names on an empty
        register, which the template language would render slowly one by one."""
        groups: dict[str, list[Isolated]] = {}
        for row in self.isolated:
            groups.setdefault(row.code[:2], []).append(row)
        return [
            (region_name(code), _names_with_flags(rows)) for code, rows in sorted(groups.items())
        ]


def _names_with_flags(rows: list[Isolated]) -> SafeString:
    return mark_safe(", ".join(  # noqa: S308 (each part is escaped by format_html)
        format_html("{}{}", row.name, format_html_join("", ' <mark class="mapnet-flag">{}</mark>',
                                                       ((f.label,) for f in row.flags)))
        for row in rows
    ))  # fmt: skip


SHORT_NAMES = (("Kabupaten ", ""), ("Daerah Istimewa ", "DI "), ("Daerah Khusus Ibukota ", "DKI "),
               ("Kepulauan ", "Kep. "))  # fmt: skip
# How many of the strongest links the table lists.
STRONGEST = 20
# How many links the network draws at most, the strongest: more is a tangle nobody reads, and
# page weight on a slow intranet.
DRAWN = 300


def _within(cooperations: QuerySet[Cooperation], code: str, *, province: bool) -> QuerySet:
    """Only the cooperations with a party in the province `code` (or the region `code`), so the
    pair query reads that area's parties only."""
    where = Q(region_id=code) | Q(region__province_id=code) if province else Q(region_id=code)
    return cooperations.filter(pk__in=Party.objects.filter(where).values("cooperation_id"))


def _in_area(code: str, scope: Scope) -> bool:
    if scope.kind == PROVINCE:
        return code == scope.code or code.startswith(scope.code + ".")
    return code == scope.code


def build_network(user: Visitor, scope: Scope) -> NetworkView:
    figures = mapnet.Aggregates(user)
    active = figures.active
    by_province = scope.kind == COUNTRY
    if by_province:
        found = figures.summed(
            "province_pairs",
            lambda span: mapnet.pair_rows(active, span, by_province=True),
            mapnet.ranked_pairs,
        )
        heading = _("Cooperation between provinces")
        area_codes = list(provinces())
    else:
        narrowed = _within(active, scope.code, province=scope.kind == PROVINCE)
        found = [
            p for p in figures.summed(
                f"pairs.{scope.code}",
                lambda span: mapnet.pair_rows(narrowed, span, by_province=False),
                mapnet.ranked_pairs,
            )
            if _in_area(p.a, scope) or _in_area(p.b, scope)
        ]  # fmt: skip
        if scope.kind == PROVINCE:
            heading = _("Who the regions of %(province)s work with") % {
                "province": region_name(scope.code)
            }
            area_codes = [scope.code, *(s.code for s in _kabkota_of(scope.code))]
        else:
            heading = _("Who %(region)s works with") % {"region": region_name(scope.code)}
            area_codes = [scope.code] if scope.code else []
    strength: dict[str, int] = {}
    for p in found:
        strength[p.a] = strength.get(p.a, 0) + p.count
        strength[p.b] = strength.get(p.b, 0) + p.count
    node_codes = sorted(set(strength) | (set(area_codes) if by_province else set()))
    if not by_province and scope.code:
        node_codes = sorted(set(node_codes) | {scope.code})
    shapes = {c: s for c in node_codes if (s := shape_of(c)) is not None}
    if by_province or not shapes:
        box = box_of(list(provinces().values()))
    else:
        box = _box_around(shapes, scope)
    marks = flagged(node_codes)
    strongest_value = max(strength.values(), default=1)
    radius = max(box[2], box[3]) / 160
    nodes = {
        c: Node(c, region_name(c), s.centre[0], s.centre[1],
                round(radius * (0.6 + 1.2 * math.sqrt(strength.get(c, 0) / strongest_value))),
                strength.get(c, 0), marks.of(c))
        for c, s in shapes.items()
    }  # fmt: skip
    weights = bands([p.count for p in found], classes=5)
    edges = []
    for p in found:
        if p.a in nodes and p.b in nodes:
            href = (register_link(in_provinces=(p.a, p.b)) if by_province
                    else register_link(regions=(p.a, p.b)))  # fmt: skip
            edges.append(Edge(nodes[p.a], nodes[p.b], p.count, band_of(p.count, weights), href))
    isolated = _isolated(figures, area_codes, scope)
    view = NetworkView(
        scope, heading, box, _overlapping(box, set()),
        sorted(nodes.values(), key=lambda n: n.strength),
        sorted(edges[:DRAWN], key=lambda e: e.count), isolated, edges[:STRONGEST],
        max(0, len(edges) - STRONGEST), by_province,
        _kabkota_of(scope.code) if scope.kind == PROVINCE else [],
    )  # fmt: skip
    view.computed_at = figures.computed_at
    return view


def _box_around(shapes: dict[str, Shape], scope: Scope) -> Box:
    """The nodes' centres and the area's own shapes, with a margin."""
    own = [s for c, s in shapes.items() if _in_area(c, scope)]
    xs = [s.centre[0] for s in shapes.values()] + [v for s in own for v in (s.box[0], s.box[2])]
    ys = [s.centre[1] for s in shapes.values()] + [v for s in own for v in (s.box[1], s.box[3])]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    pad = max(round(max(x1 - x0, y1 - y0) * 0.08), 150)
    return (x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad)


def _isolated(figures: mapnet.Aggregates, codes: list[str], scope: Scope) -> list[Isolated]:
    """The regions of the area with no active cooperation with another region; the DKI
    administrative cities and regency are not autonomous and cannot be parties."""
    if not codes:
        return []
    if scope.kind == COUNTRY:
        area = Region.objects.filter(is_autonomous=True)
        source = figures.active
    else:
        area = Region.objects.filter(code__in=codes, is_autonomous=True)
        source = _within(figures.active, scope.code, province=scope.kind == PROVINCE)
    connected = figures.summed(
        f"connected.{scope.code}", lambda span: mapnet.connected_rows(source, span), set
    )
    lonely = [code for code in area.values_list("code", flat=True) if code not in connected]
    marks = flagged(lonely)
    return [Isolated(code, region_name(code), marks.of(code)) for code in sorted(lonely)]

"""Which regions share a land border, on a date, and what that means for compulsory cooperation.

Kerja sama wajib is cooperation between regions that border each other (UU 23/2014 Pasal 364
ayat (1), from 2 October 2014; PP 28/2018 Pasal 3 ayat (2)). The bundled data
(law/data/geo/adjacency.csv, MIT licence of cahyadsn/wilayah_boundaries beside it) lists the land
borders between today's kabupaten/kota; two regions border on a date when any kab/kota of the
one's territory on that date borders any of the other's. A kab/kota's territory is itself; a
province's is its kab/kota of that date (region_history), so Papua in 2019 still includes
Merauke. A province and a kab/kota inside it count as bordering: UU 23/2014 Pasal 364 ayat (2)
huruf b names that pair among the compulsory ones. Before a kab/kota formed since 2007 existed, its
land counts as its daerah induk's (region_history), so borders are those of the date. Every kab/kota
of today's map existed by July 2014, before compulsory cooperation existed. Sea neighbours are not
borders in this data (its README).
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import functools
import io
from importlib import resources

from ksd.law.citations import Citation, Finding, Severity, Text
from ksd.law.facts import Facts
from ksd.law.parameters import Parameter, parameter
from ksd.law.regimes import Regime
from ksd.law.region_history import exists_on, formations, moves, province_on
from ksd.law.regions import Region, all_regions

UU23_IN_FORCE = dt.date(2014, 10, 2)


@functools.cache
def _kabkota_borders() -> dict[str, frozenset[str]]:
    text = resources.files("ksd.law").joinpath("data/geo/adjacency.csv").read_text("utf-8")
    neighbours: dict[str, set[str]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        if row["level"] != "kab-kab":
            continue
        neighbours.setdefault(row["code_a"], set()).add(row["code_b"])
        neighbours.setdefault(row["code_b"], set()).add(row["code_a"])
    return {code: frozenset(n) for code, n in neighbours.items()}


@functools.cache
def _children() -> dict[str, tuple[str, ...]]:
    """Kab/kota formed since 2007 by their single daerah induk, by today's codes. A parent named
    by a name it no longer bears, or split between two parents, is left out."""
    by_name = {r.name: r.code for r in all_regions().values() if not r.is_province}
    children: dict[str, list[str]] = {}
    for row in _history_rows():
        parent = by_name.get(row["daerah_induk"])
        if parent is not None and row["level"] != "provinsi":
            children.setdefault(parent, []).append(row["code"])
    return {parent: tuple(codes) for parent, codes in children.items()}


def _history_rows() -> list[dict[str, str]]:
    text = resources.files("ksd.law").joinpath("data/regions/region-history.csv").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _kabkota_territory(code: str, on: dt.date) -> set[str]:
    """A kab/kota with the parts of it that later became kab/kota of their own."""
    found = {code}
    for child in _children().get(code, ()):
        if not exists_on(child, on):
            found |= _kabkota_territory(child, on)
    return found


def territory(region: Region, on: dt.date) -> frozenset[str]:
    """The kab/kota codes (today's) that made up `region` on `on`: a kab/kota with the parts
    later split off from it; a province with every kab/kota it held that day."""
    if not region.is_province:
        return frozenset(_kabkota_territory(region.code, on))
    return frozenset(
        r.code
        for r in all_regions().values()
        if not r.is_province and province_on(r, on) == region.code
    )


def borders(a: Region, b: Region, on: dt.date) -> bool:
    """Whether `a` and `b` shared a land border on `on` (a province and its own kab/kota do)."""
    return _borders(a.code, b.code, epoch_start(on))


@functools.cache
def _event_days() -> tuple[dt.date, ...]:
    """The days the map changed: a region formed, or a kab/kota moved to a new province."""
    days = {f.exists_from for f in formations().values() if f.exists_from is not None}
    days |= {m.on for m in moves().values()}
    return tuple(sorted(days))


def epoch_start(on: dt.date) -> dt.date:
    """The first day of the stretch of unchanged map that contains `on`."""
    days = _event_days()
    index = bisect.bisect_right(days, on)
    return days[index - 1] if index else dt.date.min


@functools.lru_cache(maxsize=65536)
def _borders(code_a: str, code_b: str, on: dt.date) -> bool:
    regions = all_regions()
    a, b = regions[code_a], regions[code_b]
    if a.is_province != b.is_province:
        province, kabkota = (a, b) if a.is_province else (b, a)
        if province_on(kabkota, on) == province.code:
            return True
    table = _kabkota_borders()
    theirs = territory(b, on)
    return any(table.get(code, frozenset()) & theirs for code in territory(a, on))


def _connected(codes: list[str], edges: set[tuple[str, str]]) -> bool:
    seen = {codes[0]}
    todo = [codes[0]]
    while todo:
        here = todo.pop()
        for a, b in edges:
            other = b if a == here else a if b == here else None
            if other is not None and other not in seen:
                seen.add(other)
                todo.append(other)
    return len(seen) == len(codes)


def regions_border(facts: Facts) -> bool:
    """Whether the cooperation's regions border each other as compulsory cooperation asks, under
    the parameter compulsory_border_rule (one bordering group, or every pair)."""
    regions = list({r.code: r for r in facts.regions if r.is_autonomous}.values())
    if len(regions) < 2:
        return False
    pairs = [
        ((a.code, b.code), borders(a, b, facts.date))
        for i, a in enumerate(regions)
        for b in regions[i + 1 :]
    ]
    if parameter("compulsory_border_rule", on=facts.date).value == "every_pair":
        return all(touching for _, touching in pairs)
    return _connected([r.code for r in regions], {keys for keys, touching in pairs if touching})


def judge(
    facts: Facts,
) -> tuple[list[tuple[tuple[str, str], bool]], list[Finding], Parameter | None]:
    """Each pair of region parties with whether it borders; for a compulsory cooperation, an
    error when its regions do not border (parameter compulsory_border_rule decides whether
    every pair must border or the regions must form one bordering group)."""
    regions = list({r.code: r for r in facts.regions if r.is_autonomous}.values())
    epoch = epoch_start(facts.date)  # once, not per pair: borders() would look it up each time
    pairs: list[tuple[tuple[str, str], bool]] = []
    for i, a in enumerate(regions):
        for b in regions[i + 1 :]:
            pairs.append(((a.code, b.code), _borders(a.code, b.code, epoch)))
    if not facts.compulsory or len(regions) < 2:
        return pairs, [], None
    if facts.regime is Regime.PP28_2018:
        cite = Citation("PP 28/2018", "3", "2")
    else:
        cite = Citation("UU 23/2014", "364", "1")
    if facts.date < UU23_IN_FORCE:
        return (
            pairs,
            [
                Finding(
                    "compulsory_category_not_in_force",
                    Severity.INFO,
                    Text(
                        "Kategori kerja sama wajib baru ada sejak UU 23/2014 berlaku (2 Oktober "
                        "2014, Pasal 363 ayat (3) dan Pasal 411); KSD tidak menilai syarat "
                        "perbatasan sebelum itu.",
                        "Compulsory cooperation exists as a category only since UU 23/2014 took "
                        "effect (2 October 2014, Pasal 363 ayat (3) and Pasal 411); KSD does not "
                        "check the border condition before then.",
                    ),
                    Citation("UU 23/2014", "363", "3"),
                )
            ],
            None,
        )
    rule = parameter("compulsory_border_rule", on=facts.date)
    apart = [keys for keys, touching in pairs if not touching]
    edges = {keys for keys, touching in pairs if touching}
    if rule.value == "every_pair":
        failed = bool(apart)
    else:
        failed = not _connected([r.code for r in regions], edges)
    findings: list[Finding] = []
    names_id = ", ".join(f"{facts.party_label(a)} – {facts.party_label(b)}" for a, b in apart)
    if failed:
        findings.append(
            Finding(
                "compulsory_without_border",
                Severity.ERROR,
                Text(
                    "Kerja sama wajib dilaksanakan oleh daerah yang berbatasan, tetapi pasangan "
                    f"berikut tidak berbatasan darat: {names_id}.",
                    "Compulsory cooperation is carried out by bordering regions, but these "
                    f"pairs share no land border: {names_id}.",
                ),
                cite,
            )
        )
    elif apart:
        findings.append(
            Finding(
                "compulsory_pairs_not_bordering",
                Severity.INFO,
                Text(
                    "Daerah-daerah kerja sama wajib ini membentuk satu rangkaian yang berbatasan, "
                    f"meskipun pasangan berikut tidak berbatasan langsung: {names_id}.",
                    "The regions of this compulsory cooperation form one bordering group, "
                    f"although these pairs do not border directly: {names_id}.",
                ),
                cite,
            )
        )
    return pairs, findings, rule if apart else None

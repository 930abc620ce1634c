"""A small register with known figures, written straight into the stored fields the figures read
(stage, regime, kind, affair, models, signed_on and the parties), and helpers that read the
oversight dashboard and follow its links to the register.

The world (today 15 June 2026):

| record                  | parties                         | stage          | regime | signed     |
|-------------------------|---------------------------------|----------------|--------|------------|
| A Sampah Kartamantul    | 34.71 Kota Yk, 34.04, 34.02     | implementing   | PP 28  | 2026-02-10 |
| B Trans Jogja           | 34.71, 34.04                    | signed         | PP 50  | 2016-02-01 |
| C Borobudur-Prambanan   | 34.71, 33.71 Kota Magelang      | dprd_review    | PP 28  |            |
| D Semarang-Magelang     | 33.74 Kota Semarang, 33.71      | signed         | PP 28  | 2026-01-05 |
| E Sleman with PT Resik  | 34.04 and a company             | offered        | PP 28  |            |
| F withdrawn offer       | 34.71, 34.04                    | withdrawn      | PP 28  |            |
| G cancelled by mistake  | 34.71, 34.02                    | cancelled      | PP 28  | 2026-03-01 |
| H Medan-Binjai          | 12.71 Kota Medan, 12.75         | expired        | PP 50  | 2010-05-03 |
| I DIY with Bantul       | 34 Provinsi DIY, 34.02          | offered        | PP 28  |            |

F and G never count. C is DIY's and Jawa Tengah's; D only Jawa Tengah's.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from django.test import Client

from ksd.cooperation.models import Cooperation, Kind, Party, Stage
from ksd.law.regimes import Regime
from ksd.regions.models import Affair

NOW = dt.datetime(2026, 6, 15, 3, 0, tzinfo=dt.UTC)  # 10:00 WIB
TODAY = dt.date(2026, 6, 15)
PP50, PP28 = Regime.PP50_2007.value, Regime.PP28_2018.value


@dataclass(frozen=True)
class Spec:
    title: str
    regions: tuple[str, ...]
    stage: Stage
    regime: str = PP28
    kind: Kind = Kind.INTER_REGIONAL
    affair: str | None = None
    management_model: str = ""
    institution_model: str = ""
    signed_on: dt.date | None = None
    company: str = ""


WORLD = (
    Spec("A Sampah Kartamantul", ("34.71", "34.04", "34.02"), Stage.IMPLEMENTING,
         affair="wajib_non_pd.lingkungan_hidup", management_model="joint_service",
         institution_model="badan", signed_on=dt.date(2026, 2, 10)),
    Spec("B Trans Jogja", ("34.71", "34.04"), Stage.SIGNED, regime=PP50,
         affair="wajib_non_pd.perhubungan", management_model="contract_service",
         signed_on=dt.date(2016, 2, 1)),
    Spec("C Borobudur-Prambanan", ("34.71", "33.71"), Stage.DPRD_REVIEW,
         affair="pilihan.pariwisata", institution_model="forum"),
    Spec("D Semarang-Magelang", ("33.74", "33.71"), Stage.SIGNED,
         affair="wajib_non_pd.perhubungan", management_model="joint_service",
         signed_on=dt.date(2026, 1, 5)),
    Spec("E Sleman dengan PT Resik", ("34.04",), Stage.OFFERED, kind=Kind.THIRD_PARTY,
         company="PT Resik Sejahtera"),
    Spec("F Penawaran ditarik", ("34.71", "34.04"), Stage.WITHDRAWN,
         affair="wajib_non_pd.perhubungan", management_model="joint_service"),
    Spec("G Salah catat", ("34.71", "34.02"), Stage.CANCELLED, affair="pilihan.pariwisata",
         signed_on=dt.date(2026, 3, 1)),
    Spec("H Medan-Binjai", ("12.71", "12.75"), Stage.EXPIRED, regime=PP50,
         affair="wajib_non_pd.perhubungan", signed_on=dt.date(2010, 5, 3)),
    Spec("I DIY dengan Bantul", ("34", "34.02"), Stage.OFFERED, affair="wajib_pd.pendidikan",
         institution_model="forum"),
)  # fmt: skip


def build(specs: tuple[Spec, ...] = WORLD, *, copies: int = 1) -> list[Cooperation]:
    """Write `specs` (each `copies` times) as stored records; needs regions and affairs."""
    affairs = dict(Affair.objects.values_list("code", "pk"))
    made: list[Cooperation] = []
    for n in range(copies):
        for spec in specs:
            coop = Cooperation.objects.create(
                title=spec.title if copies == 1 else f"{spec.title} {n}", kind=spec.kind,
                stage=spec.stage, regime=spec.regime, governing_on=dt.date(2020, 1, 6),
                offered_on=dt.date(2020, 1, 6), initiator_id=spec.regions[0],
                affair_id=affairs[spec.affair] if spec.affair else None,
                management_model=spec.management_model, institution_model=spec.institution_model,
                signed_on=spec.signed_on, created_at=NOW, updated_at=NOW,
            )  # fmt: skip
            parties = [Party(cooperation=coop, region_id=code) for code in spec.regions]
            if spec.company:
                parties.append(Party(cooperation=coop, third_party_name=spec.company))
            Party.objects.bulk_create(parties)
            made.append(coop)
    return made


# ----- Reading the dashboard -----

BAR = re.compile(r'<a class="ksd-bar-row" href="([^"]+)"><title>([^<]+)</title>')
HEADLINE = re.compile(r'<dd><a href="([^"]+)" aria-label="([^"]+)"')


@dataclass(frozen=True)
class Link:
    url: str
    label: str
    count: int


def _links(pattern: re.Pattern[str], page: str) -> list[Link]:
    found = []
    for url, name in pattern.findall(page):
        label, _, shown = html.unescape(name).rpartition(": ")
        found.append(Link(html.unescape(url), label, int(shown.replace(".", ""))))
    return found


def bars(page: str, key: str) -> list[Link]:
    """The linked bars of the chart `key` (stage, province, region, regime, ...)."""
    start = page.index(f'id="figures-{key}"')
    return _links(BAR, page[start : page.index("</section>", start)])


def chart(page: str, key: str) -> dict[str, int]:
    """The chart `key` as {its link's query string: the count it shows}."""
    return {link.url.partition("?")[2]: link.count for link in bars(page, key)}


def unrecorded(page: str, key: str) -> Link | None:
    """The chart `key`'s "Not recorded" figure: the records that leave the field empty."""
    start = page.index(f'id="figures-{key}"')
    section = page[start : page.index("</section>", start)]
    found = re.search(r'class="note ksd-unrecorded">[^<]*<a href="([^"]+)">([\d.]+)</a>', section)
    if not found:
        return None
    url, shown = found.groups()
    return Link(html.unescape(url), "Not recorded", int(shown.replace(".", "")))


def headline(page: str) -> list[Link]:
    return _links(HEADLINE, page)


def register_count(client: Client, url: str) -> int:
    """The count the register prints for `url` (cooperation/_count.html)."""
    response = client.get(url)
    assert response.status_code == 200, url
    found = re.search(r'class="ksd-count">(\d+) kerja sama<', response.content.decode())
    assert found, url
    return int(found.group(1))

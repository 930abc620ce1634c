"""A small register with known answers for the affairs and gaps page.

Built as stored rows (the page reads only stored, indexed fields; no step runs here):

    A  Kota Yogyakarta 34.71 + Sleman 34.04      pendidikan   implementing   counts
    B  Kota Yogyakarta 34.71 + Bantul 34.02      kesehatan    signed         counts
    C  Kota Yogyakarta 34.71 + Kota Magelang 33.71  pariwisata drafting      not in force: not counted
    D  Kulon Progo 34.01 + Kota Yogyakarta 34.71 pendidikan   expired        ended: not counted
    E  Gunungkidul 34.03 + Sleman 34.04          kesehatan    withdrawn      closed: not counted
    F  Sleman 34.04 + Bantul 34.02               (no affair)  implementing   not counted
    G  Kota Semarang 33.74 + Kota Magelang 33.71 pendidikan   signed         counts
    H  Belu 53.04 + Kota Kupang 53.71            sosial       implementing   counts
"""

from __future__ import annotations

import datetime as dt

from ksd.cooperation.models import Cooperation, Kind, Party, Stage
from ksd.regions.models import Affair

NOW = dt.datetime(2026, 3, 2, 3, 0, tzinfo=dt.UTC)

ROWS = (
    ("A", ("34.71", "34.04"), "wajib_pd.pendidikan", Stage.IMPLEMENTING),
    ("B", ("34.71", "34.02"), "wajib_pd.kesehatan", Stage.SIGNED),
    ("C", ("34.71", "33.71"), "pilihan.pariwisata", Stage.DRAFTING),
    ("D", ("34.01", "34.71"), "wajib_pd.pendidikan", Stage.EXPIRED),
    ("E", ("34.03", "34.04"), "wajib_pd.kesehatan", Stage.WITHDRAWN),
    ("F", ("34.04", "34.02"), None, Stage.IMPLEMENTING),
    ("G", ("33.74", "33.71"), "wajib_pd.pendidikan", Stage.SIGNED),
    ("H", ("53.04", "53.71"), "wajib_pd.sosial", Stage.IMPLEMENTING),
)


def cooperation(
    title: str, regions: tuple[str, ...], affair: str | None, stage: str
) -> Cooperation:
    coop = Cooperation.objects.create(
        title=title, kind=Kind.INTER_REGIONAL, stage=stage, regime="pp28-2018",
        governing_on=NOW.date(), initiator_id=regions[0], offered_on=NOW.date(),
        affair=Affair.objects.get(code=affair) if affair else None,
        created_at=NOW, updated_at=NOW,
    )  # fmt: skip
    Party.objects.bulk_create(
        Party(cooperation=coop, region_id=code, is_initiator=i == 0)
        for i, code in enumerate(regions)
    )
    return coop


def build() -> dict[str, Cooperation]:
    return {
        title: cooperation(title, regions, affair, stage) for title, regions, affair, stage in ROWS
    }

"""A small built set of cooperations with known answers for the map and the network tests.

Active (signed or being implemented), with the regions that are parties:

    A  Kota Yogyakarta 34.71, Sleman 34.04, Bantul 34.02        (KARTAMANTUL-like, DIY only)
    B  Kota Yogyakarta 34.71, Sleman 34.04
    C  Sleman 34.04, Kota Surakarta 33.72                        (DIY - Jawa Tengah)
    D  Gunungkidul 34.03, Wonogiri 33.12, Pacitan 35.01           (PAWONSARI: three provinces)
    E  Sleman 34.04, Kota Surakarta 33.72                        (DIY - Jawa Tengah again)
    F  Provinsi DIY 34, a third party                            (no partner region)
    G  Kota Semarang 33.74, Kota Surakarta 33.72                 (Jawa Tengah only)
    H  Kota Batam 21.71, a third party

Not active, never counted: X offered (34.71, 33.72), Y expired (34.04, 33.72), Z cancelled
(34.71, 33.72).
"""

from __future__ import annotations

import datetime as dt
from itertools import count

from ksd.cooperation.models import Cooperation, Kind, Party, Stage

AT = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
_numbers = count(1)

ACTIVE = {
    "A": (Stage.IMPLEMENTING, ["34.71", "34.04", "34.02"]),
    "B": (Stage.SIGNED, ["34.71", "34.04"]),
    "C": (Stage.SIGNED, ["34.04", "33.72"]),
    "D": (Stage.IMPLEMENTING, ["34.03", "33.12", "35.01"]),
    "E": (Stage.IMPLEMENTING, ["34.04", "33.72"]),
    "F": (Stage.SIGNED, ["34", "PT Sinar Jaya"]),
    "G": (Stage.SIGNED, ["33.74", "33.72"]),
    "H": (Stage.SIGNED, ["21.71", "PT Bersih Kota"]),
}
INACTIVE = {
    "X": (Stage.OFFERED, ["34.71", "33.72"]),
    "Y": (Stage.EXPIRED, ["34.04", "33.72"]),
    "Z": (Stage.CANCELLED, ["34.71", "33.72"]),
}


def make_cooperation(stage: str, parties: list[str], title: str = "") -> Cooperation:
    """A record at `stage` with `parties` (region codes, or a third party's name)."""
    regions = [p for p in parties if p[:1].isdigit()]
    cooperation = Cooperation.objects.create(
        title=title or f"Kerja sama uji {next(_numbers)}",
        kind=Kind.INTER_REGIONAL if len(regions) == len(parties) else Kind.THIRD_PARTY,
        stage=stage, regime="pp28_2018", governing_on=dt.date(2025, 1, 6),
        initiator_id=regions[0] if regions else None, offered_on=dt.date(2025, 1, 6),
        signed_on=dt.date(2025, 6, 2) if stage != Stage.OFFERED else None,
        created_at=AT, updated_at=AT,
    )  # fmt: skip
    for n, party in enumerate(parties):
        if party[:1].isdigit():
            Party.objects.create(cooperation=cooperation, region_id=party, is_initiator=n == 0)
        else:
            Party.objects.create(cooperation=cooperation, third_party_name=party,
                                 third_party_form="pt")  # fmt: skip
    return cooperation


def build_world() -> dict[str, Cooperation]:
    return {
        key: make_cooperation(stage, parties, title=f"Kerja sama {key}")
        for key, (stage, parties) in {**ACTIVE, **INACTIVE}.items()
    }

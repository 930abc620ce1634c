"""Which regulation governs a cooperation, chosen by the date that governs it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from ksd.law.errors import LawInputError


class Regime(StrEnum):
    PP50_2007 = "pp50-2007"
    PP28_2018 = "pp28-2018"


@dataclass(frozen=True, slots=True)
class RegimeInfo:
    regime: Regime
    regulation: str
    title: str
    in_force_from: dt.date
    in_force_until: dt.date | None  # last day in force; None while still in force


# PP 50/2007 Pasal 28: in force on promulgation, 22 August 2007.
# PP 28/2018 Pasal 51-52: in force on promulgation, 13 July 2018, repealing PP 50/2007.
REGIMES: tuple[RegimeInfo, ...] = (
    RegimeInfo(
        Regime.PP50_2007,
        "PP 50/2007",
        "Tata Cara Pelaksanaan Kerja Sama Daerah",
        dt.date(2007, 8, 22),
        dt.date(2018, 7, 12),
    ),
    RegimeInfo(Regime.PP28_2018, "PP 28/2018", "Kerja Sama Daerah", dt.date(2018, 7, 13), None),
)
INFO: dict[Regime, RegimeInfo] = {r.regime: r for r in REGIMES}


def regime_for(governing_date: dt.date) -> Regime:
    """The regime in force on `governing_date`.

    PP 28/2018 Pasal 48 keeps an agreement signed under PP 50/2007 valid until it ends, so the
    governing date of a cooperation is the date its process started or its agreement was signed,
    not today's date.
    """
    for info in reversed(REGIMES):
        if governing_date >= info.in_force_from:
            return info.regime
    first = REGIMES[0].in_force_from
    raise LawInputError(
        "date_before_regimes",
        f"Tanggal {governing_date.isoformat()} sebelum berlakunya PP 50/2007 "
        f"({first.isoformat()}); KSD tidak memuat aturan kerja sama daerah sebelum itu.",
        f"Date {governing_date.isoformat()} is before PP 50/2007 came into force "
        f"({first.isoformat()}); KSD holds no cooperation rules before then.",
    )


def parse_regime(code: str) -> Regime:
    try:
        return Regime(code)
    except ValueError:
        known = ", ".join(r.value for r in Regime)
        raise LawInputError(
            "unknown_regime",
            f"Rezim '{code}' tidak dikenal; pilih salah satu: {known}.",
            f"Unknown regime '{code}'; choose one of: {known}.",
        ) from None

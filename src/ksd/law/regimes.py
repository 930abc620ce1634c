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
    """The regime in force on `governing_date`: each step of a cooperation is judged by the
    regulation in force on that step's own date.

    PP 28/2018 Pasal 51 repeals PP 50/2007 with no saving clause for procedures under way, so a
    step taken from 13 July 2018 (a DPRD decision, a dispute, an amendment, an ending) falls
    under PP 28/2018 even when the process started earlier. What Pasal 48 keeps is the
    agreement itself: one signed before 13 July 2018 stays valid until it ends.
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


def regime_for_agreement(governing_date: dt.date) -> tuple[Regime, bool]:
    """The regime that assesses a cooperation dated `governing_date`, and whether it predates
    PP 50/2007. An agreement made before 22 August 2007 and still running stays valid (PP 50/2007
    Pasal 26) and its disputes are settled under PP 50/2007 (Pasal 27): KSD assesses it under
    PP 50/2007 and says which rules it cannot judge."""
    if governing_date < REGIMES[0].in_force_from:
        return Regime.PP50_2007, True
    return regime_for(governing_date), False


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

"""The article behind each lifecycle step, per regime: one table a lawyer can review."""

from __future__ import annotations

from ksd.cooperation.models import EventKind
from ksd.law.regimes import Regime

STEP_ARTICLES: dict[EventKind, dict[Regime, str]] = {
    EventKind.OFFERED: {
        Regime.PP50_2007: "PP 50/2007 Pasal 7 huruf a",
        Regime.PP28_2018: "PP 28/2018 Pasal 6 ayat (1) huruf b",
    },
    EventKind.OFFER_ACCEPTED: {
        Regime.PP50_2007: "PP 50/2007 Pasal 7 huruf b",
        Regime.PP28_2018: "PP 28/2018 Pasal 6 ayat (1) huruf b",
    },
    EventKind.JOINT_AGREEMENT_SIGNED: {
        Regime.PP50_2007: "PP 50/2007 Pasal 7 huruf b",
        Regime.PP28_2018: "PP 28/2018 Pasal 6 ayat (1) huruf d",
    },
    EventKind.AGREEMENT_DRAFTED: {
        Regime.PP50_2007: "PP 50/2007 Pasal 7 huruf b",
        Regime.PP28_2018: "PP 28/2018 Pasal 6 ayat (1) huruf f",
    },
    EventKind.POWER_OF_ATTORNEY_ISSUED: {
        Regime.PP50_2007: "PP 50/2007 Pasal 7 huruf d",
        Regime.PP28_2018: "PP 28/2018 Pasal 2 ayat (2)",
    },
    EventKind.SIGNED: {
        Regime.PP50_2007: "PP 50/2007 Pasal 5",
        Regime.PP28_2018: "PP 28/2018 Pasal 6 ayat (1) huruf g",
    },
    EventKind.AMENDED: {
        Regime.PP50_2007: "PP 50/2007 Pasal 17 ayat (3)",
        Regime.PP28_2018: "PP 28/2018 Pasal 6 ayat (4)",
    },
    EventKind.EXTENDED: {
        Regime.PP50_2007: "PP 50/2007 Pasal 17 ayat (3)",
        Regime.PP28_2018: "PP 28/2018 Pasal 6 ayat (4)",
    },
    EventKind.EXPIRED: {
        Regime.PP50_2007: "PP 50/2007 Pasal 18 huruf i",
        Regime.PP28_2018: "PP 28/2018 Pasal 9 ayat (1) huruf a",
    },
}


def article_for(kind: EventKind, regime: str) -> str:
    return STEP_ARTICLES[kind][Regime(regime)]

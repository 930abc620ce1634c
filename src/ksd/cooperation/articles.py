"""The article behind each lifecycle step, per regime: one table a lawyer can review.

A cooperation cites the regulation stored on it (`Cooperation.regime`), never the other one.
Where PP 28/2018 has no counterpart of a PP 50/2007 step, the table cites what does apply
(UU 23/2014) or nothing (an empty string); docs/lifecycle.md gives the reasons.
"""

from __future__ import annotations

import datetime as dt

from ksd.cooperation.models import Cooperation, EventKind, Kind
from ksd.law.regimes import Regime, regime_for_agreement

PP50 = Regime.PP50_2007
PP28 = Regime.PP28_2018

STEP_ARTICLES: dict[EventKind, dict[Regime, str]] = {
    EventKind.OFFERED: {
        PP50: "PP 50/2007 Pasal 7 huruf a",
        PP28: "PP 28/2018 Pasal 6 ayat (1) huruf b",
    },
    EventKind.OFFER_ACCEPTED: {
        PP50: "PP 50/2007 Pasal 7 huruf b",
        PP28: "PP 28/2018 Pasal 6 ayat (1) huruf b",
    },
    # Declining answers the offer of huruf b in the negative.
    EventKind.OFFER_DECLINED: {
        PP50: "PP 50/2007 Pasal 7 huruf b",
        PP28: "PP 28/2018 Pasal 6 ayat (1) huruf b",
    },
    EventKind.JOINT_AGREEMENT_SIGNED: {
        PP50: "PP 50/2007 Pasal 7 huruf b",
        PP28: "PP 28/2018 Pasal 6 ayat (1) huruf d",
    },
    EventKind.AGREEMENT_DRAFTED: {
        PP50: "PP 50/2007 Pasal 7 huruf b",
        PP28: "PP 28/2018 Pasal 6 ayat (1) huruf f",
    },
    # PP 28/2018 does not provide for asking opinions on the draft: nothing to cite.
    EventKind.OPINIONS_REQUESTED: {
        PP50: "PP 50/2007 Pasal 7 huruf c",
        PP28: "",
    },
    EventKind.POWER_OF_ATTORNEY_ISSUED: {
        PP50: "PP 50/2007 Pasal 7 huruf d",
        PP28: "PP 28/2018 Pasal 2 ayat (2)",
    },
    # The DPRD track. PP 28/2018 sets no clock of its own: the steps rest on Pasal 6 ayat (2),
    # and a deemed approval only on the Minister's regulation of Pasal 6 ayat (4).
    EventKind.DPRD_SUBMITTED: {
        PP50: "PP 50/2007 Pasal 12 ayat (1)",
        PP28: "PP 28/2018 Pasal 6 ayat (2)",
    },
    EventKind.DPRD_OPINION: {
        PP50: "PP 50/2007 Pasal 12 ayat (2)",
        PP28: "PP 28/2018 Pasal 6 ayat (2)",
    },
    EventKind.DPRD_RESUBMITTED: {
        PP50: "PP 50/2007 Pasal 12 ayat (3)",
        PP28: "PP 28/2018 Pasal 6 ayat (2)",
    },
    EventKind.DPRD_APPROVED: {
        PP50: "PP 50/2007 Pasal 12 ayat (1)",
        PP28: "PP 28/2018 Pasal 6 ayat (2)",
    },
    EventKind.DPRD_REJECTED: {
        PP50: "PP 50/2007 Pasal 12 ayat (1)",
        PP28: "PP 28/2018 Pasal 6 ayat (2)",
    },
    EventKind.DPRD_DEEMED_APPROVED: {
        PP50: "PP 50/2007 Pasal 12 ayat (4)",
        PP28: "PP 28/2018 Pasal 6 ayat (4)",
    },
    EventKind.SIGNED: {
        PP50: "PP 50/2007 Pasal 5",
        PP28: "PP 28/2018 Pasal 6 ayat (1) huruf g",
    },
    # PP 28/2018 Pasal 6 ayat (1) huruf h: the OCR lost the word; Perda DIY 1/2023, restating
    # the stages, reads "pelaksanaan" (see the reading text).
    EventKind.IMPLEMENTATION_STARTED: {
        PP50: "PP 50/2007 Pasal 8",
        PP28: "PP 28/2018 Pasal 6 ayat (1) huruf h",
    },
    EventKind.AMENDED: {
        PP50: "PP 50/2007 Pasal 17 ayat (3)",
        PP28: "PP 28/2018 Pasal 6 ayat (4)",
    },
    EventKind.EXTENDED: {
        PP50: "PP 50/2007 Pasal 17 ayat (3)",
        PP28: "PP 28/2018 Pasal 6 ayat (4)",
    },
    # PP 28/2018 has no article on records or publication; the openness principle of UU 23/2014
    # Pasal 58 huruf d governs every regional government.
    EventKind.PUBLISHED: {
        PP50: "PP 50/2007 Pasal 21 huruf b",
        PP28: "UU 23/2014 Pasal 58 huruf d",
    },
    EventKind.EXPIRED: {
        PP50: "PP 50/2007 Pasal 18 huruf i",
        PP28: "PP 28/2018 Pasal 9 ayat (1) huruf a",
    },
}

# PP 28/2018 gives cooperation with a third party (KSDPK) articles of its own.
KSDPK_ARTICLES: dict[EventKind, str] = {
    EventKind.POWER_OF_ATTORNEY_ISSUED: "PP 28/2018 Pasal 13 ayat (2)",
    # Pasal 22 ayat (1) applies Pasal 9 to KSDPK mutatis mutandis.
    EventKind.EXPIRED: "PP 28/2018 Pasal 22 ayat (1)",
}

# Who may sign for a region: its head, or an official holding a Surat Kuasa.
# Keys: (regime, with a third party, under a Surat Kuasa).
SIGNING_AUTHORITY: dict[tuple[Regime, bool, bool], str] = {
    (PP50, False, False): "PP 50/2007 Pasal 3",
    (PP50, True, False): "PP 50/2007 Pasal 3",
    (PP50, False, True): "PP 50/2007 Pasal 1 angka 5 dan Pasal 7 huruf d",
    (PP50, True, True): "PP 50/2007 Pasal 1 angka 5 dan Pasal 7 huruf d",
    (PP28, False, False): "PP 28/2018 Pasal 2 ayat (1)",
    (PP28, False, True): "PP 28/2018 Pasal 2 ayat (2)",
    (PP28, True, False): "PP 28/2018 Pasal 13 ayat (1)",
    (PP28, True, True): "PP 28/2018 Pasal 13 ayat (2)",
}
# Both at once, for a refusal: only the head or the holder of a Surat Kuasa may sign.
SIGNERS: dict[tuple[Regime, bool], str] = {
    (PP50, False): "PP 50/2007 Pasal 1 angka 5 dan Pasal 7 huruf d",
    (PP50, True): "PP 50/2007 Pasal 1 angka 5 dan Pasal 7 huruf d",
    (PP28, False): "PP 28/2018 Pasal 2 ayat (1) dan ayat (2)",
    (PP28, True): "PP 28/2018 Pasal 13 ayat (1) dan ayat (2)",
}

# The articles shown in the headings of the steps on a cooperation's page that name one
# (the copies step shows the article of the region's own copy rule, from ksd.law).
_HEADINGS: dict[str, dict[tuple[Regime, bool], str]] = {
    "terminate": {
        (PP50, False): "PP 50/2007 Pasal 18-19",
        (PP50, True): "PP 50/2007 Pasal 18-19",
        (PP28, False): "PP 28/2018 Pasal 9",
        (PP28, True): "PP 28/2018 Pasal 9 dan Pasal 22",
    },
    "dispute": {
        (PP50, False): "PP 50/2007 Pasal 14-15",
        (PP50, True): "PP 50/2007 Pasal 16",
        (PP28, False): "PP 28/2018 Pasal 8",
        (PP28, True): "PP 28/2018 Pasal 21",
    },
}
_HEADING_STEPS = {
    "opinions": EventKind.OPINIONS_REQUESTED,
    "implement": EventKind.IMPLEMENTATION_STARTED,
    "amend": EventKind.AMENDED,
    "publish": EventKind.PUBLISHED,
}


def article_for(kind: EventKind, regime: str, *, third_party: bool = False) -> str:
    """The article of step `kind` under `regime` ("" where the regime has none)."""
    chosen = Regime(regime)
    if third_party and chosen is PP28 and kind in KSDPK_ARTICLES:
        return KSDPK_ARTICLES[kind]
    return STEP_ARTICLES[kind][chosen]


def _with_third_party(cooperation: Cooperation) -> bool:
    return cooperation.kind == Kind.THIRD_PARTY


def article_of(cooperation: Cooperation, kind: EventKind, on: dt.date | None = None) -> str:
    """The article of step `kind` for this cooperation, by its kind and by the regulation in force
    on the step's date `on` (PP 28/2018 Pasal 51: no saving clause for procedures under way);
    without a date, by the cooperation's own regulation."""
    regime = cooperation.regime if on is None else regime_for_agreement(on)[0].value
    return article_for(kind, regime, third_party=_with_third_party(cooperation))


def copies_regime(cooperation: Cooperation) -> Regime:
    """The regulation that says who receives copies of the signed agreement: the one in force on
    the signing day, when the duty arose (PP 28/2018 Pasal 51), else the cooperation's own."""
    if cooperation.signed_on is None:
        return Regime(cooperation.regime)
    return regime_for_agreement(cooperation.signed_on)[0]


def signing_article(cooperation: Cooperation, *, power_of_attorney: bool) -> str:
    """Why an official may sign for a region of this cooperation: as head or by Surat Kuasa."""
    key = (Regime(cooperation.regime), _with_third_party(cooperation), power_of_attorney)
    return SIGNING_AUTHORITY[key]


def signers_article(cooperation: Cooperation) -> str:
    """Who may sign at all: the head, or the holder of a Surat Kuasa."""
    return SIGNERS[(Regime(cooperation.regime), _with_third_party(cooperation))]


def heading_articles(cooperation: Cooperation, copies: str = "") -> dict[str, str]:
    """The article in the heading of each step form on the page, by this cooperation's
    regulation; `copies` is the article of the visitor's region's copy rule."""
    key = (Regime(cooperation.regime), _with_third_party(cooperation))
    found = {name: article_of(cooperation, kind) for name, kind in _HEADING_STEPS.items()}
    found.update({name: table[key] for name, table in _HEADINGS.items()})
    found["copies"] = copies
    return found

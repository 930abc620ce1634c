"""What the draft agreement must contain under PP 28/2018."""

from __future__ import annotations

from ksd.law.citations import Severity
from ksd.law.facts import Facts
from ksd.law.parameters import parameter
from ksd.law.pp28_2018.cite import pasal
from ksd.law.verdicts import ContentRequirement

# Pasal 19 ayat (2) huruf a-d: the minimum of a KSDPK contract.
KSDPK_CONTENTS = (
    ("hak_kewajiban", "a"),
    ("jangka_waktu", "b"),
    ("penyelesaian_perselisihan", "c"),
    ("sanksi", "d"),
)


def required_contents(facts: Facts) -> list[ContentRequirement]:
    """Pasal 6 ayat (4) leaves KSDD contents to a Peraturan Menteri (a parameter here);
    Pasal 19 ayat (2) fixes four contents, sanctions included, for every KSDPK contract.
    Neither applies to a cooperation abroad: what its plan contains is Pasal 30 ayat (3)
    (foreign.py), and Pasal 19 ayat (2) binds only contracts with domestic third parties."""
    if any(p.abroad is not None for p in facts.parties):
        domestic = [p for p in facts.parties if p.third_party and p.abroad is None]
        if not domestic:
            return []
        return [
            ContentRequirement(c, pasal("19", "2", h), Severity.ERROR) for c, h in KSDPK_CONTENTS
        ]
    chosen = parameter("pp28_draft_contents", on=facts.date).value or {}
    severity = Severity(chosen.get("severity", "warning"))
    required: dict[str, ContentRequirement] = {
        code: ContentRequirement(code, pasal("6", "4"), severity, "pp28_draft_contents")
        for code in chosen.get("codes", ())
    }
    if facts.third_parties:
        for code, huruf in KSDPK_CONTENTS:
            required[code] = ContentRequirement(code, pasal("19", "2", huruf), Severity.ERROR)
    return list(required.values())


def letter_contents() -> list[ContentRequirement]:
    """PP 28/2018 prescribes no contents for the letter asking DPRD approval of KSDD/KSDPK."""
    return []

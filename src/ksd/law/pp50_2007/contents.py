"""What the draft agreement and the letter to the DPRD must contain (PP 50/2007)."""

from __future__ import annotations

from ksd.law.citations import Citation, Severity
from ksd.law.facts import Facts
from ksd.law.parameters import parameter
from ksd.law.pp50_2007.cite import pasal
from ksd.law.verdicts import ContentRequirement

# Pasal 7 huruf b angka 1-8, in the order of the article.
DRAFT_CONTENTS = (
    "subjek",
    "objek",
    "ruang_lingkup",
    "hak_kewajiban",
    "jangka_waktu",
    "pengakhiran",
    "keadaan_memaksa",
    "penyelesaian_perselisihan",
)

# Pasal 11 ayat (1) huruf a-e; huruf c has two angka.
LETTER_CONTENTS = (
    ("tujuan", pasal("11", "1", "a")),
    ("objek", pasal("11", "1", "b")),
    ("kontribusi_apbd", pasal("11", "1", "c", "1")),
    ("keuntungan", pasal("11", "1", "c", "2")),
    ("jangka_waktu", pasal("11", "1", "d")),
    ("pembebanan_masyarakat", pasal("11", "1", "e")),
)


def required_contents(facts: Facts) -> list[ContentRequirement]:
    """Pasal 7 huruf b: the draft contains at least the eight contents, for every cooperation.
    From 2 October 2014 UU 23/2014 Pasal 366 ayat (2) huruf d adds sanctions to every contract
    with a third party (parameter uu23_2014_overlay)."""
    required = [
        ContentRequirement(code, pasal("7", huruf="b", angka=str(i)), Severity.ERROR)
        for i, code in enumerate(DRAFT_CONTENTS, start=1)
    ]
    if facts.third_parties and parameter("uu23_2014_overlay", on=facts.date).value:
        required.append(
            ContentRequirement(
                "sanksi",
                Citation("UU 23/2014", "366", "2", "d"),
                Severity.ERROR,
                "uu23_2014_overlay",
            )
        )
    return required


def letter_contents() -> list[ContentRequirement]:
    """Pasal 11 ayat (1): what the letter to the Ketua DPRD must explain."""
    return [ContentRequirement(code, cite, Severity.ERROR) for code, cite in LETTER_CONTENTS]

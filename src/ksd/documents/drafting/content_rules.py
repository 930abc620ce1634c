"""The keywords by which KSD guesses, from a draft agreement's text, whether it holds each
required content (PP 50/2007 Pasal 7 huruf b; PP 28/2018 Pasal 19 ayat (2); UU 23/2014
Pasal 366 ayat (2) huruf d).

A heuristic, and said so to the user: a heading or a phrase that usually opens the content is
looked for in the text, lower-cased with its spacing and line-break hyphens undone. Finding one
does not prove the content is adequate, and a draft worded otherwise may hold a content KSD
misses; the operator's own ticks stay the record. One pattern list per content, kept readable
so a lawyer can review and extend it (tests/documents/drafting/test_content_rules.py).
"""

from __future__ import annotations

import re

KEYWORDS: dict[str, tuple[str, ...]] = {
    "subjek": (
        r"subjek (kerja sama|perjanjian)",
        r"para pihak dalam (perjanjian|kerja sama)",
        r"pihak pertama",
        r"yang bertanda tangan di bawah ini",
    ),
    "objek": (
        r"objek (kerja sama|perjanjian)",
        r"obyek (kerja sama|perjanjian)",
        r"\bobjek\b",
    ),
    "ruang_lingkup": (
        r"ruang lingkup",
        r"lingkup (kerja sama|perjanjian|kegiatan)",
    ),
    "hak_kewajiban": (
        r"hak dan kewajiban",
        r"kewajiban para pihak",
        r"\bhak (pihak|para pihak)\b",
    ),
    "jangka_waktu": (
        r"jangka waktu",
        r"masa berlaku",
        r"berlaku (selama|untuk waktu)",
    ),
    "pengakhiran": (
        r"pengakhiran",
        r"berakhirnya (kerja sama|perjanjian)",
        r"(perjanjian|kerja sama) (ini )?berakhir",
        r"mengakhiri (perjanjian|kerja sama)",
    ),
    "keadaan_memaksa": (
        r"keadaan memaksa",
        r"keadaan kahar",
        r"force majeure",
        r"overmacht",
    ),
    "penyelesaian_perselisihan": (
        r"penyelesaian (perselisihan|sengketa)",
        r"perselisihan",
        r"sengketa",
    ),
    "sanksi": (
        r"\bsanksi\b",
        r"\bdenda\b",
        r"ganti (rugi|kerugian)",
        r"wanprestasi",
    ),
}

_COMPILED = {code: [re.compile(p) for p in patterns] for code, patterns in KEYWORDS.items()}


def normalise(text: str) -> str:
    """Lower case, words split across lines by a hyphen joined again, all spacing one space."""
    text = re.sub(r"-\s*\n\s*", "", text.lower())
    return re.sub(r"\s+", " ", text)


def contents_found(text: str) -> frozenset[str]:
    """The content codes whose keywords appear in `text`."""
    plain = normalise(text)
    return frozenset(
        code for code, patterns in _COMPILED.items() if any(p.search(plain) for p in patterns)
    )

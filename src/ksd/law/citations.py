"""Citations, bilingual texts and findings: the vocabulary every verdict of ksd.law is written in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")


@dataclass(frozen=True, slots=True)
class Text:
    """A message we wrote in Bahasa Indonesia, with its English version."""

    id: str
    en: str

    def render(self, lang: Lang = "id") -> str:
        return self.en if lang == "en" else self.id


_MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: dt.date) -> Text:
    """A date as people write it in letters: "23 Maret 2016" / "23 March 2016"."""
    return Text(
        f"{day.day} {_MONTHS_ID[day.month - 1]} {day.year}",
        f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}",
    )


@dataclass(frozen=True, slots=True)
class Citation:
    """A place in a regulation: regulation, pasal, ayat, huruf, angka, or its Penjelasan."""

    regulation: str
    pasal: str
    ayat: str | None = None
    huruf: str | None = None
    angka: str | None = None
    penjelasan: bool = False
    lampiran: bool = False  # a place in the regulation's annex (Lampiran), not in its body
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Rendered once: assessments print many citations.
        object.__setattr__(self, "text", self._render())

    def __str__(self) -> str:
        return self.text

    def _render(self) -> str:
        parts = [f"Penjelasan {self.regulation}" if self.penjelasan else self.regulation]
        if self.lampiran:
            parts = [f"Lampiran {self.regulation}"]
        if self.pasal:  # empty: the regulation as a whole (e.g. a region's formation law)
            parts.append(f"Pasal {self.pasal}")
        if self.ayat is not None:
            parts.append(f"ayat ({self.ayat})")
        if self.huruf is not None:
            parts.append(f"huruf {self.huruf}")
        if self.angka is not None:
            parts.append(f"angka {self.angka}")
        return " ".join(parts)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a verdict came out as it did: our explanation and the article behind it."""

    message: Text
    citation: Citation

    def to_json(self, lang: Lang) -> dict[str, str]:
        return {"message": self.message.render(lang), "citation": str(self.citation)}


@dataclass(frozen=True, slots=True)
class Finding:
    """Something the user must know or fix. `code` is a stable identifier (docs/assess-json.md)."""

    code: str
    severity: Severity
    message: Text
    citation: Citation
    subject: str | None = None

    def to_json(self, lang: Lang) -> dict[str, str | None]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message.render(lang),
            "citation": str(self.citation),
            "subject": self.subject,
        }

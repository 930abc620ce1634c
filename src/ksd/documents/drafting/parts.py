"""The neutral shape of a drafted document, before it becomes DOCX or PDF: one or more letters
or agreements (`Part`), each a title, a number, numbered articles and signatures. Templates only
lay this out; what it says comes from the record (record.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PLACEHOLDER = "[belum dicatat: {what}]"
PLACEHOLDER_PATTERN = re.compile(r"\[belum dicatat: [^\]]*\]")


def missing(what: str) -> str:
    """The marked gap a document shows where the record lacks a fact: never invented text."""
    return PLACEHOLDER.format(what=what)


@dataclass
class Section:
    """An article ("Pasal 3", with its title) or, without a number, a plain block of text."""

    paragraphs: list[str]
    title: str = ""
    number: int | None = None

    @property
    def heading(self) -> str:
        return f"Pasal {self.number}" if self.number is not None else ""


@dataclass
class Signer:
    role: str  # "PIHAK PERTAMA", or the office that signs a letter
    party: str
    name: str
    position: str


@dataclass
class Part:
    title: str
    number: str
    place_date: str = ""
    recipient: list[str] = field(default_factory=list)  # "Kepada Yth." lines of a letter
    subject: str = ""  # "Perihal" of a letter
    opening: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    signers: list[Signer] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)  # tembusan
    annex_title: str = ""
    annex: list[str] = field(default_factory=list)

    def texts(self) -> list[str]:
        lines = [self.title, self.number, self.place_date, *self.recipient, self.subject]
        lines += self.opening
        for section in self.sections:
            lines += [section.heading, section.title, *section.paragraphs]
        lines += self.closing
        for signer in self.signers:
            lines += [signer.role, signer.party, signer.name, signer.position]
        return [*lines, *self.copies, self.annex_title, *self.annex]


def placeholder_count(parts: list[Part]) -> int:
    return sum(len(PLACEHOLDER_PATTERN.findall(t)) for p in parts for t in p.texts())

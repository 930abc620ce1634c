"""The Indonesian catalogue is complete and its compiled .mo matches the .po.

The .mo files are committed so that a fresh machine needs no gettext tools; these tests catch a
.po edited without `make messages`, and a string left untranslated or fuzzy.
"""

from __future__ import annotations

import ast
import gettext
from dataclasses import dataclass, field
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "src" / "ksd" / "locale"


@dataclass
class _Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    is_fuzzy: bool = False


def _read_po(path: Path) -> list[_Entry]:
    """The entries of a .po file, as far as KSD's catalogues use the format (no msgctxt)."""
    entries: list[_Entry] = []
    entry = _Entry()
    target: tuple[str, int] = ("msgid", 0)
    started = False

    def finish() -> None:
        nonlocal entry, started
        if started:
            entries.append(entry)
        entry, started = _Entry(), False

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            finish()
        elif line.startswith("#,"):
            entry.is_fuzzy = entry.is_fuzzy or "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            _append(entry, target, ast.literal_eval(line))
        else:
            keyword, _, literal = line.partition(" ")
            if keyword == "msgid":
                if started and entry.msgstr:
                    finish()
                target = ("msgid", 0)
            elif keyword == "msgid_plural":
                target, entry.msgid_plural = ("msgid_plural", 0), ""
            elif keyword == "msgstr":
                target = ("msgstr", 0)
            elif keyword.startswith("msgstr["):
                target = ("msgstr", int(keyword[7:-1]))
            else:
                raise AssertionError(f"{path}: unexpected line {line!r}")
            started = True
            _append(entry, target, ast.literal_eval(literal))
    finish()
    return entries


def _append(entry: _Entry, target: tuple[str, int], text: str) -> None:
    kind, index = target
    if kind == "msgid":
        entry.msgid += text
    elif kind == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + text
    else:
        entry.msgstr[index] = entry.msgstr.get(index, "") + text


def _messages(language: str) -> list[_Entry]:
    entries = _read_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    return [e for e in entries if e.msgid]  # the header entry has an empty msgid


def test_every_indonesian_message_is_translated_and_reviewed() -> None:
    messages = _messages("id")
    assert len(messages) > 10

    untranslated = [e.msgid for e in messages if not all(e.msgstr.values()) or not e.msgstr]
    fuzzy = [e.msgid for e in messages if e.is_fuzzy]

    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", ["id", "en"])
def test_compiled_catalogue_matches_its_source(language: str) -> None:
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    stale = []
    for entry in _messages(language):
        if entry.msgid_plural is None:
            expected = entry.msgstr.get(0) or entry.msgid
            if compiled.gettext(entry.msgid) != expected:
                stale.append(entry.msgid)
        else:
            expected = entry.msgstr.get(0) or entry.msgid
            if compiled.ngettext(entry.msgid, entry.msgid_plural, 1) != expected:
                stale.append(entry.msgid)

    assert stale == [], "run `make messages` and commit the .mo files"

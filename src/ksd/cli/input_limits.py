"""Limits on what `ksd assess` and `ksd workdays` read, so that no input makes them hang, fill
the memory, or end in a traceback.

- A file (or standard input) is read up to MAX_INPUT_BYTES; more is refused, so `/dev/zero` or an
  endless pipe ends at once. Opening does not wait for a writer: a FIFO nobody writes to reads
  as empty. A directory, binary data (a NUL byte) and text that is not UTF-8 are refused.
- JSON and YAML are refused past MAX_DEPTH levels of nesting or MAX_NODES values (YAML aliases
  can make a small file stand for a huge tree), and JSON numbers past MAX_NUMBER_DIGITS digits,
  or not finite (NaN, Infinity, 1e999): no fact of a cooperation needs more.

Each refusal is an InputRefusedError carrying one line in Bahasa Indonesia and English; `one_line`
keeps any message to one short line, whatever the input it quotes.
"""

from __future__ import annotations

import fcntl
import json
import math
import os
import stat
import sys
from collections.abc import Callable
from typing import BinaryIO

from ksd.law.citations import Lang, Text

MAX_INPUT_BYTES = 1024 * 1024
MAX_INPUT_LABEL = Text("1 MB", "1 MB")
MAX_DEPTH = 20
MAX_NODES = 100_000
MAX_NUMBER_DIGITS = 15
MAX_MESSAGE_CHARS = 600
MAX_QUOTED_CHARS = 40
MAX_QUOTED_PATH_CHARS = 240


class InputRefusedError(Exception):
    """Input a command refuses, with the line to show."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def quoted(value: object, limit: int = MAX_QUOTED_CHARS) -> str:
    """`value` as it may appear inside a message: no line breaks or control characters, and cut
    to `limit` characters."""
    text = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def one_line(message: str) -> str:
    """`message` as a single line of at most MAX_MESSAGE_CHARS characters."""
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in message).split())
    if len(text) > MAX_MESSAGE_CHARS:
        text = text[: MAX_MESSAGE_CHARS - 1] + "…"
    return text


def source_label(name: str, kind: Text) -> Text:
    """How a message names what it read: standard input, or `kind` with the file's name."""
    if name == "-":
        return Text("masukan standar", "standard input")
    shown = quoted(name, MAX_QUOTED_PATH_CHARS)
    return Text(kind.id.format(name=shown), kind.en.format(name=shown))


def read_text(name: str, label: Text) -> str:
    """The UTF-8 text of file `name` ('-' for standard input), within MAX_INPUT_BYTES."""
    data = _read_capped(sys.stdin.buffer) if name == "-" else _read_file(name, label)
    if len(data) > MAX_INPUT_BYTES:
        raise InputRefusedError(
            Text(
                f"{label.id} lebih besar dari {MAX_INPUT_LABEL.id}, batas yang dibaca KSD.",
                f"{label.en} is larger than {MAX_INPUT_LABEL.en}, the most KSD reads.",
            )
        )
    if b"\x00" in data:
        raise InputRefusedError(
            Text(f"{label.id} berisi data biner, bukan teks.", f"{label.en} is binary, not text.")
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputRefusedError(
            Text(f"{label.id} bukan teks UTF-8.", f"{label.en} is not UTF-8 text.")
        ) from None


def _read_capped(stream: BinaryIO) -> bytes:
    return stream.read(MAX_INPUT_BYTES + 1)


def _read_file(name: str, label: Text) -> bytes:
    try:
        # O_NONBLOCK: opening a FIFO would otherwise wait for a writer, possibly forever.
        descriptor = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise _unreadable(label, exc) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise InputRefusedError(
                Text(
                    f"{label.id} adalah folder, bukan berkas.",
                    f"{label.en} is a folder, not a file.",
                )
            )
        # Reads block again, so a pipe with a writer is read to its end (or to the cap).
        flags = fcntl.fcntl(descriptor, fcntl.F_GETFL)
        fcntl.fcntl(descriptor, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return _read_capped(stream)
    except OSError as exc:
        raise _unreadable(label, exc) from None
    finally:
        os.close(descriptor)


def _unreadable(label: Text, exc: OSError) -> InputRefusedError:
    reason = exc.strerror or type(exc).__name__
    return InputRefusedError(
        Text(f"{label.id} tidak dapat dibaca: {reason}.", f"cannot read {label.en}: {reason}.")
    )


def too_complex(label: Text) -> InputRefusedError:
    nodes_id, nodes_en = f"{MAX_NODES:_}".replace("_", "."), f"{MAX_NODES:,}"
    return InputRefusedError(
        Text(
            f"{label.id} bersarang lebih dari {MAX_DEPTH} tingkat atau memuat lebih dari "
            f"{nodes_id} nilai; fakta kerja sama tidak memerlukannya.",
            f"{label.en} is nested more than {MAX_DEPTH} levels deep or holds more than "
            f"{nodes_en} values; no cooperation's facts need that.",
        )
    )


def check_shape(data: object, label: Text) -> None:
    """Refuse data nested past MAX_DEPTH or with more than MAX_NODES values. Iterative, so it
    cannot itself run out of stack; shared (aliased) parts count each time they appear."""
    pending: list[tuple[object, int]] = [(data, 1)]
    nodes = 0
    while pending:
        value, depth = pending.pop()
        nodes += 1
        if depth > MAX_DEPTH or nodes > MAX_NODES:
            raise too_complex(label)
        if isinstance(value, dict):
            pending.extend((item, depth + 1) for pair in value.items() for item in pair)
        elif isinstance(value, list | tuple):
            pending.extend((item, depth + 1) for item in value)


def _number_refused(label: Text, literal: str) -> InputRefusedError:
    return InputRefusedError(
        Text(
            f"{label.id} memuat angka '{quoted(literal)}' yang terlalu besar atau tidak terhingga.",
            f"{label.en} holds the number '{quoted(literal)}', which is too large or not finite.",
        )
    )


def _parse_int(label: Text) -> Callable[[str], int]:
    def parse(literal: str) -> int:
        if len(literal.lstrip("-")) > MAX_NUMBER_DIGITS:
            raise _number_refused(label, literal)
        return int(literal)

    return parse


def _parse_float(label: Text) -> Callable[[str], float]:
    def parse(literal: str) -> float:
        if len(literal) > MAX_NUMBER_DIGITS + 10:
            raise _number_refused(label, literal)
        value = float(literal)
        if not math.isfinite(value):
            raise _number_refused(label, literal)
        return value

    return parse


def _parse_constant(label: Text) -> Callable[[str], object]:
    def parse(literal: str) -> object:
        raise _number_refused(label, literal)

    return parse


def load_json(text: str, label: Text) -> object:
    """Parse JSON within the limits above; InputRefusedError with the position on bad JSON."""
    if not text.strip():
        raise InputRefusedError(
            Text(
                f"{label.id} kosong: tidak ada JSON untuk dibaca.",
                f"{label.en} is empty: no JSON to read.",
            )
        )
    try:
        data = json.loads(
            text,
            parse_int=_parse_int(label),
            parse_float=_parse_float(label),
            parse_constant=_parse_constant(label),
        )
    except json.JSONDecodeError as exc:
        raise InputRefusedError(
            Text(
                f"JSON tidak sah dalam {label.id} pada baris {exc.lineno}, kolom {exc.colno}: "
                f"{exc.msg}",
                f"invalid JSON in {label.en} at line {exc.lineno}, column {exc.colno}: {exc.msg}",
            )
        ) from None
    except RecursionError:
        raise too_complex(label) from None
    check_shape(data, label)
    return data


def render(error: InputRefusedError, lang: Lang) -> str:
    return one_line(error.text.render(lang))

"""`ksd assess FILE.json|-`: print the legal assessment of a cooperation as JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ksd.cli.clock import today
from ksd.law.assessment import assess_json
from ksd.law.citations import Lang
from ksd.law.errors import LawInputError
from ksd.law.schema_v1 import to_v1

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"ksd assess: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ksd assess",
        description="Menilai rencana atau kerja sama daerah yang berjalan dari fakta dalam JSON "
        "(docs/assess-json.md). / Assess a planned or running regional cooperation from JSON "
        "facts.",
    )
    parser.add_argument("file", help="berkas JSON, atau '-' untuk masukan standar / JSON file or -")
    parser.add_argument(
        "--lang", choices=("id", "en"), default="id", help="bahasa pesan / language"
    )
    parser.add_argument("--compact", action="store_true", help="JSON satu baris / one-line JSON")
    parser.add_argument(
        "--schema",
        choices=("1", "2"),
        default="2",
        help="versi kontrak keluaran / output contract version (ksd.assess/1 or /2)",
    )
    return parser


def _fail(message: str) -> int:
    print(f"ksd assess: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run(args: list[str]) -> int:
    options = _parser().parse_args(args)
    lang: Lang = "en" if options.lang == "en" else "id"
    en = lang == "en"
    try:
        text = sys.stdin.read() if options.file == "-" else Path(options.file).read_text("utf-8")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _fail(
            f"cannot read '{options.file}': {reason}"
            if en
            else f"berkas '{options.file}' tidak dapat dibaca: {reason}"
        )
    except UnicodeDecodeError:
        return _fail(
            f"'{options.file}' is not UTF-8 text" if en else f"'{options.file}' bukan teks UTF-8"
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return _fail(
            f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            if en
            else f"JSON tidak sah pada baris {exc.lineno}, kolom {exc.colno}: {exc.msg}"
        )
    try:
        result = assess_json(data, today=today(), lang=lang)
    except LawInputError as exc:
        return _fail(exc.render(lang))
    if options.schema == "1":
        result = to_v1(result)
    indent = None if options.compact else 2
    try:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=indent)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early: not an error of ours, and no traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0

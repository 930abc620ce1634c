"""`ksd assess FILE.json|-`: print the legal assessment of a cooperation as JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys

from ksd.cli.clock import today
from ksd.cli.input_limits import InputRefusedError, load_json, one_line, read_text, source_label
from ksd.law.assessment import assess_json
from ksd.law.citations import Lang, Text
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
    print(f"ksd assess: {one_line(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run(args: list[str]) -> int:
    options = _parser().parse_args(args)
    lang: Lang = "en" if options.lang == "en" else "id"
    label = source_label(options.file, Text("berkas '{name}'", "'{name}'"))
    try:
        data = load_json(read_text(options.file, label), label)
        result = assess_json(data, today=today(), lang=lang)
    except InputRefusedError as exc:
        return _fail(exc.text.render(lang))
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

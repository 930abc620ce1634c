"""`ksd workdays`: add, explain and count government working days.

    ksd workdays add DATE N [--region CODE] [--overrides FILE]
    ksd workdays explain DATE N [--region CODE] [--overrides FILE] [--lang id|en] [--json]
    ksd workdays count START END [--region CODE] [--overrides FILE]

DATE is the day of receipt (day 0). Bad input exits with status 2 and one line on stderr, in
Bahasa Indonesia unless `--lang en` is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

import yaml

from ksd.cli.input_limits import (
    InputRefusedError,
    check_shape,
    load_json,
    one_line,
    quoted,
    read_text,
    source_label,
    too_complex,
)
from ksd.law.calendar import HolidayOverride, WorkingCalendar, calendar_for, parse_overrides
from ksd.law.citations import Lang, Text
from ksd.law.errors import LawInputError
from ksd.law.regions import get_region

EXIT_BAD_INPUT = 2
PROG = "ksd workdays"

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_COUNT = re.compile(r"[0-9]+")
# Far more than the supported calendar (2007-2100) holds, so the calendar gives the refusal for
# a limit that ends after it; a longer number is refused before it is even converted.
MAX_WORKING_DAYS = 99_999

# argparse writes its own messages in English; these are the ones a user meets, in our words.
_ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], Text], ...] = (
    (
        re.compile(r"^unrecognized arguments: (?P<a>.*)$"),
        Text("argumen tidak dikenal: {a}", "unknown arguments: {a}"),
    ),
    (
        re.compile(r"^the following arguments are required: (?P<a>.*)$"),
        Text("argumen wajib belum diisi: {a}", "missing required arguments: {a}"),
    ),
    (
        re.compile(r"^argument (?P<a>\S+): invalid choice: (?P<b>.*?) \(choose from (?P<c>.*)\)$"),
        Text(
            "pilihan {b} untuk {a} tidak sah (pilih: {c})",
            "invalid choice {b} for {a} (choose from {c})",
        ),
    ),
    (
        re.compile(r"^argument (?P<a>\S+): expected one argument$"),
        Text("{a} memerlukan satu nilai", "{a} needs a value"),
    ),
)


class BadInputError(Exception):
    """Input we refuse, with the message to show."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, in the user's language, with status 2."""

    def __init__(self, *args: object, lang: Lang = "id", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lang = lang

    def error(self, message: str) -> NoReturn:
        text = Text(f"penggunaan salah: {message}", f"wrong usage: {message}")
        for pattern, template in _ARGPARSE_MESSAGES:
            match = pattern.match(message)
            if match:
                text = Text(
                    template.id.format(**match.groupdict()), template.en.format(**match.groupdict())
                )
                break
        hint = Text(f"; lihat '{PROG} --help'", f"; see '{PROG} --help'")
        self.exit(EXIT_BAD_INPUT, f"{PROG}: {text.render(self.lang)}{hint.render(self.lang)}\n")


def _parser(lang: Lang) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        lang=lang,
        allow_abbrev=False,
        description="Hari kerja pemerintah: Senin–Jumat, dikurangi libur nasional dan cuti "
        "bersama; hari penerimaan adalah hari ke-0. / Government working days: Monday to "
        "Friday, minus national holidays and cuti bersama; the day of receipt is day 0.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--region", metavar="KODE", help="kode wilayah Kemendagri / region code (34, 34.71)"
        )
        sub.add_argument(
            "--overrides",
            metavar="FILE",
            help="ketetapan hari libur tambahan (YAML/JSON) / extra holiday overrides",
        )
        sub.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa / language")

    add = commands.add_parser(
        "add",
        lang=lang,
        allow_abbrev=False,
        help="tanggal akhir N hari kerja sejak DATE / the day N working days after DATE",
    )
    add.add_argument("date", metavar="DATE", help="hari ke-0, YYYY-MM-DD / day 0")
    add.add_argument("n", metavar="N", help="jumlah hari kerja / number of working days")
    common(add)

    explain = commands.add_parser(
        "explain",
        lang=lang,
        allow_abbrev=False,
        help="tanggal akhir beserta setiap hari libur yang dilewati / the end and each day off",
    )
    explain.add_argument("date", metavar="DATE", help="hari ke-0, YYYY-MM-DD / day 0")
    explain.add_argument("n", metavar="N", help="jumlah hari kerja / number of working days")
    common(explain)
    explain.add_argument("--json", action="store_true", help="keluaran JSON / JSON output")

    count = commands.add_parser(
        "count",
        lang=lang,
        allow_abbrev=False,
        help="jumlah hari kerja dalam (START, END] / working days in (START, END]",
    )
    count.add_argument("start", metavar="START", help="YYYY-MM-DD (tidak dihitung / excluded)")
    count.add_argument("end", metavar="END", help="YYYY-MM-DD (dihitung / included)")
    common(count)
    return parser


def _lang_of(args: Sequence[str]) -> Lang:
    """The language asked for, read before parsing so that parse errors use it too."""
    for i, arg in enumerate(args):
        if arg == "--lang=en" or (arg == "--lang" and i + 1 < len(args) and args[i + 1] == "en"):
            return "en"
    return "id"


def _date(value: str, what: str) -> dt.date:
    if _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    shown = quoted(value)
    raise BadInputError(
        Text(
            f"{what} '{shown}' bukan tanggal yang sah: gunakan format YYYY-MM-DD, "
            "misalnya 2026-03-17.",
            f"{what} '{shown}' is not a valid date: use YYYY-MM-DD, e.g. 2026-03-17.",
        )
    )


def _count(value: str) -> int:
    if not _COUNT.fullmatch(value):
        shown = quoted(value)
        raise BadInputError(
            Text(
                f"N '{shown}' tidak sah: jumlah hari kerja harus bilangan bulat 0 atau lebih.",
                f"N '{shown}' is invalid: the number of working days must be a whole number of 0 "
                "or more.",
            )
        )
    # Checked on the digits, before int(): Python refuses to convert more than 4,300 digits.
    if len(value.lstrip("0")) > len(str(MAX_WORKING_DAYS)) or int(value) > MAX_WORKING_DAYS:
        raise BadInputError(
            Text(
                f"N '{quoted(value)}' terlalu besar: paling banyak "
                f"{MAX_WORKING_DAYS:_} hari kerja.".replace("_", "."),
                f"N '{quoted(value)}' is too large: at most {MAX_WORKING_DAYS:,} working days.",
            )
        )
    return int(value)


def _read_overrides(name: str) -> tuple[HolidayOverride, ...]:
    label = source_label(name, Text("berkas ketetapan '{name}'", "the overrides file '{name}'"))
    text = read_text(name, label)
    data: object
    if name.lower().endswith(".json"):
        data = load_json(text, label)
    else:
        try:
            data = yaml.safe_load(text)
        except RecursionError:
            raise too_complex(label) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where_id = f" pada baris {mark.line + 1}" if mark is not None else ""
            where_en = f" at line {mark.line + 1}" if mark is not None else ""
            raise BadInputError(
                Text(
                    f"YAML tidak sah dalam {label.id}{where_id}",
                    f"invalid YAML in {label.en}{where_en}",
                )
            ) from None
        check_shape(data, label)
    try:
        return parse_overrides(data)
    except LawInputError as exc:
        raise BadInputError(
            Text(f"{label.id}: {exc.text.id}", f"{label.en}: {exc.text.en}")
        ) from None


def _calendar(options: argparse.Namespace) -> WorkingCalendar:
    region: str | None = options.region
    if region is not None:
        get_region(region)
    extra = _read_overrides(options.overrides) if options.overrides is not None else ()
    return calendar_for(region, extra)


def _execute(options: argparse.Namespace, lang: Lang) -> str:
    if options.command == "count":
        start = _date(options.start, "START")
        end = _date(options.end, "END")
        return str(_calendar(options).count_working_days(start, end))
    start = _date(options.date, "DATE")
    n = _count(options.n)
    calendar = _calendar(options)
    if options.command == "add":
        return calendar.add_working_days(start, n).isoformat()
    explanation = calendar.explain(start, n)
    if options.json:
        return json.dumps(explanation.to_json(lang), ensure_ascii=False, indent=2)
    return explanation.render(lang)


def run(args: list[str]) -> int:
    lang = _lang_of(args)
    options = _parser(lang).parse_args(args)
    try:
        output = _execute(options, lang)
    except (BadInputError, InputRefusedError, LawInputError) as exc:
        print(f"{PROG}: {one_line(exc.text.render(lang))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(output)
    return 0

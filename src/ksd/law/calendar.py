"""Government working days (hari kerja) and deadlines counted in them.

A working day of the government is Monday to Friday (Perpres 21/2023 on working days and hours of
government agencies), minus the national holidays (libur nasional) and the cuti bersama that a joint
decree of ministers (SKB) sets each year. Both lists come from the `holidays` package, asked for the
categories "public" (libur nasional) and "government" (cuti bersama); without the categories it
silently leaves cuti bersama out.

Decrees arrive late, so a table of overrides corrects the package: a date ADDED as a day off, or a
listed holiday REMOVED (made a working day again), each with the decree that says so. Choices:

- An override with a region applies only to a calendar for exactly that Kemendagri code. A day off
  declared by a governor binds the provincial government's own staff (and so the provincial DPRD's
  secretariat), not the kabupaten and kota inside the province, which set their own; so "34" does
  not reach "34.71". An administrator who wants both enters both.
- Nationwide overrides apply first, then the region's own, each in the order given; for the same
  date the later one wins (the region's own decision, or the newer table).
- REMOVE makes a listed holiday a working day; it never makes a Saturday or Sunday one, because the
  five-day week comes from the Perpres, not from the holiday decree. A REMOVE on a date that is not
  a holiday changes nothing.
- When a day is off for more than one reason, the most specific one is reported: an override, then
  a libur nasional, then a cuti bersama, then the weekend (with the weekday named).

Counting (PP 50/2007 Pasal 12: "paling lama 45 (empat puluh lima) hari kerja sejak diterima"): the
day of receipt is day 0, and a limit of N working days ends at the end of the N-th working day after
it.

Supported dates: 2007-01-01 to 2100-12-31. The older regime, PP 50/2007, came into force on
2007-08-22, and the `holidays` package has no Indonesian holidays after 2100.

Speed: each calendar builds, lazily and once per year it touches, the sorted working days of that
year and the number of working days up to each day of the year, so adding N working days is an
index into a list, not a walk over the days. Calendars with the same overrides share these tables.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from typing import Final

import holidays

from ksd.law import yaml_data
from ksd.law.citations import Lang, Text, long_date
from ksd.law.errors import LawInputError
from ksd.law.regions import get_region

FIRST_DAY: Final = dt.date(2007, 1, 1)
LAST_DAY: Final = dt.date(2100, 12, 31)
_FIRST_YEAR: Final = FIRST_DAY.year
_LAST_YEAR: Final = LAST_DAY.year

KIND_WEEKEND: Final = "weekend"
KIND_LIBUR_NASIONAL: Final = "libur_nasional"
KIND_CUTI_BERSAMA: Final = "cuti_bersama"
KIND_OVERRIDE: Final = "override"

_WEEKDAYS = (
    Text("Senin", "Monday"),
    Text("Selasa", "Tuesday"),
    Text("Rabu", "Wednesday"),
    Text("Kamis", "Thursday"),
    Text("Jumat", "Friday"),
    Text("Sabtu", "Saturday"),
    Text("Minggu", "Sunday"),
)
_KIND_LABELS: Mapping[str, Text] = {
    KIND_WEEKEND: Text("akhir pekan", "weekend"),
    KIND_LIBUR_NASIONAL: Text("libur nasional", "national holiday"),
    KIND_CUTI_BERSAMA: Text("cuti bersama", "cuti bersama (collective leave)"),
    KIND_OVERRIDE: Text("ketetapan tambahan", "override"),
}
_REGION_CODE = re.compile(r"^\d{2}(\.\d{2})?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class OverrideAction(StrEnum):
    ADD = "add"
    REMOVE = "remove"


@dataclass(frozen=True, slots=True)
class HolidayOverride:
    """A decree that changes the holiday list: a day off added, or a listed holiday removed."""

    day: dt.date
    action: OverrideAction
    decree: str
    name: str
    region: str | None = None

    def reason(self) -> Text:
        if self.region is None:
            return Text(
                f"{self.name} (ditetapkan dengan {self.decree})",
                f"{self.name} (set by {self.decree})",
            )
        return Text(
            f"{self.name} (khusus wilayah {self.region}; ditetapkan dengan {self.decree})",
            f"{self.name} (region {self.region} only; set by {self.decree})",
        )


@dataclass(frozen=True, slots=True)
class SkippedDay:
    """A day that is not a working day, and why."""

    day: dt.date
    kind: str
    reason: Text

    def to_json(self, lang: Lang) -> dict[str, object]:
        return {"date": self.day.isoformat(), "kind": self.kind, "reason": self.reason.render(lang)}


@dataclass(frozen=True, slots=True)
class DeadlineExplanation:
    """How N working days from `start` end on `end`: every day off in between, with its name."""

    start: dt.date
    working_days: int
    end: dt.date
    region: str | None
    skipped: tuple[SkippedDay, ...]

    def to_json(self, lang: Lang) -> dict[str, object]:
        return {
            "start": self.start.isoformat(),
            "working_days": self.working_days,
            "end": self.end.isoformat(),
            "region": self.region,
            "skipped": [s.to_json(lang) for s in self.skipped],
        }

    def _region_name(self) -> str:
        try:
            return f"{get_region(self.region or '').name} ({self.region})"
        except LawInputError:
            return self.region or ""

    def render(self, lang: Lang) -> str:
        en = lang == "en"
        start = _weekday_date(self.start).render(lang)
        end = _weekday_date(self.end).render(lang)
        n = self.working_days
        if en:
            unit = "working day" if n == 1 else "working days"
            lines = [f"{n} {unit} from {start} (day 0) end at the close of {end}."]
            lines.append(
                f"Calendar of {self._region_name()}: national holidays, cuti bersama and the "
                "overrides that apply to it."
                if self.region
                else "Calendar: national holidays, cuti bersama and nationwide overrides."
            )
        else:
            lines = [f"{n} hari kerja sejak {start} (hari ke-0) berakhir pada akhir {end}."]
            lines.append(
                f"Kalender {self._region_name()}: libur nasional, cuti bersama, dan ketetapan "
                "tambahan yang berlaku untuknya."
                if self.region
                else "Kalender: libur nasional, cuti bersama, dan ketetapan tambahan nasional."
            )
        if not self.skipped:
            lines.append("No day off in between." if en else "Tidak ada hari libur di antaranya.")
            return "\n".join(lines)
        count = len(self.skipped)
        lines.append(
            f"Days not counted ({count}):" if en else f"Hari yang tidak dihitung ({count}):"
        )
        for s in self.skipped:
            what = _KIND_LABELS[s.kind].render(lang)
            if s.kind != KIND_WEEKEND:  # a weekend's reason only repeats the weekday
                what = f"{what}, {s.reason.render(lang)}"
            weekday = _WEEKDAYS[s.day.weekday()].render(lang)
            lines.append(f"  {s.day.isoformat()} {weekday}: {what}")
        return "\n".join(lines)


def _weekday_date(day: dt.date) -> Text:
    weekday = _WEEKDAYS[day.weekday()]
    date = long_date(day)
    return Text(f"{weekday.id}, {date.id}", f"{weekday.en}, {date.en}")


def _out_of_range(day: object) -> LawInputError:
    return LawInputError(
        "date_out_of_range",
        f"Tanggal {day} di luar kalender hari kerja yang didukung "
        f"({FIRST_DAY.isoformat()} sampai {LAST_DAY.isoformat()}).",
        f"The date {day} is outside the supported working-day calendar "
        f"({FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}).",
    )


def _not_a_date(value: object) -> LawInputError:
    return LawInputError(
        "not_a_date",
        f"'{value}' bukan tanggal.",
        f"'{value}' is not a date.",
    )


def _check_day(day: object) -> dt.date:
    if type(day) is not dt.date:
        raise _not_a_date(day)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise _out_of_range(day.isoformat())
    return day


# --- the holidays of one year, from the `holidays` package -----------------------------------


@functools.cache
def _holidays_of_year(year: int) -> Mapping[dt.date, tuple[str, Text]]:
    """Libur nasional and cuti bersama of `year`: kind and name (Indonesian and English)."""
    found: dict[dt.date, tuple[str, Text]] = {}
    # Public first: a day that is both keeps the stronger kind, libur nasional.
    for category, kind in (("public", KIND_LIBUR_NASIONAL), ("government", KIND_CUTI_BERSAMA)):
        names_id = holidays.country_holidays(
            "ID", years=year, categories=(category,), language="id"
        )
        names_en = holidays.country_holidays(
            "ID", years=year, categories=(category,), language="en_US"
        )
        for day in sorted(names_id):
            text = Text("; ".join(names_id.get_list(day)), "; ".join(names_en.get_list(day)))
            if day in found:
                kind_before, before = found[day]
                text = Text(f"{before.id}; {text.id}", f"{before.en}; {text.en}")
                found[day] = (kind_before, text)
            else:
                found[day] = (kind, text)
    return found


# --- the per-year table of working days ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Year:
    first_ordinal: int
    working: list[dt.date]  # the working days of the year, in order
    # upto[i]: the working days from 1 January up to and including day i of the year (0-based)
    upto: list[int]
    off: dict[dt.date, SkippedDay]  # every day of the year that is not a working day


def _on_weekend(text: Text, day: dt.date) -> Text:
    weekday = day.weekday()
    if weekday < 5:
        return text
    name = _WEEKDAYS[weekday]
    return Text(
        f"{text.id} (jatuh pada hari {name.id})",
        f"{text.en} (falls on a {name.en})",
    )


class _Tables:
    """Working-day tables for one effective set of overrides, built per year on first use."""

    def __init__(self, adds: Mapping[dt.date, HolidayOverride], removes: frozenset[dt.date]):
        self._adds = adds
        self._removes = removes
        self._years: dict[int, _Year] = {}
        self._lock = threading.Lock()

    def year(self, year: int) -> _Year:
        table = self._years.get(year)
        if table is not None:
            return table
        if not _FIRST_YEAR <= year <= _LAST_YEAR:
            raise _out_of_range(year)  # callers check their dates first
        with self._lock:
            table = self._years.get(year)
            if table is None:
                table = self._build(year)
                self._years[year] = table
        return table

    def _build(self, year: int) -> _Year:
        national = _holidays_of_year(year)
        first = dt.date(year, 1, 1)
        days = (dt.date(year + 1, 1, 1) - first).days
        working: list[dt.date] = []
        upto: list[int] = []
        off: dict[dt.date, SkippedDay] = {}
        one_day = dt.timedelta(days=1)
        day = first
        for _ in range(days):
            skipped = self._day_off(day, national)
            if skipped is None:
                working.append(day)
            else:
                off[day] = skipped
            upto.append(len(working))
            day += one_day
        return _Year(first.toordinal(), working, upto, off)

    def _day_off(
        self, day: dt.date, national: Mapping[dt.date, tuple[str, Text]]
    ) -> SkippedDay | None:
        override = self._adds.get(day)
        if override is not None:
            return SkippedDay(day, KIND_OVERRIDE, _on_weekend(override.reason(), day))
        holiday = national.get(day)
        if holiday is not None and day not in self._removes:
            kind, text = holiday
            return SkippedDay(day, kind, _on_weekend(text, day))
        if day.weekday() >= 5:
            return SkippedDay(day, KIND_WEEKEND, _WEEKDAYS[day.weekday()])
        return None


@functools.lru_cache(maxsize=64)
def _tables_for(overrides: tuple[HolidayOverride, ...]) -> _Tables:
    """Shared tables: every region without overrides of its own uses the nationwide ones."""
    adds: dict[dt.date, HolidayOverride] = {}
    removes: set[dt.date] = set()
    for override in overrides:
        if override.action is OverrideAction.ADD:
            adds[override.day] = override
            removes.discard(override.day)
        else:
            removes.add(override.day)
            adds.pop(override.day, None)
    return _Tables(adds, frozenset(removes))


# --- the calendar ----------------------------------------------------------------------------


class WorkingCalendar:
    """Government working days for the whole country, or for one region with its own overrides.

    Perpres 21/2023: Monday to Friday; minus libur nasional and cuti bersama (SKB, yearly); with
    the overrides nationwide and those for exactly `region`."""

    __slots__ = ("_tables", "overrides", "region")

    region: str | None
    overrides: tuple[HolidayOverride, ...]

    def __init__(
        self, overrides: Iterable[HolidayOverride] = (), *, region: str | None = None
    ) -> None:
        if region is not None and (not isinstance(region, str) or not _REGION_CODE.match(region)):
            raise LawInputError(
                "malformed_region_code",
                f"Kode wilayah '{region}' tidak sah: gunakan kode Kemendagri seperti '34' "
                "(provinsi) atau '34.71' (kabupaten/kota).",
                f"Region code '{region}' is malformed: use a Kemendagri code such as '34' "
                "(province) or '34.71' (kabupaten/kota).",
            )
        given = tuple(overrides)
        for override in given:
            if not isinstance(override, HolidayOverride):
                raise LawInputError(
                    "invalid_override",
                    f"'{override}' bukan ketetapan hari libur (HolidayOverride).",
                    f"'{override}' is not a holiday override (HolidayOverride).",
                )
        nationwide = tuple(o for o in given if o.region is None)
        own = tuple(o for o in given if region is not None and o.region == region)
        self.region = region
        self.overrides = nationwide + own
        self._tables = _tables_for(self.overrides)

    def __repr__(self) -> str:
        return f"WorkingCalendar(region={self.region!r}, overrides={len(self.overrides)})"

    def is_working_day(self, day: dt.date) -> bool:
        """Whether `day` is a working day (Perpres 21/2023, minus holidays and cuti bersama)."""
        _check_day(day)
        return day not in self._tables.year(day.year).off

    def day_off(self, day: dt.date) -> SkippedDay | None:
        """Why `day` is not a working day, or None when it is one."""
        _check_day(day)
        return self._tables.year(day.year).off.get(day)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The last day of a limit of `n` working days from `start`, the day of receipt being
        day 0 (PP 50/2007 Pasal 12: "... hari kerja sejak diterima"). `n` = 0 gives `start`."""
        if type(start) is not dt.date:
            raise _not_a_date(start)
        if type(n) is not int or n < 0:
            raise _bad_count(n)
        year = start.year
        if not _FIRST_YEAR <= year <= _LAST_YEAR:
            raise _out_of_range(start.isoformat())
        table = self._tables.year(year)
        if n == 0:
            return start
        # upto counts the working days up to and including start, so the n-th working day after
        # start is the (upto + n)-th working day of the year: index upto + n - 1.
        index = table.upto[start.toordinal() - table.first_ordinal] + n - 1
        working = table.working
        while index >= len(working):
            index -= len(working)
            year += 1
            if year > _LAST_YEAR:
                raise LawInputError(
                    "date_out_of_range",
                    f"{n} hari kerja sejak {start.isoformat()} berakhir setelah "
                    f"{LAST_DAY.isoformat()}, di luar kalender yang didukung.",
                    f"{n} working days from {start.isoformat()} end after "
                    f"{LAST_DAY.isoformat()}, outside the supported calendar.",
                )
            working = self._tables.year(year).working
        return working[index]

    def count_working_days(self, start: dt.date, end: dt.date) -> int:
        """The working days in (start, end]: after `start`, up to and including `end`.
        Negative when `end` is before `start`."""
        _check_day(start)
        _check_day(end)
        if end < start:
            return -self.count_working_days(end, start)
        first = self._tables.year(start.year)
        before = first.upto[start.toordinal() - first.first_ordinal]
        last = self._tables.year(end.year)
        total = last.upto[end.toordinal() - last.first_ordinal] - before
        for year in range(start.year, end.year):
            total += len(self._tables.year(year).working)
        return total

    def explain(self, start: dt.date, n: int) -> DeadlineExplanation:
        """`add_working_days(start, n)` with every day off between start and the end, named."""
        end = self.add_working_days(start, n)
        skipped: list[SkippedDay] = []
        day = start
        one_day = dt.timedelta(days=1)
        while day < end:
            day += one_day
            off = self._tables.year(day.year).off.get(day)
            if off is not None:
                skipped.append(off)
        return DeadlineExplanation(start, n, end, self.region, tuple(skipped))


def _bad_count(n: object) -> LawInputError:
    return LawInputError(
        "invalid_working_days",
        f"Jumlah hari kerja harus bilangan bulat 0 atau lebih, bukan '{n}'.",
        f"The number of working days must be a whole number of 0 or more, not '{n}'.",
    )


# --- overrides from data ---------------------------------------------------------------------

_OVERRIDE_FIELDS = ("date", "action", "decree", "name", "region", "source")


def _entry_error(position: int, label: str, problem_id: str, problem_en: str) -> LawInputError:
    return LawInputError(
        "invalid_override",
        f"Ketetapan hari libur ke-{position}{label}: {problem_id}.",
        f"Holiday override no. {position}{label}: {problem_en}.",
    )


def _parse_date(value: object) -> dt.date | None:
    if type(value) is dt.date:
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _text_field(entry: Mapping[str, object], key: str) -> str | None:
    value = entry.get(key)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def parse_overrides(data: object, *, require_source: bool = False) -> tuple[HolidayOverride, ...]:
    """Holiday overrides from plain data: a list of {date, action, decree, name, region?,
    source?}, or a mapping with such a list under "overrides" (the layout of
    law/data/holiday_overrides.yaml). Raises LawInputError naming the first bad entry."""
    if isinstance(data, Mapping):
        unknown = sorted(str(k) for k in data if k not in ("overrides", "checked_on"))
        if unknown:
            raise LawInputError(
                "invalid_overrides",
                f"Daftar ketetapan hari libur memuat kunci yang tidak dikenal: {', '.join(unknown)}.",
                f"The holiday override table has unknown keys: {', '.join(unknown)}.",
            )
        data = data.get("overrides")
    if data is None:
        return ()
    if not isinstance(data, list):
        raise LawInputError(
            "invalid_overrides",
            "Ketetapan hari libur harus berupa daftar (list) entri.",
            "Holiday overrides must be a list of entries.",
        )
    parsed: list[HolidayOverride] = []
    seen: dict[tuple[dt.date, str | None], int] = {}
    for position, entry in enumerate(data, start=1):
        if not isinstance(entry, Mapping):
            raise _entry_error(
                position,
                "",
                "harus berupa objek dengan kunci date, action, decree, name",
                "must be an object with keys date, action, decree, name",
            )
        raw_date = entry.get("date")
        label = f" ({raw_date})" if raw_date is not None else ""
        unknown = sorted(str(k) for k in entry if k not in _OVERRIDE_FIELDS)
        if unknown:
            raise _entry_error(
                position,
                label,
                f"kunci tidak dikenal: {', '.join(unknown)}",
                f"unknown keys: {', '.join(unknown)}",
            )
        day = _parse_date(raw_date)
        if day is None:
            raise _entry_error(
                position,
                label,
                "'date' harus tanggal berformat YYYY-MM-DD",
                "'date' must be a date written YYYY-MM-DD",
            )
        if not FIRST_DAY <= day <= LAST_DAY:
            raise _entry_error(
                position,
                label,
                f"tanggal di luar {FIRST_DAY.isoformat()} sampai {LAST_DAY.isoformat()}",
                f"the date is outside {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}",
            )
        raw_action = entry.get("action")
        if raw_action not in ("add", "remove"):
            raise _entry_error(
                position,
                label,
                "'action' harus 'add' (hari libur ditambah) atau 'remove' "
                "(hari libur dibatalkan menjadi hari kerja)",
                "'action' must be 'add' (a day off added) or 'remove' (a holiday made a working "
                "day)",
            )
        action = OverrideAction(raw_action)
        decree = _text_field(entry, "decree")
        if decree is None:
            raise _entry_error(
                position,
                label,
                "'decree' (dasar hukum, misalnya nomor SKB) wajib diisi",
                "'decree' (the legal basis, e.g. the number of the SKB) is required",
            )
        name = _text_field(entry, "name")
        if name is None:
            raise _entry_error(
                position,
                label,
                "'name' (nama hari dalam bahasa Indonesia) wajib diisi",
                "'name' (the name of the day in Bahasa Indonesia) is required",
            )
        if ("source" in entry or require_source) and _text_field(entry, "source") is None:
            raise _entry_error(
                position,
                label,
                "'source' (tempat keputusan itu dapat diperiksa) wajib diisi",
                "'source' (where the decree can be checked) is required",
            )
        region = entry.get("region")
        if region is not None:
            if not isinstance(region, str):
                raise _entry_error(
                    position,
                    label,
                    "'region' harus kode wilayah Kemendagri dalam tanda kutip, misalnya \"34.71\"",
                    "'region' must be a quoted Kemendagri code, e.g. \"34.71\"",
                )
            try:
                get_region(region)
            except LawInputError as exc:
                raise _entry_error(
                    position, label, exc.text.id.rstrip("."), exc.text.en.rstrip(".")
                ) from None
        key = (day, region)
        if key in seen:
            raise _entry_error(
                position,
                label,
                f"tanggal dan wilayah yang sama sudah ada pada entri ke-{seen[key]}",
                f"the same date and region already appear in entry no. {seen[key]}",
            )
        seen[key] = position
        parsed.append(HolidayOverride(day, action, decree, name, region))
    return tuple(parsed)


@functools.cache
def bundled_overrides() -> tuple[HolidayOverride, ...]:
    """The overrides shipped in law/data/holiday_overrides.yaml; every entry cites a decree and
    a source, and the file says when it was last checked (`checked_on`)."""
    text = resources.files("ksd.law").joinpath("data/holiday_overrides.yaml").read_text("utf-8")
    data = yaml_data.safe_load(text)
    if not isinstance(data, Mapping) or _parse_date(data.get("checked_on")) is None:
        raise LawInputError(
            "invalid_overrides",
            "holiday_overrides.yaml harus memuat 'checked_on' (YYYY-MM-DD) dan 'overrides'.",
            "holiday_overrides.yaml must hold 'checked_on' (YYYY-MM-DD) and 'overrides'.",
        )
    return parse_overrides(data, require_source=True)


@functools.lru_cache(maxsize=1024)
def _cached_calendar(region: str | None, extra: tuple[HolidayOverride, ...]) -> WorkingCalendar:
    return WorkingCalendar((*bundled_overrides(), *extra), region=region)


def calendar_for(
    region: str | None = None, extra: Sequence[HolidayOverride] = ()
) -> WorkingCalendar:
    """The working calendar of `region` (None: nationwide) with the bundled overrides and then
    `extra` (e.g. the administrator's table). Cached: the same arguments give the same calendar,
    and regions without overrides of their own share one set of tables."""
    extra = tuple(extra)
    try:
        return _cached_calendar(region, extra)
    except TypeError:  # something unhashable: let the calendar say what is wrong with it
        return WorkingCalendar((*bundled_overrides(), *extra), region=region)

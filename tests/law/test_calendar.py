"""The working-day calendar on days a user would check by hand: next to Idul Fitri, Nyepi,
Christmas, weekends and the turn of the year, with overrides nationwide and for one region."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from importlib import resources

import pytest
import yaml

from ksd.law.calendar import (
    DeadlineExplanation,
    HolidayOverride,
    OverrideAction,
    SkippedDay,
    WorkingCalendar,
    bundled_overrides,
    calendar_for,
    parse_overrides,
)
from ksd.law.citations import Text
from ksd.law.errors import LawInputError


@pytest.fixture(autouse=True)
def _default_language() -> None:
    """Shadows the suite-wide fixture of the same name in tests/conftest.py, which resets Django's
    active language and so needs Django settings: these tests use no Django and must also run
    with `-p no:django`."""


D = dt.date
NATIONAL = WorkingCalendar()

# Decrees below are made up for the tests; the bundled table holds only real ones.
GOVERNOR_DAY_OFF = HolidayOverride(
    D(2026, 3, 25),
    OverrideAction.ADD,
    "Keputusan Gubernur DIY Nomor 1/KEP/2026 (contoh uji)",
    "Hari Jadi Daerah",
    region="34",
)
CHRISTMAS_EVE_CANCELLED = HolidayOverride(
    D(2026, 12, 24),
    OverrideAction.REMOVE,
    "Keputusan Bersama Menteri Nomor 9 Tahun 2026 (contoh uji)",
    "Cuti Bersama Hari Raya Natal dibatalkan",
)
EXTRA_CUTI_BERSAMA = HolidayOverride(
    D(2026, 3, 25),
    OverrideAction.ADD,
    "Keputusan Bersama Menteri Nomor 8 Tahun 2026 (contoh uji)",
    "Cuti Bersama Hari Raya Idul Fitri",
)


# --- the day-0 rule, weekends and n = 0 --------------------------------------------------------


def test_one_working_day_after_a_friday_is_the_next_monday() -> None:
    assert NATIONAL.add_working_days(D(2026, 1, 9), 1) == D(2026, 1, 12)


def test_the_day_of_receipt_is_day_0_and_is_not_counted() -> None:
    # Received Monday 12 January 2026: the first working day after it is Tuesday.
    assert NATIONAL.add_working_days(D(2026, 1, 12), 1) == D(2026, 1, 13)
    assert NATIONAL.add_working_days(D(2026, 2, 2), 5) == D(2026, 2, 9)


def test_isra_mikraj_on_friday_16_january_2026_stretches_a_week_of_five_days() -> None:
    assert NATIONAL.add_working_days(D(2026, 1, 12), 5) == D(2026, 1, 20)


def test_a_letter_received_on_a_saturday_starts_counting_on_monday() -> None:
    assert NATIONAL.add_working_days(D(2026, 1, 10), 1) == D(2026, 1, 12)
    assert NATIONAL.add_working_days(D(2026, 1, 11), 1) == D(2026, 1, 12)


def test_zero_working_days_give_the_day_of_receipt_itself_even_on_a_holiday() -> None:
    assert NATIONAL.add_working_days(D(2026, 12, 25), 0) == D(2026, 12, 25)
    assert NATIONAL.add_working_days(D(2026, 3, 21), 0) == D(2026, 3, 21)


def test_weekends_are_days_off_named_sabtu_and_minggu() -> None:
    assert NATIONAL.day_off(D(2026, 1, 10)) == SkippedDay(
        D(2026, 1, 10), "weekend", Text("Sabtu", "Saturday")
    )
    assert NATIONAL.day_off(D(2026, 1, 11)) == SkippedDay(
        D(2026, 1, 11), "weekend", Text("Minggu", "Sunday")
    )
    assert NATIONAL.day_off(D(2026, 1, 12)) is None
    assert NATIONAL.is_working_day(D(2026, 1, 12))


# --- libur nasional and cuti bersama -------------------------------------------------------


def test_idul_fitri_2025_with_its_cuti_bersama_pushes_one_day_to_8_april() -> None:
    # Thu 27 March 2025; off: 28 (cuti Nyepi), 29 (Nyepi), 30 (Sun), 31 March and 1 April (Idul
    # Fitri), 2-4 April (cuti bersama), 5-6 (weekend), 7 April (cuti bersama).
    assert NATIONAL.add_working_days(D(2025, 3, 27), 1) == D(2025, 4, 8)
    assert NATIONAL.count_working_days(D(2025, 3, 27), D(2025, 4, 7)) == 0


def test_nyepi_and_idul_fitri_2026_leave_no_working_day_from_18_to_24_march() -> None:
    for day in range(18, 25):
        assert not NATIONAL.is_working_day(D(2026, 3, day)), day
    assert NATIONAL.add_working_days(D(2026, 3, 17), 1) == D(2026, 3, 25)
    assert NATIONAL.add_working_days(D(2026, 3, 17), 5) == D(2026, 3, 31)


def test_cuti_bersama_and_libur_nasional_are_told_apart_with_their_indonesian_names() -> None:
    nyepi_eve = NATIONAL.day_off(D(2026, 3, 18))
    assert nyepi_eve is not None
    assert nyepi_eve.kind == "cuti_bersama"
    assert nyepi_eve.reason.id == "Cuti Bersama Hari Suci Nyepi"
    nyepi = NATIONAL.day_off(D(2026, 3, 19))
    assert nyepi is not None
    assert nyepi.kind == "libur_nasional"
    assert nyepi.reason.id == "Hari Suci Nyepi"
    assert nyepi.reason.en == "Day of Silence"


def test_a_holiday_on_a_saturday_is_reported_by_its_name_and_weekday() -> None:
    idul_fitri = NATIONAL.day_off(D(2026, 3, 21))
    assert idul_fitri is not None
    assert idul_fitri.kind == "libur_nasional"
    assert idul_fitri.reason.id == "Hari Raya Idul Fitri (jatuh pada hari Sabtu)"


def test_christmas_2026_with_its_cuti_bersama_moves_the_deadline_past_the_weekend() -> None:
    # Wed 23 December; off: 24 (cuti bersama), 25 (Natal), 26-27 (weekend).
    assert NATIONAL.add_working_days(D(2026, 12, 23), 1) == D(2026, 12, 28)
    assert NATIONAL.add_working_days(D(2026, 12, 23), 2) == D(2026, 12, 29)


def test_a_deadline_crosses_new_year_without_counting_1_january() -> None:
    assert NATIONAL.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)


def test_the_18_august_2025_cuti_bersama_is_a_day_off() -> None:
    day = NATIONAL.day_off(D(2025, 8, 18))
    assert day is not None
    assert day.kind == "cuti_bersama"


# --- counting and long spans ------------------------------------------------------------------


def test_2026_has_240_working_days_and_2025_has_237() -> None:
    assert NATIONAL.count_working_days(D(2025, 12, 31), D(2026, 12, 31)) == 240
    assert NATIONAL.count_working_days(D(2024, 12, 31), D(2025, 12, 31)) == 237


def test_a_span_of_two_years_counts_both_years_and_adds_back_to_the_same_day() -> None:
    assert NATIONAL.count_working_days(D(2024, 12, 31), D(2026, 12, 31)) == 477
    assert NATIONAL.add_working_days(D(2024, 12, 31), 477) == D(2026, 12, 31)


def test_counting_backwards_gives_a_negative_number() -> None:
    assert NATIONAL.count_working_days(D(2026, 12, 31), D(2025, 12, 31)) == -240
    assert NATIONAL.count_working_days(D(2026, 3, 17), D(2026, 3, 17)) == 0


def test_the_45_day_dprd_assessment_from_the_first_day_of_pp_50_2007_ends_on_a_working_day() -> (
    None
):
    end = NATIONAL.add_working_days(D(2007, 8, 22), 45)
    assert NATIONAL.is_working_day(end)
    assert NATIONAL.count_working_days(D(2007, 8, 22), end) == 45


def test_a_deadline_may_run_over_many_years() -> None:
    end = NATIONAL.add_working_days(D(2010, 6, 1), 2500)
    assert end.year in (2020, 2021)
    assert NATIONAL.count_working_days(D(2010, 6, 1), end) == 2500


# --- overrides ----------------------------------------------------------------------------


def test_a_nationwide_added_day_off_moves_the_deadline() -> None:
    calendar = WorkingCalendar([EXTRA_CUTI_BERSAMA])
    assert calendar.add_working_days(D(2026, 3, 17), 1) == D(2026, 3, 26)
    day = calendar.day_off(D(2026, 3, 25))
    assert day is not None
    assert day.kind == "override"
    assert "Cuti Bersama Hari Raya Idul Fitri" in day.reason.id
    assert "Keputusan Bersama Menteri Nomor 8 Tahun 2026" in day.reason.id


def test_a_cancelled_cuti_bersama_becomes_a_working_day_again() -> None:
    calendar = WorkingCalendar([CHRISTMAS_EVE_CANCELLED])
    assert calendar.is_working_day(D(2026, 12, 24))
    assert calendar.add_working_days(D(2026, 12, 23), 1) == D(2026, 12, 24)
    assert not NATIONAL.is_working_day(D(2026, 12, 24))


def test_removing_a_holiday_that_falls_on_a_saturday_leaves_a_weekend() -> None:
    removal = HolidayOverride(D(2026, 3, 21), OverrideAction.REMOVE, "SKB (contoh uji)", "x")
    day = WorkingCalendar([removal]).day_off(D(2026, 3, 21))
    assert day is not None
    assert day.kind == "weekend"


def test_a_regional_day_off_applies_to_that_region_only() -> None:
    diy = WorkingCalendar([GOVERNOR_DAY_OFF], region="34")
    assert not diy.is_working_day(D(2026, 3, 25))
    assert diy.add_working_days(D(2026, 3, 17), 1) == D(2026, 3, 26)
    reason = diy.day_off(D(2026, 3, 25))
    assert reason is not None
    assert "khusus wilayah 34" in reason.reason.id


def test_a_provincial_day_off_does_not_reach_a_kota_in_that_province_or_another_region() -> None:
    for region in ("34.71", "33", None):
        calendar = WorkingCalendar([GOVERNOR_DAY_OFF], region=region)
        assert calendar.is_working_day(D(2026, 3, 25)), region
        assert calendar.add_working_days(D(2026, 3, 17), 1) == D(2026, 3, 25)


def test_a_region_may_cancel_a_nationwide_added_day_off_for_itself() -> None:
    own = HolidayOverride(
        D(2026, 3, 25), OverrideAction.REMOVE, "Keputusan Wali Kota (contoh uji)", "x", "34.71"
    )
    overrides = [EXTRA_CUTI_BERSAMA, own]
    assert WorkingCalendar(overrides, region="34.71").is_working_day(D(2026, 3, 25))
    assert not WorkingCalendar(overrides, region="34.04").is_working_day(D(2026, 3, 25))


def test_calendar_for_adds_extra_overrides_and_reuses_calendars() -> None:
    assert calendar_for("34.71") is calendar_for("34.71")
    assert calendar_for("34", [GOVERNOR_DAY_OFF]).add_working_days(D(2026, 3, 17), 1) == D(
        2026, 3, 26
    )
    assert calendar_for("34").add_working_days(D(2026, 3, 17), 1) == D(2026, 3, 25)
    assert calendar_for("34.71").region == "34.71"


# --- explanations -------------------------------------------------------------------------


def test_the_explanation_lists_each_skipped_day_with_its_indonesian_name() -> None:
    explanation = NATIONAL.explain(D(2026, 3, 17), 1)
    assert explanation.end == D(2026, 3, 25)
    assert [(s.day.day, s.kind, s.reason.id) for s in explanation.skipped] == [
        (18, "cuti_bersama", "Cuti Bersama Hari Suci Nyepi"),
        (19, "libur_nasional", "Hari Suci Nyepi"),
        (20, "cuti_bersama", "Cuti Bersama Hari Raya Idul Fitri"),
        (21, "libur_nasional", "Hari Raya Idul Fitri (jatuh pada hari Sabtu)"),
        (22, "libur_nasional", "Hari kedua dari Hari Raya Idul Fitri (jatuh pada hari Minggu)"),
        (23, "cuti_bersama", "Cuti Bersama Hari Raya Idul Fitri"),
        (24, "cuti_bersama", "Cuti Bersama Hari Raya Idul Fitri"),
    ]


def test_the_explanation_as_json_has_iso_dates_and_names_in_the_chosen_language() -> None:
    explanation = NATIONAL.explain(D(2026, 12, 23), 1)
    assert explanation.to_json("id") == {
        "start": "2026-12-23",
        "working_days": 1,
        "end": "2026-12-28",
        "region": None,
        "skipped": [
            {
                "date": "2026-12-24",
                "kind": "cuti_bersama",
                "reason": "Cuti Bersama Hari Raya Natal",
            },
            {"date": "2026-12-25", "kind": "libur_nasional", "reason": "Hari Raya Natal"},
            {"date": "2026-12-26", "kind": "weekend", "reason": "Sabtu"},
            {"date": "2026-12-27", "kind": "weekend", "reason": "Minggu"},
        ],
    }
    skipped_en = explanation.to_json("en")["skipped"]
    assert isinstance(skipped_en, list)
    assert skipped_en[1] == {
        "date": "2026-12-25",
        "kind": "libur_nasional",
        "reason": "Christmas Day",
    }


def test_the_rendered_explanation_names_the_end_and_each_day_off() -> None:
    explanation = calendar_for("34.71").explain(D(2026, 12, 23), 1)
    text = explanation.render("id")
    assert "1 hari kerja sejak Rabu, 23 Desember 2026 (hari ke-0)" in text
    assert "berakhir pada akhir Senin, 28 Desember 2026" in text
    assert "2026-12-24 Kamis: cuti bersama, Cuti Bersama Hari Raya Natal" in text
    assert "2026-12-26 Sabtu: akhir pekan" in text
    english = explanation.render("en")
    assert "end at the close of Monday, 28 December 2026" in english
    assert "2026-12-25 Friday: national holiday, Christmas Day" in english


def test_an_explanation_without_days_off_says_so() -> None:
    explanation = NATIONAL.explain(D(2026, 1, 12), 2)
    assert explanation == DeadlineExplanation(D(2026, 1, 12), 2, D(2026, 1, 14), None, ())
    assert "Tidak ada hari libur di antaranya." in explanation.render("id")


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize("n", [-1, 1.5, "3", True, None])
def test_a_negative_or_non_integer_number_of_working_days_is_refused(n: object) -> None:
    with pytest.raises(LawInputError) as raised:
        NATIONAL.add_working_days(D(2026, 1, 12), n)  # type: ignore[arg-type]
    assert raised.value.code == "invalid_working_days"
    assert "bilangan bulat" in raised.value.text.id
    with pytest.raises(LawInputError):
        NATIONAL.explain(D(2026, 1, 12), n)  # type: ignore[arg-type]


@pytest.mark.parametrize("day", [D(2006, 12, 31), D(2101, 1, 1), D(1945, 8, 17)])
def test_a_date_outside_2007_to_2100_is_refused(day: dt.date) -> None:
    for ask in (
        lambda: NATIONAL.add_working_days(day, 1),
        lambda: NATIONAL.add_working_days(day, 0),
        lambda: NATIONAL.is_working_day(day),
        lambda: NATIONAL.day_off(day),
        lambda: NATIONAL.count_working_days(D(2026, 1, 1), day),
    ):
        with pytest.raises(LawInputError) as raised:
            ask()
        assert raised.value.code == "date_out_of_range"
        assert "2007-01-01 sampai 2100-12-31" in raised.value.text.id


def test_a_deadline_running_past_2100_is_refused() -> None:
    with pytest.raises(LawInputError) as raised:
        NATIONAL.add_working_days(D(2100, 12, 20), 30)
    assert raised.value.code == "date_out_of_range"
    assert "2100-12-31" in raised.value.text.en


def test_a_datetime_or_a_string_is_not_taken_for_a_date() -> None:
    with pytest.raises(LawInputError) as raised:
        NATIONAL.add_working_days(dt.datetime(2026, 1, 12, 9, 0), 1)  # noqa: DTZ001
    assert raised.value.code == "not_a_date"
    with pytest.raises(LawInputError):
        NATIONAL.is_working_day("2026-01-12")  # type: ignore[arg-type]


def test_a_malformed_region_code_is_refused() -> None:
    with pytest.raises(LawInputError) as raised:
        WorkingCalendar(region="Sleman")
    assert raised.value.code == "malformed_region_code"


# --- parse_overrides and the bundled table ------------------------------------------------------


def _entry(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "date": "2026-03-25",
        "action": "add",
        "decree": "Keputusan Bersama Menteri Nomor 8 Tahun 2026 (contoh uji)",
        "name": "Cuti Bersama Hari Raya Idul Fitri",
        "region": None,
    }
    entry.update(changes)
    return {k: v for k, v in entry.items() if v is not ...}


def test_overrides_are_read_from_a_list_or_from_the_bundled_file_layout() -> None:
    expected = (EXTRA_CUTI_BERSAMA,)
    assert parse_overrides([_entry()]) == expected
    assert parse_overrides({"checked_on": "2026-11-28", "overrides": [_entry()]}) == expected
    assert parse_overrides([_entry(date=D(2026, 3, 25), region=...)]) == expected
    regional = parse_overrides([_entry(region="34.71", action="remove")])
    assert regional[0].region == "34.71"
    assert regional[0].action is OverrideAction.REMOVE
    assert parse_overrides([]) == ()


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (_entry(decree=...), "'decree'"),
        (_entry(decree="  "), "'decree'"),
        (_entry(name=...), "'name'"),
        (_entry(action="tambah"), "'action'"),
        (_entry(date="25-03-2026"), "'date'"),
        (_entry(date="2026-02-30"), "'date'"),
        (_entry(date="2006-01-02"), "di luar"),
        (_entry(region="99.99"), "tidak ada dalam daftar wilayah"),
        (_entry(region=34), "'region'"),
        (_entry(regoin="34"), "kunci tidak dikenal: regoin"),
        (_entry(source=""), "'source'"),
    ],
)
def test_a_bad_override_entry_is_refused_naming_the_entry(entry: object, problem: str) -> None:
    with pytest.raises(LawInputError) as raised:
        parse_overrides([_entry(date="2026-01-02"), entry])
    assert raised.value.code == "invalid_override"
    assert raised.value.text.id.startswith("Ketetapan hari libur ke-2")
    assert raised.value.text.en.startswith("Holiday override no. 2")
    assert problem in raised.value.text.id


def test_the_same_date_twice_for_the_same_region_is_refused() -> None:
    with pytest.raises(LawInputError) as raised:
        parse_overrides([_entry(), _entry(action="remove")])
    assert "entri ke-1" in raised.value.text.id


@pytest.mark.parametrize("data", ["2026-03-25", 7, {"overides": []}, {"overrides": "x"}])
def test_overrides_that_are_not_a_list_of_entries_are_refused(data: object) -> None:
    with pytest.raises(LawInputError) as raised:
        parse_overrides(data)
    assert raised.value.code == "invalid_overrides"


def test_a_bundled_override_needs_a_source() -> None:
    with pytest.raises(LawInputError) as raised:
        parse_overrides([_entry()], require_source=True)
    assert "'source'" in raised.value.text.id
    assert parse_overrides([_entry(source="https://jdih.example/skb")], require_source=True)


def test_every_bundled_override_cites_a_decree_and_a_source_and_the_file_a_check_date() -> None:
    path = resources.files("ksd.law").joinpath("data/holiday_overrides.yaml")
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data["checked_on"], dt.date)
    assert isinstance(data["overrides"], list)
    for entry in data["overrides"]:
        assert str(entry.get("decree") or "").strip(), entry
        assert str(entry.get("source") or "").strip(), entry
    assert len(bundled_overrides()) == len(data["overrides"])


def test_the_calendar_module_imports_without_django() -> None:
    code = "import sys, ksd.law.calendar; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_hari_lahir_pancasila_is_a_day_off_from_2017_not_on_the_day_it_was_decreed() -> None:
    # Keppres 24/2016 was signed on Wednesday 1 June 2016 and made 1 June a libur nasional from
    # 2017 on; the `holidays` package lists 2016 too, which the bundled override corrects.
    national = calendar_for(None)
    assert national.is_working_day(D(2016, 6, 1))
    assert national.add_working_days(D(2016, 5, 31), 1) == D(2016, 6, 1)
    assert not national.is_working_day(D(2017, 6, 1))
    assert national.add_working_days(D(2017, 5, 31), 1) == D(2017, 6, 2)

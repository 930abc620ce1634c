"""The shipped region flags (regions/data/region_flags.csv, sources in region_flags.md): every code
is a kab/kota of today's Kemendagri list, every flag names its instrument, and the counts are the
ones the source note documents (Perpres 63/2020: 62 kabupaten). The outermost-islands flag is
derived from regions/data/outermost_islands.csv: a region carries it exactly when one of its
islands is listed there with a source."""

from __future__ import annotations

import csv
import re
from collections import Counter

from ksd.law.region_history import today_code
from ksd.law.regions import Level, all_regions
from ksd.regions.flags import (
    DATA,
    ISLANDS,
    Flag,
    flag_rows,
    flags_of,
    outermost_islands,
    regions_with,
)

# The count per flag and the one instrument each is read from, as region_flags.md documents them.
DOCUMENTED = {
    Flag.DISADVANTAGED: ("Perpres 63/2020", 62),
    Flag.BORDER: ("UU 43/2008", 17),
    Flag.OUTERMOST: ("Keppres 6/2017", 50),
}
# Keppres 6/2017 lists 111 islands, all mapped; region_flags.md says why Jiew's is uncertain.
ISLANDS_MAPPED = 111
# Rows read from a Kemendagri island list (Kepmendagri 300.2.2-2138/2025, or Permendagri 58/2021
# for Talaud, which the 2025 transcription lacks) cite the list's row, whose code starts with the
# kab/kota code of the time (Raja Ampat and Tambrauw still under Papua Barat's 92.xx).
KEMENDAGRI_LISTS = ("cahyadsn/wilayah db/pulau.sql", "cahyadsn/wilayah db/archive/pulau_2022.sql")
# The Keppres names provinces as they were in 2017; Papua and Papua Barat were split in 2022.
PROVINCE_CODES = {
    "Aceh": {"11"}, "Sumatera Utara": {"12"}, "Sumatera Barat": {"13"}, "Riau": {"14"},
    "Bengkulu": {"17"}, "Lampung": {"18"}, "Kepulauan Riau": {"21"}, "Jawa Barat": {"32"},
    "Jawa Tengah": {"33"}, "Jawa Timur": {"35"}, "Banten": {"36"}, "Bali": {"51"},
    "Nusa Tenggara Barat": {"52"}, "Nusa Tenggara Timur": {"53"}, "Kalimantan Timur": {"64"},
    "Kalimantan Utara": {"65"},
    "Sulawesi Utara": {"71"}, "Sulawesi Tengah": {"72"}, "Maluku": {"81"}, "Maluku Utara": {"82"},
    "Papua": {"91", "93", "94", "95"}, "Papua Barat": {"92", "96"},
}  # fmt: skip


def _raw_rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_file_has_the_four_agreed_columns() -> None:
    with DATA.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == ["code", "flag", "instrument", "note"]


def test_every_code_is_a_kabupaten_or_kota_of_todays_region_list() -> None:
    regions = all_regions()
    unknown = [row.code for row in flag_rows() if row.code not in regions]
    assert unknown == []
    assert {regions[row.code].level for row in flag_rows()} <= {Level.KABUPATEN, Level.KOTA}


def test_disadvantaged_regions_are_kabupaten_only() -> None:
    # Perpres 63/2020 Pasal 1 angka 1: a daerah tertinggal is a daerah kabupaten.
    regions = all_regions()
    levels = {regions[code].level for code in regions_with(Flag.DISADVANTAGED)}
    assert levels == {Level.KABUPATEN}


def test_every_flag_is_one_of_the_three_and_names_its_documented_instrument() -> None:
    for row in _raw_rows():
        flag = Flag(row["flag"])  # raises on an unknown flag
        assert row["instrument"] == DOCUMENTED[flag][0], row


def test_counts_per_flag_are_as_documented() -> None:
    counts = Counter(row.flag for row in flag_rows())
    assert {flag: counts.get(flag, 0) for flag in Flag} == {
        flag: count for flag, (_, count) in DOCUMENTED.items()
    }


def test_no_region_carries_the_same_flag_twice() -> None:
    pairs = Counter((row.code, row.flag) for row in flag_rows())
    assert [pair for pair, n in pairs.items() if n > 1] == []


def test_papua_split_regions_carry_todays_code_and_say_their_old_one() -> None:
    # Kabupaten Nduga was 91.24 in the Perpres's time, 95.08 since UU 16/2022 (Papua Pegunungan).
    nduga = next(row for row in flag_rows() if row.code == "95.08")
    assert nduga.flag is Flag.DISADVANTAGED
    assert "91.24" in nduga.note
    assert "91.24" not in {row.code for row in flag_rows()}


def test_flags_of_gives_a_region_both_of_its_flags() -> None:
    # Kabupaten Belu (NTT) is disadvantaged and on the land border with Timor-Leste.
    assert flags_of(["53.04"]) == {"53.04": frozenset({Flag.DISADVANTAGED, Flag.BORDER})}
    assert flags_of(["34.71"]) == {}


def test_the_islands_file_has_its_columns_and_one_row_per_island() -> None:
    with ISLANDS.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == ["island", "province", "code", "source", "where", "note"]
    names = [row.island for row in outermost_islands()]
    assert len(names) == len(set(names)) == ISLANDS_MAPPED


def test_every_island_names_its_source_and_a_kab_kota_of_its_province() -> None:
    regions = all_regions()
    for row in outermost_islands():
        assert row.source, row
        assert row.where, row
        assert regions[row.code].level in {Level.KABUPATEN, Level.KOTA}, row
        assert row.code[:2] in PROVINCE_CODES[row.province], row


def test_a_region_is_flagged_outermost_exactly_when_one_of_its_islands_is_listed() -> None:
    assert regions_with(Flag.OUTERMOST) == {row.code for row in outermost_islands()}


def test_islands_read_from_the_kepmendagri_list_sit_in_the_kab_kota_of_the_cited_row() -> None:
    cited = [
        row for row in outermost_islands() if any(name in row.source for name in KEMENDAGRI_LISTS)
    ]
    assert len(cited) == 49
    for row in cited:
        listed = re.match(r"row (\d\d\.\d\d)\.4\d{4} ", row.where)
        assert listed is not None, row
        assert today_code(listed.group(1)) == row.code, row


def test_natuna_carries_sekatung_and_bertuah_counts_for_pesisir_barat() -> None:
    # Kabupaten Natuna (21.03): Pulau Sekatung, from the Natuna tourism office's own page.
    sekatung = next(row for row in outermost_islands() if row.island == "Pulau Sekatung")
    assert sekatung.code == "21.03"
    assert "natunakab.go.id" in sekatung.source
    assert Flag.OUTERMOST in flags_of(["21.03"])["21.03"]
    # Pulau Bertuah lies in Kabupaten Pesisir Barat (18.13); the Kepmendagri island list still
    # files it under Lampung Barat (18.04), the kabupaten Pesisir Barat was cut from in 2012.
    bertuah = next(row for row in outermost_islands() if row.island == "Pulau Bertuah")
    assert bertuah.code == "18.13"
    assert "18.04" in bertuah.note
    assert Flag.OUTERMOST in flags_of(["18.13"])["18.13"]
    assert Flag.OUTERMOST not in flags_of(["18.04"]).get("18.04", frozenset())
    # Kabupaten Gunungkidul faces the Indian Ocean but holds none of the 111 islands.
    assert Flag.OUTERMOST not in flags_of(["34.03"]).get("34.03", frozenset())


def test_marampit_comes_from_the_2021_list_and_jiew_is_flagged_as_uncertain() -> None:
    # Pulau Marampit (Talaud, 71.04): the 2025 transcription lists 8 Talaud islands only; the
    # Permendagri 58/2021 list has its row, marked PPKT, beside Miangas's.
    marampit = next(row for row in outermost_islands() if row.island == "Pulau Marampit")
    assert marampit.code == "71.04"
    assert "db/archive/pulau_2022.sql" in marampit.source
    assert marampit.where.startswith("row 71.04.40009 ")
    # Pulau Jiew: every Kemendagri list files it at province level (82.00); news and a profile
    # give Kabupaten Halmahera Tengah (82.02). The row says so, and so does the flag's note.
    jiew = next(row for row in outermost_islands() if row.island == "Pulau Jiew")
    assert jiew.code == "82.02"
    assert jiew.note.startswith("UNCERTAIN")
    assert "82.00.40002" in jiew.note
    note = next(
        row.note for row in flag_rows() if row.code == "82.02" and row.flag is Flag.OUTERMOST
    )
    assert "uncertain" in note

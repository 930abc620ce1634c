"""A second, mechanical reading of the authority matrix against the annex of UU 23/2014.

The annex (shared/law/uu-2014-23.md, after "LAMPIRAN") is flattened: the three columns of each
sub-affair run together and an empty column shows as "---". For every sub-affair of
law/data/authority/uu23_2014_lampiran.yaml this test finds "N. <name>" in the affair's section,
in order, counts the "---" marks up to the next sub-affair, and checks that the data says the same:
as many marks as recorded, never more empty columns marked than the data leaves empty, and every
empty column the marks do not show confirmed by an article of the body of the law. It also checks
that the body of the law keeps forestry, marine affairs and energy from the kab/kota (Pasal 14).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "ksd" / "law" / "data" / "authority" / "uu23_2014_lampiran.yaml"
CANDIDATES = [p / "shared" / "law" / "uu-2014-23.md" for p in (ROOT.parent, ROOT.parent.parent)]
TEXT = next((p for p in CANDIDATES if p.exists()), None)

NEEDS_TEXT = pytest.mark.skipif(TEXT is None, reason="the text of UU 23/2014 is not at hand")

MATRIX = yaml.safe_load(DATA.read_text("utf-8"))


def _annex() -> str:
    assert TEXT is not None
    text = TEXT.read_text("utf-8").replace("_", "")  # markdown italics: _Absentee_, _profile_
    return " ".join(text[text.index("LAMPIRAN UNDANG-UNDANG") :].split())


def _section(annex: str, letter: str, name: str) -> str:
    head = re.search(
        rf"\b{re.escape(letter)}\. PEMBAGIAN URUSAN (PEMERINTAHAN )?BIDANG {name.upper()}", annex
    )
    assert head is not None, f"section {letter} {name} not found in the annex"
    rest = annex[head.end() :]
    end = re.search(r"\b[A-Z]{1,2}\. PEMBAGIAN URUSAN", rest)
    return rest if end is None else rest[: end.start()]


def _rows() -> list[tuple[str, str, dict]]:
    return [
        (code, sub_code, sub)
        for code, affair in MATRIX["affairs"].items()
        for sub_code, sub in affair["sub_affairs"].items()
    ]


@pytest.mark.parametrize(
    ("affair", "sub_code", "sub"), _rows(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_each_row_reads_as_the_annex_does(affair: str, sub_code: str, sub: dict) -> None:
    spec = MATRIX["affairs"][affair]
    section = _section(_annex(), spec["letter"], spec["name"])
    start = section.find(f"{sub['number']}. {sub['name']}")
    assert start >= 0, f"'{sub['number']}. {sub['name']}' not in section {spec['letter']}"
    following = [
        section.find(f"{s['number']}. {s['name']}")
        for s in spec["sub_affairs"].values()
        if s["number"] == sub["number"] + 1
    ]
    end = following[0] if following and following[0] > start else len(section)
    segment = section[start:end]
    dashes = segment.count("---")
    assert dashes == sub["text_dashes"], f"{affair}.{sub_code}: {dashes} '---' in the annex"
    empty = [level for level in ("pusat", "provinsi", "kabupaten_kota") if not sub[level]]
    assert dashes <= len(empty), f"{affair}.{sub_code}: the annex marks more empty columns"
    if dashes < len(empty):
        assert sub.get("confirmed_by"), f"{affair}.{sub_code}: an empty column needs a source"
    assert len(empty) < 3, f"{affair}.{sub_code}: some level holds every listed sub-affair"


@NEEDS_TEXT
def test_the_body_of_the_law_keeps_these_affairs_from_the_kabkota() -> None:
    assert TEXT is not None
    body = " ".join(TEXT.read_text("utf-8").split())
    assert (
        "Penyelenggaraan Urusan Pemerintahan bidang kehutanan, kelautan, serta energi dan sumber "
        "daya mineral dibagi antara Pemerintah Pusat dan Daerah provinsi." in body
    )
    forestry = MATRIX["affairs"]["kehutanan"]["sub_affairs"]
    kabkota = [s for s in forestry.values() if s["kabupaten_kota"]]
    assert [s["name"] for s in kabkota] == [
        "Konservasi Sumber Daya Alam Hayati dan Ekosistemnya"  # TAHURA: Pasal 14 ayat (2)
    ]
    energy = MATRIX["affairs"]["energi_dan_sumber_daya_mineral"]["sub_affairs"]
    assert [s["name"] for s in energy.values() if s["kabupaten_kota"]] == [
        "Energi Baru Terbarukan"  # direct use of geothermal heat: Pasal 14 ayat (4)
    ]


def test_every_affair_of_the_web_apps_records_names_an_affair_of_pasal_12() -> None:
    """The web app keeps the affairs of Pasal 12 as records (src/ksd/regions/data/affairs.yaml);
    each of their codes is accepted as `object.affair` and lands on its own affair."""
    from ksd.law.authority import PASAL_12_AFFAIRS, normalise_object

    records = yaml.safe_load(
        (ROOT / "src" / "ksd" / "regions" / "data" / "affairs.yaml").read_text("utf-8")
    )["affairs"]
    mapped = {normalise_object(r["code"], None)[0] for r in records}
    assert mapped == set(PASAL_12_AFFAIRS)


def test_each_function_is_whole_not_a_fragment_of_a_list_split_at_its_commas() -> None:
    """A function whose wording holds commas ("Penyediaan obat, vaksin, alat kesehatan, ...") is
    one function; an unquoted YAML flow list would split it into fragments ("vaksin"), which the
    assessment would then show as functions of their own. Every function of the annex begins with
    a capital letter (or an abbreviation such as "IUP")."""
    fragments = [
        (affair, sub_code, level, function)
        for affair, sub_code, sub in _rows()
        for level in ("pusat", "provinsi", "kabupaten_kota")
        for function in sub[level]
        if not function[:1].isupper()
    ]
    assert fragments == []

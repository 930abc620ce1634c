"""Whether the object of a cooperation lies within each region's authority (UU 23/2014).

The object of regional cooperation is an affair that is the region's own (PP 50/2007 Pasal 4;
PP 28/2018 Pasal 4 ayat (1) and Pasal 16 ayat (1)). UU 23/2014 divides the concurrent affairs
between the centre, the provinces and the kab/kota in its Lampiran (Pasal 15 ayat (1)); forestry,
marine affairs and energy and mineral resources go to the centre and the provinces only (Pasal 14
ayat (1)), save a kab/kota's own TAHURA (ayat (2)) and direct use of geothermal heat (ayat (4)).
The matrix is data (law/data/authority/uu23_2014_lampiran.yaml) for the affairs KSD has read row
by row; for any other affair the assessment says it does not judge, rather than guess.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ksd.law import yaml_data
from ksd.law.citations import Citation, Finding, Lang, Severity, Text
from ksd.law.errors import LawInputError
from ksd.law.facts import Facts
from ksd.law.regions import Level, Region

LEVELS = ("pusat", "provinsi", "kabupaten_kota")
# Every concurrent affair of UU 23/2014 Pasal 12 ayat (1)-(3), as input codes; the matrix holds the
# ones KSD has read row by row, the others are accepted and reported as not judged.
PASAL_12_AFFAIRS = (
    "pendidikan", "kesehatan", "pekerjaan_umum_dan_penataan_ruang",
    "perumahan_rakyat_dan_kawasan_permukiman",
    "ketenteraman_ketertiban_umum_dan_pelindungan_masyarakat",
    "sosial", "tenaga_kerja", "pemberdayaan_perempuan_dan_pelindungan_anak", "pangan",
    "pertanahan", "lingkungan_hidup", "administrasi_kependudukan_dan_pencatatan_sipil",
    "pemberdayaan_masyarakat_dan_desa", "pengendalian_penduduk_dan_keluarga_berencana",
    "perhubungan", "komunikasi_dan_informatika", "koperasi_usaha_kecil_dan_menengah",
    "penanaman_modal", "kepemudaan_dan_olah_raga", "statistik", "persandian", "kebudayaan",
    "perpustakaan", "kearsipan", "kelautan_dan_perikanan", "pariwisata", "pertanian",
    "kehutanan", "energi_dan_sumber_daya_mineral", "perdagangan", "perindustrian",
    "transmigrasi",
)  # fmt: skip
IN_FORCE = dt.date(2014, 10, 2)  # UU 23/2014 Pasal 411


@dataclass(frozen=True, slots=True)
class SubAffair:
    code: str
    number: int
    name: str
    functions: dict[str, tuple[str, ...]]  # level -> the functions it holds
    confirmed_by: str | None


@dataclass(frozen=True, slots=True)
class Affair:
    code: str
    letter: str
    name: str
    sub_affairs: dict[str, SubAffair]


@functools.cache
def matrix() -> dict[str, Affair]:
    raw: dict[str, Any] = yaml_data.safe_load(
        resources.files("ksd.law")
        .joinpath("data/authority/uu23_2014_lampiran.yaml")
        .read_text("utf-8")
    )
    affairs: dict[str, Affair] = {}
    for code, spec in raw["affairs"].items():
        subs = {
            sub_code: SubAffair(
                sub_code,
                int(sub["number"]),
                str(sub["name"]),
                {level: tuple(str(f) for f in sub[level]) for level in LEVELS},
                sub.get("confirmed_by"),
            )
            for sub_code, sub in spec["sub_affairs"].items()
        }
        affairs[code] = Affair(code, str(spec["letter"]), str(spec["name"]), subs)
    return affairs


def annex_citation(affair: Affair, sub: SubAffair | None = None) -> Citation:
    """Its place in the annex: "Lampiran UU 23/2014 huruf BB angka 2"."""
    return Citation(
        "UU 23/2014", "", huruf=affair.letter, angka=None if sub is None else str(sub.number),
        lampiran=True,
    )  # fmt: skip


def _normal(value: str) -> str:
    """ "Energi dan Sumber Daya Mineral" -> "energi_dan_sumber_daya_mineral"."""
    return "_".join("".join(c if c.isalnum() else " " for c in value.lower()).split())


_FILLER = frozenset({"dan", "rakyat", "umum"})


def _key(code: str) -> str:
    """A code without its category prefix and filler words, so that the web app's affair codes
    ("pilihan.energi_sumber_daya_mineral") meet KSD's ("energi_dan_sumber_daya_mineral")."""
    return "_".join(t for t in _normal(code.rsplit(".", 1)[-1]).split("_") if t not in _FILLER)


@functools.cache
def _affair_by_key() -> dict[str, str]:
    return {_key(code): code for code in PASAL_12_AFFAIRS}


def normalise_object(affair: object, sub: object) -> tuple[object, object]:
    """The affair and sub-affair codes for what the user wrote: a code (KSD's or the web app's
    affair records'), or the name as the law writes it (any case and punctuation), or for a
    sub-affair its number in the annex."""
    if isinstance(affair, str):
        affair = _affair_by_key().get(_key(affair), _normal(affair))
    table = matrix()
    if isinstance(affair, str) and affair in table and isinstance(sub, str | int):
        wanted = _normal(str(sub))
        for code, row in table[affair].sub_affairs.items():
            if wanted in (code, _normal(row.name), str(row.number)):
                return affair, code
    return affair, sub


def check_object(affair: object, sub: object) -> None:
    """Refuse an unknown affair or sub-affair code (an input error)."""
    table = matrix()
    if not isinstance(affair, str) or affair not in PASAL_12_AFFAIRS:
        known = ", ".join(PASAL_12_AFFAIRS)
        raise LawInputError(
            "unknown_affair",
            f"Urusan '{affair}' bukan urusan konkuren UU 23/2014 Pasal 12. Kode urusan: {known}.",
            f"'{affair}' is not a concurrent affair of UU 23/2014 Pasal 12. Affair codes: {known}.",
        )
    if affair not in table:
        return  # accepted; the assessment says KSD does not judge it yet
    if sub is not None and (not isinstance(sub, str) or sub not in table[affair].sub_affairs):
        known = ", ".join(table[affair].sub_affairs)
        raise LawInputError(
            "unknown_sub_affair",
            f"Sub-urusan '{sub}' tidak dikenal untuk urusan {affair}. Sub-urusan: {known}.",
            f"Unknown sub-affair '{sub}' of affair {affair}. Sub-affairs: {known}.",
        )


def _level(region: Region) -> str:
    return "provinsi" if region.level is Level.PROVINSI else "kabupaten_kota"


_LEVEL_NAMES = {
    "provinsi": ("daerah provinsi", "a province"),
    "kabupaten_kota": ("daerah kabupaten/kota", "a kabupaten/kota"),
}


@dataclass(frozen=True, slots=True)
class LevelVerdict:
    region: str
    level: str
    holds: bool | None  # None: it depends on the sub-affair
    functions: tuple[str, ...]
    citation: Citation

    def to_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "region": self.region,
            "level": self.level,
            "holds_authority": self.holds,
            "functions": list(self.functions),
            "citation": str(self.citation),
        }


def judge(facts: Facts) -> tuple[list[LevelVerdict], list[Finding]]:
    """Each region party's authority over the object; a warning where its level holds none."""
    obj = facts.object
    if obj is None:
        return [], []
    if obj.affair not in matrix():
        return [], [
            Finding(
                "object_authority_not_judged",
                Severity.INFO,
                Text(
                    f"KSD belum memuat baris Lampiran UU 23/2014 untuk urusan {obj.affair}; "
                    "kewenangan atas objek tidak dinilai. Urusan yang dimuat: "
                    f"{', '.join(matrix())}.",
                    f"KSD does not yet hold the Lampiran rows of UU 23/2014 for {obj.affair}; "
                    f"authority over the object is not judged. Affairs held: {', '.join(matrix())}.",
                ),
                Citation("UU 23/2014", "15", "1"),
                obj.affair,
            )
        ]
    affair = matrix()[obj.affair]
    sub = affair.sub_affairs.get(obj.sub_affair) if obj.sub_affair else None
    if facts.date < IN_FORCE:
        return [], [
            Finding(
                "object_authority_not_judged",
                Severity.INFO,
                Text(
                    "Pembagian urusan UU 23/2014 berlaku sejak 2 Oktober 2014; KSD tidak memuat "
                    "pembagian urusan sebelum itu dan tidak menilai kewenangan atas objek.",
                    "UU 23/2014's division of affairs applies from 2 October 2014; KSD holds no "
                    "earlier division and does not judge authority over the object.",
                ),
                Citation("UU 23/2014", "411"),
            )
        ]
    verdicts: list[LevelVerdict] = []
    findings: list[Finding] = []
    for region in {r.code: r for r in facts.regions}.values():
        level = _level(region)
        if sub is not None:
            verdict, finding = _sub_affair(region, level, affair, sub)
        else:
            verdict, finding = _whole_affair(region, level, affair)
        verdicts.append(verdict)
        if finding is not None:
            findings.append(finding)
    return verdicts, findings


# Pasal 14 ayat (1): forestry and energy and mineral resources are divided between the centre and
# the provinces; a kab/kota holds only what ayat (2) and (4) leave it. (Ayat (1) names "kelautan",
# not fisheries: the affair "kelautan dan perikanan" as a whole gives kab/kota fisheries functions.)
CENTRE_AND_PROVINCE = frozenset({"kehutanan", "energi_dan_sumber_daya_mineral"})


def _outside(region: Region, level: str, what: tuple[str, str], cite: Citation) -> Finding:
    level_id, level_en = _LEVEL_NAMES[level]
    return Finding(
        "object_outside_authority",
        Severity.WARNING,
        Text(
            f"{region.name} sebagai {level_id} tidak memegang kewenangan apa pun atas {what[0]} "
            "menurut Lampiran UU 23/2014; objek kerja sama harus urusan yang menjadi kewenangan "
            "daerah.",
            f"{region.name}, as {level_en}, holds no authority over {what[1]} under the Lampiran "
            "of UU 23/2014; the object of a cooperation must be an affair within the region's "
            "authority.",
        ),
        cite,
        region.code,
    )


def _sub_affair(
    region: Region, level: str, affair: Affair, sub: SubAffair
) -> tuple[LevelVerdict, Finding | None]:
    functions = sub.functions[level]
    cite = annex_citation(affair, sub)
    verdict = LevelVerdict(region.code, level, bool(functions), functions, cite)
    if functions:
        return verdict, None
    what = (f"sub-urusan {sub.name} dalam urusan {affair.name}", f"{sub.name} ({affair.name})")
    return verdict, _outside(region, level, what, cite)


def _whole_affair(
    region: Region, level: str, affair: Affair
) -> tuple[LevelVerdict, Finding | None]:
    """An affair named without a sub-affair: held when the level holds functions in every
    sub-affair; for a kab/kota, the affairs of Pasal 14 ayat (1) are the centre's and the
    provinces', save the few functions the law leaves it; otherwise the answer depends on the
    sub-affair, and KSD says which ones the level holds."""
    held = [s for s in affair.sub_affairs.values() if s.functions[level]]
    functions = tuple(f for s in held for f in s.functions[level])
    cite = annex_citation(affair)
    what = (f"urusan {affair.name}", affair.name)
    if not held:
        return LevelVerdict(region.code, level, False, (), cite), _outside(
            region, level, what, cite
        )
    if len(held) == len(affair.sub_affairs):
        return LevelVerdict(region.code, level, True, functions, cite), None
    names = ", ".join(s.name for s in held)
    if level == "kabupaten_kota" and affair.code in CENTRE_AND_PROVINCE:
        pasal14 = Citation("UU 23/2014", "14", "1")
        finding = Finding(
            "object_outside_authority",
            Severity.WARNING,
            Text(
                f"Urusan {affair.name} dibagi antara Pemerintah Pusat dan daerah provinsi; "
                f"{region.name} sebagai daerah kabupaten/kota hanya memegang fungsi dalam "
                f"sub-urusan {names}. Sebutkan sub-urusannya bila objek kerja sama termasuk di "
                "situ.",
                f"{affair.name} is divided between the centre and the provinces; {region.name}, "
                f"as a kabupaten/kota, holds functions only in {names}. Name the sub-affair if "
                "the object falls there.",
            ),
            pasal14,
            region.code,
        )
        return LevelVerdict(region.code, level, False, functions, pasal14), finding
    level_id, level_en = _LEVEL_NAMES[level]
    finding = Finding(
        "object_authority_partial",
        Severity.INFO,
        Text(
            f"{region.name} sebagai {level_id} memegang fungsi urusan {affair.name} hanya "
            f"dalam sub-urusan {names}; sebutkan sub-urusannya untuk penilaian yang pasti.",
            f"{region.name}, as {level_en}, holds functions of {affair.name} only in {names}; "
            "name the sub-affair for a definite answer.",
        ),
        cite,
        region.code,
    )
    return LevelVerdict(region.code, level, None, functions, cite), finding

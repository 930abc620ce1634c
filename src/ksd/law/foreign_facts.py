"""The facts of a cooperation with a partner abroad (PP 28/2018 Pasal 1 angka 4-5, Pasal 23-43),
and their strict reading from the JSON of `ksd assess` (docs/assess-json.md).

A partner abroad is `{"foreign": {"name", "kind", "country"}}` in `parties`; the steps the
regions and the central government take are dates in the `foreign_cooperation` object. Every
unknown field, code or country is refused with a LawInputError naming it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ksd.law.facts import ForeignParty, _bad, _check_fields, _codes, _optional_date

FOREIGN_KINDS = ("pemerintah_daerah", "lembaga")

# Pasal 27: the requirements the user states as met. Ayat (1) for every KSDPL and KSDLL; ayat (2)
# only for cooperation in science and technology; ayat (3) only for KSDPL. The OCR lost words in
# ayat (1) huruf d ("tidak [mencampuri] urusan pemerintahan dalam negeri") and ayat (3) huruf a
# and c; the codes follow the reading text (shared/law/pp-2018-28-reading.md).
REQUIREMENTS: tuple[tuple[str, str, str | None], ...] = (
    ("hubungan_diplomatik", "1", "a"),
    ("urusan_pemerintah_daerah", "1", "b"),
    ("tanpa_kantor_perwakilan", "1", "c"),
    ("tidak_mencampuri_urusan_dalam_negeri", "1", "d"),
    ("sesuai_rencana_pembangunan", "1", "e"),
    ("alih_iptek", "2", None),
    ("kesetaraan", "3", "a"),
    ("saling_melengkapi", "3", "b"),
    ("peningkatan_hubungan_masyarakat", "3", "c"),
)
REQUIREMENT_CODES = tuple(code for code, _ayat, _huruf in REQUIREMENTS)

# Pasal 30 ayat (3) huruf a-g: what the plan (rencana kerja sama) sent to the DPRD contains at
# least; for KSDLL through Pasal 38.
PLAN_CONTENTS: tuple[tuple[str, str], ...] = (
    ("subjek", "a"),
    ("latar_belakang", "b"),
    ("maksud_tujuan_sasaran", "c"),
    ("objek", "d"),
    ("ruang_lingkup", "e"),
    ("sumber_pembiayaan", "f"),
    ("jangka_waktu", "g"),
)
PLAN_CONTENT_CODES = tuple(code for code, _huruf in PLAN_CONTENTS)

# Pasal 23 ayat (2) huruf a-e (UU 23/2014 Pasal 367 ayat (1)): the objects of KSDPL and KSDLL.
OBJECTS = ("iptek", "budaya", "teknis_manajemen", "promosi", "lainnya")
VERIFICATION_RESULTS = ("rancangan", "perbaikan")  # Pasal 31 ayat (3) huruf b / huruf a

# The dates of the steps, in the order PP 28/2018 sets them (Pasal 28 ayat (4) to Pasal 43).
STEP_DATES = (
    "consulted_on",
    "intent_signed_on",
    "verified_on",
    "draft_approved_on",
    "confirmed_on",
    "signed_on",
    "reported_on",
)
_FIELDS = (*STEP_DATES, "object", "requirements", "plan_contents", "verification", "meeting_on")

# ISO 3166-1 alpha-2: the 249 officially assigned codes.
COUNTRIES = frozenset(
    [
        "AD",
        "AE",
        "AF",
        "AG",
        "AI",
        "AL",
        "AM",
        "AO",
        "AQ",
        "AR",
        "AS",
        "AT",
        "AU",
        "AW",
        "AX",
        "AZ",
        "BA",
        "BB",
        "BD",
        "BE",
        "BF",
        "BG",
        "BH",
        "BI",
        "BJ",
        "BL",
        "BM",
        "BN",
        "BO",
        "BQ",
        "BR",
        "BS",
        "BT",
        "BV",
        "BW",
        "BY",
        "BZ",
        "CA",
        "CC",
        "CD",
        "CF",
        "CG",
        "CH",
        "CI",
        "CK",
        "CL",
        "CM",
        "CN",
        "CO",
        "CR",
        "CU",
        "CV",
        "CW",
        "CX",
        "CY",
        "CZ",
        "DE",
        "DJ",
        "DK",
        "DM",
        "DO",
        "DZ",
        "EC",
        "EE",
        "EG",
        "EH",
        "ER",
        "ES",
        "ET",
        "FI",
        "FJ",
        "FK",
        "FM",
        "FO",
        "FR",
        "GA",
        "GB",
        "GD",
        "GE",
        "GF",
        "GG",
        "GH",
        "GI",
        "GL",
        "GM",
        "GN",
        "GP",
        "GQ",
        "GR",
        "GS",
        "GT",
        "GU",
        "GW",
        "GY",
        "HK",
        "HM",
        "HN",
        "HR",
        "HT",
        "HU",
        "ID",
        "IE",
        "IL",
        "IM",
        "IN",
        "IO",
        "IQ",
        "IR",
        "IS",
        "IT",
        "JE",
        "JM",
        "JO",
        "JP",
        "KE",
        "KG",
        "KH",
        "KI",
        "KM",
        "KN",
        "KP",
        "KR",
        "KW",
        "KY",
        "KZ",
        "LA",
        "LB",
        "LC",
        "LI",
        "LK",
        "LR",
        "LS",
        "LT",
        "LU",
        "LV",
        "LY",
        "MA",
        "MC",
        "MD",
        "ME",
        "MF",
        "MG",
        "MH",
        "MK",
        "ML",
        "MM",
        "MN",
        "MO",
        "MP",
        "MQ",
        "MR",
        "MS",
        "MT",
        "MU",
        "MV",
        "MW",
        "MX",
        "MY",
        "MZ",
        "NA",
        "NC",
        "NE",
        "NF",
        "NG",
        "NI",
        "NL",
        "NO",
        "NP",
        "NR",
        "NU",
        "NZ",
        "OM",
        "PA",
        "PE",
        "PF",
        "PG",
        "PH",
        "PK",
        "PL",
        "PM",
        "PN",
        "PR",
        "PS",
        "PT",
        "PW",
        "PY",
        "QA",
        "RE",
        "RO",
        "RS",
        "RU",
        "RW",
        "SA",
        "SB",
        "SC",
        "SD",
        "SE",
        "SG",
        "SH",
        "SI",
        "SJ",
        "SK",
        "SL",
        "SM",
        "SN",
        "SO",
        "SR",
        "SS",
        "ST",
        "SV",
        "SX",
        "SY",
        "SZ",
        "TC",
        "TD",
        "TF",
        "TG",
        "TH",
        "TJ",
        "TK",
        "TL",
        "TM",
        "TN",
        "TO",
        "TR",
        "TT",
        "TV",
        "TW",
        "TZ",
        "UA",
        "UG",
        "UM",
        "US",
        "UY",
        "UZ",
        "VA",
        "VC",
        "VE",
        "VG",
        "VI",
        "VN",
        "VU",
        "WF",
        "WS",
        "YE",
        "YT",
        "ZA",
        "ZM",
        "ZW",
    ]
)
INDONESIA = "ID"


@dataclass(frozen=True, slots=True)
class ForeignFacts:
    """What the user states about a cooperation abroad: the Pasal 27 requirements met, the plan's
    contents, and the date of each step taken (None: not yet, or not known)."""

    object: str | None = None
    requirements: frozenset[str] | None = None
    plan_contents: frozenset[str] | None = None
    consulted_on: dt.date | None = None
    intent_signed_on: dt.date | None = None
    verified_on: dt.date | None = None
    verification: str | None = None
    meeting_on: dt.date | None = None
    draft_approved_on: dt.date | None = None
    confirmed_on: dt.date | None = None
    signed_on: dt.date | None = None
    reported_on: dt.date | None = None


def parse_country(value: object, where: str) -> str:
    """An ISO 3166-1 alpha-2 code of a country other than Indonesia."""
    code = value.strip().upper() if isinstance(value, str) else None
    if code == INDONESIA:
        raise _bad(
            "not_foreign",
            f"'{where}' berisi ID (Indonesia): mitra di Indonesia bukan mitra luar negeri; catat "
            "sebagai daerah ('region') atau pihak ketiga ('third_party').",
            f"'{where}' is ID (Indonesia): a partner in Indonesia is not foreign; enter it as a "
            "region ('region') or a third party ('third_party').",
        )
    if code is None or code not in COUNTRIES:
        raise _bad(
            "unknown_country",
            f"Kode negara '{value}' di '{where}' tidak dikenal: tulis kode ISO 3166-1 alpha-2 "
            "dua huruf, misalnya JP (Jepang) atau NL (Belanda).",
            f"Country code '{value}' in '{where}' is unknown: write the two-letter ISO 3166-1 "
            "alpha-2 code, e.g. JP (Japan) or NL (the Netherlands).",
        )
    return code


def parse_foreign_party(data: object, where: str) -> ForeignParty:
    item = _check_fields(where, data, ("name", "kind", "country"))
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _bad(
            "missing_name",
            f"'{where}.name' wajib diisi dengan nama mitra luar negeri.",
            f"'{where}.name' must give the foreign partner's name.",
        )
    kind = item.get("kind")
    if kind not in FOREIGN_KINDS:
        known = ", ".join(FOREIGN_KINDS)
        raise _bad(
            "unknown_foreign_kind",
            f"Jenis mitra luar negeri '{kind}' tidak dikenal. Jenis yang dikenal: {known}.",
            f"Unknown kind of foreign partner '{kind}'. Known kinds: {known}.",
        )
    if "country" not in item:
        raise _bad(
            "unknown_country",
            f"'{where}.country' wajib diisi dengan kode negara ISO 3166-1 alpha-2.",
            f"'{where}.country' must give the ISO 3166-1 alpha-2 country code.",
        )
    return ForeignParty(name.strip(), str(kind), parse_country(item["country"], f"{where}.country"))


def _choice(value: object, where: str, known: tuple[str, ...]) -> str | None:
    if value is None:
        return None
    if value not in known:
        raise _bad(
            "unknown_code",
            f"Kode tidak dikenal di '{where}': {value}. Kode yang dikenal: {', '.join(known)}.",
            f"Unknown code in '{where}': {value}. Known codes: {', '.join(known)}.",
        )
    return str(value)


def parse_foreign_facts(data: object) -> ForeignFacts:
    where = "foreign_cooperation"
    raw = _check_fields(where, data, _FIELDS)
    dates = {k: _optional_date(raw.get(k), f"{where}.{k}") for k in (*STEP_DATES, "meeting_on")}
    requirements = raw.get("requirements")
    plan = raw.get("plan_contents")
    return ForeignFacts(
        object=_choice(raw.get("object"), f"{where}.object", OBJECTS),
        requirements=None
        if requirements is None
        else _codes(requirements, f"{where}.requirements", REQUIREMENT_CODES),
        plan_contents=None
        if plan is None
        else _codes(plan, f"{where}.plan_contents", PLAN_CONTENT_CODES),
        verification=_choice(
            raw.get("verification"), f"{where}.verification", VERIFICATION_RESULTS
        ),
        **dates,
    )

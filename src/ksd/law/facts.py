"""The plain facts of a cooperation, and their strict reading from the JSON of `ksd assess`.

Every unknown field, code or malformed value is refused with a LawInputError naming it, so a typo
never turns into a silently wrong verdict (docs/assess-json.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from ksd.law.errors import LawInputError
from ksd.law.regimes import Regime, parse_regime, regime_for_agreement
from ksd.law.region_history import region_on, today_code
from ksd.law.regions import Region

if TYPE_CHECKING:
    from ksd.law.foreign_facts import ForeignFacts


class ThirdPartyForm(StrEnum):
    KEMENTERIAN_LPND = "kementerian_lpnd"
    PERSEROAN_TERBATAS = "perseroan_terbatas"
    BUMN = "bumn"
    BUMD = "bumd"
    KOPERASI = "koperasi"
    YAYASAN = "yayasan"
    BADAN_HUKUM_LAIN = "badan_hukum_lain"
    PERSEORANGAN = "perseorangan"
    ORGANISASI_NON_BADAN_HUKUM = "organisasi_non_badan_hukum"


DRAFT_CONTENT_CODES = (
    "subjek",
    "objek",
    "ruang_lingkup",
    "hak_kewajiban",
    "jangka_waktu",
    "pengakhiran",
    "keadaan_memaksa",
    "penyelesaian_perselisihan",
    "sanksi",
)
LETTER_CONTENT_CODES = (
    "tujuan",
    "objek",
    "kontribusi_apbd",
    "keuntungan",
    "jangka_waktu",
    "pembebanan_masyarakat",
)
TERMINATION_GROUNDS = (
    *(f"pasal18_{letter}" for letter in "abcdefghi"),
    *(f"pasal9_{letter}" for letter in "abcde"),
    "pasal22_2_a",
    "pasal22_2_b",
    "pergantian_kepala_daerah",
)


@dataclass(frozen=True, slots=True)
class ThirdParty:
    name: str
    form: ThirdPartyForm
    domestic: bool = True


@dataclass(frozen=True, slots=True)
class ForeignParty:
    """A partner abroad (PP 28/2018 Pasal 1 angka 4-5): a foreign local government (KSDPL) or a
    foreign institution (KSDLL). `country` is ISO 3166-1 alpha-2, None when not given."""

    name: str
    kind: str  # "pemerintah_daerah" | "lembaga"
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Party:
    """A region, a third party or a foreign partner; `key` identifies it in the output (region
    code or name)."""

    key: str
    region: Region | None = None
    third_party: ThirdParty | None = None
    foreign: ForeignParty | None = None

    @property
    def abroad(self) -> ForeignParty | None:
        """The partner abroad this party is: a `foreign` party, or a third party that is not
        domestic (a foreign institution, PP 28/2018 Pasal 1 angka 5)."""
        if self.foreign is not None:
            return self.foreign
        if self.third_party is not None and not self.third_party.domestic:
            return ForeignParty(self.third_party.name, "lembaga")
        return None


@dataclass(frozen=True, slots=True)
class Burden:
    """The facts of PP 50/2007 Pasal 9-10 (and PP 28/2018 Pasal 6 ayat (2)) for one region."""

    apbd_cost: bool = False
    budgeted_current_year: bool = False
    uses_regional_assets: bool = False
    public_pays: bool = False
    within_skpd_duties: bool = False


BURDEN_FIELDS = tuple(f.name for f in fields(Burden))


@dataclass(frozen=True, slots=True)
class DprdEvents:
    """Dates of one DPRD track; see docs/assess-json.md for which date is day 0 of which clock."""

    received: dt.date | None = None
    opinion_sent: dt.date | None = None
    opinion_received: dt.date | None = None
    resubmitted: dt.date | None = None
    approved: dt.date | None = None
    rejected: dt.date | None = None


DPRD_FIELDS = tuple(f.name for f in fields(DprdEvents))


@dataclass(frozen=True, slots=True)
class Termination:
    ground: str
    initiated_by: str | None = None
    written_notice: bool = False
    early: bool = False
    on: dt.date | None = None  # the day it ends: selects the regulation that judges it


@dataclass(frozen=True, slots=True)
class DisputeFacts:
    """A dispute raised on a day (which selects the regulation) between some of the parties."""

    raised_on: dt.date | None = None
    between: tuple[str, ...] | None = None  # party keys; None: all parties


@dataclass(frozen=True, slots=True)
class ObjectFacts:
    """The object of the cooperation as a concurrent affair of the UU 23/2014 Lampiran."""

    affair: str
    sub_affair: str | None = None


@dataclass(frozen=True, slots=True)
class Amendment:
    """An amendment (adendum) of the agreement, made on a day."""

    on: dt.date


@dataclass(frozen=True, slots=True)
class Facts:
    date: dt.date
    regime: Regime
    regime_overridden: bool
    as_of: dt.date
    parties: tuple[Party, ...]
    burden_by_region: Mapping[str, Burden | None] = field(default_factory=dict)
    draft_contents: frozenset[str] | None = None
    letter_contents: Mapping[str, frozenset[str]] | None = None
    dprd: Mapping[str, DprdEvents] = field(default_factory=dict)
    duration_years: float | None = None
    continuous: bool = False
    compulsory: bool = False
    object_count: int | None = None
    termination: Termination | None = None
    dispute: DisputeFacts | None = None
    amendment: Amendment | None = None
    object: ObjectFacts | None = None
    given_codes: Mapping[str, str] = field(default_factory=dict)  # today's code -> code given
    before_pp50: bool = False  # an agreement made before PP 50/2007 (PP 50/2007 Pasal 26-27)
    foreign: ForeignFacts | None = None  # the steps of PP 28/2018 Pasal 27-43 (foreign_facts.py)

    @property
    def regions(self) -> tuple[Region, ...]:
        return tuple(p.region for p in self.parties if p.region is not None)

    def party_label(self, key: str) -> str:
        """A party as people name it: "Kabupaten Wonogiri (33.12)", or the third party's name."""
        for party in self.parties:
            if party.key == key and party.region is not None:
                return f"{party.region.name} ({party.key})"
        return key

    @property
    def third_parties(self) -> tuple[ThirdParty, ...]:
        return tuple(p.third_party for p in self.parties if p.third_party is not None)


_TOP_FIELDS = frozenset(
    {
        "date",
        "regime",
        "as_of",
        "parties",
        "burden",
        "burden_by_region",
        "draft_contents",
        "dprd_letter_contents",
        "dprd",
        "duration_years",
        "continuous",
        "compulsory",
        "object_count",
        "termination",
        "dispute",
        "amendment",
        "object",
        "foreign_cooperation",
    }
)


def _bad(code: str, message_id: str, message_en: str) -> LawInputError:
    return LawInputError(code, message_id, message_en)


def _not_an_object(where: str) -> LawInputError:
    return _bad(
        "not_an_object",
        f"'{where}' harus berupa objek JSON.",
        f"'{where}' must be a JSON object.",
    )


def _check_fields(
    where: str, data: object, allowed: frozenset[str] | tuple[str, ...]
) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _not_an_object(where)
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        names = ", ".join(unknown)
        known = ", ".join(sorted(allowed))
        raise _bad(
            "unknown_field",
            f"Isian tidak dikenal di '{where}': {names}. Isian yang dikenal: {known}.",
            f"Unknown field in '{where}': {names}. Known fields: {known}.",
        )
    return data


def parse_date(value: object, where: str) -> dt.date:
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _bad(
        "malformed_date",
        f"Tanggal '{value}' di '{where}' tidak sah: tulis sebagai TTTT-BB-HH, misalnya 2016-02-01.",
        f"Date '{value}' in '{where}' is malformed: write it as YYYY-MM-DD, e.g. 2016-02-01.",
    )


def _optional_date(value: object, where: str) -> dt.date | None:
    return None if value is None else parse_date(value, where)


def _bool(value: object, where: str) -> bool:
    if isinstance(value, bool):
        return value
    raise _bad(
        "not_a_boolean",
        f"'{where}' harus true atau false.",
        f"'{where}' must be true or false.",
    )


def _number(value: object, where: str) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return float(value)
    raise _bad(
        "not_a_number",
        f"'{where}' harus berupa angka tidak negatif.",
        f"'{where}' must be a non-negative number.",
    )


def _codes(value: object, where: str, known: tuple[str, ...]) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(
            "not_a_list",
            f"'{where}' harus berupa daftar kode.",
            f"'{where}' must be a list of codes.",
        )
    unknown = sorted(set(value) - set(known))
    if unknown:
        names = ", ".join(unknown)
        raise _bad(
            "unknown_code",
            f"Kode tidak dikenal di '{where}': {names}. Kode yang dikenal: {', '.join(known)}.",
            f"Unknown code in '{where}': {names}. Known codes: {', '.join(known)}.",
        )
    return frozenset(value)


def _party(data: object, index: int, on: dt.date) -> Party:
    where = f"parties[{index}]"
    item = _check_fields(where, data, ("region", "third_party", "foreign"))
    if len(item) != 1:
        raise _bad(
            "malformed_party",
            f"'{where}' harus berisi tepat satu dari 'region', 'third_party' atau 'foreign'.",
            f"'{where}' must hold exactly one of 'region', 'third_party' or 'foreign'.",
        )
    if "foreign" in item:
        from ksd.law.foreign_facts import parse_foreign_party  # it reads with this module

        foreign = parse_foreign_party(item["foreign"], f"{where}.foreign")
        return Party(foreign.name, foreign=foreign)
    if "region" in item:
        region = region_on(item["region"], on)
        return Party(region.code, region=region)
    tp = _check_fields(f"{where}.third_party", item["third_party"], ("name", "form", "domestic"))
    name = tp.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _bad(
            "missing_name",
            f"'{where}.third_party.name' wajib diisi dengan nama pihak ketiga.",
            f"'{where}.third_party.name' must give the third party's name.",
        )
    try:
        form = ThirdPartyForm(str(tp.get("form")))
    except ValueError:
        known = ", ".join(f.value for f in ThirdPartyForm)
        raise _bad(
            "unknown_third_party_form",
            f"Bentuk pihak ketiga '{tp.get('form')}' tidak dikenal. Bentuk yang dikenal: {known}.",
            f"Unknown third-party form '{tp.get('form')}'. Known forms: {known}.",
        ) from None
    domestic = _bool(tp.get("domestic", True), f"{where}.third_party.domestic")
    return Party(name.strip(), third_party=ThirdParty(name.strip(), form, domestic))


def _burden(data: object, where: str, base: Burden) -> Burden:
    values = _check_fields(where, data, BURDEN_FIELDS)
    return replace(base, **{k: _bool(v, f"{where}.{k}") for k, v in values.items()})


def _not_a_party(code: str, where: str) -> LawInputError:
    return _bad(
        "not_a_party",
        f"'{code}' di '{where}' bukan salah satu pihak kerja sama ini.",
        f"'{code}' in '{where}' is not one of this cooperation's parties.",
    )


def parse_termination(data: object, party_keys: set[str]) -> Termination:
    """The `termination` object of the input: a known ground, an initiator who is a party."""
    raw = _check_fields(
        "termination", data, ("ground", "initiated_by", "written_notice", "early", "on")
    )
    ground = raw.get("ground")
    if ground not in TERMINATION_GROUNDS:
        raise _bad(
            "unknown_termination_ground",
            f"Dasar pengakhiran '{ground}' tidak dikenal. Dasar yang dikenal: "
            f"{', '.join(TERMINATION_GROUNDS)}.",
            f"Unknown termination ground '{ground}'. Known grounds: "
            f"{', '.join(TERMINATION_GROUNDS)}.",
        )
    initiated_by = raw.get("initiated_by")
    if initiated_by is not None and initiated_by not in party_keys:
        raise _not_a_party(str(initiated_by), "termination.initiated_by")
    return Termination(
        ground,
        initiated_by,
        _bool(raw.get("written_notice", False), "termination.written_notice"),
        _bool(raw.get("early", False), "termination.early"),
        _optional_date(raw.get("on"), "termination.on"),
    )


def _dispute(data: object, party_keys: set[str]) -> DisputeFacts:
    raw = _check_fields("dispute", data, ("raised_on", "between"))
    between = raw.get("between")
    keys: tuple[str, ...] | None = None
    if between is not None:
        if not isinstance(between, list) or not all(isinstance(k, str) for k in between):
            raise _bad(
                "not_a_list",
                "'dispute.between' harus berupa daftar pihak (kode wilayah atau nama pihak ketiga).",
                "'dispute.between' must be a list of parties (region codes or third-party names).",
            )
        for key in between:
            if key not in party_keys:
                raise _not_a_party(key, "dispute.between")
        if len(set(between)) < 2:
            raise _bad(
                "too_few_disputants",
                "'dispute.between' harus menyebut sedikitnya dua pihak yang berbeda.",
                "'dispute.between' must name at least two different parties.",
            )
        keys = tuple(dict.fromkeys(between))
    return DisputeFacts(_optional_date(raw.get("raised_on"), "dispute.raised_on"), keys)


def parse_object(data: object) -> ObjectFacts:
    """The `object` of the input: an affair (and sub-affair) of the UU 23/2014 Lampiran."""
    from ksd.law.authority import check_object, normalise_object  # data, loaded on first use

    raw = _check_fields("object", data, ("affair", "sub_affair"))
    affair, sub = normalise_object(raw.get("affair"), raw.get("sub_affair"))
    check_object(affair, sub)
    return ObjectFacts(str(affair), None if sub is None else str(sub))


def _amendment(data: object) -> Amendment:
    raw = _check_fields("amendment", data, ("on",))
    if raw.get("on") is None:
        raise _bad(
            "missing_date",
            "'amendment.on' wajib: tanggal perubahan (adendum) perjanjian.",
            "'amendment.on' is required: the date of the amendment (adendum).",
        )
    return Amendment(parse_date(raw["on"], "amendment.on"))


def parse_facts(data: object, *, today: dt.date) -> Facts:
    """Read the input JSON of `ksd assess` into Facts, or raise LawInputError."""
    top = _check_fields("input", data, _TOP_FIELDS)
    if "date" not in top:
        raise _bad(
            "missing_date",
            "Isian 'date' wajib: tanggal yang menentukan peraturan yang berlaku.",
            "Field 'date' is required: the date that selects the governing regulation.",
        )
    date = parse_date(top["date"], "date")
    by_date, before_pp50 = regime_for_agreement(date)
    regime = by_date if top.get("regime") is None else parse_regime(top["regime"])
    as_of = today if top.get("as_of") is None else parse_date(top["as_of"], "as_of")

    raw_parties = top.get("parties")
    if not isinstance(raw_parties, list):
        raise _bad(
            "missing_parties",
            "Isian 'parties' wajib berupa daftar pihak kerja sama.",
            "Field 'parties' is required and must be a list of the cooperation's parties.",
        )
    parties = tuple(_party(p, i, date) for i, p in enumerate(raw_parties))
    given = {
        p.key: raw["region"]
        for p, raw in zip(parties, raw_parties, strict=True)
        if p.region is not None and raw["region"] != p.key
    }
    region_codes = {p.key for p in parties if p.region is not None}
    party_keys = {p.key for p in parties}

    shared: Burden | None = None
    if top.get("burden") is not None:
        shared = _burden(top["burden"], "burden", Burden())
    per_region = top.get("burden_by_region") or {}
    if not isinstance(per_region, dict):
        raise _not_an_object("burden_by_region")
    burdens: dict[str, Burden | None] = dict.fromkeys(region_codes, shared)
    for code, value in per_region.items():
        code = today_code(code)
        if code not in region_codes:
            raise _not_a_party(code, "burden_by_region")
        burdens[code] = _burden(value, f"burden_by_region.{code}", shared or Burden())

    draft = top.get("draft_contents")
    draft_contents = None if draft is None else _codes(draft, "draft_contents", DRAFT_CONTENT_CODES)

    letter_contents: dict[str, frozenset[str]] | None = None
    letter = top.get("dprd_letter_contents")
    if isinstance(letter, list):
        codes = _codes(letter, "dprd_letter_contents", LETTER_CONTENT_CODES)
        letter_contents = dict.fromkeys(region_codes, codes)
    elif isinstance(letter, dict):
        letter_contents = {}
        for code, value in letter.items():
            code = today_code(code)
            if code not in region_codes:
                raise _not_a_party(code, "dprd_letter_contents")
            letter_contents[code] = _codes(
                value, f"dprd_letter_contents.{code}", LETTER_CONTENT_CODES
            )
    elif letter is not None:
        _codes(letter, "dprd_letter_contents", LETTER_CONTENT_CODES)

    dprd: dict[str, DprdEvents] = {}
    raw_dprd = top.get("dprd") or {}
    if not isinstance(raw_dprd, dict):
        raise _not_an_object("dprd")
    for code, value in raw_dprd.items():
        code = today_code(code)
        if code not in region_codes:
            raise _not_a_party(code, "dprd")
        events = _check_fields(f"dprd.{code}", value, DPRD_FIELDS)
        dprd[code] = DprdEvents(
            **{k: _optional_date(v, f"dprd.{code}.{k}") for k, v in events.items()}
        )

    party_keys |= set(given.values())
    termination = None
    if top.get("termination") is not None:
        termination = parse_termination(top["termination"], party_keys)
        if termination.initiated_by is not None:
            termination = replace(termination, initiated_by=today_code(termination.initiated_by))
    dispute = None
    if top.get("dispute") is not None:
        dispute = _dispute(top["dispute"], party_keys)
        if dispute.between is not None:
            keys = tuple(dict.fromkeys(today_code(k) for k in dispute.between))
            dispute = replace(dispute, between=keys)
    amendment = None if top.get("amendment") is None else _amendment(top["amendment"])
    object_ = None if top.get("object") is None else parse_object(top["object"])

    foreign = None
    if top.get("foreign_cooperation") is not None:
        from ksd.law.foreign_facts import parse_foreign_facts

        foreign = parse_foreign_facts(top["foreign_cooperation"])

    duration = top.get("duration_years")
    object_count = top.get("object_count")
    if object_count is not None and (
        not isinstance(object_count, int) or isinstance(object_count, bool) or object_count < 1
    ):
        raise _bad(
            "not_a_count",
            "'object_count' harus bilangan bulat positif.",
            "'object_count' must be a positive whole number.",
        )
    return Facts(
        date=date,
        regime=regime,
        regime_overridden=regime is not by_date,
        as_of=as_of,
        parties=parties,
        burden_by_region=burdens,
        draft_contents=draft_contents,
        letter_contents=letter_contents,
        dprd=dprd,
        duration_years=None if duration is None else _number(duration, "duration_years"),
        continuous=_bool(top.get("continuous", False), "continuous"),
        compulsory=_bool(top.get("compulsory", False), "compulsory"),
        object_count=object_count,
        termination=termination,
        dispute=dispute,
        amendment=amendment,
        object=object_,
        given_codes=given,
        before_pp50=before_pp50 and regime is Regime.PP50_2007,
        foreign=foreign,
    )

"""Cooperation with partners abroad under PP 28/2018 (BAB IV, Pasal 23-43): KSDPL with a foreign
local government (Pasal 1 angka 4) and KSDLL with a foreign institution (Pasal 1 angka 5), which
UU 23/2014 Pasal 363 ayat (2) huruf c and Pasal 367 allow with the central government's approval.

None of the domestic rules apply to them: the DPRD approves whatever the burden (Pasal 30 ayat
(1), for KSDLL by Pasal 38, not Pasal 6 ayat (2)); it has 45 working days from the head's letter
(Pasal 30 ayat (4)) and its silence is never approval; the central government verifies the plan
(Pasal 31), approves the draft after an inter-ministerial meeting (Pasal 32) and the Foreign
Minister confirms it (Pasal 33) before the head signs; disputes are settled by negotiation and
consultation (Pasal 34, Pasal 41), not by Pasal 21; the region reports to the Minister (Pasal 43).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ksd.law.calendar import WorkingCalendar
from ksd.law.citations import Citation, Finding, Reason, Severity, Text, long_date
from ksd.law.dprd_clock import _inconsistency, _known_on
from ksd.law.facts import DprdEvents, Facts, Party
from ksd.law.foreign_facts import PLAN_CONTENTS, REQUIREMENTS, ForeignFacts
from ksd.law.geography import Scope
from ksd.law.pp28_2018.cite import pasal, uu23
from ksd.law.verdicts import Approval, DisputeRoute, PairKind, Track

KSDPL = "ksdpl"
KSDLL = "ksdll"
DPRD_WORKING_DAYS = 45  # Pasal 30 ayat (4): "paling lama 45 (empat puluh lima) hari kerja"
NEGOTIATION = "negosiasi_konsultasi"
_DEADLINES = ("assessment_due", "opinion_due", "revision_due", "deemed_approval_due")

_NAMES = {KSDPL: Text("KSDPL", "KSDPL"), KSDLL: Text("KSDLL", "KSDLL")}


def partner_kind(party: Party) -> str | None:
    """KSDPL for a foreign local government, KSDLL for a foreign institution, else None."""
    abroad = party.abroad
    if abroad is None:
        return None
    return KSDPL if abroad.kind == "pemerintah_daerah" else KSDLL


def cooperation_kind(facts: Facts) -> str | None:
    """The cooperation's kind when a partner is abroad. With both kinds of partner, KSDPL's
    articles are cited, since KSDLL's refer to them mutatis mutandis (Pasal 38-40)."""
    kinds = {partner_kind(p) for p in facts.parties} - {None}
    if not kinds:
        return None
    return KSDPL if KSDPL in kinds else KSDLL


def _by_kind(kind: str, ksdpl: Citation, ksdll: Citation) -> Citation:
    return ksdpl if kind == KSDPL else ksdll


def pair_kind(a: Party, b: Party) -> PairKind | None:
    """Pasal 1 angka 4 (KSDPL) and angka 5 (KSDLL): a region with a partner abroad."""
    region, other = (a, b) if a.region is not None else (b, a)
    kind = partner_kind(other)
    if region.region is None or kind is None:
        return None
    return PairKind(kind, Scope.LUAR_NEGERI, pasal("1", angka="4" if kind == KSDPL else "5"))


def dispute_route(a: Party, b: Party) -> DisputeRoute | None:
    """Pasal 34 (KSDPL) and Pasal 41 (KSDLL): negotiation and consultation."""
    region, other = (a, b) if a.region is not None else (b, a)
    kind = partner_kind(other)
    if region.region is None or kind is None:
        return None
    name = _NAMES[kind]
    return DisputeRoute(
        NEGOTIATION,
        None,
        _by_kind(kind, pasal("34"), pasal("41")),
        f"Perselisihan dalam penyelenggaraan {name.id} diselesaikan melalui negosiasi dan "
        "konsultasi; tidak ada gubernur atau Menteri yang memutusnya, dan Pasal 21 (KSDPK) "
        "tidak berlaku.",
        f"A dispute in a {name.en} is settled by negotiation and consultation; no governor or "
        "Minister decides it, and Pasal 21 (KSDPK) does not apply.",
    )


def dprd_approval(kind: str) -> Approval:
    """Pasal 30 ayat (1): a KSDPL must obtain the DPRD's approval; Pasal 38 applies it to KSDLL.
    The burden of Pasal 6 ayat (2) does not enter into it."""
    reasons = [
        Reason(
            Text(
                "KSDPL harus memperoleh persetujuan DPRD, apa pun bebannya bagi daerah atau "
                "masyarakat; kepala daerah mengirim surat permohonan dengan rencana kerja sama.",
                "A KSDPL must obtain the DPRD's approval whatever its burden on the region or the "
                "public; the head sends a letter of request with the cooperation plan.",
            ),
            pasal("30", "1"),
        )
    ]
    if kind == KSDLL:
        reasons.append(
            Reason(
                Text(
                    "Ketentuan rencana kerja sama KSDPL (Pasal 30 dan 31) berlaku mutatis "
                    "mutandis untuk KSDLL.",
                    "The KSDPL rules on the cooperation plan (Pasal 30 and 31) apply mutatis "
                    "mutandis to KSDLL.",
                ),
                pasal("38"),
            )
        )
    return Approval(True, reasons)


def dprd_track(events: DprdEvents, calendar: WorkingCalendar, as_of: dt.date, region: str) -> Track:
    """Pasal 30 ayat (4): the DPRD approves the plan within 45 working days of receiving the
    head's letter (day 0). Past that day it is overdue; the PP gives its silence no effect, so
    there is never a deemed approval."""
    cite = pasal("30", "4")
    e = _known_on(events, as_of)
    findings: list[Finding] = []
    bad = _inconsistency(e, cite)
    if bad is not None:
        findings.append(Finding(bad.code, bad.severity, bad.message, bad.citation, region))
    deadlines: dict[str, dt.date | None] = dict.fromkeys(_DEADLINES)
    if e.received is None:
        return Track(deadlines, "not_submitted", findings)
    due = calendar.add_working_days(e.received, DPRD_WORKING_DAYS)
    deadlines["assessment_due"] = due
    decision = e.approved or e.rejected
    if decision is not None and decision > due:
        findings.append(
            Finding(
                "dprd_decision_late",
                Severity.INFO,
                Text(
                    f"DPRD memutus pada {long_date(decision).id}, setelah batas 45 hari kerja "
                    f"({long_date(due).id}); keputusannya tetap yang berlaku.",
                    f"The DPRD decided on {long_date(decision).en}, after the limit of 45 working "
                    f"days ({long_date(due).en}); its decision still stands.",
                ),
                cite,
                region,
            )
        )
    if e.approved is not None:
        return Track(deadlines, "approved", findings)
    if e.rejected is not None:
        return Track(deadlines, "rejected", findings)
    if as_of > due:
        findings.append(
            Finding(
                "dprd_assessment_overdue",
                Severity.WARNING,
                Text(
                    f"DPRD belum memberikan persetujuan dalam 45 hari kerja sejak menerima surat "
                    f"permohonan kepala daerah ({long_date(e.received).id}); batas waktunya "
                    f"{long_date(due).id}. Ini terlambat, bukan persetujuan: PP 28/2018 tidak "
                    "menganggap persetujuan diberikan bila DPRD diam.",
                    f"The DPRD has not approved within 45 working days of receiving the head's "
                    f"letter ({long_date(e.received).en}); the limit was {long_date(due).en}. This "
                    "is overdue, not approval: PP 28/2018 never deems approval given when the "
                    "DPRD is silent.",
                ),
                cite,
                region,
            )
        )
        return Track(deadlines, "assessment_overdue", findings)
    return Track(deadlines, "under_review", findings)


@dataclass(frozen=True, slots=True)
class Requirement:
    code: str
    citation: Citation
    stated: bool | None  # None: the user has not stated the requirements


@dataclass(frozen=True, slots=True)
class PlanContent:
    code: str
    citation: Citation
    present: bool | None  # None: the plan's contents were not given


@dataclass(frozen=True, slots=True)
class Step:
    step: str
    status: str  # done, next, pending, rejected, revision_requested
    on: dt.date | None
    citation: Citation


@dataclass(slots=True)
class ForeignVerdict:
    kind: str
    partners: list[tuple[Party, str]]
    requirements: list[Requirement] = field(default_factory=list)
    plan_contents: list[PlanContent] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    next_step: str | None = None
    findings: list[Finding] = field(default_factory=list)


_REQUIREMENT_NAMES = {
    "hubungan_diplomatik": Text("mempunyai hubungan diplomatik", "diplomatic relations exist"),
    "urusan_pemerintah_daerah": Text(
        "merupakan urusan Pemerintah Daerah", "it is an affair of the regional government"
    ),
    "tanpa_kantor_perwakilan": Text(
        "Pemerintah Daerah tidak membuka kantor perwakilan di luar negeri",
        "the regional government opens no representative office abroad",
    ),
    "tidak_mencampuri_urusan_dalam_negeri": Text(
        "mitra luar negeri tidak mencampuri urusan pemerintahan dalam negeri",
        "the partner abroad does not interfere in domestic government affairs",
    ),
    "sesuai_rencana_pembangunan": Text(
        "sesuai dengan kebijakan dan rencana pembangunan nasional dan daerah",
        "it fits national and regional development policy and plans",
    ),
    "alih_iptek": Text(
        "ilmu pengetahuan dan teknologi dapat dialihkan ke sumber daya manusia Indonesia",
        "the science and technology can be transferred to Indonesian people",
    ),
    "kesetaraan": Text("kesetaraan status dan wilayah", "equal status and territory"),
    "saling_melengkapi": Text("saling melengkapi", "the parties complement each other"),
    "peningkatan_hubungan_masyarakat": Text(
        "peningkatan hubungan antarmasyarakat", "closer ties between the peoples"
    ),
}
_PLAN_NAMES = {
    "subjek": Text("subjek kerja sama", "the parties (subject)"),
    "latar_belakang": Text("latar belakang", "the background"),
    "maksud_tujuan_sasaran": Text("maksud, tujuan, dan sasaran", "aims, objectives and targets"),
    "objek": Text("objek kerja sama", "the object"),
    "ruang_lingkup": Text("ruang lingkup kerja sama", "the scope"),
    "sumber_pembiayaan": Text("sumber pembiayaan", "the source of funding"),
    "jangka_waktu": Text("jangka waktu pelaksanaan", "the term"),
}


def _requirements(f: ForeignFacts, kind: str, verdict: ForeignVerdict) -> None:
    """Pasal 27: ayat (1) for all; ayat (2) for science and technology; ayat (3) for KSDPL."""
    for code, ayat, huruf in REQUIREMENTS:
        if ayat == "2" and f.object != "iptek":
            continue
        if ayat == "3" and kind != KSDPL:
            continue
        stated = None if f.requirements is None else code in f.requirements
        cite = pasal("27", ayat, huruf)
        verdict.requirements.append(Requirement(code, cite, stated))
        if stated is False:
            name = _REQUIREMENT_NAMES[code]
            verdict.findings.append(
                Finding(
                    "foreign_requirement_missing",
                    Severity.ERROR,
                    Text(
                        f"Persyaratan belum dinyatakan terpenuhi: {name.id}.",
                        f"A requirement is not stated as met: {name.en}.",
                    ),
                    cite,
                    code,
                )
            )
    if f.requirements is None:
        verdict.findings.append(
            Finding(
                "foreign_requirements_unstated",
                Severity.WARNING,
                Text(
                    "Persyaratan Pasal 27 belum dinyatakan (hubungan diplomatik, urusan Pemerintah "
                    "Daerah, tanpa kantor perwakilan di luar negeri, tidak mencampuri urusan dalam "
                    "negeri, sesuai rencana pembangunan); KSD tidak dapat menilainya.",
                    "The requirements of Pasal 27 are not stated (diplomatic relations, a regional "
                    "affair, no representative office abroad, no interference in domestic "
                    "affairs, in line with development plans); KSD cannot judge them.",
                ),
                pasal("27", "1"),
            )
        )


def _plan(f: ForeignFacts, verdict: ForeignVerdict) -> None:
    """Pasal 30 ayat (3) huruf a-g: the plan sent to the DPRD contains at least these."""
    for code, huruf in PLAN_CONTENTS:
        present = None if f.plan_contents is None else code in f.plan_contents
        cite = pasal("30", "3", huruf)
        verdict.plan_contents.append(PlanContent(code, cite, present))
        if present is False:
            name = _PLAN_NAMES[code]
            verdict.findings.append(
                Finding(
                    "missing_plan_content",
                    Severity.ERROR,
                    Text(
                        f"Rencana kerja sama belum memuat {name.id}.",
                        f"The cooperation plan does not yet contain {name.en}.",
                    ),
                    cite,
                    code,
                )
            )


# Each step: its name, the date field of ForeignFacts (None: from the DPRD tracks), and the
# article for KSDPL and for KSDLL.
_STEPS: tuple[tuple[str, str | None, Citation, Citation], ...] = (
    ("consultation", "consulted_on", pasal("28", "4"), pasal("28", "4")),
    ("pernyataan_kehendak", "intent_signed_on", pasal("28", "4"), pasal("28", "4")),
    ("dprd_approval", None, pasal("30", "1"), pasal("38")),
    ("minister_verification", "verified_on", pasal("31", "2"), pasal("38")),
    ("draft_approval", "draft_approved_on", pasal("32", "1"), pasal("39")),
    ("foreign_minister_confirmation", "confirmed_on", pasal("33", "3"), pasal("40")),
    ("signing", "signed_on", pasal("33", "4"), pasal("40")),
    ("report", "reported_on", pasal("43", "1"), pasal("43", "1")),
)
STEP_NAMES = {
    "consultation": Text(
        "koordinasi dan konsultasi dengan Menteri dan Menteri Luar Negeri",
        "coordination and consultation with the Minister and the Foreign Minister",
    ),
    "pernyataan_kehendak": Text(
        "penandatanganan pernyataan kehendak kerja sama", "signing the letter of intent"
    ),
    "dprd_approval": Text("persetujuan DPRD atas rencana kerja sama", "the DPRD's approval"),
    "minister_verification": Text(
        "verifikasi dan pertimbangan tertulis Menteri", "the Minister's verification"
    ),
    "draft_approval": Text(
        "persetujuan Menteri atas rancangan naskah setelah rapat antarkementerian",
        "the Minister's approval of the draft after the inter-ministerial meeting",
    ),
    "foreign_minister_confirmation": Text(
        "surat konfirmasi Menteri Luar Negeri", "the Foreign Minister's letter of confirmation"
    ),
    "signing": Text("penandatanganan naskah kerja sama", "signing the agreement"),
    "report": Text("laporan pelaksanaan kepada Menteri", "the report to the Minister"),
}


def _dprd_step(dprd: list[tuple[str, Track, DprdEvents | None]]) -> tuple[str, dt.date | None]:
    """Done once every region's DPRD has approved, on the last approval."""
    if not dprd:
        return "pending", None
    if any(track.status == "rejected" for _r, track, _e in dprd):
        return "rejected", None
    if all(track.status == "approved" for _r, track, _e in dprd):
        days = [e.approved for _r, _t, e in dprd if e is not None and e.approved is not None]
        return "done", max(days) if days else None
    return "pending", None


def _steps(
    f: ForeignFacts,
    kind: str,
    as_of: dt.date,
    dprd: list[tuple[str, Track, DprdEvents | None]],
    verdict: ForeignVerdict,
) -> None:
    """The statuses of the steps from the dates given; a step recorded before the one it
    depends on is an error naming the article that orders them."""
    done: list[tuple[str, dt.date | None]] = []
    for name, attr, ksdpl, ksdll in _STEPS:
        cite = _by_kind(kind, ksdpl, ksdll)
        if attr is None:
            status, on = _dprd_step(dprd)
        else:
            on = getattr(f, attr)
            on = on if on is not None and on <= as_of else None
            status = "done" if on is not None else "pending"
            if name == "minister_verification" and on is not None and f.verification == "perbaikan":
                # Pasal 31 ayat (3) huruf a: the plan goes back for revision.
                status = "revision_requested"
                cite = pasal("31", "3", "a")
        if status == "pending" and verdict.next_step is None:
            status = "next"
            verdict.next_step = name
        if on is not None and status == "done":
            _check_order(name, on, cite, done, verdict)
            done.append((name, on))
        elif status == "done":
            done.append((name, None))
        verdict.steps.append(Step(name, status, on, cite))
    if any(s.step == "signing" and s.status == "done" for s in verdict.steps) and not any(
        s.step == "report" and s.status == "done" for s in verdict.steps
    ):
        verdict.findings.append(
            Finding(
                "foreign_report_due",
                Severity.INFO,
                Text(
                    "Pemerintah Daerah melaporkan pelaksanaan kerja sama ini kepada Menteri. "
                    "PP 28/2018 tidak menetapkan kekerapannya; tata caranya diserahkan kepada "
                    "Peraturan Menteri (ayat (2)).",
                    "The regional government reports the cooperation's implementation to the "
                    "Minister. PP 28/2018 sets no frequency; it leaves the procedure to a "
                    "Minister's regulation (ayat (2)).",
                ),
                pasal("43", "1"),
            )
        )


def _check_order(
    name: str,
    on: dt.date,
    cite: Citation,
    done: list[tuple[str, dt.date | None]],
    verdict: ForeignVerdict,
) -> None:
    order = [s for s, _attr, _ksdpl, _ksdll in _STEPS]
    earlier = order[: order.index(name)]
    done_names = {s for s, _d in done}
    missing = [s for s in earlier if s not in done_names]
    later = [s for s, d in done if d is not None and d > on]
    step = STEP_NAMES[name]
    if missing:
        before = STEP_NAMES[missing[0]]
        verdict.findings.append(
            Finding(
                "foreign_step_out_of_order",
                Severity.ERROR,
                Text(
                    f"Tercatat {step.id} ({long_date(on).id}), padahal belum ada {before.id} "
                    "yang harus mendahuluinya.",
                    f"{step.en[0].upper()}{step.en[1:]} is recorded ({long_date(on).en}), but "
                    f"{before.en}, which must come first, is not.",
                ),
                cite,
                name,
            )
        )
    elif later:
        before = STEP_NAMES[later[0]]
        verdict.findings.append(
            Finding(
                "foreign_step_out_of_order",
                Severity.ERROR,
                Text(
                    f"Tanggal {step.id} ({long_date(on).id}) mendahului {before.id}, yang harus "
                    "lebih dulu.",
                    f"The date of {step.en} ({long_date(on).en}) precedes {before.en}, which "
                    "must come first.",
                ),
                cite,
                name,
            )
        )


def assess_foreign(
    facts: Facts, kind: str, dprd: list[tuple[str, Track, DprdEvents | None]]
) -> ForeignVerdict:
    """Everything BAB IV asks of a cooperation abroad, from the facts and the DPRD tracks."""
    partners = [(p, k) for p in facts.parties if (k := partner_kind(p)) is not None]
    verdict = ForeignVerdict(kind, partners)
    f = facts.foreign or ForeignFacts()
    name = _NAMES[kind]
    verdict.findings.append(
        Finding(
            "foreign_procedure",
            Severity.INFO,
            Text(
                f"Kerja sama ini {name.id}: dilaksanakan setelah mendapat persetujuan Pemerintah "
                "Pusat, dengan persetujuan DPRD, verifikasi Menteri, rapat antarkementerian, dan "
                "surat konfirmasi Menteri Luar Negeri sebelum ditandatangani.",
                f"This cooperation is a {name.en}: it proceeds only with the central "
                "government's approval, the DPRD's approval, the Minister's verification, an "
                "inter-ministerial meeting and the Foreign Minister's confirmation before it is "
                "signed.",
            ),
            uu23("367", "2"),
        )
    )
    _requirements(f, kind, verdict)
    _plan(f, verdict)
    _steps(f, kind, facts.as_of, dprd, verdict)
    return verdict

"""One assessment of a cooperation: every question of the regime in force, answered with citations.

`assess(facts)` returns an Assessment; `assess_json(data, today=...)` reads the JSON contract of
docs/assess-json.md and returns its output, for the CLI, the web app and the API alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ksd.law import adjacency, authority, region_history, transition
from ksd.law.calendar import HolidayOverride, WorkingCalendar, calendar_for
from ksd.law.citations import Citation, Finding, Lang, Reason, Severity, Text
from ksd.law.dispute_authority import overall
from ksd.law.facts import DprdEvents, Facts, Party, parse_facts
from ksd.law.pair_classes import each_pair
from ksd.law.parameters import Parameter, ParameterValue, parameter, supplied_values
from ksd.law.pp28_2018 import foreign as pp28_foreign
from ksd.law.regimes import INFO, Regime
from ksd.law.regions import Region
from ksd.law.supervision import Supervision, supervision
from ksd.law.verdicts import (
    BodyVerdict,
    ContentRequirement,
    CopyRule,
    DisputeRoute,
    PairKind,
    RegimeRules,
    TerminationVerdict,
    Track,
)

SCHEMA = "ksd.assess/2"
RULES: dict[Regime, RegimeRules] = transition.RULES
ELIGIBILITY_CODES = frozenset(
    {
        "too_few_parties",
        "no_region_party",
        "duplicate_party",
        "non_autonomous_region",
        "ineligible_party",
        "foreign_cooperation",
        "region_not_formed",
    }
)

CalendarProvider = Callable[[str], WorkingCalendar]


@dataclass(slots=True)
class DprdVerdict:
    region: str
    approval_required: bool | None
    reasons: list[Reason]
    track: Track
    regime: Regime | None = None  # the regulation of the track (of the DPRD's receipt)


@dataclass(slots=True)
class PairVerdict:
    parties: tuple[str, str]
    kind: PairKind


@dataclass(slots=True)
class Assessment:
    facts: Facts
    pairs: list[PairVerdict] = field(default_factory=list)
    dprd: list[DprdVerdict] = field(default_factory=list)
    dispute_pairs: list[tuple[tuple[str, str], DisputeRoute]] = field(default_factory=list)
    dispute: DisputeRoute | None = None
    dispute_regime: Regime | None = None
    termination_regime: Regime | None = None
    amendment: tuple[Regime, Reason] | None = None
    borders: list[tuple[tuple[str, str], bool]] = field(default_factory=list)
    object_authority: list[authority.LevelVerdict] = field(default_factory=list)
    supervision: Supervision | None = None
    badan: BodyVerdict | None = None
    sekretariat: BodyVerdict | None = None
    required_contents: list[ContentRequirement] = field(default_factory=list)
    letter_copies: list[tuple[str, str, CopyRule]] = field(default_factory=list)
    agreement_copies: list[tuple[str, str, CopyRule]] = field(default_factory=list)
    termination: TerminationVerdict | None = None
    parameters: dict[str, Parameter] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    foreign: pp28_foreign.ForeignVerdict | None = None  # KSDPL/KSDLL (PP 28/2018 BAB IV)

    @property
    def eligible(self) -> bool:
        return not any(f.code in ELIGIBILITY_CODES for f in self.findings)

    def to_json(self, lang: Lang = "id") -> dict[str, Any]:
        return _to_json(self, lang)


def _regime_override(facts: Facts) -> Finding:
    chosen, by_date = INFO[facts.regime], INFO[Regime.PP50_2007]
    if facts.regime is Regime.PP50_2007:
        by_date = INFO[Regime.PP28_2018]
    return Finding(
        "regime_override",
        Severity.WARNING,
        Text(
            f"Penilaian memakai {chosen.regulation} atas permintaan, padahal pada "
            f"{facts.date} yang berlaku {by_date.regulation}.",
            f"The assessment uses {chosen.regulation} as asked, although {by_date.regulation} "
            f"was in force on {facts.date}.",
        ),
        Citation(by_date.regulation, "52" if by_date.regime is Regime.PP28_2018 else "28"),
    )


def _duplicates(parties: Sequence[Party], rules: RegimeRules) -> list[Finding]:
    seen: set[str] = set()
    findings = []
    for party in parties:
        if party.key in seen:
            findings.append(
                Finding(
                    "duplicate_party",
                    Severity.ERROR,
                    Text(
                        f"{party.key} tercantum lebih dari sekali sebagai pihak.",
                        f"{party.key} is listed more than once as a party.",
                    ),
                    Citation(rules.regulation, "1", angka="2"),
                    party.key,
                )
            )
        seen.add(party.key)
    return findings


def _unique(parties: Sequence[Party]) -> list[Party]:
    seen: dict[str, Party] = {}
    for party in parties:
        seen.setdefault(party.key, party)
    return list(seen.values())


def _dprd(assessment: Assessment, rules: RegimeRules, calendars: CalendarProvider) -> None:
    """Each region's DPRD track, judged by the regulation in force when its DPRD received the
    draft (the cooperation's own when no receipt is given): PP 28/2018 Pasal 51."""
    facts = assessment.facts
    if _foreign_kind(facts) is not None:
        _foreign_dprd(assessment, calendars)
        return
    for region in facts.regions:
        # An administrative area of DKI Jakarta has no DPRD of its own (and cannot be a party).
        if not region.is_autonomous or any(v.region == region.code for v in assessment.dprd):
            continue
        events = facts.dprd.get(region.code)
        received = events.received if events is not None else None
        regime = transition.step_regime(facts, received)
        step_rules = RULES[regime] if regime is not facts.regime else rules
        if received is not None and regime is not facts.regime:
            step = ("tahap DPRD", "DPRD step")
            later = transition.later_step_finding(facts, step, received, regime)
            assessment.findings.append(replace(later, subject=region.code))
        approval = step_rules.dprd_approval(
            facts.burden_by_region.get(region.code), received or facts.date
        )
        assessment.findings.extend(_with_subject(approval.findings, region.code))
        for p in approval.parameters:
            assessment.parameters[p.name] = p
        if approval.required is False:
            track = Track(dict.fromkeys(_DEADLINES), "not_required")
            if events is not None:
                assessment.findings.append(
                    Finding(
                        "dprd_track_not_required",
                        Severity.INFO,
                        Text(
                            "Data DPRD diberikan, padahal menurut fakta beban persetujuan DPRD "
                            "tidak diperlukan untuk daerah ini.",
                            "DPRD dates were given, although by the burden facts this region "
                            "needs no DPRD approval.",
                        ),
                        approval.reasons[-1].citation,
                        region.code,
                    )
                )
        elif approval.required is None and events is None:
            track = Track(dict.fromkeys(_DEADLINES), "unknown")
        else:
            calendar = calendars(region.code)
            given = events or DprdEvents()
            track = step_rules.dprd_track(given, calendar, facts.as_of, received or facts.date)
            if regime is Regime.PP50_2007 and not facts.regime_overridden:
                track = transition.cut_pp50_track(given, calendar, facts.as_of, track)
            assessment.findings.extend(_with_subject(track.findings, region.code))
            for p in track.parameters:
                assessment.parameters[p.name] = p
        assessment.dprd.append(
            DprdVerdict(region.code, approval.required, approval.reasons, track, regime)
        )
        if approval.required:
            letter = facts.letter_contents.get(region.code) if facts.letter_contents else None
            if letter is not None:
                for req in step_rules.letter_contents():
                    if req.code not in letter:
                        assessment.findings.append(_letter_missing(req, region.code))


def _foreign_kind(facts: Facts) -> str | None:
    """KSDPL or KSDLL when a partner is abroad under PP 28/2018; its own rules then apply."""
    return pp28_foreign.cooperation_kind(facts) if facts.regime is Regime.PP28_2018 else None


def _foreign_dprd(assessment: Assessment, calendars: CalendarProvider) -> None:
    """PP 28/2018 Pasal 30 (KSDLL: Pasal 38): every region's DPRD approves, whatever the burden,
    within 45 working days; then the central steps, from the dates given."""
    facts = assessment.facts
    kind = _foreign_kind(facts)
    assert kind is not None  # noqa: S101 - called only for a cooperation abroad
    tracks = []
    for region in {r.code: r for r in facts.regions if r.is_autonomous}.values():
        approval = pp28_foreign.dprd_approval(kind)
        events = facts.dprd.get(region.code)
        track = pp28_foreign.dprd_track(
            events or DprdEvents(), calendars(region.code), facts.as_of, region.code
        )
        assessment.findings.extend(track.findings)
        assessment.dprd.append(DprdVerdict(region.code, True, approval.reasons, track))
        tracks.append((region.code, track, events))
    assessment.foreign = pp28_foreign.assess_foreign(facts, kind, tracks)
    assessment.findings.extend(assessment.foreign.findings)


_DEADLINES = ("assessment_due", "opinion_due", "revision_due", "deemed_approval_due")
_LETTER_NAMES = {
    "tujuan": ("tujuan kerja sama", "the purpose of the cooperation"),
    "objek": ("objek yang akan dikerjasamakan", "the object of the cooperation"),
    "kontribusi_apbd": ("besarnya kontribusi APBD", "the APBD contribution required"),
    "keuntungan": ("keuntungan yang akan diperoleh", "the expected benefit"),
    "jangka_waktu": ("jangka waktu kerja sama", "the term of the cooperation"),
    "pembebanan_masyarakat": (
        "besarnya dan jenis pembebanan kepada masyarakat",
        "the amount and kind of burden on the public",
    ),
}
_CONTENT_NAMES = {
    "subjek": ("subjek kerja sama", "the parties (subject)"),
    "objek": ("objek kerja sama", "the object"),
    "ruang_lingkup": ("ruang lingkup kerja sama", "the scope"),
    "hak_kewajiban": ("hak dan kewajiban para pihak", "the parties' rights and obligations"),
    "jangka_waktu": ("jangka waktu kerja sama", "the term"),
    "pengakhiran": ("pengakhiran kerja sama", "how it ends"),
    "keadaan_memaksa": ("keadaan memaksa", "force majeure"),
    "penyelesaian_perselisihan": ("penyelesaian perselisihan", "dispute settlement"),
    "sanksi": ("sanksi bagi pihak yang tidak memenuhi perjanjian", "sanctions for breach"),
}


def _letter_missing(req: ContentRequirement, region: str) -> Finding:
    name_id, name_en = _LETTER_NAMES[req.code]
    return Finding(
        "dprd_letter_incomplete",
        Severity.ERROR,
        Text(
            f"Surat kepada Ketua DPRD belum menjelaskan {name_id}.",
            f"The letter to the DPRD chair does not yet explain {name_en}.",
        ),
        req.citation,
        region,
    )


def _with_subject(findings: list[Finding], subject: str) -> list[Finding]:
    return [
        f if f.subject is not None else Finding(f.code, f.severity, f.message, f.citation, subject)
        for f in findings
    ]


def _contents(assessment: Assessment, rules: RegimeRules) -> None:
    facts = assessment.facts
    assessment.required_contents = rules.required_contents(facts)
    if facts.draft_contents is None:
        return
    for req in assessment.required_contents:
        if req.code in facts.draft_contents:
            continue
        name_id, name_en = _CONTENT_NAMES[req.code]
        assessment.findings.append(
            Finding(
                "missing_content",
                req.severity,
                Text(
                    f"Rancangan perjanjian belum memuat {name_id}.",
                    f"The draft agreement does not yet contain {name_en}.",
                ),
                req.citation,
                req.code,
            )
        )


def copies_to_send(regime: Regime, region: Region) -> CopyRule | None:
    """The copies of the signed agreement `region` sends: to the recipients the regulation
    names, or, where it names none, to those KSD advises (the regime's supervisors)."""
    rules = RULES[regime]
    return rules.agreement_copies(region) or rules.advised_agreement_copies(region)


def _copies(assessment: Assessment, rules: RegimeRules) -> None:
    # Where the regulation names no recipients, the article behind KSD's advice.
    advised: CopyRule | None = None
    required = {v.region: v.approval_required for v in assessment.dprd}
    for region in {r.code: r for r in assessment.facts.regions}.values():
        rule = rules.agreement_copies(region)
        if rule is None:
            advised = rules.advised_agreement_copies(region)
        else:
            assessment.agreement_copies.append((region.code, region.province_code, rule))
        if required.get(region.code):
            letter = rules.dprd_letter_copies(region)
            if letter is not None:
                assessment.letter_copies.append((region.code, region.province_code, letter))
    if advised is not None:
        assessment.findings.append(
            Finding(
                "copies_not_regulated",
                Severity.INFO,
                Text(
                    f"{rules.regulation} tidak menyebut penerima salinan surat kepada DPRD "
                    "maupun salinan perjanjian yang ditandatangani; KSD tetap menyarankan "
                    "menyampaikannya kepada pembina dan pengawas kerja sama daerah.",
                    f"{rules.regulation} names no recipients of copies of the DPRD letter or of "
                    "the signed agreement; KSD still suggests sending them to those who "
                    "supervise regional cooperation.",
                ),
                # A cooperation abroad reports to the Minister (Pasal 43).
                Citation(rules.regulation, "43", "1")
                if assessment.foreign is not None
                else advised.citation,
            )
        )


def _disputes(assessment: Assessment, parties: list[Party]) -> None:
    """Every pair's route under the regulation in force on the day the dispute is raised (the
    cooperation's date when none is given), and the one authority over all, if any."""
    facts = assessment.facts
    raised_on = facts.dispute.raised_on if facts.dispute else None
    between = facts.dispute.between if facts.dispute else None
    regime = transition.step_regime(facts, raised_on)
    rules = RULES[regime]
    on = raised_on or facts.date
    assessment.dispute_regime = regime
    if raised_on is not None and regime is not facts.regime:
        step = ("perselisihan", "dispute")
        assessment.findings.append(transition.later_step_finding(facts, step, raised_on, regime))
    disputing = [p for p in parties if between is None or p.key in between]
    if raised_on is not None:  # the geography of the day the dispute is raised
        disputing = [
            replace(p, region=region_history.region_on(p.key, raised_on)) if p.region else p
            for p in disputing
        ]
    for a, b, route in each_pair(disputing, lambda a, b: rules.dispute_route(a, b, on)):
        if route is None:
            continue
        assessment.dispute_pairs.append(((a.key, b.key), route))
        if route.authority is None:
            assessment.findings.append(
                Finding(
                    "not_covered_by_regulation",
                    Severity.WARNING,
                    Text(route.message_id, route.message_en),
                    route.citation,
                    f"{a.key}/{b.key}",
                )
            )
    labels = {p.key: facts.party_label(p.key) for p in disputing}
    assessment.dispute, findings = overall(
        assessment.dispute_pairs, lambda key: labels.get(key) or facts.party_label(key)
    )
    assessment.findings.extend(findings)


def _termination(assessment: Assessment) -> None:
    facts = assessment.facts
    if facts.termination is None:
        return
    on = facts.termination.on
    if on is not None and on < transition.PP50_FIRST_DAY and not facts.regime_overridden:
        # An ending before PP 50/2007 took effect was governed by older rules KSD does not hold.
        assessment.findings.append(transition.ending_before_pp50(on))
        return
    regime = transition.step_regime(facts, on)
    assessment.termination_regime = regime
    if on is not None and regime is not facts.regime:
        step = ("pengakhiran", "ending")
        assessment.findings.append(transition.later_step_finding(facts, step, on, regime))
    assessment.termination = RULES[regime].termination(facts, facts.termination)
    assessment.findings.extend(assessment.termination.findings)


def _amendment(assessment: Assessment) -> None:
    facts = assessment.facts
    if facts.amendment is None:
        return
    on = facts.amendment.on
    regime = transition.step_regime(facts, on)
    if regime is not facts.regime:
        step = ("perubahan perjanjian", "amendment")
        assessment.findings.append(transition.later_step_finding(facts, step, on, regime))
    if regime is Regime.PP50_2007:
        reason = Reason(
            Text(
                "Para pihak dapat mengubah ketentuan kerja sama dengan mekanisme yang mereka "
                "sepakati; perubahannya dituangkan dalam perjanjian yang setingkat dengan "
                "perjanjian induknya (ayat (2)-(3)).",
                "The parties may amend the cooperation by the mechanism they agree; the "
                "amendment is made in an agreement of the same level as the parent agreement "
                "(ayat (2)-(3)).",
            ),
            Citation("PP 50/2007", "17", "1"),
        )
    else:
        reason = Reason(
            Text(
                "PP 28/2018 tidak memuat pasal tentang perubahan perjanjian; perubahan mengikuti "
                "tahapan dan dokumen KSDD yang diatur Peraturan Menteri dan ketentuan perjanjian "
                "itu sendiri.",
                "PP 28/2018 has no article on amending an agreement; an amendment follows the "
                "stages and documents the Minister's regulation sets for KSDD and the "
                "agreement's own terms.",
            ),
            Citation("PP 28/2018", "6", "4"),
        )
    assessment.amendment = (regime, reason)


def assess(
    facts: Facts,
    *,
    calendars: CalendarProvider | None = None,
    parameters: Sequence[ParameterValue] = (),
) -> Assessment:
    """Assess `facts` under the regime they name. `calendars` gives each region's working-day
    calendar (default: the bundled holidays and overrides); `parameters` are dated values that
    join those of law/data/parameters.yaml (e.g. the administrator's, from the web app)."""
    with supplied_values(parameters):
        return _assess(facts, calendars)


def _assess(facts: Facts, calendars: CalendarProvider | None) -> Assessment:
    rules = RULES[facts.regime]
    provider: CalendarProvider = calendars or calendar_for
    assessment = Assessment(facts)
    if facts.regime_overridden:
        assessment.findings.append(_regime_override(facts))
    assessment.findings.extend(_duplicates(facts.parties, rules))
    parties = _unique(facts.parties)
    assessment.findings.extend(rules.eligibility(parties))
    for a, b, kind in each_pair(parties, rules.pair_kind):
        if kind is not None:
            assessment.pairs.append(PairVerdict((a.key, b.key), kind))
    assessment.findings.extend(
        region_history.party_findings(list(facts.regions), facts.date, dict(facts.given_codes))
    )
    if facts.before_pp50:
        assessment.findings.extend(transition.before_pp50_findings(facts))
    else:
        _dprd(assessment, rules, provider)
        _contents(assessment, rules)
        _copies(assessment, rules)
    _disputes(assessment, parties)
    assessment.badan = rules.badan_kerja_sama(facts)
    assessment.sekretariat = rules.sekretariat_kerja_sama(facts)
    _termination(assessment)
    _amendment(assessment)
    assessment.supervision = supervision(facts)
    assessment.borders, border_findings, border_parameter = adjacency.judge(facts)
    assessment.findings.extend(border_findings)
    if border_parameter is not None:
        assessment.parameters[border_parameter.name] = border_parameter
    assessment.object_authority, object_findings = authority.judge(facts)
    assessment.findings.extend(object_findings)
    decided_by = {r.parameter for r in assessment.required_contents}
    for name in sorted(n for n in decided_by if n is not None):
        assessment.parameters.setdefault(name, parameter(name, on=facts.date))
    dispute_on = facts.dispute.raised_on if facts.dispute and facts.dispute.raised_on else None
    for name in sorted({r.parameter for _, r in assessment.dispute_pairs if r.parameter}):
        assessment.parameters.setdefault(name, parameter(name, on=dispute_on or facts.date))
    assessment.findings = list(dict.fromkeys(assessment.findings))  # one per parameter, etc.
    return assessment


def assess_json(
    data: object,
    *,
    today: dt.date,
    lang: Lang = "id",
    overrides: Sequence[HolidayOverride] = (),
    parameters: Sequence[ParameterValue] = (),
) -> dict[str, Any]:
    """The JSON contract of docs/assess-json.md: input dict in, output dict out.

    Raises LawInputError for bad input. `today` is the default `as_of`; `overrides` are holiday
    overrides beyond the bundled ones (e.g. the administrator's table in the web app)."""
    facts = parse_facts(data, today=today)
    calendars: CalendarProvider | None = None
    if overrides:

        def calendars(code: str) -> WorkingCalendar:
            return calendar_for(code, overrides)

    return assess(facts, calendars=calendars, parameters=parameters).to_json(lang)


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _body(verdict: BodyVerdict | None, lang: Lang) -> dict[str, Any] | None:
    if verdict is None:
        return None
    return {"allowed": verdict.allowed, "reasons": [r.to_json(lang) for r in verdict.reasons]}


def _party_json(party: Party, on: dt.date) -> dict[str, Any]:
    if party.region is not None:
        r = party.region
        return {
            "id": party.key,
            "type": "region",
            "name": r.name,
            "level": r.level.value,
            "province": r.province_code,  # the province it belonged to on `date`
            "code_on_date": region_history.code_on(r, on),
            "exists_on_date": region_history.exists_on(r.code, on),
            "head": r.head_title,
            "autonomous": r.is_autonomous,
        }
    if party.foreign is not None:
        return {
            "id": party.key,
            "type": "foreign",
            "name": party.foreign.name,
            "kind": party.foreign.kind,
            "country": party.foreign.country,
            "domestic": False,
        }
    tp = party.third_party
    assert tp is not None  # noqa: S101 - a Party is a region, a third party or a foreign partner
    return {
        "id": party.key,
        "type": "third_party",
        "name": tp.name,
        "form": tp.form.value,
        "domestic": tp.domestic,
    }


def _route_json(route: DisputeRoute, lang: Lang) -> dict[str, Any]:
    return {
        "authority": route.authority,
        "province": route.province,
        "citation": str(route.citation),
        "final": route.final,
        "escalates_to": route.escalates_to,
        "message": route.message_en if lang == "en" else route.message_id,
    }


def _copy_json(entries: list[tuple[str, str, CopyRule]]) -> list[dict[str, Any]]:
    return [
        {
            "from": code,
            "to": list(rule.recipients),
            "province": province,
            "citation": str(rule.citation),
        }
        for code, province, rule in entries
    ]


def _to_json(a: Assessment, lang: Lang) -> dict[str, Any]:
    facts = a.facts
    dispute: dict[str, Any] | None = None
    if a.dispute is not None:
        dispute = _route_json(a.dispute, lang)
        dispute["regime"] = a.dispute_regime.value if a.dispute_regime else facts.regime.value
        dispute["raised_on"] = _date(facts.dispute.raised_on if facts.dispute else None)
        dispute["pairs"] = [
            {"parties": list(keys), **_route_json(route, lang)} for keys, route in a.dispute_pairs
        ]
    termination = None
    if a.termination is not None and facts.termination is not None:
        termination = {
            "ground": facts.termination.ground,
            "on": _date(facts.termination.on),
            "regime": (a.termination_regime or facts.regime).value,
            "valid": a.termination.valid,
            "citation": str(a.termination.citation),
            "message": a.termination.reason.message.render(lang),
        }
    return {
        "schema": SCHEMA,
        "regime": facts.regime.value,
        "regime_source": "override" if facts.regime_overridden else "date",
        "date": facts.date.isoformat(),
        "as_of": facts.as_of.isoformat(),
        "parties": [_party_json(p, facts.date) for p in _unique(facts.parties)],
        "pair_kinds": [
            {
                "parties": list(p.parties),
                "kind": p.kind.kind,
                "scope": p.kind.scope.value,
                "citation": str(p.kind.citation),
            }
            for p in a.pairs
        ],
        "eligible": a.eligible,
        "dprd": [
            {
                "region": v.region,
                "regime": (v.regime or facts.regime).value,
                "approval_required": v.approval_required,
                "reasons": [r.to_json(lang) for r in v.reasons],
                "deadlines": {k: _date(d) for k, d in v.track.deadlines.items()},
                "status": v.track.status,
            }
            for v in a.dprd
        ],
        "dispute": dispute,
        "badan_kerja_sama_allowed": bool(a.badan and a.badan.allowed),
        "badan_kerja_sama": _body(a.badan, lang),
        "sekretariat_kerja_sama": _body(a.sekretariat, lang),
        "required_contents": [
            {"code": r.code, "citation": str(r.citation), "severity": r.severity.value}
            for r in a.required_contents
        ],
        "copies": {
            "dprd_letter": _copy_json(a.letter_copies),
            "signed_agreement": _copy_json(a.agreement_copies),
        },
        "termination": termination,
        "amendment": None
        if a.amendment is None or facts.amendment is None
        else {
            "on": facts.amendment.on.isoformat(),
            "regime": a.amendment[0].value,
            **a.amendment[1].to_json(lang),
        },
        "borders": [{"parties": list(keys), "border": touching} for keys, touching in a.borders],
        "supervision": None if a.supervision is None else a.supervision.to_json(lang),
        "object_authority": [v.to_json(lang) for v in a.object_authority],
        "not_judged": [
            f.subject for f in a.findings if f.code == "not_judged_before_pp50" and f.subject
        ],
        "parameters": [p.to_json(lang) for p in a.parameters.values()],
        "findings": [f.to_json(lang) for f in a.findings],
        "foreign_cooperation": _foreign_json(a.foreign, lang),
    }


def _foreign_json(v: pp28_foreign.ForeignVerdict | None, lang: Lang) -> dict[str, Any] | None:
    if v is None:
        return None
    return {
        "kind": v.kind,
        "partners": [
            {"party": p.key, "kind": kind, "country": p.abroad.country if p.abroad else None}
            for p, kind in v.partners
        ],
        "requirements": [
            {"code": r.code, "citation": str(r.citation), "stated": r.stated}
            for r in v.requirements
        ],
        "plan_contents": [
            {"code": c.code, "citation": str(c.citation), "present": c.present}
            for c in v.plan_contents
        ],
        "steps": [
            {
                "step": s.step,
                "status": s.status,
                "on": _date(s.on),
                "citation": str(s.citation),
                "name": pp28_foreign.STEP_NAMES[s.step].render(lang),
            }
            for s in v.steps
        ],
        "next_step": v.next_step,
    }

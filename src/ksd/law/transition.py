"""Steps of a cooperation that cross a change of regulation.

- 13 July 2018: PP 28/2018 Pasal 51 repeals PP 50/2007 on the day it takes effect (Pasal 52),
  with no saving clause for procedures under way. Pasal 48 keeps only the agreements already
  signed valid until they end. So each step is judged by the regulation in force on its own
  date: a PP 50/2007 DPRD clock (Pasal 12 ayat (4)) that had not produced a deemed approval by
  12 July 2018 never produces one afterwards, while one that arose before stands; a dispute,
  an amendment or an ending from 13 July 2018 is judged by PP 28/2018.
- 22 August 2007: PP 50/2007 keeps earlier inter-regional cooperation valid until it ends
  (Pasal 26) and settles its disputes under its own rules (Pasal 27). How such an agreement was
  made (DPRD approval, contents, copies) was governed by earlier law KSD does not hold, so those
  rules are reported as not judged instead of being applied backwards.
"""

from __future__ import annotations

import datetime as dt

from ksd.law import pp28_2018, pp50_2007
from ksd.law.calendar import WorkingCalendar
from ksd.law.citations import Citation, Finding, Severity, Text, long_date
from ksd.law.dprd_clock import track
from ksd.law.facts import DprdEvents, Facts
from ksd.law.parameters import parameter
from ksd.law.pp50_2007.cite import pasal as pp50
from ksd.law.pp50_2007.dprd import CLOCKS as PP50_CLOCKS
from ksd.law.regimes import INFO, Regime, regime_for_agreement
from ksd.law.verdicts import RegimeRules, Track

PP50_LAST_DAY = dt.date(2018, 7, 12)
PP28_FIRST_DAY = dt.date(2018, 7, 13)
PP50_FIRST_DAY = dt.date(2007, 8, 22)
_REPEAL = Citation("PP 28/2018", "51")
_KEPT = Citation("PP 28/2018", "48")

RULES: dict[Regime, RegimeRules] = {
    Regime.PP50_2007: pp50_2007.RULES,
    Regime.PP28_2018: pp28_2018.RULES,
}


def step_regime(facts: Facts, on: dt.date | None) -> Regime:
    """The regime that judges a step dated `on` (no date: the cooperation's own regime). A
    regime chosen by override applies to every step."""
    if on is None or facts.regime_overridden:
        return facts.regime
    return regime_for_agreement(on)[0]


def later_step_finding(facts: Facts, step: tuple[str, str], on: dt.date, regime: Regime) -> Finding:
    """Says that a step is judged by another regulation than the one of the agreement."""
    name = INFO[regime].regulation
    signed = INFO[facts.regime].regulation
    if regime is Regime.PP28_2018:
        message = Text(
            f"{step[0].capitalize()} pada {long_date(on).id} dinilai menurut {name}: "
            f"PP 28/2018 Pasal 51 mencabut PP 50/2007 sejak 13 Juli 2018 tanpa ketentuan "
            f"peralihan bagi proses yang sedang berjalan. Perjanjian yang ditandatangani "
            f"sebelumnya tetap berlaku sampai berakhir (Pasal 48), tetapi langkah sesudahnya "
            f"mengikuti peraturan yang berlaku pada tanggal langkah itu.",
            f"The {step[1]} of {long_date(on).en} is judged under {name}: PP 28/2018 Pasal 51 "
            "repealed PP 50/2007 from 13 July 2018 with no saving clause for procedures under "
            "way. An agreement signed before stays valid until it ends (Pasal 48), but later "
            "steps follow the regulation in force on their own date.",
        )
        return Finding("step_under_later_regulation", Severity.INFO, message, _REPEAL)
    message = Text(
        f"{step[0].capitalize()} pada {long_date(on).id} dinilai menurut {name}, yang berlaku "
        f"pada tanggal itu, bukan menurut {signed}.",
        f"The {step[1]} of {long_date(on).en} is judged under {name}, in force on that day, "
        f"not under {signed}.",
    )
    return Finding("step_under_later_regulation", Severity.INFO, message, _KEPT)


def cut_pp50_track(
    events: DprdEvents, calendar: WorkingCalendar, as_of: dt.date, full: Track
) -> Track:
    """A PP 50/2007 DPRD track seen from `as_of` after 12 July 2018: the clocks of Pasal 12 ran
    only until PP 50/2007 was repealed. A deemed approval whose limit ended by 11 July 2018 arose
    while PP 50/2007 was in force and stands (`full` is returned unchanged); a limit ending on 12
    July 2018 or later would have taken effect under PP 28/2018, which has no deemed approval
    (the last due day that counts is the parameter pp50_deemed_approval_last_due_day)."""
    if as_of <= PP50_LAST_DAY:
        return full
    region = calendar.region or ""
    choice = parameter("pp50_deemed_approval_last_due_day", on=PP28_FIRST_DAY)
    last_due = dt.date.fromisoformat(str(choice.value))
    # A deemed approval exists once `as_of` is past its due day: seen from the day after the last
    # due day that counts, only the limits ending by then have produced one.
    cut = last_due + dt.timedelta(days=1)
    at_cut = track(events, PP50_CLOCKS, calendar, cut, pp50("12"), region)
    deemed_due = at_cut.deadlines["deemed_approval_due"]
    # No clock of Pasal 12 runs past the repeal, even on a track whose deemed approval stands.
    deadlines = {
        k: (d if d is not None and d <= PP50_LAST_DAY else None) for k, d in full.deadlines.items()
    }
    if at_cut.status == "deemed_approved":
        parameters = list(full.parameters)
        if deemed_due is not None and deemed_due == last_due:
            parameters.append(choice)
        return Track(deadlines, full.status, full.findings, parameters)
    at_repeal = track(events, PP50_CLOCKS, calendar, PP50_LAST_DAY, pp50("12"), region)
    after = track(events, None, calendar, as_of, pp50("12"), region)
    findings = [f for f in at_repeal.findings if f.code != "dprd_events_inconsistent"]
    findings += after.findings
    if events.received is not None and events.received <= PP50_LAST_DAY:
        findings.append(
            Finding(
                "dprd_clock_repealed",
                Severity.WARNING,
                Text(
                    "Batas waktu DPRD PP 50/2007 Pasal 12 berhenti berlaku pada 12 Juli 2018: "
                    "PP 28/2018 Pasal 51 mencabut PP 50/2007 tanpa ketentuan peralihan bagi "
                    "proses yang sedang berjalan. Persetujuan yang dianggap diberikan (Pasal 12 "
                    "ayat (4)) belum timbul sampai tanggal itu, sehingga tidak timbul sesudahnya; "
                    "DPRD harus memutus sendiri menurut PP 28/2018.",
                    "The DPRD time limits of PP 50/2007 Pasal 12 ceased on 12 July 2018: PP "
                    "28/2018 Pasal 51 repealed PP 50/2007 with no saving clause for procedures "
                    "under way. No deemed approval (Pasal 12 ayat (4)) had arisen by then, so "
                    "none arises afterwards; the DPRD must decide itself under PP 28/2018.",
                ),
                _REPEAL,
            )
        )
    parameters = list(full.parameters)
    if deemed_due is not None and deemed_due > last_due and deemed_due <= PP50_LAST_DAY:
        parameters.append(choice)  # the choice decided this one (a limit ending on 12 July)
    return Track(deadlines, after.status, findings, parameters)


_NOT_JUDGED = (
    ("dprd", "persetujuan DPRD dan batas waktunya", "DPRD approval and its time limits", "9"),
    ("contents", "muatan rancangan perjanjian", "the contents of the draft agreement", "7"),
    ("dprd_letter", "surat kepada DPRD", "the letter to the DPRD", "11"),
    ("copies", "salinan surat dan perjanjian", "copies of the letter and the agreement", "12"),
)


def before_pp50_findings(facts: Facts) -> list[Finding]:
    """An agreement made before 22 August 2007: what KSD judges and what it cannot."""
    day = long_date(facts.date)
    findings = [
        Finding(
            "agreement_before_pp50",
            Severity.INFO,
            Text(
                f"Perjanjian tanggal {day.id} dibuat sebelum PP 50/2007 berlaku (22 Agustus "
                "2007). Kerja sama antardaerah yang sedang berjalan tetap berlaku sampai "
                "berakhir (PP 50/2007 Pasal 26), dan perselisihannya diselesaikan menurut "
                "PP 50/2007 (Pasal 27); KSD menilainya dengan PP 50/2007 untuk itu saja.",
                f"The agreement of {day.en} was made before PP 50/2007 took effect (22 August "
                "2007). Inter-regional cooperation under way stays valid until it ends "
                "(PP 50/2007 Pasal 26), and its disputes are settled under PP 50/2007 (Pasal "
                "27); KSD applies PP 50/2007 to those questions only.",
            ),
            Citation("PP 50/2007", "27"),
        )
    ]
    for code, id_, en, pasal in _NOT_JUDGED:
        findings.append(
            Finding(
                "not_judged_before_pp50",
                Severity.INFO,
                Text(
                    f"KSD tidak menilai {id_}: pada {day.id} hal itu diatur peraturan sebelum "
                    f"PP 50/2007, yang tidak dimuat KSD; PP 50/2007 Pasal {pasal} tidak berlaku "
                    "surut.",
                    f"KSD does not judge {en}: on {day.en} it was governed by rules older than "
                    f"PP 50/2007, which KSD does not hold; PP 50/2007 Pasal {pasal} does not "
                    "apply backwards.",
                ),
                Citation("PP 50/2007", "28"),
                code,
            )
        )
    return findings


def ending_before_pp50(on: dt.date) -> Finding:
    """An ending dated before 22 August 2007: PP 50/2007 Pasal 18-20 do not reach back to it."""
    return Finding(
        "not_judged_before_pp50",
        Severity.INFO,
        Text(
            f"Pengakhiran pada {long_date(on).id} terjadi sebelum PP 50/2007 berlaku; KSD tidak "
            "menilainya: PP 50/2007 Pasal 18-20 tidak berlaku surut.",
            f"The ending of {long_date(on).en} came before PP 50/2007 took effect; KSD does not "
            "judge it: PP 50/2007 Pasal 18-20 do not apply backwards.",
        ),
        Citation("PP 50/2007", "28"),
        "termination",
    )


NOT_JUDGED_BEFORE_PP50 = tuple(code for code, *_ in _NOT_JUDGED)

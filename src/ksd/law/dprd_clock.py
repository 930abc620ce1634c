"""A DPRD track's clocks and its status on a given day, from the dates of its events.

The arithmetic is the same in both regimes; the numbers and the articles are each regime's own
(PP 50/2007 Pasal 12; PP 28/2018 leaves them to a parameter). Events dated after `as_of` have
not happened yet on that day and are ignored, so a track can be replayed for any date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ksd.law.calendar import WorkingCalendar
from ksd.law.citations import Citation, Finding, Severity, Text, long_date
from ksd.law.facts import DPRD_FIELDS, DprdEvents
from ksd.law.verdicts import Track


@dataclass(frozen=True, slots=True)
class Clocks:
    """Working-day limits of a DPRD track, each with the article that sets it."""

    assessment: int
    opinion: int
    revision: int
    deemed_approval: int | None
    assessment_citation: Citation
    opinion_citation: Citation
    revision_citation: Citation
    deemed_citation: Citation | None


def _known_on(events: DprdEvents, as_of: dt.date) -> DprdEvents:
    late = {
        name: None
        for name in DPRD_FIELDS
        if (value := getattr(events, name)) is not None and value > as_of
    }
    return replace(events, **late) if late else events


def _inconsistency(events: DprdEvents, citation: Citation) -> Finding | None:
    """Dates that cannot all be true: out of order or contradictory."""
    e = events
    problems: list[tuple[str, str]] = []
    after_receipt = (e.opinion_sent, e.opinion_received, e.resubmitted, e.approved, e.rejected)
    if e.received is None and any(d is not None for d in after_receipt):
        problems.append(
            (
                "ada tanggal kejadian DPRD tanpa tanggal penerimaan rancangan",
                "there are DPRD event dates without a date of receipt",
            )
        )
    if e.received is not None and any(d is not None and d < e.received for d in after_receipt):
        problems.append(
            (
                "ada tanggal sebelum DPRD menerima rancangan",
                "a date falls before the DPRD received the draft",
            )
        )
    if e.opinion_received and (e.opinion_sent is None or e.opinion_received < e.opinion_sent):
        problems.append(
            ("pendapat diterima sebelum dikirim", "the opinion was received before it was sent")
        )
    if e.resubmitted is not None:
        opinion = e.opinion_received or e.opinion_sent
        if opinion is None:
            problems.append(
                (
                    "penyampaian kembali tanpa pendapat dan saran DPRD sebelumnya",
                    "a resubmission with no DPRD opinion before it",
                )
            )
        elif e.resubmitted < opinion:
            problems.append(
                (
                    "penyampaian kembali sebelum pendapat dan saran DPRD",
                    "the resubmission precedes the DPRD opinion",
                )
            )
    if e.approved is not None and e.rejected is not None:
        problems.append(
            (
                "DPRD tercatat menyetujui dan menolak sekaligus",
                "the DPRD is recorded as both approving and refusing",
            )
        )
    if not problems:
        return None
    return Finding(
        "dprd_events_inconsistent",
        Severity.ERROR,
        Text(
            "Tanggal-tanggal DPRD tidak konsisten: " + "; ".join(p[0] for p in problems) + ".",
            "The DPRD dates are inconsistent: " + "; ".join(p[1] for p in problems) + ".",
        ),
        citation,
    )


def _id(day: dt.date | None) -> str:
    return "" if day is None else long_date(day).id


def _en(day: dt.date | None) -> str:
    return "" if day is None else long_date(day).en


def _finding(code: str, severity: Severity, citation: Citation, id_: str, en: str) -> Finding:
    return Finding(code, severity, Text(id_, en), citation)


def track(
    events: DprdEvents,
    clocks: Clocks | None,
    calendar: WorkingCalendar,
    as_of: dt.date,
    consistency_citation: Citation,
    region: str,
) -> Track:
    """Deadlines and status of one region's DPRD track on `as_of`."""
    e = _known_on(events, as_of)
    findings: list[Finding] = []
    bad = _inconsistency(e, consistency_citation)
    if bad is not None:
        findings.append(replace(bad, subject=region))
    deadlines: dict[str, dt.date | None] = dict.fromkeys(
        ("assessment_due", "opinion_due", "revision_due", "deemed_approval_due")
    )
    if e.received is None:
        return Track(deadlines, "not_submitted", findings)

    opinion_day0 = e.opinion_received or e.opinion_sent
    add = calendar.add_working_days
    if clocks is not None:
        deadlines["assessment_due"] = add(e.received, clocks.assessment)
        deadlines["opinion_due"] = add(e.received, clocks.opinion)
        if opinion_day0 is not None:
            deadlines["revision_due"] = add(opinion_day0, clocks.revision)
        if e.resubmitted is not None and clocks.deemed_approval is not None:
            deadlines["deemed_approval_due"] = add(e.resubmitted, clocks.deemed_approval)

    revision_due = deadlines["revision_due"]
    late = e.resubmitted is not None and revision_due is not None and e.resubmitted > revision_due
    if clocks is not None and late:
        # Ayat (4) counts from the receipt of the head's letter "referred to in ayat (3)";
        # KSD still counts it from a late letter and says so, rather than dropping the clock.
        findings.append(
            _finding(
                "dprd_revision_overdue",
                Severity.WARNING,
                clocks.revision_citation,
                f"Rancangan yang disempurnakan disampaikan kembali {_id(e.resubmitted)}, "
                f"melewati batas {clocks.revision} hari kerja ({_id(revision_due)}). KSD tetap "
                "menghitung batas waktu persetujuan DPRD dari tanggal penyampaian itu.",
                f"The revised draft was resubmitted on {_en(e.resubmitted)}, after the limit "
                f"of {clocks.revision} working days ({_en(revision_due)}). KSD still counts "
                "the DPRD's time limit from that resubmission.",
            )
        )
    decision = min((d for d in (e.approved, e.rejected) if d is not None), default=None)
    deemed_due = deadlines["deemed_approval_due"]
    if (
        clocks is not None
        and deemed_due is not None
        and deemed_due < as_of
        and (decision is None or decision > deemed_due)
    ):
        cite = clocks.deemed_citation or clocks.assessment_citation
        findings.append(
            _finding(
                "dprd_deemed_approved",
                Severity.INFO,
                cite,
                f"DPRD tidak memberikan persetujuan dalam {clocks.deemed_approval} hari kerja sejak "
                f"menerima rancangan yang disempurnakan ({_id(e.resubmitted)}); batas waktunya "
                f"{_id(deemed_due)}, sehingga DPRD dinyatakan telah memberikan persetujuan.",
                f"The DPRD gave no approval within {clocks.deemed_approval} working days of "
                f"receiving the revised draft ({_en(e.resubmitted)}); the limit was {_en(deemed_due)}, so the "
                "DPRD is deemed to have approved.",
            )
        )
        if decision is not None:
            findings.append(
                _finding(
                    "dprd_decision_after_deemed_approval",
                    Severity.WARNING,
                    cite,
                    f"Keputusan DPRD tanggal {_id(decision)} datang setelah persetujuan dianggap telah "
                    f"diberikan ({_id(deemed_due)}); persetujuan yang dianggap itu tetap berlaku.",
                    f"The DPRD decision of {_en(decision)} came after the deemed approval "
                    f"({_en(deemed_due)}); the deemed approval stands.",
                )
            )
        return Track(deadlines, "deemed_approved", findings)
    if e.approved is not None:
        return Track(deadlines, "approved", findings)
    if e.rejected is not None:
        return Track(deadlines, "rejected", findings)
    if e.resubmitted is not None:
        return Track(deadlines, "resubmitted", findings)
    if e.opinion_sent is not None:
        opinion_due = deadlines["opinion_due"]
        if clocks is not None and opinion_due is not None and e.opinion_sent > opinion_due:
            findings.append(
                _finding(
                    "dprd_opinion_late",
                    Severity.WARNING,
                    clocks.opinion_citation,
                    f"Pendapat dan saran DPRD dikirim {_id(e.opinion_sent)}, melewati batas "
                    f"{clocks.opinion} hari kerja sejak rancangan diterima ({_id(opinion_due)}).",
                    f"The DPRD opinion was sent on {_en(e.opinion_sent)}, after the limit of "
                    f"{clocks.opinion} working days from receipt ({_en(opinion_due)}).",
                )
            )
        if clocks is not None and revision_due is not None and as_of > revision_due:
            findings.append(
                _finding(
                    "dprd_revision_overdue",
                    Severity.WARNING,
                    clocks.revision_citation,
                    f"Kepala daerah belum menyampaikan kembali rancangan yang disempurnakan dalam "
                    f"{clocks.revision} hari kerja; batas waktunya {_id(revision_due)}.",
                    f"The regional head has not resubmitted the revised draft within "
                    f"{clocks.revision} working days; the limit was {_en(revision_due)}.",
                )
            )
            return Track(deadlines, "revision_overdue", findings)
        return Track(deadlines, "opinion_given", findings)
    assessment_due = deadlines["assessment_due"]
    if clocks is not None and assessment_due is not None and as_of > assessment_due:
        findings.append(
            _finding(
                "dprd_assessment_overdue",
                Severity.WARNING,
                clocks.assessment_citation,
                f"DPRD belum memutus dalam {clocks.assessment} hari kerja sejak rancangan diterima "
                f"({_id(e.received)}); batas waktunya {_id(assessment_due)}. Ini terlambat, bukan persetujuan: "
                "persetujuan yang dianggap hanya ada pada penyampaian kembali.",
                f"The DPRD has not decided within {clocks.assessment} working days of receipt "
                f"({_en(e.received)}); the limit was {_en(assessment_due)}. This is overdue, not approval: "
                "deemed approval exists only after a resubmission.",
            )
        )
        return Track(deadlines, "assessment_overdue", findings)
    return Track(deadlines, "under_review", findings)

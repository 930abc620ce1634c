"""DPRD approval under PP 28/2018 (Pasal 6 ayat (2), for KSDPK through Pasal 19 ayat (1))."""

from __future__ import annotations

import datetime as dt

from ksd.law.calendar import WorkingCalendar
from ksd.law.citations import Finding, Reason, Severity, Text
from ksd.law.dprd_clock import Clocks, track
from ksd.law.facts import Burden, DprdEvents
from ksd.law.parameters import parameter
from ksd.law.pp28_2018.cite import pasal
from ksd.law.verdicts import Approval, Track


def approval(burden: Burden | None, on: dt.date) -> Approval:
    """Pasal 6 ayat (2): approval is given where the plan burdens the public and the region
    and/or its funding is not yet in the current year's APBD. PP 28/2018 has no counterpart of
    PP 50/2007 Pasal 10's exemption for budgeted SKPD work."""
    if burden is None:
        return Approval(
            None,
            findings=[
                Finding(
                    "burden_unknown",
                    Severity.WARNING,
                    Text(
                        "Fakta beban (biaya APBD, anggaran tahun berjalan, aset daerah, beban "
                        "masyarakat) tidak diberikan; KSD tidak dapat menentukan apakah persetujuan "
                        "DPRD diperlukan.",
                        "The burden facts (APBD cost, current-year budget, regional assets, burden on "
                        "the public) were not given; KSD cannot tell whether DPRD approval is needed.",
                    ),
                    pasal("6", "2"),
                )
            ],
        )
    result = Approval(False)
    burdens_region = burden.apbd_cost or burden.uses_regional_assets
    unbudgeted = burden.apbd_cost and not burden.budgeted_current_year
    reading = parameter("pp28_burden_reading", on=on)
    if burdens_region != burden.public_pays:
        result.parameters.append(reading)
    burdened = (
        burdens_region or burden.public_pays
        if reading.value == "either"
        else burdens_region and burden.public_pays
    )
    if unbudgeted:
        result.reasons.append(
            Reason(
                Text(
                    "Pendanaan kerja sama belum teranggarkan dalam APBD tahun anggaran berjalan.",
                    "The cooperation's funding is not yet in the current year's APBD.",
                ),
                pasal("6", "2"),
            )
        )
    if burdened:
        what_id = []
        what_en = []
        if burdens_region:
            what_id.append("daerah (biaya APBD atau aset daerah)")
            what_en.append("the region (APBD cost or regional assets)")
        if burden.public_pays:
            what_id.append("masyarakat")
            what_en.append("the public")
        result.reasons.append(
            Reason(
                Text(
                    f"Rencana kerja sama membebani {' dan '.join(what_id)}.",
                    f"The plan burdens {' and '.join(what_en)}.",
                ),
                pasal("6", "2"),
            )
        )
        if len(what_id) == 1:
            result.findings.append(
                Finding(
                    "parameter_applied",
                    Severity.INFO,
                    reading.label,
                    pasal("6", "2"),
                    "pp28_burden_reading",
                )
            )
    required = burdened or unbudgeted
    if required and burden.within_skpd_duties and burden.budgeted_current_year:
        result.reasons.append(
            Reason(
                Text(
                    "PP 28/2018 tidak mengecualikan tugas SKPD yang sudah teranggarkan dari "
                    "persetujuan DPRD.",
                    "PP 28/2018 does not exempt budgeted SKPD work from DPRD approval.",
                ),
                pasal("6", "2"),
            )
        )
    if not required:
        result.reasons.append(
            Reason(
                Text(
                    "Rencana kerja sama tidak membebani daerah atau masyarakat dan tidak memerlukan "
                    "dana APBD yang belum teranggarkan: tidak perlu persetujuan DPRD.",
                    "The plan burdens neither the region nor the public and needs no unbudgeted "
                    "APBD funds: no DPRD approval is needed.",
                ),
                pasal("6", "2"),
            )
        )
    result.required = required
    return result


def _clocks(on: dt.date) -> Clocks | None:
    value = parameter("pp28_dprd_clocks", on=on).value
    if not value:
        return None
    cite = pasal("6", "4")
    return Clocks(
        int(value["assessment"]),
        int(value["opinion"]),
        int(value["revision"]),
        None if value.get("deemed_approval") is None else int(value["deemed_approval"]),
        cite,
        cite,
        cite,
        cite,
    )


def dprd_track(events: DprdEvents, calendar: WorkingCalendar, as_of: dt.date, on: dt.date) -> Track:
    """PP 28/2018 sets no DPRD time limit; Pasal 6 ayat (4) leaves the stages to a Peraturan
    Menteri. The clocks run only when the parameter pp28_dprd_clocks is set."""
    clocks = _clocks(on)
    result = track(events, clocks, calendar, as_of, pasal("6", "1", "e"), calendar.region or "")
    choice = parameter("pp28_dprd_clocks", on=on)
    result.parameters.append(choice)
    if clocks is None and events.received is not None:
        result.findings.append(
            Finding(
                "dprd_deadline_not_regulated",
                Severity.INFO,
                Text(
                    "PP 28/2018 tidak menetapkan batas waktu DPRD; ketentuannya diserahkan "
                    "kepada Peraturan Menteri. KSD tidak menghitung batas waktu dan tidak "
                    "menganggap persetujuan diberikan.",
                    "PP 28/2018 sets no DPRD time limit; it leaves the matter to a Minister's "
                    "regulation. KSD computes no deadline and never deems approval given.",
                ),
                pasal("6", "4"),
            )
        )
    return result

"""DPRD approval (Pasal 9-11) and the DPRD clocks (Pasal 12 ayat (1)-(4)) under PP 50/2007."""

from __future__ import annotations

import datetime as dt

from ksd.law.calendar import WorkingCalendar
from ksd.law.citations import Finding, Reason, Severity, Text
from ksd.law.dprd_clock import Clocks, track
from ksd.law.facts import Burden, DprdEvents
from ksd.law.parameters import parameter
from ksd.law.pp50_2007.cite import pasal
from ksd.law.verdicts import Approval, Track

CLOCKS = Clocks(
    assessment=45,
    opinion=15,
    revision=14,
    deemed_approval=15,
    assessment_citation=pasal("12", "1"),
    opinion_citation=pasal("12", "2"),
    revision_citation=pasal("12", "3"),
    deemed_citation=pasal("12", "4"),
)


def approval(burden: Burden | None, on: dt.date) -> Approval:
    """Pasal 9: a plan that burdens the region or the public needs DPRD approval when its cost is
    not yet in this year's APBD and/or it uses regional assets. Pasal 10: SKPD work already
    budgeted this year does not. Penjelasan Pasal 9 defines both burdens."""
    if burden is None:
        return Approval(
            None,
            findings=[
                Finding(
                    "burden_unknown",
                    Severity.WARNING,
                    Text(
                        "Fakta beban (biaya APBD, anggaran tahun berjalan, aset daerah, beban "
                        "masyarakat, tugas SKPD) tidak diberikan; KSD tidak dapat menentukan apakah "
                        "persetujuan DPRD diperlukan.",
                        "The burden facts (APBD cost, current-year budget, regional assets, burden on "
                        "the public, SKPD duties) were not given; KSD cannot tell whether DPRD approval "
                        "is needed.",
                    ),
                    pasal("9"),
                )
            ],
        )
    result = Approval(False)
    burdens_region = burden.apbd_cost or burden.uses_regional_assets
    if burden.apbd_cost:
        result.reasons.append(
            Reason(
                Text(
                    "Biaya kerja sama berasal dari APBD: kerja sama membebani daerah.",
                    "The cost comes from the APBD: the cooperation burdens the region.",
                ),
                pasal("9", penjelasan=True),
            )
        )
    if burden.uses_regional_assets:
        result.reasons.append(
            Reason(
                Text(
                    "Kerja sama menggunakan atau memanfaatkan aset daerah: kerja sama membebani "
                    "daerah, dan penggunaan aset daerah memerlukan persetujuan DPRD.",
                    "The cooperation uses or exploits regional assets: it burdens the region, and "
                    "using regional assets requires DPRD approval.",
                ),
                pasal("9"),
            )
        )
    if burden.public_pays:
        result.reasons.append(
            Reason(
                Text(
                    "Masyarakat dikenai kewajiban membayar atau memberikan sesuatu: kerja sama "
                    "membebani masyarakat.",
                    "The public must pay or give something: the cooperation burdens the public.",
                ),
                pasal("9", penjelasan=True),
            )
        )
    unbudgeted = burden.apbd_cost and not burden.budgeted_current_year
    if unbudgeted:
        result.reasons.append(
            Reason(
                Text(
                    "Biayanya belum teranggarkan dalam APBD tahun anggaran berjalan.",
                    "Its cost is not yet in the current year's APBD.",
                ),
                pasal("9"),
            )
        )
    needs = (burdens_region or burden.public_pays) and (unbudgeted or burden.uses_regional_assets)
    if burden.public_pays and not needs:
        choice = parameter("public_burden_alone_requires_approval", on=on)
        result.parameters.append(choice)
        if choice.value:
            needs = True
            result.reasons.append(
                Reason(
                    Text(
                        "Beban kepada masyarakat saja, tanpa biaya APBD yang belum teranggarkan "
                        "atau aset daerah, tidak disebut tegas oleh Pasal 9; KSD memilih meminta "
                        "persetujuan DPRD (parameter public_burden_alone_requires_approval).",
                        "A burden on the public alone, with no unbudgeted APBD cost or regional "
                        "assets, is not expressly covered by Pasal 9; KSD chooses to require DPRD "
                        "approval (parameter public_burden_alone_requires_approval).",
                    ),
                    pasal("9"),
                )
            )
            result.findings.append(
                Finding(
                    "parameter_applied",
                    Severity.INFO,
                    choice.label,
                    pasal("9"),
                    "public_burden_alone_requires_approval",
                )
            )
    exempt = burden.within_skpd_duties and burden.budgeted_current_year
    if exempt and needs:
        result.findings.append(
            Finding(
                "dprd_approval_conflict",
                Severity.WARNING,
                Text(
                    "Kerja sama ini tugas SKPD yang biayanya sudah teranggarkan (Pasal 10), tetapi "
                    "tetap membebani daerah atau masyarakat menurut Pasal 9 (misalnya memakai aset "
                    "daerah). KSD mewajibkan persetujuan DPRD: pengecualian Pasal 10 hanya "
                    "menyangkut biaya yang sudah teranggarkan, bukan aset atau beban masyarakat.",
                    "This is SKPD work whose cost is already budgeted (Pasal 10), yet it still "
                    "burdens the region or the public under Pasal 9 (for example by using "
                    "regional assets). KSD requires DPRD approval: the Pasal 10 exemption covers "
                    "budgeted cost only, not assets or a burden on the public.",
                ),
                pasal("10"),
            )
        )
    if exempt and not needs:
        result.reasons.append(
            Reason(
                Text(
                    "Kerja sama dilakukan dalam rangka tugas dan fungsi SKPD dan biayanya sudah "
                    "teranggarkan dalam APBD tahun berjalan: tidak perlu persetujuan DPRD.",
                    "The cooperation is within an SKPD's duties and its cost is already in the "
                    "current year's APBD: no DPRD approval is needed.",
                ),
                pasal("10"),
            )
        )
    elif not needs:
        result.reasons.append(
            Reason(
                Text(
                    "Kerja sama tidak membebani daerah atau masyarakat dengan biaya yang belum "
                    "teranggarkan maupun dengan aset daerah: tidak perlu persetujuan DPRD.",
                    "The cooperation burdens neither the region nor the public with unbudgeted "
                    "cost or regional assets: no DPRD approval is needed.",
                ),
                pasal("9"),
            )
        )
    result.required = needs
    return result


def dprd_track(events: DprdEvents, calendar: WorkingCalendar, as_of: dt.date, on: dt.date) -> Track:
    """Pasal 12 ayat (1)-(4): 45 working days to assess, 15 to send an opinion, 14 for the head
    to revise and resubmit, and approval deemed given 15 working days after the resubmission."""
    return track(events, CLOCKS, calendar, as_of, pasal("12"), calendar.region or "")

"""A sekretariat kerja sama under PP 50/2007 from 2 October 2014: UU 23/2014 Pasal 364 ayat (6).

PP 50/2007 knows only the badan kerja sama (Pasal 24). From 2 October 2014 UU 23/2014 adds that
in compulsory cooperation (Pasal 363 ayat (3), Pasal 364 ayat (1)) the bordering regions may form
a sekretariat kerja sama (Pasal 364 ayat (6)), to facilitate their agencies (ayat (7)), paid from
each one's APBD (ayat (8)). Unlike PP 28/2018 Pasal 7 ayat (2) later, the law sets no condition
of duration or complexity. The question arises only for a cooperation marked compulsory.
"""

from __future__ import annotations

from ksd.law.adjacency import UU23_IN_FORCE, borders
from ksd.law.citations import Citation, Reason, Text
from ksd.law.facts import Facts
from ksd.law.parameters import parameter
from ksd.law.verdicts import BodyVerdict

_SIX = Citation("UU 23/2014", "364", "6")


def sekretariat_kerja_sama(facts: Facts) -> BodyVerdict | None:
    if not facts.compulsory or facts.date < UU23_IN_FORCE:
        return None
    if not parameter("uu23_2014_overlay", on=facts.date).value:
        return None
    regions = list({r.code: r for r in facts.regions if r.is_autonomous}.values())
    if len(regions) < 2:
        return BodyVerdict(
            False,
            [
                Reason(
                    Text(
                        "Sekretariat kerja sama dibentuk oleh daerah-daerah yang berbatasan dalam "
                        "kerja sama wajib; kerja sama ini hanya melibatkan satu daerah.",
                        "A sekretariat kerja sama is formed by bordering regions in compulsory "
                        "cooperation; this cooperation has only one region.",
                    ),
                    _SIX,
                )
            ],
        )
    apart = [
        f"{a.name} – {b.name}"
        for i, a in enumerate(regions)
        for b in regions[i + 1 :]
        if not borders(a, b, facts.date)
    ]
    if apart:
        return BodyVerdict(
            False,
            [
                Reason(
                    Text(
                        "Sekretariat kerja sama dibentuk oleh daerah yang berbatasan; pasangan "
                        f"berikut tidak berbatasan darat: {', '.join(apart)}.",
                        "A sekretariat kerja sama is formed by bordering regions; these pairs "
                        f"share no land border: {', '.join(apart)}.",
                    ),
                    _SIX,
                )
            ],
        )
    return BodyVerdict(
        True,
        [
            Reason(
                Text(
                    "Dalam kerja sama wajib, daerah-daerah yang berbatasan dapat membentuk "
                    "sekretariat kerja sama untuk memfasilitasi perangkat daerah (ayat (7)), "
                    "didanai APBD masing-masing (ayat (8)); UU 23/2014 berlaku di samping "
                    "PP 50/2007 sejak 2 Oktober 2014.",
                    "In compulsory cooperation, bordering regions may form a sekretariat kerja "
                    "sama to facilitate their agencies (ayat (7)), funded from each APBD (ayat "
                    "(8)); UU 23/2014 applies beside PP 50/2007 from 2 October 2014.",
                ),
                _SIX,
            )
        ],
    )

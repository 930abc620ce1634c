"""Whether the heads of region may form a badan kerja sama (PP 50/2007 Pasal 24)."""

from __future__ import annotations

from ksd.law.citations import Reason, Text
from ksd.law.facts import Facts
from ksd.law.pp50_2007.cite import pasal
from ksd.law.verdicts import BodyVerdict

MIN_YEARS = 5  # Pasal 24 ayat (1): "paling singkat 5 (lima) tahun"


def badan_kerja_sama(facts: Facts) -> BodyVerdict:
    """Pasal 24 ayat (1): to help with cooperation with other regions that runs continuously or
    needs at least five years. Pasal 1 angka 4: its members represent the cooperating regions."""
    reasons: list[Reason] = []
    allowed = True
    if len({r.code for r in facts.regions}) < 2:
        allowed = False
        reasons.append(
            Reason(
                Text(
                    "Badan kerja sama membantu kerja sama dengan daerah lain; anggotanya wakil "
                    "dari daerah-daerah yang bekerja sama. Kerja sama ini hanya melibatkan satu "
                    "daerah.",
                    "A badan kerja sama helps with cooperation with other regions; its members "
                    "represent the cooperating regions. This cooperation has only one region.",
                ),
                pasal("24", "1"),
            )
        )
    elif facts.third_parties:
        # Pasal 1 angka 2 makes one kerja sama daerah of regions "dan atau" third parties; the
        # regions' part is still cooperation with other regions under Pasal 24 ayat (1).
        reasons.append(
            Reason(
                Text(
                    "Kerja sama ini melibatkan sedikitnya dua daerah di samping pihak ketiga "
                    "(Pasal 1 angka 2): bagian antardaerahnya menentukan. Anggota badan kerja "
                    "sama hanya wakil daerah-daerah itu, bukan pihak ketiga (Pasal 1 angka 4).",
                    "This cooperation has at least two regions besides the third party (Pasal 1 "
                    "angka 2): the regions' part decides. The badan's members are only those "
                    "regions' representatives, not the third party (Pasal 1 angka 4).",
                ),
                pasal("1", angka="2"),
            )
        )
    long_enough = facts.duration_years is not None and facts.duration_years >= MIN_YEARS
    if facts.continuous or long_enough:
        reasons.append(
            Reason(
                Text(
                    "Kerja sama dilakukan terus-menerus atau berjangka waktu sedikitnya 5 tahun.",
                    "The cooperation runs continuously or lasts at least 5 years.",
                ),
                pasal("24", "1"),
            )
        )
    else:
        allowed = False
        reasons.append(
            Reason(
                Text(
                    "Kerja sama tidak terus-menerus dan jangka waktunya kurang dari 5 tahun "
                    "(atau tidak diketahui).",
                    "The cooperation is not continuous and lasts less than 5 years (or its term is "
                    "unknown).",
                ),
                pasal("24", "1"),
            )
        )
    return BodyVerdict(allowed, reasons)

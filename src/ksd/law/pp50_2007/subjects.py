"""Who may be a party, and what kind of cooperation each pair of parties makes (PP 50/2007)."""

from __future__ import annotations

from collections.abc import Sequence

from ksd.law.citations import Finding, Severity, Text
from ksd.law.facts import Party, ThirdPartyForm
from ksd.law.geography import Scope, region_scope
from ksd.law.pp50_2007.cite import pasal
from ksd.law.verdicts import PairKind

# Pasal 1 angka 3: the closed list of third parties. Every listed form has, or is, a legal entity;
# "lembaga di dalam negeri lainnya yang berbadan hukum" makes domestic status part of the list.
ELIGIBLE_FORMS = frozenset(
    {
        ThirdPartyForm.KEMENTERIAN_LPND,
        ThirdPartyForm.PERSEROAN_TERBATAS,
        ThirdPartyForm.BUMN,
        ThirdPartyForm.BUMD,
        ThirdPartyForm.KOPERASI,
        ThirdPartyForm.YAYASAN,
        ThirdPartyForm.BADAN_HUKUM_LAIN,
    }
)

_PAIR_CITATION = {
    Scope.ANTAR_PROVINSI: pasal("15", "1"),
    Scope.PROVINSI_KABKOTA_DALAM: pasal("15", "1"),
    Scope.PROVINSI_KABKOTA_LUAR: pasal("1", angka="2"),
    Scope.KABKOTA_SATU_PROVINSI: pasal("14", "1"),
    Scope.KABKOTA_LAIN_PROVINSI: pasal("15", "1"),
    Scope.PIHAK_KETIGA: pasal("1", angka="2"),
}


def parties_findings(parties: Sequence[Party]) -> list[Finding]:
    """Pasal 1 angka 2-3 and Pasal 3: at least two parties, one of them a region led by a
    gubernur, bupati or wali kota; third parties only from the closed list."""
    findings: list[Finding] = []
    if len(parties) < 2:
        findings.append(
            Finding(
                "too_few_parties",
                Severity.ERROR,
                Text(
                    "Kerja sama daerah adalah kesepakatan antara sedikitnya dua pihak.",
                    "A regional cooperation is an agreement between at least two parties.",
                ),
                pasal("1", angka="2"),
            )
        )
    if parties and all(p.region is None for p in parties):
        findings.append(
            Finding(
                "no_region_party",
                Severity.ERROR,
                Text(
                    "Sedikitnya satu pihak harus gubernur, bupati, atau wali kota.",
                    "At least one party must be a governor, regent or mayor.",
                ),
                pasal("3"),
            )
        )
    for party in parties:
        region, tp = party.region, party.third_party
        if region is not None and not region.is_autonomous:
            findings.append(
                Finding(
                    "non_autonomous_region",
                    Severity.ERROR,
                    Text(
                        f"{region.name} adalah wilayah administrasi DKI Jakarta, bukan daerah "
                        "otonom; kepalanya bukan gubernur, bupati, atau wali kota daerah otonom "
                        "yang dapat menjadi pihak. Pihaknya adalah Gubernur DKI Jakarta.",
                        f"{region.name} is an administrative area of DKI Jakarta, not an "
                        "autonomous region; its head cannot be a party. The party is the "
                        "Governor of DKI Jakarta.",
                    ),
                    pasal("3"),
                    party.key,
                )
            )
        if party.foreign is not None:
            findings.append(
                Finding(
                    "ineligible_party",
                    Severity.ERROR,
                    Text(
                        f"{party.foreign.name} adalah mitra di luar negeri; PP 50/2007 hanya "
                        "mengenal kerja sama antardaerah dan dengan pihak ketiga dalam negeri, "
                        "sehingga kerja sama dengannya bukan kerja sama daerah menurut PP ini.",
                        f"{party.foreign.name} is a partner abroad; PP 50/2007 knows only "
                        "cooperation between regions and with domestic third parties, so "
                        "cooperation with it is not a regional cooperation under this PP.",
                    ),
                    pasal("1", angka="3"),
                    party.key,
                )
            )
        if tp is None:
            continue
        if tp.form not in ELIGIBLE_FORMS:
            what = {
                ThirdPartyForm.PERSEORANGAN: ("perseorangan", "an individual"),
                ThirdPartyForm.ORGANISASI_NON_BADAN_HUKUM: (
                    "organisasi yang tidak berbadan hukum",
                    "an organisation without legal-entity status",
                ),
            }[tp.form]
            findings.append(
                Finding(
                    "ineligible_party",
                    Severity.ERROR,
                    Text(
                        f"{tp.name} adalah {what[0]}; menurut PP 50/2007 pihak ketiga hanya "
                        "departemen/LPND, perusahaan swasta berbadan hukum, BUMN, BUMD, koperasi, "
                        "yayasan, atau lembaga dalam negeri lain yang berbadan hukum.",
                        f"{tp.name} is {what[1]}; under PP 50/2007 a third party may only be a "
                        "ministry or non-departmental agency, a private company with legal-entity "
                        "status, a BUMN, a BUMD, a cooperative, a foundation or another domestic "
                        "legal entity.",
                    ),
                    pasal("1", angka="3"),
                    party.key,
                )
            )
        elif not tp.domestic:
            findings.append(
                Finding(
                    "ineligible_party",
                    Severity.ERROR,
                    Text(
                        f"{tp.name} bukan badan dalam negeri; PP 50/2007 hanya mengenal pihak "
                        "ketiga dalam negeri.",
                        f"{tp.name} is not a domestic body; PP 50/2007 knows only domestic third "
                        "parties.",
                    ),
                    pasal("1", angka="3"),
                    party.key,
                )
            )
    return findings


def pair_kind(a: Party, b: Party) -> PairKind | None:
    """The kind of cooperation between two parties; None for two third parties."""
    if a.region is not None and b.region is not None:
        scope = region_scope(a.region, b.region)
    elif a.region is not None or b.region is not None:
        scope = Scope.PIHAK_KETIGA
    else:
        return None
    return PairKind(scope.value, scope, _PAIR_CITATION[scope])

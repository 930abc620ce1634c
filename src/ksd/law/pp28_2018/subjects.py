"""Who may be a party, and what kind of cooperation each pair makes (PP 28/2018)."""

from __future__ import annotations

from collections.abc import Sequence

from ksd.law.citations import Finding, Severity, Text
from ksd.law.facts import Party, ThirdPartyForm
from ksd.law.geography import Scope, region_scope
from ksd.law.pp28_2018 import foreign
from ksd.law.pp28_2018.cite import pasal
from ksd.law.verdicts import PairKind

# Pasal 14: perseorangan (huruf a); badan usaha berbadan hukum (huruf b: BUMN, BUMD, koperasi,
# private legal entities, per its Penjelasan); organisations with or without legal-entity status
# (huruf c). Central ministries are no longer third parties: region-centre work is "sinergi"
# (Pasal 46).
ELIGIBLE_FORMS: dict[ThirdPartyForm, str] = {
    ThirdPartyForm.PERSEORANGAN: "a",
    ThirdPartyForm.PERSEROAN_TERBATAS: "b",
    ThirdPartyForm.BUMN: "b",
    ThirdPartyForm.BUMD: "b",
    ThirdPartyForm.KOPERASI: "b",
    ThirdPartyForm.YAYASAN: "c",
    ThirdPartyForm.BADAN_HUKUM_LAIN: "c",
    ThirdPartyForm.ORGANISASI_NON_BADAN_HUKUM: "c",
}


def parties_findings(parties: Sequence[Party]) -> list[Finding]:
    """Pasal 1 angka 1-3, Pasal 2 ayat (1), Pasal 13 ayat (1), Pasal 14: a region, represented by
    its governor, regent or mayor, with another region or an eligible third party."""
    findings: list[Finding] = []
    if len(parties) < 2:
        findings.append(
            Finding(
                "too_few_parties",
                Severity.ERROR,
                Text(
                    "Kerja sama daerah adalah usaha bersama sedikitnya dua pihak.",
                    "A regional cooperation is a joint undertaking of at least two parties.",
                ),
                pasal("1", angka="1"),
            )
        )
    if parties and all(p.region is None for p in parties):
        findings.append(
            Finding(
                "no_region_party",
                Severity.ERROR,
                Text(
                    "Sedikitnya satu pihak harus daerah, diwakili gubernur, bupati, atau wali kota.",
                    "At least one party must be a region, represented by its governor, regent or "
                    "mayor.",
                ),
                pasal("2", "1"),
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
                        "otonom; yang mewakili daerah adalah Gubernur DKI Jakarta.",
                        f"{region.name} is an administrative area of DKI Jakarta, not an "
                        "autonomous region; the region is represented by the Governor of DKI "
                        "Jakarta.",
                    ),
                    pasal("2", "1"),
                    party.key,
                )
            )
        if tp is None:
            continue
        if not tp.domestic:
            continue  # a foreign institution: KSDLL (foreign.py), not a Pasal 14 third party
        if tp.form not in ELIGIBLE_FORMS:
            findings.append(
                Finding(
                    "ineligible_party",
                    Severity.ERROR,
                    Text(
                        f"{tp.name} adalah kementerian/lembaga pemerintah pusat; menurut PP 28/2018 "
                        "pihak ketiga hanya perseorangan, badan usaha berbadan hukum, atau "
                        "organisasi. Urusan bersama dengan Pemerintah Pusat dilakukan sebagai "
                        "sinergi perencanaan dan pelaksanaan pembangunan (Pasal 46).",
                        f"{tp.name} is a central-government ministry or agency; under PP 28/2018 a "
                        "third party is only an individual, a business entity with legal-entity "
                        "status or an organisation. Joint work with the central government is "
                        "done as planning and development synergy (Pasal 46).",
                    ),
                    pasal("14"),
                    party.key,
                )
            )
    return findings


def pair_kind(a: Party, b: Party) -> PairKind | None:
    if a.abroad is not None or b.abroad is not None:
        return foreign.pair_kind(a, b)
    if a.region is not None and b.region is not None:
        return PairKind("ksdd", region_scope(a.region, b.region), pasal("1", angka="2"))
    if a.region is not None or b.region is not None:
        return PairKind("ksdpk", Scope.PIHAK_KETIGA, pasal("1", angka="3"))
    return None

"""Institutions of cooperation under PP 28/2018: no badan kerja sama, an optional sekretariat
kerja sama for compulsory cooperation (Pasal 7)."""

from __future__ import annotations

from ksd.law.adjacency import regions_border
from ksd.law.citations import Reason, Text
from ksd.law.facts import Facts
from ksd.law.pp28_2018.cite import pasal
from ksd.law.verdicts import BodyVerdict

MIN_YEARS = 5  # Pasal 7 ayat (2) huruf c: "paling singkat 5 (lima) tahun"
COMPLEX_OVER = 2  # Penjelasan Pasal 7 ayat (2) huruf b: more than 2 regions and/or objects


def badan_kerja_sama(facts: Facts) -> BodyVerdict:
    return BodyVerdict(
        False,
        [
            Reason(
                Text(
                    "PP 28/2018 tidak mengenal badan kerja sama; yang dapat dibentuk adalah sekretariat "
                    "kerja sama (Pasal 7), yang bukan perangkat daerah.",
                    "PP 28/2018 has no badan kerja sama; what may be formed is a sekretariat kerja sama "
                    "(Pasal 7), which is not a regional agency.",
                ),
                pasal("7", "1"),
            )
        ],
    )


def sekretariat_kerja_sama(facts: Facts) -> BodyVerdict:
    """Pasal 7 ayat (2): for compulsory KSDD that runs continuously, is highly complex and lasts
    at least five years."""
    reasons: list[Reason] = []
    allowed = True

    def check(ok: bool, huruf: str | None, yes: Text, no: Text) -> None:
        nonlocal allowed
        allowed = allowed and ok
        cite = pasal("7", "2", huruf)
        reasons.append(Reason(yes if ok else no, cite))

    check(
        len(facts.regions) >= 2
        and not facts.third_parties
        and not any(p.abroad is not None for p in facts.parties),
        None,
        Text("Kerja sama ini KSDD (antardaerah).", "This is a KSDD (between regions)."),
        Text(
            "Sekretariat kerja sama hanya untuk KSDD, bukan kerja sama dengan pihak ketiga.",
            "A sekretariat kerja sama is only for KSDD, not cooperation with third parties.",
        ),
    )
    check(
        facts.compulsory,
        None,
        Text("Kerja sama ini kerja sama wajib.", "This is a compulsory cooperation."),
        Text(
            "Sekretariat dibentuk untuk kerja sama wajib (Pasal 3 ayat (2)); kerja sama ini "
            "tidak dinyatakan wajib.",
            "A sekretariat is formed for compulsory cooperation (Pasal 3 ayat (2)); this "
            "cooperation is not stated to be compulsory.",
        ),
    )
    if facts.compulsory:
        # Pasal 7 ayat (2) refers to compulsory cooperation of Pasal 3 ayat (2): bordering regions.
        touching = regions_border(facts)
        allowed = allowed and touching
        reasons.append(
            Reason(
                Text(
                    "Daerah-daerahnya berbatasan."
                    if touching
                    else "Daerah-daerahnya tidak berbatasan darat; kerja sama wajib dilaksanakan "
                    "oleh daerah yang berbatasan.",
                    "Its regions border each other."
                    if touching
                    else "Its regions share no land border; compulsory cooperation is carried "
                    "out by bordering regions.",
                ),
                pasal("3", "2"),
            )
        )
    check(
        facts.continuous,
        "a",
        Text("Kerja sama dilakukan terus-menerus.", "The cooperation runs continuously."),
        Text("Kerja sama tidak dilakukan terus-menerus.", "The cooperation is not continuous."),
    )
    complex_ = len(facts.regions) > COMPLEX_OVER or (facts.object_count or 1) > COMPLEX_OVER
    check(
        complex_,
        "b",
        Text(
            "Kompleksitasnya tinggi: lebih dari 2 daerah dan/atau lebih dari 2 objek.",
            "It is highly complex: more than 2 regions and/or more than 2 objects.",
        ),
        Text(
            "Kompleksitasnya tidak tinggi: tidak lebih dari 2 daerah dan 2 objek.",
            "It is not highly complex: no more than 2 regions and 2 objects.",
        ),
    )
    check(
        facts.duration_years is not None and facts.duration_years >= MIN_YEARS,
        "c",
        Text("Jangka waktunya sedikitnya 5 tahun.", "It lasts at least 5 years."),
        Text(
            "Jangka waktunya kurang dari 5 tahun atau tidak diketahui.",
            "It lasts less than 5 years, or its term is unknown.",
        ),
    )
    return BodyVerdict(allowed, reasons)

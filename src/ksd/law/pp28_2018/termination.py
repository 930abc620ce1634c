"""How a cooperation ends under PP 28/2018: Pasal 9 (KSDD) and Pasal 22 (KSDPK)."""

from __future__ import annotations

from ksd.law.citations import Finding, Reason, Severity, Text
from ksd.law.facts import Facts, Termination
from ksd.law.pp28_2018.cite import pasal
from ksd.law.verdicts import TerminationVerdict

KSDD_GROUNDS: dict[str, Text] = {
    "pasal9_a": Text("berakhirnya jangka waktu kerja sama", "the term ends"),
    "pasal9_b": Text("tujuan kerja sama telah tercapai", "the purpose is reached"),
    "pasal9_c": Text(
        "kesepakatan para pihak untuk mengakhiri kerja sama", "the parties agree to end it"
    ),
    "pasal9_d": Text(
        "perubahan kebijakan berdasarkan peraturan perundang-undangan yang membuat "
        "kerja sama tidak dapat dilaksanakan",
        "a policy change under the law makes it impossible to perform",
    ),
    "pasal9_e": Text("objek kerja sama hilang atau musnah", "the object is lost or destroyed"),
}
KSDPK_GROUNDS: dict[str, Text] = {
    "pasal22_2_a": Text(
        "putusan pengadilan yang telah berkekuatan hukum tetap",
        "a final and binding court judgment",
    ),
    "pasal22_2_b": Text("pihak ketiga dinyatakan pailit", "the third party is declared bankrupt"),
}


def termination_grounds(third_party: bool) -> tuple[str, ...]:
    """Pasal 9 ayat (1) huruf a-e; for a KSDPK also Pasal 22 ayat (2) huruf a-b."""
    return (*KSDD_GROUNDS, *KSDPK_GROUNDS) if third_party else tuple(KSDD_GROUNDS)


def termination(facts: Facts, t: Termination) -> TerminationVerdict:
    is_ksdpk = any(p.third_party is not None and p.abroad is None for p in facts.parties)
    if t.ground == "pergantian_kepala_daerah":
        return _invalid(
            Reason(
                Text(
                    "Kerja sama tidak berakhir karena pergantian kepemimpinan di daerah.",
                    "A cooperation does not end because the region's leadership changes.",
                ),
                pasal("9", "2"),
            )
        )
    findings: list[Finding] = []
    if any(p.abroad is not None for p in facts.parties):
        findings.append(_abroad_not_covered())
        if t.ground not in KSDD_GROUNDS:
            return _invalid(
                Reason(
                    Text(
                        f"'{t.ground}' bukan dasar berakhirnya kerja sama yang dapat dipakai untuk "
                        "KSDPL/KSDLL; KSD menerapkan dasar Pasal 9 ayat (1) secara analogi.",
                        f"'{t.ground}' is not a ground for ending that KSD can apply to a "
                        "KSDPL/KSDLL; KSD applies the grounds of Pasal 9 ayat (1) by analogy.",
                    ),
                    pasal("9", "1"),
                )
            )
    if t.ground in KSDD_GROUNDS:
        ground = KSDD_GROUNDS[t.ground]
        cite = pasal("22", "1") if is_ksdpk else pasal("9", "1", t.ground[-1])
        reason = Reason(
            Text(
                f"Kerja sama berakhir karena {ground.id} (PP 28/2018 Pasal 9 ayat (1) huruf "
                f"{t.ground[-1]}).",
                f"The cooperation ends: {ground.en} (PP 28/2018 Pasal 9 ayat (1) huruf "
                f"{t.ground[-1]}).",
            ),
            cite,
        )
    elif t.ground in KSDPK_GROUNDS and is_ksdpk:
        ground = KSDPK_GROUNDS[t.ground]
        reason = Reason(
            Text(f"KSDPK berakhir karena {ground.id}.", f"The KSDPK ends: {ground.en}."),
            pasal("22", "2", t.ground[-1]),
        )
    elif t.ground in KSDPK_GROUNDS:
        return _invalid(
            Reason(
                Text(
                    "Dasar ini hanya berlaku untuk kerja sama dengan pihak ketiga (KSDPK).",
                    "This ground applies only to cooperation with a third party (KSDPK).",
                ),
                pasal("22", "2"),
            )
        )
    else:
        return _invalid(
            Reason(
                Text(
                    f"'{t.ground}' bukan dasar berakhirnya kerja sama menurut PP 28/2018 Pasal 9 "
                    "ayat (1) atau Pasal 22 ayat (2).",
                    f"'{t.ground}' is not a ground for ending a cooperation under PP 28/2018 "
                    "Pasal 9 ayat (1) or Pasal 22 ayat (2).",
                ),
                pasal("9", "1"),
            )
        )
    if t.early and t.ground != "pasal9_c":
        findings.append(
            Finding(
                "not_covered_by_regulation",
                Severity.WARNING,
                Text(
                    "PP 28/2018 tidak mengatur pengakhiran sebelum waktunya atas permintaan satu "
                    "pihak; pengakhiran harus bertumpu pada salah satu dasar PP 28/2018 Pasal 9 "
                    "ayat (1) dan pada ketentuan perjanjian.",
                    "PP 28/2018 does not provide for an early ending at one party's request; the "
                    "ending must rest on a ground of PP 28/2018 Pasal 9 ayat (1) and on the "
                    "agreement's terms.",
                ),
                pasal("9", "1"),
            )
        )
    return TerminationVerdict(True, reason.citation, reason, findings)


def _abroad_not_covered() -> Finding:
    """PP 28/2018 has no article on how a KSDPL or KSDLL ends: Pasal 9 is written for KSDD and
    Pasal 22 extends it to KSDPK only."""
    return Finding(
        "not_covered_by_regulation",
        Severity.WARNING,
        Text(
            "PP 28/2018 tidak mengatur berakhirnya KSDPL/KSDLL (Pasal 9 untuk KSDD, Pasal 22 untuk "
            "KSDPK); KSD menilai dasar pengakhiran menurut Pasal 9 ayat (1) secara analogi. "
            "Pengakhirannya mengikuti naskah kerja sama.",
            "PP 28/2018 does not say how a KSDPL/KSDLL ends (Pasal 9 is for KSDD, Pasal 22 for "
            "KSDPK); KSD judges the ground by Pasal 9 ayat (1) by analogy. The ending follows "
            "the agreement.",
        ),
        pasal("9", "1"),
    )


def _invalid(reason: Reason) -> TerminationVerdict:
    finding = Finding("invalid_termination", Severity.ERROR, reason.message, reason.citation)
    return TerminationVerdict(False, reason.citation, reason, [finding])

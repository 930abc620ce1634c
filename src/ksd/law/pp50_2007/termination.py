"""How a cooperation ends under PP 50/2007: Pasal 18 grounds, Pasal 19 early ending, Pasal 20."""

from __future__ import annotations

from ksd.law.citations import Finding, Reason, Severity, Text
from ksd.law.facts import Facts, Termination
from ksd.law.pp50_2007.cite import pasal
from ksd.law.verdicts import TerminationVerdict

GROUNDS: dict[str, Text] = {
    "pasal18_a": Text(
        "kesepakatan para pihak melalui prosedur dalam perjanjian",
        "agreement of the parties by the procedure in the agreement",
    ),
    "pasal18_b": Text("tujuan perjanjian telah tercapai", "the agreement's purpose is reached"),
    "pasal18_c": Text(
        "perubahan mendasar yang membuat perjanjian tidak dapat dilaksanakan",
        "a fundamental change makes the agreement impossible to perform",
    ),
    "pasal18_d": Text(
        "salah satu pihak tidak melaksanakan atau melanggar perjanjian",
        "a party fails to perform or breaches the agreement",
    ),
    "pasal18_e": Text(
        "dibuat perjanjian baru yang menggantikan perjanjian lama",
        "a new agreement replaces the old one",
    ),
    "pasal18_f": Text(
        "muncul norma baru dalam peraturan perundang-undangan", "a new legal norm arises"
    ),
    "pasal18_g": Text("objek perjanjian hilang", "the object of the agreement is lost"),
    "pasal18_h": Text(
        "terdapat hal yang merugikan kepentingan nasional", "something harms the national interest"
    ),
    "pasal18_i": Text("berakhirnya masa perjanjian", "the agreement's term ends"),
}


def termination_grounds(third_party: bool) -> tuple[str, ...]:
    """Pasal 18 huruf a-i, for every kind of cooperation."""
    return tuple(GROUNDS)


def termination(facts: Facts, t: Termination) -> TerminationVerdict:
    if t.ground == "pergantian_kepala_daerah":
        reason = Reason(
            Text(
                "Kerja sama daerah tidak berakhir karena pergantian kepala daerah.",
                "A regional cooperation does not end because the regional head changes.",
            ),
            pasal("20"),
        )
        return TerminationVerdict(False, reason.citation, reason, [_invalid(reason)])
    ground = GROUNDS.get(t.ground)
    if ground is None:
        reason = Reason(
            Text(
                f"'{t.ground}' bukan dasar berakhirnya kerja sama menurut PP 50/2007 Pasal 18 "
                "huruf a-i.",
                f"'{t.ground}' is not a ground for ending a cooperation under PP 50/2007 "
                "Pasal 18 huruf a-i.",
            ),
            pasal("18"),
        )
        return TerminationVerdict(False, reason.citation, reason, [_invalid(reason)])
    letter = t.ground[-1]
    reason = Reason(
        Text(f"Kerja sama berakhir karena {ground.id}.", f"The cooperation ends: {ground.en}."),
        pasal("18", huruf=letter),
    )
    if not t.early:
        return TerminationVerdict(True, reason.citation, reason)
    findings: list[Finding] = []
    if t.ground == "pasal18_i":
        bad = Reason(
            Text(
                "Pengakhiran sebelum waktunya tidak dapat beralasan berakhirnya masa perjanjian.",
                "An early ending cannot rest on the end of the agreement's term.",
            ),
            pasal("19", "1"),
        )
        return TerminationVerdict(False, bad.citation, bad, [_invalid(bad)])
    if not t.written_notice:
        bad = Reason(
            Text(
                "Pengakhiran sebelum waktunya atas permintaan satu pihak harus disampaikan "
                "secara tertulis kepada pihak lain.",
                "An early ending at one party's request must be notified in writing to the "
                "other parties.",
            ),
            pasal("19", "1", "a"),
        )
        return TerminationVerdict(False, bad.citation, bad, [_invalid(bad)])
    initiator = facts.party_label(t.initiated_by) if t.initiated_by else "Pihak yang memprakarsai"
    initiator_en = facts.party_label(t.initiated_by) if t.initiated_by else "The initiating party"
    findings.append(
        Finding(
            "termination_risk",
            Severity.INFO,
            Text(
                f"{initiator} menanggung risiko finansial dan risiko lain akibat pengakhiran; "
                "penyelesaian objek kerja sama yang sedang berjalan tidak terpengaruh (ayat (2)).",
                f"{initiator_en} bears the financial and other risks of the ending; objects under "
                "way are completed regardless (ayat (2)).",
            ),
            pasal("19", "1", "b"),
            t.initiated_by,
        )
    )
    return TerminationVerdict(True, reason.citation, reason, findings)


def _invalid(reason: Reason) -> Finding:
    return Finding("invalid_termination", Severity.ERROR, reason.message, reason.citation)

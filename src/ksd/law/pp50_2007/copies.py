"""Who receives copies of the DPRD letter (Pasal 11 ayat (2)-(3)) and of the signed agreement
(Pasal 12 ayat (5)-(6)) under PP 50/2007."""

from __future__ import annotations

from ksd.law.pp50_2007.cite import pasal
from ksd.law.regions import Region
from ksd.law.verdicts import CopyRule


def dprd_letter_copies(region: Region) -> CopyRule:
    if region.is_province:
        return CopyRule(("menteri", "menteri_lpnd_terkait"), pasal("11", "2"))
    return CopyRule(("gubernur", "menteri", "menteri_lpnd_terkait"), pasal("11", "3"))


def agreement_copies(region: Region) -> CopyRule:
    # Ayat (5)-(6) name "Menteri/Pimpinan Lembaga (Pemerintah) Non Departemen terkait" as one
    # phrase, unlike Pasal 11 ayat (2)-(3), which names the Minister separately.
    if region.is_province:
        return CopyRule(("menteri_lpnd_terkait", "dprd"), pasal("12", "5"))
    return CopyRule(("gubernur", "menteri_lpnd_terkait", "dprd"), pasal("12", "6"))


def advised_agreement_copies(region: Region) -> None:
    """PP 50/2007 names the recipients itself (agreement_copies): nothing more to advise."""
    return None

"""Copies under PP 28/2018: the regulation names no recipients of the DPRD letter or of the
signed agreement; the earlier regulation's rules on copies were repealed with it (Pasal 51).

KSD still advises sending the signed agreement to those who supervise the cooperation, as the
copies always meant to inform them: PP 28/2018 Pasal 44 names them. The Minister supervises
regional cooperation in general (ayat (1)), the technical ministers and non-ministerial agencies
technically (ayat (2)), and the governor, as the central government's representative, the
cooperation of kab/kota in the province (ayat (4))."""

from __future__ import annotations

from ksd.law.pp28_2018.cite import pasal
from ksd.law.regions import Region
from ksd.law.verdicts import CopyRule


def dprd_letter_copies(region: Region) -> CopyRule | None:
    return None


def agreement_copies(region: Region) -> CopyRule | None:
    return None


def advised_agreement_copies(region: Region) -> CopyRule:
    if region.is_province:
        return CopyRule(("menteri", "menteri_lpnd_terkait"), pasal("44"))
    return CopyRule(("gubernur", "menteri", "menteri_lpnd_terkait"), pasal("44"))

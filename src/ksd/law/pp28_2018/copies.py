"""Copies under PP 28/2018: the regulation names no recipients of the DPRD letter or of the
signed agreement (PP 50/2007 Pasal 11 ayat (2)-(3) and Pasal 12 ayat (5)-(6) are repealed)."""

from __future__ import annotations

from ksd.law.regions import Region
from ksd.law.verdicts import CopyRule


def dprd_letter_copies(region: Region) -> CopyRule | None:
    return None


def agreement_copies(region: Region) -> CopyRule | None:
    return None

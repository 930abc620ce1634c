"""Citations into PP 28/2018, and into UU 23/2014 where PP 28/2018 refers to it."""

from __future__ import annotations

import functools

from ksd.law.citations import Citation

REGULATION = "PP 28/2018"
UU_23_2014 = "UU 23/2014"


@functools.cache
def pasal(
    number: str,
    ayat: str | None = None,
    huruf: str | None = None,
    angka: str | None = None,
    *,
    penjelasan: bool = False,
) -> Citation:
    return Citation(REGULATION, number, ayat, huruf, angka, penjelasan)


@functools.cache
def uu23(number: str, ayat: str | None = None, huruf: str | None = None) -> Citation:
    return Citation(UU_23_2014, number, ayat, huruf)

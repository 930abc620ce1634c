"""Citations into PP 50/2007."""

from __future__ import annotations

import functools

from ksd.law.citations import Citation

REGULATION = "PP 50/2007"


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

"""Working-day additions per second, on the kind of questions the DPRD clocks ask.

Start dates are spread over 2008-2030 (so many years' tables are in use at once), the counts are
mostly the 14, 15 and 45 working days of PP 50/2007 Pasal 12, with some anything from 0 to 200.
The calendar is a region's, as the assessment asks for it.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ksd.law.calendar import calendar_for

FIRST_START = dt.date(2008, 1, 1)
LAST_START = dt.date(2030, 12, 31)
CASES = 20_000


def _cases(seed: int = 2007) -> list[tuple[dt.date, int]]:
    rng = random.Random(seed)
    first = FIRST_START.toordinal()
    span = LAST_START.toordinal() - first + 1
    cases = []
    for _ in range(CASES):
        start = dt.date.fromordinal(first + rng.randrange(span))
        n = rng.choice((14, 15, 45)) if rng.random() < 0.8 else rng.randint(0, 200)
        cases.append((start, n))
    return cases


def bench_additions(seconds: float = 2.0) -> float:
    """Run `add_working_days` over the mix for about `seconds`; return additions per second."""
    cases = _cases()
    add = calendar_for("34.71").add_working_days
    for start, n in cases:  # build the year tables first: we measure the additions
        add(start, n)
    done = 0
    began = time.perf_counter()
    deadline = began + seconds
    while True:
        for start, n in cases:
            add(start, n)
        done += len(cases)
        now = time.perf_counter()
        if now >= deadline:
            return done / (now - began)


if __name__ == "__main__":
    print(f"working-day additions: {bench_additions():,.0f}/s")

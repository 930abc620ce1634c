"""Full assessments per second: parse the facts, assess, build the JSON output (no printing).

The mix is realistic: the seed's cooperations under both regimes, with DPRD tracks at several
stages, drafts with missing contents, and terminations.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ksd.law.assessment import assess_json

TODAY = dt.date(2026, 11, 28)
ALL_CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip


def _cases() -> list[dict[str, Any]]:
    kartamantul = [{"region": c} for c in ("34.71", "34.04", "34.02")]
    subosukawonosraten = [
        {"region": c} for c in ("33.72", "33.09", "33.11", "33.13", "33.12", "33.14", "33.10")
    ]
    pawonsari = [{"region": c} for c in ("35.01", "33.12", "34.03")]
    batam = [
        {"region": "21.71"},
        {"third_party": {"name": "PT Kebersihan", "form": "perseroan_terbatas"}},
    ]
    unbudgeted = {"apbd_cost": True, "budgeted_current_year": False}
    return [
        {
            "date": "2016-02-01", "as_of": "2016-05-02", "parties": kartamantul,
            "burden": unbudgeted, "draft_contents": ALL_CONTENTS[:-1],
            "dprd": {"34.71": {"received": "2016-02-01", "opinion_sent": "2016-02-15",
                               "resubmitted": "2016-03-01"},
                     "34.04": {"received": "2016-02-03"}},
            "duration_years": 5,
        },
        {
            "date": "2012-06-01", "as_of": "2013-01-15", "parties": subosukawonosraten,
            "burden": {"apbd_cost": True, "budgeted_current_year": True,
                       "within_skpd_duties": True, "uses_regional_assets": True},
            "continuous": True, "draft_contents": ALL_CONTENTS,
        },
        {
            "date": "2010-03-10", "as_of": "2010-09-01", "parties": pawonsari,
            "burden": unbudgeted,
            "dprd": {c["region"]: {"received": "2010-03-15"} for c in pawonsari},
            "termination": {"ground": "pasal18_d", "initiated_by": "35.01",
                            "written_notice": True, "early": True},
        },
        {
            "date": "2021-04-01", "as_of": "2021-12-20", "parties": batam,
            "burden": {"public_pays": True}, "draft_contents": ALL_CONTENTS,
            "dprd": {"21.71": {"received": "2021-05-03"}}, "duration_years": 10,
        },
        {
            "date": "2019-09-09", "parties": kartamantul, "compulsory": True,
            "continuous": True, "duration_years": 20, "object_count": 3,
        },
    ]  # fmt: skip


def bench_assessments(seconds: float = 2.0) -> float:
    """Assessments per second over the mix, measured for about `seconds`."""
    cases = itertools.cycle(_cases())
    for case in _cases():  # warm the caches: regions, calendars, parameters
        assess_json(case, today=TODAY)
    count = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        for _ in range(100):
            assess_json(next(cases), today=TODAY)
        count += 100
        now = time.perf_counter()
        if now >= deadline:
            return count / (now - start)


if __name__ == "__main__":
    print(f"full assessments: {bench_assessments():,.0f}/s")

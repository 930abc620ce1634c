"""The monitoring pages in-process on a database read only: the supervisors' late list
(/pengawasan/monev/) and a cooperation's monev page, for the Ministry, the busiest region's
provincial bureau and the region's operator; best and median of N requests, the queries of one.

Needs a generated dataset with monitoring rows (`ksd generate_monitoring`):

    KSD_DB=postgres KSD_PG_NAME=ksd_mine PYTHONPATH=src python bench/monev.py [--repeat 10]

The page cache is off (KSD_PAGE_CACHE_SECONDS=0 is set here): the figures are what computing
the page costs. The cooperation measured is the busiest region's with the most periodic
reports (and, second, one with the most obligations).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("KSD_PAGE_CACHE_SECONDS", "0")

from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import oversight  # bench/oversight.py: django.setup(), the personas and the request
from ksd.cooperation.models import Cooperation


def busiest_cooperations(region: str) -> list[int]:
    """The region's cooperations with the most periodic reports, and with the most obligations."""
    mine = Cooperation.objects.filter(parties__region_id=region).order_by()
    by_reports = mine.annotate(n=Count("periodic_reports", distinct=True)).order_by("-n", "pk")
    by_obligations = mine.annotate(n=Count("obligations", distinct=True)).order_by("-n", "pk")
    found = [
        by_reports.values_list("pk", "n").first(),
        by_obligations.values_list("pk", "n").first(),
    ]
    print("busiest cooperations (id, rows):", found)
    return [pk for pk, _n in found if pk is not None]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    translation.activate("id")
    where = oversight.targets()
    print(f"{connection.vendor}, targets {where}")
    paths = [("late list", "/pengawasan/monev/")]
    paths += [
        (f"monev #{pk}", f"/kerja-sama/{pk}/monev/") for pk in busiest_cooperations(where["region"])
    ]
    print("| page | persona | best ms | median ms | queries | sql ms |")
    print("|---|---|---:|---:|---:|---:|")
    for label, path in paths:
        for who in ("kemendagri", "biro", "operator"):
            user = oversight.persona(who, where)
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                oversight.call(path, user)
                times.append((time.perf_counter() - started) * 1000)
            with CaptureQueriesContext(connection) as queries:
                oversight.call(path, user)
            sql = sum(float(q["time"]) for q in queries.captured_queries) * 1000
            print(f"| {label} | {who} | {min(times):.1f} | {statistics.median(times):.1f} "
                  f"| {len(queries)} | {sql:.0f} |", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

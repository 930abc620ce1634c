"""The regional scorecard on a generated dataset: every region's figures uncached, then the
table, a card and the XLSX through the views (figures cached), in-process (docs/performance.md,
"Scorecard"). Creates one Ministry user, bench_scorecard_kemendagri, in the database it is
pointed at; use a generated dataset only.

    KSD_DB=postgres KSD_PG_NAME=ksd_mine KSD_ALLOWED_HOSTS=127.0.0.1 python bench/scorecard.py
"""

from __future__ import annotations

import os
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ksd.settings")
django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from ksd.accounts.models import Membership, Role  # noqa: E402
from ksd.cooperation.models import Cooperation, Party  # noqa: E402
from ksd.core import clock  # noqa: E402
from ksd.dprd.models import DprdReview  # noqa: E402
from ksd.oversight.scorecard import Period, scorecard  # noqa: E402


def timed(run, n=5):  # type: ignore[no-untyped-def]
    spent = []
    for _ in range(n):
        start = time.perf_counter()
        run()
        spent.append(time.perf_counter() - start)
    return statistics.median(spent), min(spent)


def main() -> None:
    today = clock.today_in()
    print("cooperations", Cooperation.objects.count(), "parties", Party.objects.count(),
          "DPRD tracks", DprdReview.objects.count())  # fmt: skip
    for year in (today.year, today.year - 1):
        with CaptureQueriesContext(connection) as queries:
            rows = scorecard(Period(year, today))
        median, low = timed(lambda y=year: scorecard(Period(y, today)))
        print(f"scorecard({year}): {len(rows)} regions, {len(queries)} queries, "
              f"median {median * 1000:.0f} ms, min {low * 1000:.0f} ms")  # fmt: skip
    user, _ = User.objects.get_or_create(username="bench_scorecard_kemendagri")
    Membership.objects.get_or_create(user=user, defaults={"role": Role.PEMBINA_PUSAT})
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    kota = Party.objects.filter(region__level="kota").values_list("region_id", flat=True).first()
    for url in ("/pengawasan/rapor/", f"/pengawasan/rapor/{kota}/", "/pengawasan/rapor/unduh.xlsx"):
        status = client.get(url).status_code
        if status != 200:
            raise SystemExit(f"{url}: HTTP {status}")
        median, low = timed(lambda u=url: client.get(u), n=3)
        print(f"GET {url}: median {median * 1000:.0f} ms, min {low * 1000:.0f} ms")


if __name__ == "__main__":
    main()

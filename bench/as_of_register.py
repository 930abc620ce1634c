"""The register as of a date, in-process: ms per page (best of 3, or BENCH_REPEAT) and SQL statements per page.

Run against a database holding a generated dataset (`ksd generate_dataset`); it writes nothing
(the pages are called through RequestFactory, as an unsaved superuser and as the public):

    KSD_DB=postgres KSD_PG_NAME=ksd_x PYTHONPATH=src python bench/as_of_register.py

Measures the internal register as of two dates under each of its sorts, a deep page, a region's
filter, and the public register as of a date (with searches), as a supervisor who sees
everything and as the public; the page cache is off.
"""

from __future__ import annotations

import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ksd.settings")
os.environ.setdefault("KSD_PAGE_CACHE_SECONDS", "0")  # measure computing the pages, not the cache
django.setup()

from django.contrib.auth.models import AnonymousUser, User  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import resolve  # noqa: E402
from django.utils import translation  # noqa: E402

from ksd.cooperation.models import Cooperation, Event  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
DAYS = ("2020-12-31", "2012-06-30")
SORTS = ("-offered_on", "title", "-stage", "ends_on", "-ends_on", "kind", "regime")


def measure(user: User | AnonymousUser, url: str) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(REPEAT):
        request = RequestFactory().get(url)
        request.user = user
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = resolve(request.path).func(request)
            elapsed = time.perf_counter() - start
        if response.status_code != 200:
            sys.exit(f"{url}: HTTP {response.status_code}")
        best, count = min(best, elapsed), len(captured)
    return best * 1000, count


def main() -> None:
    print(f"{connection.vendor}: {Cooperation.objects.count():,} cooperations, "
          f"{Event.objects.count():,} events")  # fmt: skip
    translation.activate("id")
    internal = User(username="bench-asof", is_superuser=True)  # never saved
    urls = [f"/kerja-sama/?per={day}&sort={sort}" for day in DAYS for sort in SORTS]
    urls += [f"/kerja-sama/?per={DAYS[0]}&sort=title&page=40", "/kerja-sama/",
             f"/kerja-sama/?per={DAYS[0]}&region=33.74", "/kerja-sama/?region=33.74"]  # fmt: skip
    for url in urls:
        ms, statements = measure(internal, url)
        print(f"{ms:8.1f} ms {statements:3d} statements  {url}")
    public = AnonymousUser()
    for url in (f"/publik/?per={DAYS[0]}", f"/publik/?per={DAYS[1]}",
                f"/publik/?per={DAYS[0]}&page=30", "/publik/",
                f"/publik/?per={DAYS[0]}&q=air", "/publik/?q=air",
                f"/publik/?per={DAYS[0]}&q=Semarang", "/publik/?q=Semarang"):  # fmt: skip
        ms, statements = measure(public, url)
        print(f"{ms:8.1f} ms {statements:3d} statements  {url} (public)")


if __name__ == "__main__":
    main()

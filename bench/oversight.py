"""The oversight pages in-process, on a database read only: best and median of N requests per
page and persona, the SQL queries of one request and their time.

The view is called directly (django.test.RequestFactory, no middleware) with a user held in
memory, so nothing is written: not a session, not a user. Run it against the national datasets
(KSD_DB=postgres KSD_PG_NAME=ksd_bench_100000, or KSD_VAR_DIR=.../bench-sqlite-100000):

    PYTHONPATH=src python bench/oversight.py [--repeat 10] [--pages urusan,rapor] [--cold]

`--cold` clears Django's cache before every request (what the first visitor after a change
pays); without it the first request fills the cache and the figures are the warm ones.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ksd.settings")

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.contrib.messages.storage.cookie import CookieStorage  # noqa: E402
from django.contrib.sessions.backends.signed_cookies import SessionStore  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import resolve  # noqa: E402
from django.utils import translation  # noqa: E402

from ksd.accounts.models import Membership, Role  # noqa: E402
from ksd.dataset.management.commands.bench_personas import busiest_region  # noqa: E402


def targets() -> dict[str, str]:
    """The busiest kabupaten or kota and its province, the one `ksd bench_personas` picks."""
    busiest = busiest_region()
    if busiest is None:
        sys.exit("No generated dataset here.")
    return busiest


def persona(name: str, where: dict[str, str]) -> User:
    """A user in memory only, with its membership, never saved."""
    role, region = {
        "kemendagri": (Role.PEMBINA_PUSAT, None),
        "biro": (Role.PEMBINA_PROVINSI, where["province"]),
        "operator": (Role.OPERATOR, where["region"]),
    }[name]
    user = User(id=10**9 + len(name), username=f"bench_{name}", is_active=True)
    user.membership = Membership(user=user, role=role, region_id=region)  # type: ignore[attr-defined]
    return user


def pages(where: dict[str, str]) -> list[tuple[str, str, str]]:
    """bench_personas.oversight_pages, repeated here so that older code can be measured too."""
    rows = []
    for who in ("kemendagri", "biro", "operator"):
        rows += [(name, who, path) for name, path in (
            ("figures", "/pengawasan/"), ("map", "/pengawasan/peta/"),
            ("network", "/pengawasan/jaringan/"), ("affairs", "/pengawasan/urusan/"),
            ("monev", "/pengawasan/monev/"),
        )]  # fmt: skip
        if who != "operator":
            rows.append(("scorecard", who, "/pengawasan/rapor/"))
        rows.append(("region card", who, f"/pengawasan/rapor/{where['region']}/"))
    return rows


def clear() -> None:
    cache.clear()
    try:
        from ksd.oversight.freshness import forget
    except ImportError:  # code from before the process-local copy
        return
    forget()


def call(path: str, user: User) -> Any:
    request = RequestFactory(SERVER_NAME="localhost").get(path)
    request.user = user
    request.session = SessionStore()
    request._messages = CookieStorage(request)  # type: ignore[attr-defined]
    request.LANGUAGE_CODE = "id"  # type: ignore[attr-defined]
    match = resolve(request.path_info)
    response = match.func(request, *match.args, **match.kwargs)
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return response


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--pages", default="", help="only paths containing one of these")
    parser.add_argument("--cold", action="store_true", help="clear the cache before each request")
    args = parser.parse_args()
    translation.activate("id")
    where = targets()
    print(f"{connection.vendor}, targets {where}, {'cold' if args.cold else 'warm'} cache")
    print("| page | persona | best ms | median ms | queries | sql ms |")
    print("|---|---|---:|---:|---:|---:|")
    for label, who, path in pages(where):
        if args.pages and not any(w in path for w in args.pages.split(",")):
            continue
        user = persona(who, where)
        times = []
        for _ in range(args.repeat):
            if args.cold:
                clear()
            started = time.perf_counter()
            call(path, user)
            times.append((time.perf_counter() - started) * 1000)
        if args.cold:
            clear()
        with CaptureQueriesContext(connection) as queries:
            call(path, user)
        sql = sum(float(q["time"]) for q in queries.captured_queries) * 1000
        print(f"| {label} | {who} | {min(times):.1f} | {statistics.median(times):.1f} "
              f"| {len(queries)} | {sql:.0f} |", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

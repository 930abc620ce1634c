"""CPU per request of each page, in-process: the WSGI handler called directly, no HTTP.

The figure issue 8's throughput goal depends on: with 2 sync workers a page that costs C ms of
CPU (Python, and SQLite's own work, which runs in the process) serves at most ~2000 / C
requests a second, whatever the wall clock says on a busy machine. For each page of
`ksd bench_personas` (and a few more), it runs --warm requests, then --requests timed with
time.process_time, and prints the median and best CPU ms of --runs such runs and the page's SQL
query count. --profile PAGE prints cProfile's top functions for the pages whose name contains
PAGE.

    KSD_VAR_DIR=var PYTHONPATH=src python bench/cpu.py [--requests 20] [--runs 3] [--only register]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import time
from typing import Any


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ksd.settings")
    import django

    django.setup()


def _personas() -> dict[str, Any]:
    from django.core.management import call_command

    out = io.StringIO()
    call_command("bench_personas", stdout=out)
    return json.loads(out.getvalue())


def _pages(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    rows = [(p["page"], p["persona"], p["path"]) for p in data["pages"]]
    extra = [
        ("register", "dprd", "/kerja-sama/"),
        ("cooperation page", "operator", f"/kerja-sama/{_own_largest(data['targets'])}/"),
        ("home", "", "/"),
        ("home", "operator", "/"),
    ]
    return rows + [e for e in extra if e not in rows]


def _own_largest(targets: dict[str, Any]) -> int | None:
    """The operator's region's cooperation with the most parties (the bench's largest record
    need not be one of theirs)."""
    from django.db.models import Count

    from ksd.cooperation.models import Cooperation, Party

    mine = Party.objects.filter(region_id=targets["region"]).values("cooperation_id")
    row = (
        Cooperation.objects.filter(pk__in=mine)
        .annotate(n=Count("parties")).order_by("-n", "id").values("id").first()
    )  # fmt: skip
    return row["id"] if row else None


def _environ(path: str, cookie: str | None) -> dict[str, Any]:
    route, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": route, "QUERY_STRING": query,
        "SERVER_NAME": "localhost", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr, "wsgi.version": (1, 0), "wsgi.multithread": False,
        "wsgi.multiprocess": True, "wsgi.run_once": False,
    }  # fmt: skip
    if cookie:
        environ["HTTP_COOKIE"] = f"sessionid={cookie}"
    return environ


def _call(handler: Any, path: str, cookie: str | None) -> tuple[str, bytes]:
    status: list[str] = []
    response = handler(_environ(path, cookie), lambda s, h, *a: status.append(s))
    try:
        body = b"".join(response)
    finally:
        response.close()
    return status[0], body


def _counter(queries: list[str]) -> Any:
    """An execute wrapper that notes each statement (Django's own query log is reset when a
    request starts)."""

    def count(execute: Any, sql: str, *rest: Any) -> Any:
        queries.append(sql)
        return execute(sql, *rest)

    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warm", type=int, default=3)
    parser.add_argument("--only", default="", help="pages whose name contains one of these")
    parser.add_argument("--profile", default="", help="cProfile the pages matching this")
    parser.add_argument("--dump", default="", help="write each page's HTML to this folder")
    args = parser.parse_args(argv)
    _setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    data = _personas()
    cookies = data["cookies"]
    handler = WSGIHandler()
    print("| page | persona | CPU ms median | best | queries | bytes |")
    print("|---|---|---:|---:|---:|---:|")
    for page, persona, path in _pages(data):
        if args.only and not any(w in page for w in args.only.split(",")):
            continue
        cookie = cookies.get(persona) if persona else None
        for _ in range(args.warm):
            status, body = _call(handler, path, cookie)
        if not status.startswith("200"):
            print(f"| {page} | {persona or 'anonim'} | {status} | | | |")
            continue
        queries: list[str] = []
        with connection.execute_wrapper(_counter(queries)):
            _call(handler, path, cookie)
        runs = []
        for _ in range(args.runs):
            started = time.process_time()
            for _ in range(args.requests):
                _call(handler, path, cookie)
            runs.append((time.process_time() - started) * 1000 / args.requests)
        print(f"| {page} | {persona or 'anonim'} | {statistics.median(runs):.1f} "
              f"| {min(runs):.1f} | {len(queries)} | {len(body)} |", flush=True)  # fmt: skip
        if args.dump:
            name = f"{page}-{persona or 'anonim'}".replace(" ", "_").replace(",", "")
            with open(os.path.join(args.dump, name + ".html"), "wb") as f:
                f.write(body)
        if args.profile and args.profile in f"{page} {persona}":
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.requests):
                _call(handler, path, cookie)
            profiler.disable()
            stats = pstats.Stats(profiler).sort_stats("cumulative")
            stats.print_stats(45)
            stats.sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

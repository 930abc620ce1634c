"""`make bench-web`: KSD's pages at national scale, served by the production server.

For each database (SQLite, PostgreSQL) it generates the dataset once (`ksd generate_dataset`),
reused while the count and the generator's VERSION match (a file next to the data records which
wrote it; a dataset of another version is dropped and generated again; new migrations are
applied to a reused dataset),
creates one user per role (`ksd bench_personas`, which also counts each page's SQL queries),
starts gunicorn the way `make serve` does, and measures every page of the issue's table:

- one user: requests one after another for --seconds (at least 3, at most 300): p50, p95, p99;
- throughput: --connections at once for --seconds, with wrk when it is installed (a C client
  that leaves the cores to the server), else Python threads (say so: they take CPU from it);
- the bare view (/healthz/, anonymous) measured just before each page, so the ratio compares
  figures taken under the same conditions;
- the first visit: one request before all of these, which computes the page; the others are
  answered by the page kept in the cache (core/page_cache.py) while nothing is written.

It ends with one line: `worst page p95 X ms, worst ratio Y`. Every loop is bounded in time and
count, and only 127.0.0.1 is contacted.

    python bench/web.py [--cooperations 100000] [--databases sqlite,postgres] [--seconds 5]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _env(database: str, cooperations: int, pg_name: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["KSD_VAR_DIR"] = str(ROOT / "var" / f"bench-{database}-{cooperations}")
    if database == "postgres":
        env["KSD_DB"] = "postgres"
        env["KSD_PG_NAME"] = pg_name or f"ksd_bench_{cooperations}"
    return env


def _ksd(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [str(BIN / "ksd"), *args], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.exit(f"ksd {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result.stdout


def _ensure_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect(host=HOST, user="postgres", dbname="postgres", autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            db.execute(f'CREATE DATABASE "{name}"')


def _drop_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect(host=HOST, user="postgres", dbname="postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _marker(env: dict[str, str], database: str) -> Path:
    """The file that says which generator and schema wrote the dataset of this database."""
    name = env["KSD_PG_NAME"] if database == "postgres" else "sqlite"
    return Path(env["KSD_VAR_DIR"]) / f"dataset-{name}.txt"


def _reset(env: dict[str, str], database: str) -> None:
    """Throw away a dataset that an older generator or schema wrote, so it is generated again."""
    if database == "postgres":
        _drop_postgres_database(env["KSD_PG_NAME"])
    else:
        for path in Path(env["KSD_VAR_DIR"]).glob("ksd.sqlite3*"):
            path.unlink()
    _marker(env, database).unlink(missing_ok=True)


def prepare(
    database: str, cooperations: int, pg_name: str | None = None
) -> tuple[dict[str, str], dict[str, object]]:
    env = _env(database, cooperations, pg_name)
    Path(env["KSD_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    # The generator's version: a dataset written by another version is generated again.
    fingerprint = _last_line(_ksd(env, "shell", "-c", _FINGERPRINT))
    marker = _marker(env, database)
    written_by = _last_line(marker.read_text()) if marker.exists() else None
    if written_by != fingerprint and _has_database(env, database):
        print(f"[{database}] the dataset was written by another generator or schema: "
              "generating it again", flush=True)  # fmt: skip
        _reset(env, database)
    if database == "postgres":
        _ensure_postgres_database(env["KSD_PG_NAME"])
    _ksd(env, "migrate", "--no-input")
    _ksd(env, "recompute_status", "--missing")  # as `make serve` does after migrating
    _ksd(env, "load_reference_data")
    count = int(_ksd(env, "shell", "-c", _COUNT).split()[-1])
    if count < cooperations:
        started = time.monotonic()
        print(f"[{database}] generating {cooperations - count:,} cooperations ...", flush=True)
        _ksd(env, "generate_dataset", "--cooperations", str(cooperations - count))
        print(f"[{database}] generated in {time.monotonic() - started:.0f} s", flush=True)
    marker.write_text(fingerprint + "\n")
    _ksd(env, "collectstatic", "--no-input", "-v0")
    personas = json.loads(_ksd(env, "bench_personas"))
    return env, personas


_COUNT = "from ksd.cooperation.models import Cooperation; print(Cooperation.objects.count())"
# Only the generator's version: a migration that adds a table, a column or an index is applied
# to the dataset by `ksd migrate` (and the stored status filled by `ksd recompute_status
# --missing`), so a new migration alone does not throw away a national dataset.
_FINGERPRINT = "from ksd.dataset.generator import VERSION; print(f'generator {VERSION}')"


def _last_line(text: str) -> str:
    return ([line for line in text.splitlines() if line.strip()] or [""])[-1].strip()


def _has_database(env: dict[str, str], database: str) -> bool:
    if database == "sqlite":
        return (Path(env["KSD_VAR_DIR"]) / "ksd.sqlite3").exists()
    import psycopg

    with psycopg.connect(host=HOST, user="postgres", dbname="postgres", autocommit=True) as db:
        query = "SELECT 1 FROM pg_database WHERE datname = %s"
        return db.execute(query, (env["KSD_PG_NAME"],)).fetchone() is not None


class Server:
    """gunicorn with the production settings, as `make serve` starts it."""

    def __init__(self, env: dict[str, str], workers: int) -> None:
        self.port = _free_port()
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "ksd.wsgi", "--bind", f"{HOST}:{self.port}",
             "--workers", str(workers), "--timeout", "120", "--log-level", "warning"],
            env=env, cwd=ROOT, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if _get(self.port, "/healthz/", None)[0] == 200:
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        sys.exit("gunicorn did not answer /healthz/ within 60 s")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)

    def memory_mb(self) -> list[float]:
        """Resident memory of each worker (the master excluded)."""
        out = subprocess.run(
            ["ps", "-o", "rss=", "--ppid", str(self.process.pid)],
            capture_output=True, text=True, check=False,
        ).stdout  # fmt: skip
        return [int(kb) / 1024 for kb in out.split()]


def _get(port: int, path: str, cookie: str | None) -> tuple[int, float]:
    conn = http.client.HTTPConnection(HOST, port, timeout=120)
    try:
        return _request(conn, path, cookie)
    finally:
        conn.close()


# What a browser asks for (Chromium and Firefox send this): kept pages are then answered
# compressed (core/gzip_pieces.py). --accept-encoding identity measures uncompressed pages.
ACCEPT_ENCODING = {"value": "gzip, deflate, br"}


def _headers(cookie: str | None) -> dict[str, str]:
    headers = {"Accept-Encoding": ACCEPT_ENCODING["value"]}
    if cookie:
        headers["Cookie"] = f"sessionid={cookie}"
    return headers


def _request(conn: http.client.HTTPConnection, path: str, cookie: str | None) -> tuple[int, float]:
    headers = _headers(cookie)
    started = time.perf_counter()
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.read()
    return response.status, (time.perf_counter() - started) * 1000


def one_user(port: int, path: str, cookie: str | None, seconds: float) -> list[float]:
    """Latencies (ms) of requests made one after another."""
    conn = http.client.HTTPConnection(HOST, port, timeout=120)
    times: list[float] = []
    deadline = time.monotonic() + seconds
    try:
        while len(times) < 300 and (len(times) < 3 or time.monotonic() < deadline):
            status, ms = _request(conn, path, cookie)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
            times.append(ms)
    finally:
        conn.close()
    return times


def throughput(port: int, path: str, cookie: str | None, seconds: float, connections: int) -> float:
    """Requests per second with `connections` clients at once."""
    if shutil.which("wrk"):
        args = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{max(seconds, 1):.0f}s"]
        for name, value in _headers(cookie).items():
            args += ["-H", f"{name}: {value}"]
        out = subprocess.run(
            [*args, "--timeout", "120s", f"http://{HOST}:{port}{path}"],
            capture_output=True, text=True, check=False, timeout=seconds + 180,
        ).stdout  # fmt: skip
        match = re.search(r"Requests/sec:\s+([\d.]+)", out)
        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        if non_2xx:
            raise RuntimeError(f"{path}: {non_2xx.group(1)} answers were not 200")
        return float(match.group(1)) if match else 0.0
    done = [0] * connections
    deadline = time.monotonic() + seconds

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=120)
        while time.monotonic() < deadline:
            _request(conn, path, cookie)
            done[i] += 1
        conn.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 180)
    return sum(done) / (time.monotonic() - started)


def _pct(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(database: str, args: argparse.Namespace) -> list[dict[str, object]]:
    env, personas = prepare(database, args.cooperations, args.pg_name)
    cookies: dict[str, str] = personas["cookies"]  # type: ignore[assignment]
    server = Server(env, args.workers)
    rows: list[dict[str, object]] = []
    try:
        for page in personas["pages"]:  # type: ignore[attr-defined]
            if args.pages and not any(w in page["page"] for w in args.pages.split(",")):
                continue
            cookie = cookies.get(page["persona"]) if page["persona"] else None
            # The first visit computes the page (core/page_cache.py keeps it for the next ones
            # until anything is written); the figures after it are of the page kept.
            first = _get(server.port, page["path"], cookie)[1]
            one_user(server.port, page["path"], cookie, 1)  # warm-up
            bare = throughput(server.port, "/healthz/", None, args.seconds, args.connections)
            rps = throughput(server.port, page["path"], cookie, args.seconds, args.connections)
            times = one_user(server.port, page["path"], cookie, args.seconds)
            rows.append({
                "database": database, "page": page["page"], "persona": page["persona"] or "anonim",
                "rps": rps, "p50": statistics.median(times), "p95": _pct(times, 0.95),
                "p99": _pct(times, 0.99), "queries": page["queries"], "ratio": rps / bare,
                "first": first,
            })  # fmt: skip
            _print_row(rows[-1])
        memory = server.memory_mb()
        print(f"[{database}] worker memory: {', '.join(f'{m:.0f} MB' for m in memory)}")
    finally:
        server.stop()
    return rows


def _print_row(row: dict[str, object]) -> None:
    print(
        f"| {row['database']:<8} | {row['page']:<20} | {row['persona']:<10} | {row['rps']:>8.1f} "
        f"| {row['p50']:>8.1f} | {row['p95']:>8.1f} | {row['p99']:>8.1f} | {row['queries']:>3} "
        f"| {row['ratio']:>6.1%} | {row['first']:>8.1f} |",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cooperations", type=int, default=100_000)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--seconds", type=float, default=5.0, help="per page and measurement")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument(
        "--pg-name", help="PostgreSQL database to measure (default ksd_bench_<cooperations>)"
    )
    parser.add_argument(
        "--pages", default="", help="only the pages whose name contains one of these (comma list)"
    )
    parser.add_argument(
        "--accept-encoding", default=ACCEPT_ENCODING["value"],
        help="the Accept-Encoding header sent (default: a browser's; 'identity' for none)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    ACCEPT_ENCODING["value"] = args.accept_encoding
    client = "wrk" if shutil.which("wrk") else "Python threads (install wrk for fairer figures)"
    print(f"{args.cooperations:,} cooperations, {args.workers} workers, "
          f"{args.connections} connections, {args.seconds:g} s per figure, load by {client}, "
          f"Accept-Encoding: {args.accept_encoding}")  # fmt: skip
    print(
        "| database | page                 | persona    |    req/s |  p50 ms |  p95 ms "
        "|  p99 ms | sql | /bare  | first ms |"
    )
    rows: list[dict[str, object]] = []
    for database in args.databases.split(","):
        rows += measure(database.strip(), args)
    pages = [r for r in rows if r["page"] != "bare view"] or rows
    worst_p95 = max(pages, key=lambda r: r["p95"])  # type: ignore[arg-type,return-value]
    worst_ratio = min(pages, key=lambda r: r["ratio"])  # type: ignore[arg-type,return-value]
    worst_first = max(pages, key=lambda r: r["first"])  # type: ignore[arg-type,return-value]
    print(
        f"worst page p95 {worst_p95['p95']:.0f} ms ({worst_p95['database']}, {worst_p95['page']}, "
        f"{worst_p95['persona']}), worst ratio {worst_ratio['ratio']:.1%} "
        f"({worst_ratio['database']}, {worst_ratio['page']}, {worst_ratio['persona']})"
    )
    print(
        f"slowest first visit {worst_first['first']:.0f} ms ({worst_first['database']}, "
        f"{worst_first['page']}, {worst_first['persona']})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

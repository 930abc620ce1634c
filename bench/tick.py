"""`ksd tick` on a dataset: wall time, SQL queries and peak memory of one run (run_tick and
the stored status's refresh_due, as the command runs them).

Run it twice on the same copy of the dataset: the first run does the work that is due, the
second finds nothing (or almost nothing) left to do. It never touches a database you do not
point it at; use a copy of the national dataset (docs/performance.md, "ksd tick").

    KSD_VAR_DIR=var/bench-tick python bench/tick.py                 # SQLite copy
    KSD_DB=postgres KSD_PG_NAME=my_copy python bench/tick.py       # PostgreSQL copy

Optional: KSD_TICK_NOW=2026-12-01T09:00:00+00:00 fixes the instant the tick runs at, so a
before/after comparison on two copies does the same work; TICK_SLOW_MS=200 prints each
statement that took longer (bench/tick_rows.py then compares the rows the two runs left).
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import sys
import time
from collections import Counter

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ksd.settings")


def _shared_law() -> dict[str, object]:
    """As the `ksd tick` command does: one view of the law for the tick and refresh_due, where
    the code measured has it (a checkout of older code runs without)."""
    import inspect

    from ksd.cooperation.jobs import run_tick

    if "law" not in inspect.signature(run_tick).parameters:
        return {}
    from ksd.cooperation.tick_batches import Law

    return {"law": Law()}


def _statement_kind(sql: str) -> str:
    """The statement's verb and first table, e.g. 'SELECT cooperation_opentask'."""
    words = sql.replace('"', " ").split()
    verb = words[0].upper()
    for marker in ("FROM", "INTO", "UPDATE"):
        if marker in words:
            at = words.index(marker) + 1
            if at < len(words):
                return f"{verb} {words[at]}"
    return verb


def _law_callers() -> list[object]:
    """The modules of the code measured that call ksd.law's assess by that name."""
    import importlib

    found = []
    for name in ("ksd.cooperation.tick_batches", "ksd.cooperation.status", "ksd.cooperation.law"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "assess"):
            found.append(module)
    return found


def _time_phases() -> dict[str, tuple[float, float]]:
    """Wall and CPU time of each phase of the tick (and refresh_due), where the code has it."""
    from ksd.cooperation import jobs, status

    spent: dict[str, tuple[float, float]] = {}
    for module, name in ((jobs, "apply_deemed_approvals"), (jobs, "expire_agreements"),
                         (jobs, "notify_dprd_deadlines"), (status, "refresh_many")):  # fmt: skip
        real = getattr(module, name, None)
        if real is None:
            continue

        def timed(*args, _real=real, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return _real(*args, **kwargs)
            finally:
                was = spent.get(_name, (0.0, 0.0))
                spent[_name] = (was[0] + time.perf_counter() - wall,
                                was[1] + time.process_time() - cpu)  # fmt: skip

        setattr(module, name, timed)
    return spent


def main() -> int:
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Model

    from ksd.cooperation.jobs import run_tick
    from ksd.cooperation.status import refresh_due
    from ksd.core.clock import now
    from ksd.core.dates import today_at

    fixed = os.environ.get("KSD_TICK_NOW")
    moment = dt.datetime.fromisoformat(fixed) if fixed else now()
    queries: Counter[str] = Counter()

    slow_ms = float(os.environ.get("TICK_SLOW_MS", "inf"))
    in_sql = [0.0]
    spent: Counter[str] = Counter()

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        queries[sql.split(" ", 1)[0].upper()] += 1
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            took = time.perf_counter() - began
            in_sql[0] += took
            spent[_statement_kind(sql)] += took
            if took * 1000 >= slow_ms:
                print(f"  {took * 1000:.0f} ms: {sql[:300]}")

    loaded: Counter[str] = Counter()
    from_db = Model.from_db.__func__  # type: ignore[attr-defined]

    def counted_from_db(cls, db, field_names, values):  # type: ignore[no-untyped-def]
        loaded[cls.__name__] += 1
        return from_db(cls, db, field_names, values)

    Model.from_db = classmethod(counted_from_db)  # type: ignore[method-assign,assignment]
    assessed = [0]
    for module in _law_callers():
        real = module.assess

        def counted_assess(*args, _real=real, **kwargs):  # type: ignore[no-untyped-def]
            assessed[0] += 1
            return _real(*args, **kwargs)

        module.assess = counted_assess
    phases = _time_phases()
    with connection.execute_wrapper(count):
        started = time.perf_counter()
        shared = _shared_law()
        summary = run_tick(now=moment, **shared)
        ticked = time.perf_counter()
        # What the `ksd tick` command runs next: the stored status of what days passing changed.
        refreshed = refresh_due(today_at(moment), **({"run": shared["law"]} if shared else {}))
        elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    by_kind = ", ".join(f"{k} {v}" for k, v in sorted(queries.items()))
    print(f"{summary}; status: {refreshed} refreshed")
    print(f"run_tick {ticked - started:.2f} s, refresh_due {elapsed - ticked + started:.2f} s")
    print(f"database {connection.vendor}, at {moment.isoformat()}")
    print(f"in execute {in_sql[0]:.2f} s (PostgreSQL: rows included; SQLite fetches later)")
    if slow_ms != float("inf"):
        for kind, took in spent.most_common(12):
            print(f"  {took:6.2f} s  {kind}")
    print("phases (wall / this process's CPU): " + ", ".join(
        f"{name} {wall:.2f} / {cpu:.2f} s" for name, (wall, cpu) in phases.items()
    ))  # fmt: skip
    rows = ", ".join(f"{k} {v}" for k, v in loaded.most_common(6))
    print(f"rows read into Django objects: {rows}; ksd.law assessments {assessed[0]}")
    print(f"wall {elapsed:.2f} s, queries {sum(queries.values())} ({by_kind}), "
          f"peak RSS {peak_mb:.0f} MB")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

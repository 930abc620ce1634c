"""Run KSD's benchmarks and print one line per figure: `make bench` (pinned to one core).

Each benchmark module offers a function `(seconds: float) -> float` that returns operations per
second. A module that is missing or fails to import is reported as not available, so the other
figures still print.

    python bench/run.py [--seconds 2]
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# (module in bench/, function, what one operation is)
BENCHMARKS = [
    ("bench_calendar", "bench_additions", "working-day additions"),
    ("bench_assess", "bench_assessments", "full assessments"),
]


def _load(module_name: str, function_name: str) -> Callable[[float], float]:
    module = importlib.import_module(module_name)
    function: Callable[[float], float] = getattr(module, function_name)
    return function


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per benchmark")
    args = parser.parse_args(argv)

    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    print(f"python {sys.version.split()[0]}, cores {cores}, {args.seconds:g} s each")
    for module_name, function_name, unit in BENCHMARKS:
        label = f"{module_name}.{function_name}"
        try:
            bench = _load(module_name, function_name)
        except (ImportError, AttributeError) as error:
            print(f"{label}: not available ({type(error).__name__}: {error})")
            continue
        rate = bench(args.seconds)
        print(f"{label}: {rate:,.0f} {unit} per second")
    return 0


if __name__ == "__main__":
    sys.exit(main())

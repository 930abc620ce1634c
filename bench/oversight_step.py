"""The oversight pages in-process on the first visit after a recorded step: before each request
an event is appended to a random cooperation, and rolled back once the request is answered.

It WRITES (rolled back): run it on a database of your own, never on a shared benchmark dataset.
The cache is filled by one request first, so each measured request pays what the first visitor
after a step pays, as bench/oversight.py --cold pays what the first visitor of the day does:

    KSD_DB=postgres KSD_PG_NAME=ksd_mine PYTHONPATH=src python bench/oversight_step.py

`--rewind` writes nothing, for the shared datasets: instead of a new event, the counts kept per
slice of the register (oversight/summed.py) are told they were read before the last `--events`
events, and every other entry of the cache is dropped; the request then reads again the slices
of those events' cooperations and builds every page's figures from the counts, as after a step
(the region card's lists stay, as after a step elsewhere in the country).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from django.db import connection, transaction
from django.db.models import Max
from django.utils import translation

import oversight  # bench/oversight.py: django.setup(), the personas and the pages
from ksd.cooperation.models import Cooperation, Event, EventKind
from ksd.core import clock


class _RollBackError(Exception):
    pass


def rewind(events: int) -> None:
    """The counts kept per slice as if read before the last `events` events; nothing else kept."""
    from django.core.cache import cache

    from ksd.oversight import freshness, summed
    from ksd.oversight.scorecard import Records

    cache.clear()
    for key, (_until, kept) in list(freshness._LOCAL.items()):
        if isinstance(kept, summed.Summed):
            kept.state = (kept.state[0] - events, kept.state[1])
        elif not isinstance(getattr(kept, "value", None), Records):
            del freshness._LOCAL[key]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--pages", default="", help="only paths containing one of these")
    parser.add_argument("--rewind", action="store_true", help="write nothing (see above)")
    parser.add_argument("--events", type=int, default=1, help="with --rewind: how many")
    args = parser.parse_args()
    translation.activate("id")
    where = oversight.targets()
    last = Cooperation.objects.aggregate(last=Max("id"))["last"]
    chance = random.Random(11)
    print(f"{connection.vendor}, targets {where}, first visit after a step")
    print("| page | persona | best ms | median ms | max ms |")
    print("|---|---|---:|---:|---:|")
    for label, who, path in oversight.pages(where):
        if args.pages and not any(w in path for w in args.pages.split(",")):
            continue
        user = oversight.persona(who, where)
        oversight.call(path, user)  # the cache filled, as it is once anyone visited
        times = []
        for _ in range(args.repeat):
            if args.rewind:
                rewind(args.events)
                started = time.perf_counter()
                oversight.call(path, user)
                times.append((time.perf_counter() - started) * 1000)
                continue
            pk = Cooperation.objects.filter(pk__gte=chance.randint(1, last)).order_by("pk")
            cooperation = pk.values_list("pk", flat=True).first()
            try:
                with transaction.atomic():
                    Event.objects.create(cooperation_id=cooperation, at=clock.now(),
                                         kind=EventKind.RECORD_CORRECTED, reason="bench")  # fmt: skip
                    started = time.perf_counter()
                    oversight.call(path, user)
                    times.append((time.perf_counter() - started) * 1000)
                    raise _RollBackError
            except _RollBackError:
                pass
        print(f"| {label} | {who} | {min(times):.1f} | {statistics.median(times):.1f} "
              f"| {max(times):.1f} |", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The set-based plumbing of `ksd tick`: ids in bounded chunks, records with what ksd.law needs
in a few queries per chunk, working calendars read once per run, and notifications created
once per subject with one query per batch.

The rules stay where they are: ksd.law decides every status and deadline, and each state change
still goes through its lifecycle service (one transaction, row lock, event).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from ksd.cooperation.law import facts_for, law_parameters
from ksd.cooperation.models import Cooperation, Notification
from ksd.cooperation.queries import Calendars
from ksd.cooperation.status import load_records
from ksd.core.bulk import Row, insert_rows, update_rows
from ksd.dprd.models import DprdReview
from ksd.law.assessment import Assessment, DprdVerdict, assess
from ksd.law.calendar import WorkingCalendar
from ksd.law.facts import Facts
from ksd.law.parameters import ParameterValue, every_value, supplied_values
from ksd.law.pp28_2018.foreign import DPRD_WORKING_DAYS as FOREIGN_DPRD_DAYS
from ksd.law.pp50_2007.dprd import CLOCKS as PP50_CLOCKS
from ksd.law.verdicts import Track
from ksd.regions.models import Region

# How many records one chunk loads: memory stays bounded whatever the size of the register.
CHUNK = 500
# How many assessments a run keeps for reuse (Law.assess): a record deemed approved is read
# again for its notices and its stored status, a record read for notices again for its status.
KEPT_ASSESSMENTS = 8_000
# A track with nothing left to happen by the passing of time alone (decided, no clock, every
# deadline past): read again only after a step, a correction or a change of clocks or holidays.
NEVER = dt.date(9999, 12, 31)
# A deadline's notice is due from NOTICE_WORKING_DAYS working days before it, which never
# spans more than three weeks, even around the collective leave of Idul Fitri.
NOTICE_WORKING_DAYS = 5
NOTICE_REACH = dt.timedelta(days=21)
_DATES = ("received_on", "opinion_sent_on", "opinion_received_on", "resubmitted_on",
          "approved_on", "rejected_on")  # fmt: skip


def chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    size = CHUNK
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def with_law_facts(ids: Iterable[int]) -> list[Cooperation]:
    """The cooperations of `ids` with what ksd.law's assessment reads, in four queries."""
    return load_records(ids, ("parties", "dprd_reviews"))


class Law:
    """One run's view of the law's inputs that do not change during the run: the working
    calendars of every region (holiday overrides read in one query), the administrator's
    parameters, and each region's time zone."""

    def __init__(self) -> None:
        regions = dict(Region.objects.values_list("code", "timezone"))
        self.timezones: dict[str, str] = regions
        self._overrides = Calendars(regions)
        self._calendars: dict[str, WorkingCalendar] = {}
        self.parameters: list[ParameterValue] = law_parameters()
        self._assessed: dict[tuple[int, dt.date], tuple[Facts, Assessment]] = {}
        # Records whose stored status the tick refreshed while it had them read (jobs), for
        # status.refresh_due's count.
        self.refreshed: list[int] = []

    def calendar(self, code: str) -> WorkingCalendar:
        if code not in self._calendars:
            self._calendars[code] = self._overrides(code)
        return self._calendars[code]

    def assess(self, cooperation: Cooperation, *, as_of: dt.date) -> Assessment:
        """ksd.law's assessment of a record loaded by with_law_facts, as of `as_of`: its facts
        and DPRD verdicts, which are all the tick reads (the notices, deemed approvals and the
        stored status).

        ksd.law is pure and the run's calendars and parameters do not change, so the same facts
        on the same day give the same assessment: a record read again in the same run (a deemed
        approval, then its notices and its stored status) is assessed once, as long as the facts
        built from its rows as they stand now are equal to the ones assessed."""
        facts = facts_for(cooperation, as_of=as_of, foreign_events=cooperation.foreign_events)
        key = (cooperation.pk, as_of)
        kept = self._assessed.get(key)
        if kept is not None and kept[0] == facts:
            return kept[1]
        full = assess(facts, calendars=self.calendar, parameters=self.parameters)
        # What the tick reads of it (the DPRD verdicts, the facts): the rest of a whole
        # assessment, kept for thousands of records, cost more memory than the run itself.
        assessment = Assessment(facts=facts, dprd=[_slim(v) for v in full.dprd])
        self._assessed.pop(key, None)
        self._assessed[key] = (facts, assessment)
        if len(self._assessed) > KEPT_ASSESSMENTS:  # the oldest goes first
            del self._assessed[next(iter(self._assessed))]
        return assessment

    def longest_dprd_clock(self) -> int:
        """The most working days any DPRD clock can count (PP 50/2007 Pasal 12, PP 28/2018
        Pasal 30 ayat (4), and every value of pp28_dprd_clocks, bundled or entered)."""
        days = [
            PP50_CLOCKS.assessment, PP50_CLOCKS.opinion, PP50_CLOCKS.revision,
            PP50_CLOCKS.deemed_approval or 0, FOREIGN_DPRD_DAYS,
        ]  # fmt: skip
        with supplied_values(self.parameters):
            values = every_value("pp28_dprd_clocks")
        for value in values:
            if isinstance(value, dict):
                days.extend(int(v) for v in value.values() if v is not None)
        return max(days)

    def dprd_lookback(self) -> dt.timedelta:
        """A deadline of n working days falls well within 3n + 60 calendar days of its day 0
        (at most 2 weekend days per 5 working days, plus every holiday and collective leave of
        a year); a track whose every date is older cannot have a deadline still to come."""
        return dt.timedelta(days=3 * self.longest_dprd_clock() + 60)


def _slim(verdict: DprdVerdict) -> DprdVerdict:
    """A DPRD verdict with what the tick reads: region, whether approval is required, the
    track's status and deadlines (not the reasons, findings and parameters shown on pages)."""
    track = Track(deadlines=verdict.track.deadlines, status=verdict.track.status)
    return DprdVerdict(verdict.region, verdict.approval_required, [], track, verdict.regime)


def next_check(
    review: DprdReview, track: Track, today: dt.date, noticed: set[dt.date],
    calendar: WorkingCalendar,
) -> dt.date:  # fmt: skip
    """The first day after `today` on which reading the track again can change what the tick
    does: a deadline comes within NOTICE_WORKING_DAYS working days by the region's `calendar`,
    the day its notice is due (a reading on the days before leaves nothing, so there is none;
    a change of holidays or clocks resets the schedule), a noticed deadline passes (the status
    moves on: overdue, or deemed approved the day after, PP 50/2007 Pasal 12 ayat (4)), or a
    step dated ahead takes effect. A track ksd.law deems approved but not yet recorded so (its
    record was locked by someone else when the tick came, or the resubmission was entered
    late) stays due: the next run's deemed approvals pick it up (jobs.apply_deemed_approvals
    reads only tracks whose day has come)."""
    if (
        track.status == "deemed_approved"
        and review.deemed_approved_on is None
        and track.deadlines.get("deemed_approval_due") is not None
    ):
        return today
    days = [d for name in _DATES if (d := getattr(review, name)) is not None and d > today]
    for due in track.deadlines.values():
        if due is None or due < today:
            continue
        if due in noticed:
            days.append(due + dt.timedelta(days=1))
        else:
            days.append(_notice_day(max(today + dt.timedelta(days=1), due - NOTICE_REACH), due,
                                    calendar))  # fmt: skip
    return min(days, default=NEVER)


def _notice_day(first: dt.date, due: dt.date, calendar: WorkingCalendar) -> dt.date:
    """The first day from `first` on which `due` is within NOTICE_WORKING_DAYS working days
    (the tick's test for a notice, jobs._notify_and_schedule); at the latest `due` itself,
    unless `first` is later."""
    day = first
    while day < due and (left := calendar.count_working_days(day, due)) > NOTICE_WORKING_DAYS:
        # One day later counts at most one working day fewer: never past the first such day.
        day += dt.timedelta(days=left - NOTICE_WORKING_DAYS)
    return day


def save_schedule(schedule: dict[int, dt.date]) -> None:
    """Each track's next reading, in one statement (a bulk update, which DprdReview.save's
    reset does not see)."""
    rows = [Row(pk=pk, next_check_on=day) for pk, day in schedule.items()]
    update_rows(DprdReview, rows, ["next_check_on"])


class Notices:
    """Notifications a run wants to leave, created once per (cooperation, region, kind, due):
    the existing ones are read in one query per flush, the rest inserted in one statement; the
    unique constraint still decides when a concurrent run got there first."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now
        self._wanted: dict[tuple[int, str, str, dt.date | None], Notification] = {}

    def add(self, cooperation: Cooperation, region: str, kind: str, due_on: dt.date | None,
            message: str, citation: str) -> None:  # fmt: skip
        key = (cooperation.pk, region, kind, due_on)
        self._wanted.setdefault(
            key,
            Notification(
                cooperation=cooperation, region_id=region, kind=kind, due_on=due_on,
                message=message, citation=citation, created_at=self.now,
            ),
        )  # fmt: skip

    def flush(self) -> int:
        """Create the wanted notifications that do not exist yet; returns how many."""
        if not self._wanted:
            return 0
        wanted, self._wanted = self._wanted, {}
        existing = set(
            Notification.objects.filter(
                cooperation_id__in={k[0] for k in wanted}, kind__in={k[2] for k in wanted}
            ).values_list("cooperation_id", "region_id", "kind", "due_on")
        )
        new = [n for key, n in wanted.items() if key not in existing]
        insert_rows(Notification, new, ignore_conflicts=True)
        return len(new)

"""Monitoring rows for a generated dataset (`ksd generate_monitoring`): for each generated
cooperation whose implementation started and that has no reporting schedule yet, one
implementing agency per party region (when it has none), a reporting schedule, the periodic
reports due until today (most on time, some late, some missing) and the parties' obligations and
milestones (most done, some late, some to come). Written with bulk inserts, a batch of
cooperations per transaction, so a national dataset takes minutes.

It only adds rows to a dataset that `ksd generate_dataset` wrote: the generator's VERSION, and so
the datasets a benchmark keeps, stay as they are. The reporting duties (ReportingDuty.next_due_on)
are computed with monitoring/schedule.py, exactly as monitoring/services.refresh_duties keeps
them, so the late lists read what the services would have written.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from ksd.cooperation.models import Cooperation, ImplementingAgency, Party, Stage
from ksd.monitoring.models import (
    PERIOD_MONTHS,
    Obligation,
    Period,
    PeriodicReport,
    ReportingDuty,
    ReportingSchedule,
)
from ksd.monitoring.schedule import add_months, due_dates

BATCH = 500
# The monitored stages a generated record can be in with its implementation started.
STAGES = (Stage.IMPLEMENTING, Stage.TERMINATED, Stage.EXPIRED)
PERIOD_WEIGHTS = {Period.QUARTERLY: 6, Period.SEMESTER: 3, Period.YEARLY: 1}
AGENCIES = (
    "Dinas Perhubungan", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Lingkungan Hidup",
    "Dinas Pariwisata", "Dinas Kesehatan", "Badan Perencanaan Pembangunan Daerah",
    "Dinas Penanaman Modal dan PTSP", "Dinas Pendidikan",
)  # fmt: skip
MILESTONES = (
    "Rapat koordinasi para pihak", "Penyusunan rencana kerja tahunan",
    "Serah terima aset", "Pembangunan sarana selesai", "Evaluasi tengah masa kerja sama",
    "Laporan akhir pelaksanaan",
)  # fmt: skip
# Chances, per agency: it stops reporting at some due date (the rest missing); per report: late.
STOPS_REPORTING = 0.2
REPORTS_LATE = 0.15
OBLIGATION_DONE = 0.75


@dataclass
class Written:
    cooperations: int = 0
    agencies: int = 0
    reports: int = 0
    obligations: int = 0
    late_reports: int = 0


def _user() -> object:
    """The generated, inactive account the dataset's rows are recorded by (generate_dataset's)."""
    user, created = get_user_model().objects.get_or_create(
        username="data-uji", defaults={"is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def pending() -> Iterator[list[int]]:
    """The ids of the generated cooperations still without monitoring, a batch at a time."""
    rows = (
        Cooperation.objects.filter(
            is_demo=True, stage__in=STAGES, implementation_started_on__isnull=False,
            signed_on__isnull=False, reporting_schedule__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )  # fmt: skip
    batch: list[int] = []
    for pk in rows.iterator(chunk_size=5000):
        batch.append(pk)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def generate_monitoring(
    *, seed: int, today: dt.date, now: dt.datetime,
    progress: Callable[[int], None] | None = None,
) -> Written:  # fmt: skip
    """Add monitoring rows to every generated cooperation that lacks them; returns the counts."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    user = _user()
    written = Written()
    for ids in list(pending()):
        with transaction.atomic():
            _write(ids, rng, today, now, user, written)
        written.cooperations += len(ids)
        if progress:
            progress(written.cooperations)
    return written


def _write(
    ids: list[int], rng: random.Random, today: dt.date, now: dt.datetime, user: object,
    written: Written,
) -> None:  # fmt: skip
    coops = list(Cooperation.objects.filter(pk__in=ids).order_by("pk"))
    parties: dict[int, list[Party]] = {}
    for party in Party.objects.filter(cooperation_id__in=ids).order_by("pk"):
        parties.setdefault(party.cooperation_id, []).append(party)
    agencies: dict[int, list[ImplementingAgency]] = {}
    for agency in ImplementingAgency.objects.filter(cooperation_id__in=ids).order_by("pk"):
        agencies.setdefault(agency.cooperation_id, []).append(agency)

    new_agencies: list[ImplementingAgency] = []
    for coop in coops:
        if agencies.get(coop.pk):
            continue
        assert coop.implementation_started_on is not None  # noqa: S101 - filtered
        for party in parties.get(coop.pk, []):
            if party.region_id:
                new_agencies.append(ImplementingAgency(
                    cooperation=coop, region_id=party.region_id,
                    agency_name=f"{rng.choice(AGENCIES)} (data uji)",
                    assigned_on=coop.implementation_started_on,
                ))  # fmt: skip
    ImplementingAgency.objects.bulk_create(new_agencies, batch_size=2000)
    for agency in new_agencies:
        agencies.setdefault(agency.cooperation_id, []).append(agency)
    written.agencies += len(new_agencies)

    schedules: list[ReportingSchedule] = []
    duties: list[ReportingDuty] = []
    reports: list[PeriodicReport] = []
    obligations: list[Obligation] = []
    for coop in coops:
        own = agencies.get(coop.pk, [])
        if not own:
            continue
        started = coop.implementation_started_on
        assert started is not None  # noqa: S101 - filtered
        assert coop.signed_on is not None  # noqa: S101 - filtered
        period = rng.choices(list(PERIOD_WEIGHTS), weights=list(PERIOD_WEIGHTS.values()))[0]
        months = PERIOD_MONTHS[period]
        first = add_months(started, months)
        end = coop.ended_on or coop.ends_on
        schedules.append(ReportingSchedule(cooperation=coop, period=period, first_due_on=first,
                                           set_by=user, set_at=now))  # fmt: skip
        for agency in own:
            next_due = _reports(coop, agency, first, months, end, rng, today, now, user, reports,
                                written)  # fmt: skip
            duties.append(ReportingDuty(cooperation=coop, implementing_agency=agency,
                                        region_id=agency.region_id, next_due_on=next_due))  # fmt: skip
        for party in parties.get(coop.pk, []):
            if party.region_id:
                obligations.extend(_obligations(coop, party, started, end, rng, today, now, user))
    ReportingSchedule.objects.bulk_create(schedules, batch_size=2000)
    ReportingDuty.objects.bulk_create(duties, batch_size=2000)
    PeriodicReport.objects.bulk_create(reports, batch_size=2000)
    Obligation.objects.bulk_create(obligations, batch_size=2000)
    written.reports += len(reports)
    written.obligations += len(obligations)


def _reports(
    coop: Cooperation, agency: ImplementingAgency, first: dt.date, months: int,
    end: dt.date | None, rng: random.Random, today: dt.date, now: dt.datetime, user: object,
    out: list[PeriodicReport], written: Written,
) -> dt.date | None:  # fmt: skip
    """The agency's reports due before today, each on time or late, until it stops reporting
    (if it does); returns the earliest due date without a report, as refresh_duties would."""
    stops = rng.random() < STOPS_REPORTING
    next_due: dt.date | None = None
    for due in due_dates(first, months, since=agency.assigned_on, end=end):
        if due >= today:
            return next_due or due
        if stops and rng.random() < 0.5:
            stops = False  # from here on, nothing more
            next_due = next_due or due
        if next_due is not None:
            continue
        late = rng.random() < REPORTS_LATE
        if late:
            submitted = min(
                today - dt.timedelta(days=1), due + dt.timedelta(days=rng.randint(1, 45))
            )
        else:
            submitted = max(coop.signed_on or due, due - dt.timedelta(days=rng.randint(0, 12)))
        written.late_reports += submitted > due
        out.append(PeriodicReport(
            cooperation=coop, implementing_agency=agency, region_id=agency.region_id,
            due_on=due, progress="Kegiatan berjalan sesuai rencana kerja (data uji).",
            problems=rng.choice(("", "Anggaran terlambat cair.", "Koordinasi antardaerah.")),
            benefits=rng.choice(("", "Layanan menjangkau lebih banyak warga.")),
            money_spent=rng.randrange(0, 2_000_000_000, 1000), submitted_on=submitted,
            submitted_by=user, created_at=now,
        ))  # fmt: skip
    return next_due


def _obligations(
    coop: Cooperation, party: Party, started: dt.date, end: dt.date | None, rng: random.Random,
    today: dt.date, now: dt.datetime, user: object,
) -> list[Obligation]:  # fmt: skip
    last = min(end or today + dt.timedelta(days=730), today + dt.timedelta(days=365))
    span = max((last - started).days, 1)
    rows = []
    for _ in range(rng.randint(1, 2)):
        due = started + dt.timedelta(days=rng.randint(1, span))
        done_on = None
        if due < today and rng.random() < OBLIGATION_DONE:
            done_on = min(today, due + dt.timedelta(days=rng.randint(-20, 20)))
            done_on = max(done_on, coop.signed_on or done_on)
        rows.append(Obligation(
            cooperation=coop, party=party,
            kind=rng.choice((Obligation.Kind.OBLIGATION, Obligation.Kind.MILESTONE)),
            description=f"{rng.choice(MILESTONES)} (data uji)", due_on=due, done_on=done_on,
            evidence="Berita acara (data uji)" if done_on else "", recorded_by=user,
            created_at=now,
        ))  # fmt: skip
    return rows

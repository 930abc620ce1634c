"""A national-scale dataset built through the models, for measuring KSD (issue 8).

Every cooperation is a valid record: its parties follow the seed's examples (neighbouring kab/kota
of one province, sometimes with their province or a neighbour across a provincial border, or one
region with a company), its dates run in the order of the lifecycle and end no later than
`today`, its DPRD tracks are the ones ksd.law requires, and it carries the events its stage implies.
Rows are written with bulk inserts in batches, so 100,000 cooperations take minutes.

Generated records are marked `is_demo` and titled "(data uji)", so they are never taken for real
records.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import connection, transaction

from ksd.cooperation.articles import article_for
from ksd.cooperation.models import (
    Cooperation,
    Event,
    EventKind,
    Kind,
    ManagementModel,
    Notification,
    Party,
    Stage,
)
from ksd.cooperation.status import refresh_many
from ksd.core.dates import today_at
from ksd.dprd.models import ClockSetting, DprdReview
from ksd.law.assessment import assess
from ksd.law.facts import Burden, Facts, ThirdParty, ThirdPartyForm
from ksd.law.facts import Party as LawParty
from ksd.law.pp50_2007.contents import DRAFT_CONTENTS
from ksd.law.regimes import Regime, regime_for
from ksd.law.region_history import exists_on
from ksd.law.regions import get_region
from ksd.regions.models import Affair, Region

TITLE_MARK = "(data uji)"
# What the generator writes, as a number: raise it whenever a change to this module writes other
# rows or values, so that `make bench-web` regenerates a dataset an older generator wrote.
VERSION = 4  # 4: events carry the stage they set (register as of a date)
FIRST_OFFER = dt.date(2008, 1, 7)
BATCH = 1000

# Share of cooperations per stage, every stage represented.
STAGE_WEIGHTS: dict[Stage, int] = {
    Stage.OFFERED: 5,
    Stage.DECLINED: 3,
    Stage.ACCEPTED: 4,
    Stage.JOINT_AGREEMENT: 6,
    Stage.DRAFTING: 6,
    Stage.DPRD_REVIEW: 9,
    Stage.READY_TO_SIGN: 3,
    Stage.SIGNED: 9,
    Stage.IMPLEMENTING: 31,
    Stage.TERMINATED: 4,
    Stage.EXPIRED: 20,
}
ORDER = (
    Stage.OFFERED,
    Stage.ACCEPTED,
    Stage.JOINT_AGREEMENT,
    Stage.DRAFTING,
    Stage.DPRD_REVIEW,
    Stage.READY_TO_SIGN,
    Stage.SIGNED,
    Stage.IMPLEMENTING,
)
WIB = ZoneInfo("Asia/Jakarta")
SIGNED_STAGES = (Stage.SIGNED, Stage.IMPLEMENTING, Stage.TERMINATED, Stage.EXPIRED)
COMPANY_FORMS = (
    ThirdPartyForm.PERSEROAN_TERBATAS,
    ThirdPartyForm.BUMD,
    ThirdPartyForm.KOPERASI,
    ThirdPartyForm.YAYASAN,
)
SUBJECTS = (
    "pengelolaan sampah regional",
    "penyediaan air minum",
    "transportasi antarwilayah",
    "pengembangan pariwisata",
    "pelayanan kesehatan rujukan",
    "penanggulangan bencana",
    "pengelolaan daerah aliran sungai",
    "promosi investasi",
    "pendidikan vokasi",
    "pemasaran produk pertanian",
)
# The burdens that make a DPRD's approval required (PP 50/2007 Pasal 9) or not.
BURDENED = Burden(apbd_cost=True, budgeted_current_year=False)
NOT_BURDENED = Burden(within_skpd_duties=True, budgeted_current_year=True)
# Where a DPRD still reviews, how far its track has gone, as shares of the records waiting:
# within its deadline, overdue, its opinion sent (revision within or past its limit), the revised
# draft back (deemed approved once 15 working days pass without a decision).
REVIEW_WEIGHTS: dict[str, int] = {
    "under_review": 35,
    "assessment_overdue": 25,
    "opinion_given": 10,
    "revision_overdue": 5,
    "resubmitted": 25,
}
# The numbers the generated dataset enters for PP 28/2018's DPRD clocks (ClockSetting): PP 28/2018
# leaves them to a Minister's regulation KSD does not ship, and without them no DPRD clock runs
# after 12 July 2018 (ksd.law.transition), so a dataset dated today would hold no overdue track.
# These are PP 50/2007 Pasal 12's working days, entered as test data, not as a regulation.
TEST_CLOCKS = {"assessment": 45, "opinion": 15, "revision": 14, "deemed_approval": 15}
TEST_CLOCKS_DECREE = f"Angka PP 50/2007 Pasal 12 {TITLE_MARK}"


def _burden_json(burden: Burden) -> dict[str, bool]:
    return {
        "apbd_cost": burden.apbd_cost,
        "budgeted_current_year": burden.budgeted_current_year,
        "uses_regional_assets": burden.uses_regional_assets,
        "public_pays": burden.public_pays,
        "within_skpd_duties": burden.within_skpd_duties,
    }


@dataclass
class Geography:
    """The autonomous regions by province, read once."""

    provinces: list[str]
    kabkota: dict[str, list[str]]
    affairs: list[int]

    @classmethod
    def load(cls) -> Geography:
        kabkota: dict[str, list[str]] = {}
        provinces: list[str] = []
        rows = Region.objects.filter(is_autonomous=True).order_by("code")
        for code, level, province in rows.values_list("code", "level", "province_id"):
            if level == Region.Level.PROVINSI:
                provinces.append(code)
            else:
                kabkota.setdefault(province, []).append(code)
        affairs = list(Affair.objects.order_by("position").values_list("pk", flat=True))
        return cls([p for p in provinces if len(kabkota.get(p, ())) >= 2], kabkota, affairs)


@dataclass
class Planned:
    """One cooperation and its rows before they are written."""

    cooperation: Cooperation
    parties: list[Party] = field(default_factory=list)
    reviews: list[DprdReview] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)


class Builder:
    def __init__(self, geography: Geography, rng: random.Random, today: dt.date, now: dt.datetime):
        self.geo = geography
        self.rng = rng
        self.today = today
        self.now = now
        self.serial = 0

    # ----- parties -----

    def _regions(self) -> list[str]:
        rng = self.rng
        province = rng.choice(self.geo.provinces)
        local = self.geo.kabkota[province]
        roll = rng.random()
        count = 2 if roll < 0.5 else 3 if roll < 0.75 else rng.randint(4, min(7, len(local)))
        if rng.random() < 0.003:  # a few regional bodies of many members
            count = min(len(local), rng.randint(20, 60))
        chosen = rng.sample(local, min(count, len(local)))
        if rng.random() < 0.12:
            chosen.append(province)
        elif rng.random() < 0.1:
            other = rng.choice([p for p in self.geo.provinces if p != province])
            chosen.append(rng.choice(self.geo.kabkota[other]))
        return chosen

    def _third_party(self) -> tuple[list[str], ThirdParty]:
        rng = self.rng
        province = rng.choice(self.geo.provinces)
        region = province if rng.random() < 0.2 else rng.choice(self.geo.kabkota[province])
        form = rng.choice(COMPANY_FORMS)
        self.serial += 1
        return [region], ThirdParty(f"Mitra Usaha {self.serial} {TITLE_MARK}", form, True)

    # ----- dates -----

    def _dates(self, stage: Stage, term: int) -> dict[str, dt.date]:
        """The lifecycle's dates for `stage`, in order, none after today."""
        rng = self.rng
        gaps = {
            "accepted": rng.randint(5, 40),
            "joint_agreement": rng.randint(10, 90),
            "drafted": rng.randint(10, 60),
            "dprd_received": rng.randint(3, 30),
            "dprd_approved": rng.randint(10, 60),
            "signed": rng.randint(5, 40),
            "started": rng.randint(0, 30),
        }
        span = dt.timedelta(days=sum(gaps.values()))
        in_force = dt.timedelta(days=365 * term - 1)
        latest = self.today - span
        earliest = latest - dt.timedelta(days=1500)
        if stage == Stage.EXPIRED:  # ended before today
            latest -= in_force + dt.timedelta(days=1)
            earliest = FIRST_OFFER
        elif stage in (Stage.SIGNED, Stage.IMPLEMENTING):  # still in force today
            earliest = latest - in_force + dt.timedelta(days=1)
        elif stage == Stage.TERMINATED:  # ended early, 200 days after it started
            latest -= dt.timedelta(days=200)
            earliest = FIRST_OFFER
        earliest = max(earliest, FIRST_OFFER)
        latest = max(latest, earliest)
        offered = earliest + dt.timedelta(days=rng.randint(0, (latest - earliest).days))
        dates = {"offered": offered}
        day = offered
        for name, gap in gaps.items():
            day += dt.timedelta(days=gap)
            dates[name] = day
        dates["ends"] = dates["started"] + in_force
        return dates

    def _review_dates(self, dates: dict[str, dt.date]) -> str:
        """Moves a record awaiting its DPRD so that its first track is at a realistic point of
        the DPRD's clocks on `today`; returns that point (a key of REVIEW_WEIGHTS)."""
        rng = self.rng
        today = self.today
        point = rng.choices(list(REVIEW_WEIGHTS), weights=list(REVIEW_WEIGHTS.values()))[0]
        ago = {
            "under_review": (0, 55),
            "assessment_overdue": (75, 360),
            "opinion_given": (20, 50),
            "revision_overdue": (90, 240),
            "resubmitted": (25, 55),
        }[point]
        received = today - dt.timedelta(days=rng.randint(*ago))
        shift = received - dates["dprd_received"]
        for name in ("offered", "accepted", "joint_agreement", "drafted", "dprd_received"):
            dates[name] += shift
        # Another DPRD of the record may have approved already, on or before today.
        waited = rng.randint(0, (today - received).days)
        dates["dprd_approved"] = received + dt.timedelta(days=waited)
        if point == "opinion_given":  # the head's 14 working days still run, or just ran out
            sent = today - dt.timedelta(days=rng.randint(1, 15))
        elif point == "revision_overdue":
            sent = received + dt.timedelta(days=rng.randint(10, 40))
        elif point == "resubmitted":  # back at the DPRD within the head's 14 working days
            sent = today - dt.timedelta(days=rng.randint(4, 16))
        else:
            return point
        dates["opinion_sent"] = max(sent, received + dt.timedelta(days=1))
        got = dates["opinion_sent"] + dt.timedelta(days=rng.randint(0, 2))
        dates["opinion_received"] = min(got, today)
        if point == "resubmitted":
            # Within a fortnight of the opinion's receipt and at most 12 days before today, so
            # the 15 working days of deemed approval end after today: the tick deems it later.
            back = dates["opinion_received"] + dt.timedelta(days=rng.randint(1, 12))
            dates["resubmitted"] = min(back, today)
        return point

    # ----- one cooperation -----

    def build(self) -> Planned:
        rng = self.rng
        stage = rng.choices(list(STAGE_WEIGHTS), weights=list(STAGE_WEIGHTS.values()))[0]
        is_third_party = rng.random() < 0.2
        term = rng.choice((1, 2, 3, 5, 5, 10))
        dates = self._dates(stage, term)
        if stage == Stage.DPRD_REVIEW:
            self._review_dates(dates)
        company: ThirdParty | None = None
        # Only regions that existed on the offer's date (ksd.law.region_history): a region
        # formed later could not have been a party.
        while True:
            if is_third_party:
                regions, company = self._third_party()
            else:
                regions = self._regions()
            if all(exists_on(code, dates["offered"]) for code in regions):
                break
        regime = regime_for(dates["offered"])
        reached = _reached(stage)
        subject = rng.choice(SUBJECTS)
        self.serial += 1
        signed = stage in SIGNED_STAGES
        cooperation = Cooperation(
            title=f"Kerja sama {subject} #{self.serial} {TITLE_MARK}",
            kind=Kind.THIRD_PARTY if company else Kind.INTER_REGIONAL,
            stage=stage,
            regime=regime.value,
            governing_on=dates["offered"],
            initiator_id=regions[0],
            offer_number=f"000/{self.serial}/PENAWARAN/{dates['offered'].year}",
            offered_on=dates["offered"],
            affair_id=rng.choice(self.geo.affairs) if self.geo.affairs else None,
            sector=subject,
            management_model=rng.choice(("", *ManagementModel.values)),
            is_demo=True,
            created_at=self.now,
            updated_at=self.now,
        )
        if Stage.JOINT_AGREEMENT in reached:
            cooperation.joint_agreement_number = f"KB/{self.serial}/{dates['joint_agreement'].year}"
            cooperation.joint_agreement_signed_on = dates["joint_agreement"]
        if Stage.DRAFTING in reached:
            contents = list(DRAFT_CONTENTS)
            if company:
                contents.append("sanksi")
            cooperation.draft_contents = contents
        if signed:
            cooperation.agreement_number = f"PKS/{self.serial}/{dates['signed'].year}"
            cooperation.signed_on = dates["signed"]
            cooperation.starts_on = dates["started"]
            cooperation.ends_on = dates["ends"]
            cooperation.term_years = term
            cooperation.is_published = rng.random() < 0.7
        if stage in (Stage.IMPLEMENTING, Stage.TERMINATED, Stage.EXPIRED):
            cooperation.implementation_started_on = dates["started"]
        if stage == Stage.TERMINATED:
            cooperation.ended_on = min(self.today, dates["started"] + dt.timedelta(days=200))
            cooperation.termination_ground = (
                "pasal18_a" if regime == Regime.PP50_2007 else "pasal9_a"
            )
        if stage == Stage.EXPIRED:
            cooperation.ended_on = dates["ends"] + dt.timedelta(days=1)
        planned = Planned(cooperation)
        self._parties(planned, regions, company, dates, stage)
        self._tracks(planned, dates, stage, reached)
        stage = Stage(cooperation.stage)
        self._events(planned, dates, stage, _reached(stage))
        return planned

    def _parties(
        self,
        planned: Planned,
        regions: list[str],
        company: ThirdParty | None,
        dates: dict[str, dt.date],
        stage: Stage,
    ) -> None:
        rng = self.rng
        reached = _reached(stage)
        declined_by = rng.randrange(1, len(regions) + (1 if company else 0))
        for i, code in enumerate(regions):
            burden = BURDENED if rng.random() < 0.6 else NOT_BURDENED
            party = Party(
                region_id=code,
                is_initiator=i == 0,
                accepted_on=dates["offered"] if i == 0 else None,
                burden=_burden_json(burden) if Stage.JOINT_AGREEMENT in reached else None,
            )
            if i and Stage.ACCEPTED in reached:
                party.accepted_on = dates["accepted"]
            if i and stage == Stage.DECLINED and i == declined_by:
                party.declined_on = dates["accepted"]
            planned.parties.append(party)
        if company:
            party = Party(
                third_party_name=company.name,
                third_party_form=company.form.value,
                third_party_domestic=True,
            )
            if Stage.ACCEPTED in reached:
                party.accepted_on = dates["accepted"]
            if stage == Stage.DECLINED:
                party.declined_on = dates["accepted"]
            planned.parties.append(party)

    def _tracks(
        self, planned: Planned, dates: dict[str, dt.date], stage: Stage, reached: set[Stage]
    ) -> None:
        """One DPRD track per region whose DPRD ksd.law says must approve."""
        if Stage.DPRD_REVIEW not in reached:
            return
        pending = stage == Stage.DPRD_REVIEW
        if pending:  # awaiting a DPRD: its region's plan burdens it
            planned.parties[0].burden = _burden_json(BURDENED)
        required = self._required_dprd(planned, dates["dprd_received"])
        if not required:
            if pending:  # no DPRD must approve under this regulation: still being drafted
                planned.cooperation.stage = Stage.DRAFTING
            return
        for n, code in enumerate(required):
            review = DprdReview(
                region_id=code,
                received_on=dates["dprd_received"],
                created_at=self.now,
                updated_at=self.now,
            )
            # Under review: the first track still waits; the others are decided or waiting.
            if not pending or (n > 0 and self.rng.random() < 0.5):
                review.approved_on = dates["dprd_approved"]
            elif "opinion_sent" in dates and (n == 0 or self.rng.random() < 0.5):
                review.opinion_sent_on = dates["opinion_sent"]
                review.opinion_received_on = dates["opinion_received"]
                review.resubmitted_on = dates.get("resubmitted")
            planned.reviews.append(review)
        if pending and all(r.approved_on for r in planned.reviews):
            planned.reviews[0].approved_on = None

    def _required_dprd(self, planned: Planned, on: dt.date) -> list[str]:
        parties = []
        burdens: dict[str, Burden | None] = {}
        for party in planned.parties:
            if party.region_id:
                region = get_region(party.region_id)
                parties.append(LawParty(region.code, region=region))
                burdens[region.code] = Burden(**party.burden) if party.burden else None
            else:
                form = ThirdPartyForm(party.third_party_form)
                third = ThirdParty(party.third_party_name, form, True)
                parties.append(LawParty(third.name, third_party=third))
        coop = planned.cooperation
        facts = Facts(
            date=coop.governing_on,
            regime=Regime(coop.regime),
            regime_overridden=False,
            as_of=on,
            parties=tuple(parties),
            burden_by_region=burdens,
            draft_contents=frozenset(coop.draft_contents) if coop.draft_contents else None,
            dprd={},
        )
        return [v.region for v in assess(facts).dprd if v.approval_required]

    def _events(
        self, planned: Planned, dates: dict[str, dt.date], stage: Stage, reached: set[Stage]
    ) -> None:
        coop = planned.cooperation
        regime = coop.regime
        initiator = coop.initiator_id

        state = [Stage.OFFERED]

        def add(
            kind: EventKind,
            on: dt.date,
            region: str | None = None,
            citation: str = "",
            stage: Stage | None = None,
        ) -> None:
            if not citation:
                try:
                    citation = article_for(kind, regime)
                except KeyError:
                    citation = ""
            state[0] = stage or state[0]
            # Recorded on the day of the step, in the order of the steps (the register as of a
            # past date reads these times), never after the generation itself.
            at = dt.datetime.combine(on, dt.time(9), tzinfo=WIB) + dt.timedelta(
                minutes=len(planned.events)
            )
            planned.events.append(
                Event(
                    kind=kind, at=min(at, self.now), on=on, region_id=region,
                    citation=citation, stage=state[0],
                )
            )  # fmt: skip

        add(EventKind.OFFERED, dates["offered"], initiator)
        answering = [p for p in planned.parties if not p.is_initiator]
        for n, party in enumerate(answering, start=1):
            if party.accepted_on:
                everyone = n == len(answering) and all(p.accepted_on for p in answering)
                add(EventKind.OFFER_ACCEPTED, party.accepted_on, party.region_id,
                    stage=Stage.ACCEPTED if everyone else None)  # fmt: skip
            if party.declined_on:
                add(EventKind.OFFER_DECLINED, party.declined_on, party.region_id,
                    stage=Stage.DECLINED)  # fmt: skip
        if Stage.JOINT_AGREEMENT in reached:
            add(EventKind.JOINT_AGREEMENT_SIGNED, dates["joint_agreement"], initiator,
                stage=Stage.JOINT_AGREEMENT)  # fmt: skip
        if Stage.DRAFTING in reached:
            add(EventKind.AGREEMENT_DRAFTED, dates["drafted"], initiator, stage=Stage.DRAFTING)
        for review in planned.reviews:
            add(EventKind.DPRD_SUBMITTED, review.received_on, review.region_id,
                stage=Stage.DPRD_REVIEW)  # fmt: skip
            if review.opinion_sent_on:
                add(EventKind.DPRD_OPINION, review.opinion_sent_on, review.region_id)
            if review.resubmitted_on:
                add(EventKind.DPRD_RESUBMITTED, review.resubmitted_on, review.region_id)
        for n, review in enumerate(planned.reviews, start=1):
            if review.approved_on:
                done = n == len(planned.reviews) and all(r.approved_on for r in planned.reviews)
                add(EventKind.DPRD_APPROVED, review.approved_on, review.region_id,
                    stage=Stage.READY_TO_SIGN if done else None)  # fmt: skip
            else:
                planned.notifications.append(
                    Notification(
                        region_id=review.region_id,
                        kind=Notification.Kind.DPRD_DEADLINE,
                        due_on=review.received_on + dt.timedelta(days=63),
                        message=f"Tenggat DPRD untuk {coop.title}",
                        created_at=self.now,
                    )
                )
        if stage in SIGNED_STAGES:
            add(EventKind.SIGNED, dates["signed"], initiator, stage=Stage.SIGNED)
            for party in planned.parties:
                if party.region_id:
                    add(EventKind.COPIES_SENT, dates["signed"], party.region_id)
            if coop.is_published:
                add(EventKind.PUBLISHED, dates["signed"], initiator)
        if coop.implementation_started_on:
            add(EventKind.IMPLEMENTATION_STARTED, coop.implementation_started_on, initiator,
                stage=Stage.IMPLEMENTING)  # fmt: skip
        if stage == Stage.TERMINATED and coop.ended_on:
            add(EventKind.TERMINATED, coop.ended_on, initiator, stage=Stage.TERMINATED)
        if stage == Stage.EXPIRED and coop.ended_on:
            add(EventKind.EXPIRED, coop.ended_on, stage=Stage.EXPIRED)
        # The record's stage is what its latest event left (a draft no DPRD must approve stays
        # "being drafted").
        planned.events[-1].stage = coop.stage
        coop.created_at = planned.events[0].at
        if (
            stage in (Stage.SIGNED, Stage.IMPLEMENTING)
            and coop.ends_on
            and coop.ends_on <= self.today + dt.timedelta(days=90)
        ):
            for party in planned.parties:
                if party.region_id:
                    planned.notifications.append(
                        Notification(
                            region_id=party.region_id,
                            kind=Notification.Kind.EXPIRING,
                            due_on=coop.ends_on,
                            message=f"{coop.title} berakhir {coop.ends_on:%d-%m-%Y}",
                            created_at=self.now,
                        )
                    )


def _reached(stage: Stage) -> set[Stage]:
    """The stages a cooperation at `stage` has passed through."""
    if stage == Stage.DECLINED:
        return {Stage.OFFERED}
    if stage in (Stage.TERMINATED, Stage.EXPIRED):
        return set(ORDER)
    return set(ORDER[: ORDER.index(stage) + 1])


def _write(batch: list[Planned], today: dt.date, as_of: dt.date) -> None:
    for planned in batch:  # the stalled rule's date, as cooperation/status.py keeps it
        days = [e.on or today for e in planned.events]
        planned.cooperation.last_step_on = max(days) if days else None
    Cooperation.objects.bulk_create([p.cooperation for p in batch])
    parties: list[Party] = []
    reviews: list[DprdReview] = []
    events: list[Event] = []
    notifications: list[Notification] = []
    for planned in batch:
        coop = planned.cooperation
        for rows, out in (
            (planned.parties, parties),
            (planned.reviews, reviews),
            (planned.events, events),
            (planned.notifications, notifications),
        ):
            for row in rows:
                row.cooperation = coop
            out.extend(rows)  # type: ignore[arg-type]
    Party.objects.bulk_create(parties, batch_size=2000)
    DprdReview.objects.bulk_create(reviews, batch_size=2000)
    Event.objects.bulk_create(events, batch_size=2000)
    Notification.objects.bulk_create(notifications, batch_size=2000, ignore_conflicts=True)
    # The stored status lists read (deadlines, flags, open tasks), from ksd.law, in bulk.
    refresh_many([p.cooperation.pk for p in batch], as_of)


def generate(
    count: int,
    *,
    seed: int,
    today: dt.date,
    now: dt.datetime,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write `count` generated cooperations; returns how many were written."""
    geography = Geography.load()
    if not geography.provinces:
        raise LookupError("no regions")
    enter_test_clocks(now)
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    builder = Builder(geography, rng, today, now)
    builder.serial = Cooperation.objects.count()
    written = 0
    for size in _batches(count):
        batch = [builder.build() for _ in range(size)]
        with transaction.atomic():
            _write(batch, today, today_at(now))
        written += size
        if progress:
            progress(written)
    return written


def enter_test_clocks(now: dt.datetime) -> None:
    """PP 28/2018's DPRD clocks for the generated records (TEST_CLOCKS), entered once by a
    generated, inactive account, unless an administrator has entered clocks already."""
    from django.contrib.auth import get_user_model

    if ClockSetting.objects.filter(withdrawn_at__isnull=True).exists():
        return
    user, created = get_user_model().objects.get_or_create(
        username="data-uji", defaults={"is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save()
    first_day = dt.date(2018, 7, 13)  # PP 28/2018 in force (Pasal 52)
    ClockSetting.objects.create(
        in_force_from=first_day,
        assessment_days=TEST_CLOCKS["assessment"],
        opinion_days=TEST_CLOCKS["opinion"],
        revision_days=TEST_CLOCKS["revision"],
        deemed_approval_days=TEST_CLOCKS["deemed_approval"],
        decree_number=TEST_CLOCKS_DECREE,
        decree_date=first_day,
        note="data uji",
        created_by=user,
        created_at=now,
    )


def _batches(count: int) -> Iterator[int]:
    while count > 0:
        yield min(BATCH, count)
        count -= BATCH


def refresh_statistics() -> None:
    """The query planner's statistics after a bulk load. Without them PostgreSQL guessed
    sequential scans for the register's access subqueries and SQLite sorted the public register
    from the wrong index (docs/performance.md). Outside a transaction PostgreSQL also vacuums,
    which fills the visibility map that index-only scans read."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        elif connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA optimize")

"""The stored status (cooperation/status.py) agrees with ksd.law after every step: whatever the
order in which users try the steps of an inter-regional cooperation under PP 50/2007 or a
cooperation with a third party under PP 28/2018 (refused steps included), after DPRD deemed
approval by `ksd tick`, corrections, withdrawal, cancellation, and days passing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ksd.cooperation import services
from ksd.cooperation.articles import copies_regime
from ksd.cooperation.corrections import services as corrections
from ksd.cooperation.disputes import services as disputes
from ksd.cooperation.jobs import run_tick
from ksd.cooperation.models import Cooperation, OpenTask
from ksd.cooperation.status import TaskKind, refresh_due, refresh_many
from ksd.core.dates import today_at
from ksd.core.errors import StepRefused
from ksd.dprd import services as dprd
from ksd.dprd.models import DprdReview
from ksd.law.assessment import copies_to_send
from ksd.law.regions import get_region

ALL_CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip
UNBUDGETED = {
    "apbd_cost": True, "budgeted_current_year": False, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": False,
}  # fmt: skip
BUDGETED = {**UNBUDGETED, "budgeted_current_year": True}
PARTLY_KNOWN = {"apbd_cost": True}  # the rest unknown: the DPRD track waits for them
D = dt.date


@dataclass
class Run:
    """One cooperation driven by a sequence of attempted steps; `now` moves when days pass."""

    operator: User
    biro: User
    minister: User
    now: dt.datetime
    pk: int = 0
    refused: list[str] = field(default_factory=list)

    def agrees(self) -> None:
        as_of = today_at(self.now)
        assert refresh_many([self.pk], as_of, check_only=True) == []

    def review(self, region: str) -> DprdReview | None:
        return DprdReview.objects.filter(cooperation_id=self.pk, region_id=region).first()


Step = Callable[[Run], object]


PP50_COPIES_ON = D(2016, 4, 4)


def _copies(run: Run, region: str, sent_on: dt.date = PP50_COPIES_ON) -> object:
    cooperation = Cooperation.objects.get(pk=run.pk)
    rule = copies_to_send(copies_regime(cooperation), get_region(region))
    recipients = list(rule.recipients) if rule else []
    return services.send_copies(run.pk, actor=run.operator, region_code=region,
                                recipients=recipients, sent_on=sent_on, now=run.now)  # fmt: skip


def _deem(run: Run, region: str) -> object:
    review = run.review(region)
    if review is None:
        raise StepRefused("no track")
    return dprd.apply_deemed_approval(review.pk, as_of=today_at(run.now), now=run.now)


def _wait(run: Run, days: int) -> object:
    """Days pass and `ksd tick` runs: deemed approvals, expiry, then the stored status."""
    run.now += dt.timedelta(days=days)
    run_tick(now=run.now)
    return refresh_due(today_at(run.now))


def _settle(run: Run) -> object:
    dispute = Cooperation.objects.get(pk=run.pk).disputes.filter(settled_on=None).first()
    if dispute is None:
        raise StepRefused("no dispute")
    actor = run.biro if dispute.authority == "gubernur" else run.minister
    settlement = "gubernur" if dispute.authority == "gubernur" else "menteri"
    if dispute.authority not in ("gubernur", "menteri"):
        actor, settlement = run.operator, "musyawarah"
    return disputes.settle_dispute(dispute.pk, actor=actor, settlement=settlement,
                                   settled_on=D(2016, 5, 2), decision_number="1/2016",
                                   summary="Diselesaikan.", now=run.now)  # fmt: skip


def _kartamantul(run: Run) -> int:
    return services.make_offer(
        actor=run.operator, title="Pengelolaan sampah regional", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04", "34.02")],
        offered_on=D(2016, 1, 4), offer_number="415.4/001", now=run.now,
    ).pk  # fmt: skip


def _burdens(first: dict[str, bool]) -> dict[str, dict[str, bool]]:
    return {"34.71": first, "34.04": UNBUDGETED, "34.02": BUDGETED}


# Inter-regional, PP 50/2007 (Kota Yogyakarta, Sleman, Bantul), dates in the order of the law.
PP50_STEPS: dict[str, Step] = {
    "accept sleman": lambda r: services.accept_offer(
        r.pk, actor=r.operator, party_key="34.04", on=D(2016, 1, 11), now=r.now),
    "accept bantul": lambda r: services.accept_offer(
        r.pk, actor=r.operator, party_key="34.02", on=D(2016, 1, 11), now=r.now),
    "decline bantul": lambda r: services.decline_offer(
        r.pk, actor=r.operator, party_key="34.02", on=D(2016, 1, 12), now=r.now),
    "joint agreement": lambda r: services.sign_joint_agreement(
        r.pk, actor=r.operator, number="KB/1", signed_on=D(2016, 1, 18), now=r.now),
    "burdens unknown": lambda r: services.record_burdens(
        r.pk, actor=r.operator, burdens=_burdens(PARTLY_KNOWN), now=r.now),
    "draft": lambda r: services.draft_agreement(
        r.pk, actor=r.operator, contents=ALL_CONTENTS, term_years=5, on=D(2016, 1, 25),
        burdens=_burdens(UNBUDGETED), now=r.now),
    "submit yogyakarta": lambda r: dprd.submit_to_dprd(
        r.pk, actor=r.operator, region_code="34.71", received_on=D(2016, 2, 1), now=r.now),
    "submit sleman": lambda r: dprd.submit_to_dprd(
        r.pk, actor=r.operator, region_code="34.04", received_on=D(2016, 2, 1), now=r.now),
    "opinion yogyakarta": lambda r: dprd.record_dprd_opinion(
        r.pk, actor=r.operator, region_code="34.71", sent_on=D(2016, 2, 15), now=r.now),
    "resubmit yogyakarta": lambda r: dprd.record_resubmission(
        r.pk, actor=r.operator, region_code="34.71", received_on=D(2016, 3, 1), now=r.now),
    "approve sleman": lambda r: dprd.record_dprd_decision(
        r.pk, actor=r.operator, region_code="34.04", approved=True, on=D(2016, 2, 22),
        now=r.now),
    "refuse sleman": lambda r: dprd.record_dprd_decision(
        r.pk, actor=r.operator, region_code="34.04", approved=False, on=D(2016, 2, 23),
        now=r.now),
    "deemed yogyakarta": lambda r: _deem(r, "34.71"),
    "correct resubmission": lambda r: corrections.correct_dprd_date(
        r.pk, actor=r.operator, region_code="34.71", fact="resubmitted_on", value="2016-03-02",
        reason="Salah ketik.", today=today_at(r.now), now=r.now),
    "correct burden": lambda r: corrections.correct_burden(
        r.pk, actor=r.operator, region_code="34.04", burden=BUDGETED, reason="Salah isi.",
        today=today_at(r.now), now=r.now),
    "sign": lambda r: services.sign_agreement(
        r.pk, actor=r.operator, number="PKS/1", signed_on=D(2016, 4, 1), now=r.now),
    "copies yogyakarta": lambda r: _copies(r, "34.71"),
    "copies sleman": lambda r: _copies(r, "34.04"),
    "implement": lambda r: services.start_implementation(
        r.pk, actor=r.operator, on=D(2016, 4, 5), agencies={}, now=r.now),
    "dispute": lambda r: disputes.raise_dispute(
        r.pk, actor=r.operator, between=["34.71", "34.04"], raised_on=D(2016, 4, 20),
        description="Pembagian biaya.", now=r.now),
    "settle dispute": _settle,
    "withdraw": lambda r: corrections.withdraw_offer(
        r.pk, actor=r.operator, on=D(2016, 1, 10), reason="Batal.", today=today_at(r.now),
        now=r.now),
    "cancel": lambda r: corrections.cancel_record(
        r.pk, actor=r.operator, reason="Salah masuk.", now=r.now),
    "a week passes": lambda r: _wait(r, 7),
    "five years pass": lambda r: _wait(r, 5 * 366),
}  # fmt: skip

COMPANY = "PT Bersih Jaya"
# With a third party, PP 28/2018 (Kota Yogyakarta and a company): the DPRD before the draft.
PP28_STEPS: dict[str, Step] = {
    "company accepts": lambda r: services.accept_offer(
        r.pk, actor=r.operator, party_key=COMPANY, on=D(2019, 1, 14), now=r.now),
    "company declines": lambda r: services.decline_offer(
        r.pk, actor=r.operator, party_key=COMPANY, on=D(2019, 1, 14), now=r.now),
    "joint agreement": lambda r: services.sign_joint_agreement(
        r.pk, actor=r.operator, number="KB/2", signed_on=D(2019, 1, 21), now=r.now),
    "burdens": lambda r: services.record_burdens(
        r.pk, actor=r.operator, burdens={"34.71": UNBUDGETED}, now=r.now),
    "burdens unknown": lambda r: services.record_burdens(
        r.pk, actor=r.operator, burdens={"34.71": PARTLY_KNOWN}, now=r.now),
    "submit": lambda r: dprd.submit_to_dprd(
        r.pk, actor=r.operator, region_code="34.71", received_on=D(2019, 2, 1), now=r.now),
    "opinion": lambda r: dprd.record_dprd_opinion(
        r.pk, actor=r.operator, region_code="34.71", sent_on=D(2019, 2, 11), now=r.now),
    "resubmit": lambda r: dprd.record_resubmission(
        r.pk, actor=r.operator, region_code="34.71", received_on=D(2019, 2, 18), now=r.now),
    "approve": lambda r: dprd.record_dprd_decision(
        r.pk, actor=r.operator, region_code="34.71", approved=True, on=D(2019, 2, 25),
        now=r.now),
    "draft": lambda r: services.draft_agreement(
        r.pk, actor=r.operator, contents=[*ALL_CONTENTS, "sanksi"], term_years=2, on=D(2019, 3, 4),
        burdens={"34.71": UNBUDGETED}, now=r.now),
    "correct received": lambda r: corrections.correct_dprd_date(
        r.pk, actor=r.operator, region_code="34.71", fact="received_on", value="2019-02-04",
        reason="Salah ketik.", today=today_at(r.now), now=r.now),
    "sign": lambda r: services.sign_agreement(
        r.pk, actor=r.operator, number="PKS/2", signed_on=D(2019, 3, 11), now=r.now),
    "copies": lambda r: _copies(r, "34.71", D(2019, 3, 18)),
    "cancel": lambda r: corrections.cancel_record(
        r.pk, actor=r.operator, reason="Salah masuk.", now=r.now),
    "a week passes": lambda r: _wait(r, 7),
    "two years pass": lambda r: _wait(r, 2 * 366),
}  # fmt: skip


def _company_offer(run: Run) -> int:
    return services.make_offer(
        actor=run.operator, title="Pengelolaan air limbah", initiator="34.71",
        parties=[services.PartySpec(region="34.71"),
                 services.PartySpec(third_party_name=COMPANY,
                                    third_party_form="perseroan_terbatas")],
        offered_on=D(2019, 1, 7), offer_number="415.4/009", now=run.now,
    ).pk  # fmt: skip


LIFECYCLES = {
    # Steps are recorded after every date they carry (none is in the future).
    "pp50": (_kartamantul, PP50_STEPS, dt.datetime(2016, 6, 1, 3, 0, tzinfo=dt.UTC)),
    "pp28": (_company_offer, PP28_STEPS, dt.datetime(2019, 6, 3, 3, 0, tzinfo=dt.UTC)),
}


class _RollbackError(Exception):
    pass


def drive(people: tuple[User, User, User], lifecycle: str, names: list[str]) -> Run:
    """Offer, then try each named step in turn (advancing the clock past each step's date),
    checking after each that the stored status equals ksd.law's."""
    start, steps, now = LIFECYCLES[lifecycle]
    run = Run(*people, now=now)
    run.pk = start(run)
    run.agrees()
    for name in names:
        try:
            steps[name](run)
        except StepRefused as refused:
            run.refused.append(f"{name}: {refused}")
        run.agrees()
    return run


@pytest.fixture
def people(regions_loaded: None) -> tuple[User, User, User]:
    import personas

    return (
        personas.operator_kota_yogyakarta(),
        personas.biro_pemerintahan_diy(),
        personas.kemendagri(),
    )


def _tasks(pk: int) -> set[tuple[str, str | None]]:
    return set(OpenTask.objects.filter(cooperation_id=pk).values_list("kind", "region_id"))


def test_the_whole_inter_regional_lifecycle_keeps_stored_and_computed_equal(
    people: tuple[User, User, User],
) -> None:
    names = ["accept sleman", "accept bantul", "joint agreement", "burdens unknown", "draft",
             "submit yogyakarta", "submit sleman", "opinion yogyakarta", "resubmit yogyakarta",
             "approve sleman", "correct resubmission", "a week passes", "deemed yogyakarta",
             "sign", "copies yogyakarta", "implement", "dispute", "settle dispute",
             "copies sleman", "five years pass", "cancel"]  # fmt: skip
    run = drive(people, "pp50", names)

    assert run.refused == []
    assert Cooperation.objects.get(pk=run.pk).stage == "cancelled"
    assert _tasks(run.pk) == set()  # a cancelled record asks nothing of anyone


def test_the_whole_third_party_lifecycle_keeps_stored_and_computed_equal(
    people: tuple[User, User, User],
) -> None:
    names = ["company accepts", "joint agreement", "burdens unknown", "burdens", "submit",
             "correct received", "opinion", "resubmit", "approve", "draft", "sign", "copies",
             "a week passes", "two years pass"]  # fmt: skip
    run = drive(people, "pp28", names)

    assert run.refused == []
    assert Cooperation.objects.get(pk=run.pk).stage == "expired"


def test_each_step_moves_the_tasks_to_whoever_must_act_next(
    people: tuple[User, User, User],
) -> None:
    run = drive(people, "pp50", [])
    assert _tasks(run.pk) == {("answer_offer", "34.04"), ("answer_offer", "34.02")}
    drive_more = ["accept sleman", "accept bantul"]
    for name in drive_more:
        PP50_STEPS[name](run)
    assert {k for k, _r in _tasks(run.pk)} == {TaskKind.SIGN_JOINT_AGREEMENT}
    for name in ("joint agreement", "draft"):
        PP50_STEPS[name](run)
    # Kota Yogyakarta and Sleman carry unbudgeted costs: their DPRDs must approve.
    assert _tasks(run.pk) == {("submit_dprd", "34.71"), ("submit_dprd", "34.04")}
    PP50_STEPS["submit yogyakarta"](run)
    task = OpenTask.objects.get(cooperation_id=run.pk, kind="dprd_decide")
    # Received on 1 February 2016 and still undecided on 1 June: past the limit of Pasal 12.
    assert (task.region_id, task.status, task.due_name, task.is_overdue) == (
        "34.71", "assessment_overdue", "assessment_due", True
    )  # fmt: skip
    coop = Cooperation.objects.get(pk=run.pk)
    assert (coop.next_due_on, coop.next_due_name, coop.is_overdue) == (
        task.due_on, "assessment_due", True
    )  # fmt: skip


@pytest.mark.parametrize("lifecycle", sorted(LIFECYCLES))
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(data=st.data())
def test_stored_and_computed_agree_whatever_the_order_of_steps(
    people: tuple[User, User, User], lifecycle: str, data: st.DataObject
) -> None:
    names = data.draw(st.lists(st.sampled_from(sorted(LIFECYCLES[lifecycle][1])), max_size=12))
    try:
        with transaction.atomic():
            drive(people, lifecycle, names)
            raise _RollbackError  # the next example starts from an empty register again
    except _RollbackError:
        pass


def test_entering_the_pp28_clocks_gives_the_open_tracks_their_deadlines_at_the_next_tick(
    people: tuple[User, User, User],
) -> None:
    import personas
    from ksd.dprd.clock_settings import set_clocks

    run = drive(people, "pp28", ["company accepts", "joint agreement", "burdens", "submit"])
    task = OpenTask.objects.get(cooperation_id=run.pk, kind=TaskKind.DPRD_DECIDE)
    assert task.due_on is None  # no clock under PP 28/2018 until the Minister's numbers are in

    set_clocks(actor=personas.administrator(), in_force_from=D(2018, 7, 13), assessment=30,
               opinion=15, revision=15, deemed_approval=15, decree_number="Permendagri 22/2020",
               decree_date=D(2018, 7, 13), now=run.now)  # fmt: skip
    assert Cooperation.objects.get(pk=run.pk).status_on is None  # stale until the tick
    assert refresh_due(today_at(run.now)) == 1

    task = OpenTask.objects.get(cooperation_id=run.pk, kind=TaskKind.DPRD_DECIDE)
    assert task.due_on is not None
    assert task.due_name == "assessment_due"
    run.agrees()

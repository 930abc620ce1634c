"""Two users taking conflicting steps on one cooperation at the same moment: one wins, the
other is refused with a clear message, and the record stays whole. Needs real concurrent
connections, so it runs on PostgreSQL (CI's second pass, KSD_DB=postgres)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection

from ksd.cooperation import services
from ksd.cooperation.models import Event, EventKind, Stage
from ksd.core.errors import StepRefused
from ksd.dprd import services as dprd
from ksd.dprd.models import DprdReview
from ksd.regions.services import load_regions

# When the steps are recorded: after every legal date they carry (none is in the future).
NOW = dt.datetime(2024, 1, 2, 2, 0, tzinfo=dt.UTC)

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs PostgreSQL's concurrent connections; CI runs it with KSD_DB=postgres",
    ),
]


@pytest.mark.django_db(transaction=True)
def test_accepting_and_declining_the_same_offer_at_once_lets_exactly_one_succeed() -> None:
    load_regions()
    wonogiri = User.objects.create_user("operator_wonogiri")
    coop = services.make_offer(
        actor=wonogiri, title="Pawonsari", initiator="33.12",
        parties=[services.PartySpec(region=c) for c in ("33.12", "35.01", "34.03")],
        offered_on=dt.date(2011, 3, 1), now=NOW,
    )  # fmt: skip
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def step(name: str) -> None:
        operator = User.objects.get(username="operator_wonogiri")
        start.wait()
        try:
            if name == "accept":
                services.accept_offer(
                    coop.pk, actor=operator, party_key="35.01", on=dt.date(2011, 3, 7), now=NOW
                )
            else:
                services.decline_offer(
                    coop.pk, actor=operator, party_key="35.01", on=dt.date(2011, 3, 7), now=NOW
                )
            outcomes.append(f"{name}: ok")
        except StepRefused as refused:
            outcomes.append(f"{name}: refused: {refused.message}")
        finally:
            connection.close()

    threads = [threading.Thread(target=step, args=(n,)) for n in ("accept", "decline")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert len(outcomes) == 2, outcomes
    assert sum(o.endswith(": ok") for o in outcomes) == 1, outcomes
    # The loser is told why (the party has answered, or the offer is already declined), in
    # whatever language is active.
    refused = [o for o in outcomes if ": refused: " in o]
    assert len(refused) == 1, outcomes
    assert len(refused[0].split(": refused: ", 1)[1]) > 10, outcomes
    coop.refresh_from_db()
    party = coop.parties.get(region_id="35.01")
    assert (party.accepted_on is None) != (party.declined_on is None)
    answers = coop.events.filter(kind__in=[EventKind.OFFER_ACCEPTED, EventKind.OFFER_DECLINED])
    assert answers.count() == 1
    assert coop.stage in (Stage.OFFERED, Stage.DECLINED)


def _in_dprd_review() -> tuple[int, User]:
    """Kartamantul drafted and received by Kota Yogyakarta's DPRD on 1 February 2016."""
    load_regions()
    operator = User.objects.create_user("operator_kota_yogyakarta")
    contents = ["subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
                "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan"]  # fmt: skip
    burden = {"apbd_cost": True, "budgeted_current_year": False, "uses_regional_assets": False,
              "public_pays": False, "within_skpd_duties": False}  # fmt: skip
    coop = services.make_offer(
        actor=operator, title="Kartamantul", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
        offered_on=dt.date(2016, 1, 4), now=NOW,
    )  # fmt: skip
    services.accept_offer(
        coop.pk, actor=operator, party_key="34.04", on=dt.date(2016, 1, 11), now=NOW
    )
    services.sign_joint_agreement(
        coop.pk, actor=operator, number="KB", signed_on=dt.date(2016, 1, 18), now=NOW
    )
    services.draft_agreement(
        coop.pk, actor=operator, contents=contents, on=dt.date(2016, 1, 25),
        burdens={"34.71": burden, "34.04": burden}, now=NOW,
    )  # fmt: skip
    dprd.submit_to_dprd(
        coop.pk, actor=operator, region_code="34.71", received_on=dt.date(2016, 2, 1), now=NOW
    )
    return coop.pk, operator


def _decide_at_once(pk: int, decisions: list[tuple[str, bool, dt.date]]) -> list[str]:
    """Each (secretariat user, approve?, date) records its decision at the same moment."""
    start = threading.Barrier(len(decisions))
    outcomes: list[str] = []

    def step(username: str, approved: bool, on: dt.date) -> None:
        user = User.objects.get(username=username)
        start.wait()
        try:
            dprd.record_dprd_decision(
                pk, actor=user, region_code="34.71", approved=approved, on=on, now=NOW
            )
            outcomes.append(f"{username}: ok")
        except StepRefused as refused:
            outcomes.append(f"{username}: refused: {refused.message}")
        finally:
            connection.close()

    threads = [threading.Thread(target=step, args=d) for d in decisions]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_secretariat_users_recording_conflicting_decisions_at_once_record_exactly_one() -> None:
    pk, _operator = _in_dprd_review()
    for name in ("dprd_yogya_1", "dprd_yogya_2"):
        User.objects.create_user(name)
    outcomes = _decide_at_once(
        pk,
        [("dprd_yogya_1", True, dt.date(2016, 3, 1)), ("dprd_yogya_2", False, dt.date(2016, 3, 1))],
    )

    assert len(outcomes) == 2, outcomes
    assert sum(o.endswith(": ok") for o in outcomes) == 1, outcomes
    loser = next(o for o in outcomes if ": refused: " in o)
    assert "1 Maret 2016" in loser, outcomes  # it names the decision already recorded
    review = DprdReview.objects.get(cooperation_id=pk)
    assert (review.approved_on is None) != (review.rejected_on is None)
    decisions = Event.objects.filter(
        cooperation_id=pk, kind__in=[EventKind.DPRD_APPROVED, EventKind.DPRD_REJECTED]
    )
    assert decisions.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_back_dated_decision_racing_a_recorded_one_never_replaces_it() -> None:
    """The issue's case, at once: a refusal dated 21 July 2016 and an approval dated 20 July
    arrive together; whichever is first is kept, the other is refused naming both dates."""
    pk, _operator = _in_dprd_review()
    for name in ("dprd_yogya_1", "dprd_yogya_2"):
        User.objects.create_user(name)
    outcomes = _decide_at_once(
        pk, [("dprd_yogya_1", False, dt.date(2016, 7, 21)),
             ("dprd_yogya_2", True, dt.date(2016, 7, 20))]
    )  # fmt: skip

    assert sum(o.endswith(": ok") for o in outcomes) == 1, outcomes
    loser = next(o for o in outcomes if ": refused: " in o)
    assert "21 Juli 2016" in loser, outcomes
    assert "20 Juli 2016" in loser, outcomes
    review = DprdReview.objects.get(cooperation_id=pk)
    assert (review.rejected_on, review.approved_on) in (
        (dt.date(2016, 7, 21), None),
        (None, dt.date(2016, 7, 20)),
    )
    # Then, one after the other, a back-dated decision is refused as well.
    with pytest.raises(StepRefused):
        dprd.record_dprd_decision(
            pk, actor=User.objects.get(username="dprd_yogya_1"), region_code="34.71",
            approved=False, on=dt.date(2016, 7, 19), now=NOW,
        )  # fmt: skip
    assert (
        Event.objects.filter(
            cooperation_id=pk, kind__in=[EventKind.DPRD_APPROVED, EventKind.DPRD_REJECTED]
        ).count()
        == 1
    )

"""Recorded is final, and one rule for dates (issue 6, points 1-2), through the services on
SQLite and PostgreSQL: a step that contradicts what is recorded, or is dated before a step it
depends on, is refused with a message naming both dates, and nothing changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User

from ksd.cooperation import services
from ksd.cooperation.disputes import services as disputes
from ksd.cooperation.models import Cooperation, Event, Stage
from ksd.core.errors import StepRefused
from ksd.dprd import services as dprd
from ksd.dprd.models import DprdReview

D = dt.date
# The moment the steps are recorded: 2 January 2024, 09:00 WIB.
NOW = dt.datetime(2024, 1, 2, 2, 0, tzinfo=dt.UTC)
ALL_CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip
UNBUDGETED = {
    "apbd_cost": True, "budgeted_current_year": False, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": False,
}  # fmt: skip
SKPD = {
    "apbd_cost": True, "budgeted_current_year": True, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": True,
}  # fmt: skip
BAD_YEARS = [D(1, 1, 1), D(1900, 6, 1), D(2101, 1, 3), D(9999, 12, 31)]
# Before PP 50/2007: an agreement made then is recorded (its Pasal 26), a DPRD step is not.
BEFORE_PP50 = D(2006, 6, 1)


@pytest.fixture
def actor(regions_loaded: None) -> User:
    return User.objects.create_user("operator_kota_yogyakarta")


def offered(actor: User) -> Cooperation:
    return services.make_offer(
        actor=actor, title="Pengelolaan sampah regional", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
        offered_on=D(2016, 1, 4), now=NOW,
    )  # fmt: skip


def accepted(actor: User) -> Cooperation:
    coop = offered(actor)
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=D(2016, 1, 11), now=NOW)
    return coop


def joint(actor: User) -> Cooperation:
    coop = accepted(actor)
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB/01/2016", signed_on=D(2016, 1, 18), now=NOW
    )
    return coop


def drafted(actor: User, burden_yogya: dict[str, bool] = UNBUDGETED) -> Cooperation:
    coop = joint(actor)
    services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, term_years=5, on=D(2016, 1, 25),
        burdens={"34.71": burden_yogya, "34.04": SKPD}, now=NOW,
    )  # fmt: skip
    return coop


def submitted(actor: User) -> Cooperation:
    coop = drafted(actor)
    dprd.submit_to_dprd(coop.pk, actor=actor, region_code="34.71", received_on=D(2016, 2, 1),
                        now=NOW)  # fmt: skip
    return coop


def signed(actor: User) -> Cooperation:
    coop = drafted(actor, SKPD)
    return services.sign_agreement(
        coop.pk, actor=actor, number="PKS/01/2016", signed_on=D(2016, 2, 1), now=NOW
    )


def snapshot(coop: Cooperation) -> tuple[object, ...]:
    coop.refresh_from_db()
    reviews = list(DprdReview.objects.filter(cooperation=coop).values())
    parties = list(coop.parties.values())
    return (coop.stage, coop.signed_on, coop.ended_on, Event.objects.count(), reviews, parties)


def refused(step: Callable[[], object], coop: Cooperation) -> str:
    """Run a step that must be refused; nothing may change. Returns the message."""
    before = snapshot(coop)
    with pytest.raises(StepRefused) as error:
        step()
    assert snapshot(coop) == before
    return error.value.message


# ----- point 1: a recorded DPRD decision is final -----


def test_a_refusal_cannot_be_replaced_by_an_approval_dated_the_day_before(actor: User) -> None:
    coop = submitted(actor)
    dprd.record_dprd_decision(
        coop.pk, actor=actor, region_code="34.71", approved=False, on=D(2016, 7, 21), now=NOW
    )
    message = refused(
        lambda: dprd.record_dprd_decision(
            coop.pk, actor=actor, region_code="34.71", approved=True, on=D(2016, 7, 20), now=NOW
        ),
        coop,
    )
    assert "21 Juli 2016" in message
    assert "20 Juli 2016" in message
    assert message == (
        "DPRD Kota Yogyakarta sudah memutuskan: ditolak pada 21 Juli 2016. Keputusan DPRD "
        "bertanggal 20 Juli 2016 tidak dapat dicatat; keputusan yang sudah tercatat hanya dapat "
        "diubah melalui koreksi."
    )
    # Nor by a later one: the only way to change a recorded decision is a correction.
    message = refused(
        lambda: dprd.record_dprd_decision(
            coop.pk, actor=actor, region_code="34.71", approved=True, on=D(2016, 7, 22), now=NOW
        ),
        coop,
    )
    assert "21 Juli 2016" in message
    assert "22 Juli 2016" in message
    review = DprdReview.objects.get(cooperation=coop)
    assert (review.rejected_on, review.approved_on) == (D(2016, 7, 21), None)


def test_a_refusal_dated_the_day_before_a_recorded_approval_is_refused(actor: User) -> None:
    coop = submitted(actor)
    dprd.record_dprd_decision(
        coop.pk, actor=actor, region_code="34.71", approved=True, on=D(2016, 3, 1), now=NOW
    )
    coop.refresh_from_db()
    assert coop.stage == Stage.READY_TO_SIGN
    message = refused(
        lambda: dprd.record_dprd_decision(
            coop.pk, actor=actor, region_code="34.71", approved=False, on=D(2016, 2, 29), now=NOW
        ),
        coop,
    )
    assert "1 Maret 2016" in message
    assert "29 Februari 2016" in message


def test_an_opinion_dated_before_a_recorded_approval_is_refused(actor: User) -> None:
    coop = submitted(actor)
    dprd.record_dprd_decision(
        coop.pk, actor=actor, region_code="34.71", approved=True, on=D(2016, 3, 1), now=NOW
    )
    message = refused(
        lambda: dprd.record_dprd_opinion(
            coop.pk, actor=actor, region_code="34.71", sent_on=D(2016, 2, 15), now=NOW
        ),
        coop,
    )
    assert "1 Maret 2016" in message
    assert "15 Februari 2016" in message


def test_an_opinion_cannot_be_recorded_twice_nor_moved(actor: User) -> None:
    coop = submitted(actor)
    dprd.record_dprd_opinion(
        coop.pk, actor=actor, region_code="34.71", sent_on=D(2016, 2, 15), now=NOW
    )
    message = refused(
        lambda: dprd.record_dprd_opinion(
            coop.pk, actor=actor, region_code="34.71", sent_on=D(2016, 2, 10), now=NOW
        ),
        coop,
    )
    assert "15 Februari 2016" in message
    assert "10 Februari 2016" in message


def test_the_dprd_steps_keep_their_order(actor: User) -> None:
    coop = submitted(actor)
    # An opinion before the DPRD received the draft (1 February).
    message = refused(
        lambda: dprd.record_dprd_opinion(
            coop.pk, actor=actor, region_code="34.71", sent_on=D(2016, 1, 29), now=NOW
        ),
        coop,
    )
    assert "29 Januari 2016" in message
    assert "1 Februari 2016" in message
    # An opinion received before it was sent.
    message = refused(
        lambda: dprd.record_dprd_opinion(
            coop.pk,
            actor=actor,
            region_code="34.71",
            sent_on=D(2016, 2, 15),
            received_on=D(2016, 2, 12),
            now=NOW,
        ),
        coop,
    )
    assert "12 Februari 2016" in message
    assert "15 Februari 2016" in message
    dprd.record_dprd_opinion(
        coop.pk, actor=actor, region_code="34.71", sent_on=D(2016, 2, 15),
        received_on=D(2016, 2, 16), now=NOW,
    )  # fmt: skip
    # A resubmission before the opinion reached the head.
    message = refused(
        lambda: dprd.record_resubmission(
            coop.pk, actor=actor, region_code="34.71", received_on=D(2016, 2, 15), now=NOW
        ),
        coop,
    )
    assert "16 Februari 2016" in message
    dprd.record_resubmission(
        coop.pk, actor=actor, region_code="34.71", received_on=D(2016, 3, 1), now=NOW
    )
    # A second resubmission, earlier or later, does not replace the first.
    refused(
        lambda: dprd.record_resubmission(
            coop.pk, actor=actor, region_code="34.71", received_on=D(2016, 3, 2), now=NOW
        ),
        coop,
    )
    # A decision before the resubmission it answers.
    message = refused(
        lambda: dprd.record_dprd_decision(
            coop.pk, actor=actor, region_code="34.71", approved=True, on=D(2016, 2, 29), now=NOW
        ),
        coop,
    )
    assert "29 Februari 2016" in message
    assert "1 Maret 2016" in message
    dprd.record_dprd_decision(
        coop.pk, actor=actor, region_code="34.71", approved=True, on=D(2016, 3, 7), now=NOW
    )
    assert DprdReview.objects.get(cooperation=coop).approved_on == D(2016, 3, 7)


def test_signing_cannot_precede_the_dprd_approval(actor: User) -> None:
    coop = submitted(actor)
    dprd.record_dprd_decision(
        coop.pk, actor=actor, region_code="34.71", approved=True, on=D(2016, 3, 1), now=NOW
    )
    message = refused(
        lambda: services.sign_agreement(
            coop.pk, actor=actor, number="PKS/1", signed_on=D(2016, 2, 26), now=NOW
        ),
        coop,
    )
    assert "26 Februari 2016" in message
    assert "1 Maret 2016" in message


# ----- point 2: each step on or after what it depends on, and not in the future -----


def test_declining_checks_the_offer_date_as_accepting_does(actor: User) -> None:
    coop = offered(actor)
    for answer in (services.accept_offer, services.decline_offer):
        message = refused(
            lambda answer=answer: answer(  # type: ignore[misc]
                coop.pk, actor=actor, party_key="34.04", on=D(2016, 1, 3), now=NOW
            ),
            coop,
        )
        assert "3 Januari 2016" in message
        assert "4 Januari 2016" in message


@pytest.mark.parametrize(
    ("stage", "step", "dates"),
    [
        ("accepted", lambda c, a: services.sign_joint_agreement(
            c.pk, actor=a, number="KB", signed_on=D(2016, 1, 8), now=NOW), ("8 Januari 2016",
                                                                            "11 Januari 2016")),
        ("joint", lambda c, a: services.draft_agreement(
            c.pk, actor=a, contents=ALL_CONTENTS, burdens={}, on=D(2016, 1, 15), now=NOW),
         ("15 Januari 2016", "18 Januari 2016")),
        ("joint", lambda c, a: services.request_opinions(
            c.pk, actor=a, addressees=["pakar"], requested_on=D(2016, 1, 15), now=NOW),
         ("15 Januari 2016", "18 Januari 2016")),
        ("drafted", lambda c, a: dprd.submit_to_dprd(
            c.pk, actor=a, region_code="34.71", received_on=D(2016, 1, 22), now=NOW),
         ("22 Januari 2016", "25 Januari 2016")),
        ("signed", lambda c, a: services.send_copies(
            c.pk, actor=a, region_code="34.71", recipients=["gubernur"], sent_on=D(2016, 1, 29),
            now=NOW), ("29 Januari 2016", "1 Februari 2016")),
        ("signed", lambda c, a: services.start_implementation(
            c.pk, actor=a, on=D(2016, 1, 29), agencies={"34.71": ["Dinas Lingkungan Hidup"]},
            now=NOW), ("29 Januari 2016", "1 Februari 2016")),
        ("signed", lambda c, a: services.amend(
            c.pk, actor=a, number="ADD/1", signed_on=D(2016, 1, 29), summary="Lingkup",
            now=NOW), ("29 Januari 2016", "1 Februari 2016")),
        ("signed", lambda c, a: services.terminate(
            c.pk, actor=a, ground="pasal18_a", on=D(2016, 1, 29), now=NOW),
         ("29 Januari 2016", "1 Februari 2016")),
        ("signed", lambda c, a: disputes.raise_dispute(
            c.pk, actor=a, between=["34.71", "34.04"], raised_on=D(2016, 1, 29),
            description="Biaya", now=NOW), ("29 Januari 2016", "1 Februari 2016")),
    ],
    ids=["joint_agreement_before_acceptance", "draft_before_joint_agreement",
         "opinions_before_joint_agreement", "dprd_before_draft", "copies_before_signing",
         "implementation_before_signing", "amendment_before_signing",
         "termination_before_signing", "dispute_before_signing"],
)  # fmt: skip
def test_a_step_dated_before_what_it_depends_on_is_refused_naming_both_dates(
    actor: User,
    stage: str,
    step: Callable[[Cooperation, User], object],
    dates: tuple[str, str],
) -> None:
    coop = {"accepted": accepted, "joint": joint, "drafted": drafted, "signed": signed}[stage](
        actor
    )
    message = refused(lambda: step(coop, actor), coop)
    assert dates[0] in message, message
    assert dates[1] in message, message


def test_signing_needs_a_draft_and_its_start_cannot_precede_it(actor: User) -> None:
    coop = drafted(actor, SKPD)
    message = refused(
        lambda: services.sign_agreement(
            coop.pk, actor=actor, number="PKS", signed_on=D(2016, 1, 22), now=NOW
        ),
        coop,
    )
    assert "22 Januari 2016" in message
    assert "25 Januari 2016" in message
    message = refused(
        lambda: services.sign_agreement(
            coop.pk,
            actor=actor,
            number="PKS",
            signed_on=D(2016, 2, 1),
            starts_on=D(2016, 1, 31),
            now=NOW,
        ),
        coop,
    )
    assert "31 Januari 2016" in message
    assert "1 Februari 2016" in message


def test_termination_cannot_precede_a_recorded_amendment_and_a_settlement_its_dispute(
    actor: User, regions_loaded: None
) -> None:
    import personas

    coop = signed(actor)
    services.amend(coop.pk, actor=actor, number="ADD/1", signed_on=D(2017, 3, 1),
                   summary="Lingkup", now=NOW)  # fmt: skip
    message = refused(
        lambda: services.terminate(
            coop.pk, actor=actor, ground="pasal18_a", on=D(2017, 2, 1), now=NOW
        ),
        coop,
    )
    assert "1 Februari 2017" in message
    assert "1 Maret 2017" in message
    dispute = disputes.raise_dispute(
        coop.pk, actor=actor, between=["34.71", "34.04"], raised_on=D(2017, 5, 2),
        description="Biaya", now=NOW,
    )  # fmt: skip
    biro = personas.biro_pemerintahan_diy()
    message = refused(
        lambda: disputes.settle_dispute(
            dispute.pk,
            actor=biro,
            settlement="gubernur",
            settled_on=D(2017, 5, 1),
            decision_number="188/1",
            summary="Dibagi rata",
            now=NOW,
        ),
        coop,
    )
    assert "1 Mei 2017" in message
    assert "2 Mei 2017" in message


def test_an_amendment_cannot_be_slipped_in_before_a_recorded_one(actor: User) -> None:
    coop = signed(actor)
    services.amend(coop.pk, actor=actor, number="ADD/2", signed_on=D(2018, 3, 1),
                   summary="Perpanjangan", new_ends_on=D(2025, 12, 31), now=NOW)  # fmt: skip
    message = refused(
        lambda: services.amend(coop.pk, actor=actor, number="ADD/1", signed_on=D(2017, 3, 1),
                               summary="Perpanjangan", new_ends_on=D(2022, 12, 31), now=NOW),
        coop,
    )  # fmt: skip
    assert "1 Maret 2017" in message
    assert "1 Maret 2018" in message
    coop.refresh_from_db()
    assert coop.ends_on == D(2025, 12, 31)


def test_a_step_dated_after_today_is_refused_but_a_planned_end_may_be_later(
    actor: User,
) -> None:
    coop = signed(actor)
    message = refused(
        lambda: services.amend(
            coop.pk,
            actor=actor,
            number="ADD/1",
            signed_on=D(2024, 1, 3),
            summary="Lingkup",
            now=NOW,
        ),
        coop,
    )
    # 2 January 2024 09:00 WIB is already 2 January everywhere in Indonesia, not yet the 3rd.
    assert "3 Januari 2024" in message
    assert "2 Januari 2024" in message
    services.amend(
        coop.pk, actor=actor, number="ADD/2", signed_on=D(2024, 1, 2), summary="Perpanjangan",
        new_ends_on=D(2030, 12, 31), now=NOW,
    )  # fmt: skip
    coop.refresh_from_db()
    assert coop.ends_on == D(2030, 12, 31)


def test_today_is_the_date_in_the_easternmost_zone(actor: User) -> None:
    """At 20:00 UTC on 1 January it is already 2 January in Jayapura (WIT): a step dated the 2nd
    may be recorded, one dated the 3rd may not."""
    evening = dt.datetime(2024, 1, 1, 20, 0, tzinfo=dt.UTC)
    services.make_offer(
        actor=actor, title="Hari ini di Papua", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
        offered_on=D(2024, 1, 2), now=evening,
    )  # fmt: skip
    with pytest.raises(StepRefused):
        services.make_offer(
            actor=actor, title="Besok", initiator="34.71",
            parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
            offered_on=D(2024, 1, 3), now=evening,
        )  # fmt: skip


# ----- point 2: dates outside what the law and the calendar can judge -----

STEPS: dict[str, tuple[str, Callable[[Cooperation, User, dt.date], object]]] = {
    "offer": ("none", lambda c, a, d: services.make_offer(
        actor=a, title="X", initiator="34.71",
        parties=[services.PartySpec(region=r) for r in ("34.71", "34.04")], offered_on=d,
        now=NOW)),
    "accept": ("offered", lambda c, a, d: services.accept_offer(
        c.pk, actor=a, party_key="34.04", on=d, now=NOW)),
    "decline": ("offered", lambda c, a, d: services.decline_offer(
        c.pk, actor=a, party_key="34.04", on=d, now=NOW)),
    "joint_agreement": ("accepted", lambda c, a, d: services.sign_joint_agreement(
        c.pk, actor=a, number="KB", signed_on=d, now=NOW)),
    "draft": ("joint", lambda c, a, d: services.draft_agreement(
        c.pk, actor=a, contents=ALL_CONTENTS, burdens={}, on=d, now=NOW)),
    "opinions": ("joint", lambda c, a, d: services.request_opinions(
        c.pk, actor=a, addressees=["pakar"], requested_on=d, now=NOW)),
    "submit": ("drafted", lambda c, a, d: dprd.submit_to_dprd(
        c.pk, actor=a, region_code="34.71", received_on=d, now=NOW)),
    "dprd_opinion": ("submitted", lambda c, a, d: dprd.record_dprd_opinion(
        c.pk, actor=a, region_code="34.71", sent_on=d, now=NOW)),
    "dprd_decision": ("submitted", lambda c, a, d: dprd.record_dprd_decision(
        c.pk, actor=a, region_code="34.71", approved=True, on=d, now=NOW)),
    "sign": ("drafted_skpd", lambda c, a, d: services.sign_agreement(
        c.pk, actor=a, number="PKS", signed_on=d, now=NOW)),
    "sign_start": ("drafted_skpd", lambda c, a, d: services.sign_agreement(
        c.pk, actor=a, number="PKS", signed_on=D(2016, 2, 1), starts_on=d, now=NOW)),
    "copies": ("signed", lambda c, a, d: services.send_copies(
        c.pk, actor=a, region_code="34.71", recipients=["gubernur"], sent_on=d, now=NOW)),
    "implementation": ("signed", lambda c, a, d: services.start_implementation(
        c.pk, actor=a, on=d, agencies={"34.71": ["Dinas"]}, now=NOW)),
    "amendment": ("signed", lambda c, a, d: services.amend(
        c.pk, actor=a, number="A", signed_on=d, summary="S", now=NOW)),
    "amendment_end": ("signed", lambda c, a, d: services.amend(
        c.pk, actor=a, number="A", signed_on=D(2017, 1, 2), summary="S", new_ends_on=d,
        now=NOW)),
    "termination": ("signed", lambda c, a, d: services.terminate(
        c.pk, actor=a, ground="pasal18_a", on=d, now=NOW)),
    "dispute": ("signed", lambda c, a, d: disputes.raise_dispute(
        c.pk, actor=a, between=["34.71", "34.04"], raised_on=d, description="B", now=NOW)),
}  # fmt: skip
BUILD: dict[str, Callable[[User], Cooperation | None]] = {
    "none": lambda a: None, "offered": offered, "accepted": accepted, "joint": joint,
    "drafted": drafted, "drafted_skpd": lambda a: drafted(a, SKPD), "submitted": submitted,
    "signed": signed,
}  # fmt: skip


@pytest.mark.parametrize("day", BAD_YEARS, ids=lambda d: str(d.year))
@pytest.mark.parametrize("name", list(STEPS))
def test_every_step_refuses_a_date_the_law_cannot_judge(
    actor: User, name: str, day: dt.date
) -> None:
    stage, step = STEPS[name]
    coop = BUILD[stage](actor)
    before = snapshot(coop) if coop else None
    count = Cooperation.objects.count()
    with pytest.raises(StepRefused) as error:
        step(coop, actor, day)  # type: ignore[arg-type]
    assert day.isoformat() in error.value.message
    assert "17 Agustus 1945" in error.value.message
    assert "31 Desember 2100" in error.value.message
    assert Cooperation.objects.count() == count
    if coop:
        assert snapshot(coop) == before


def test_an_offer_cannot_be_dated_in_the_future_nor_before_1945(actor: User) -> None:
    for day in (D(1945, 8, 16), D(2024, 1, 3)):
        with pytest.raises(StepRefused) as error:
            services.make_offer(
                actor=actor, title="X", initiator="34.71",
                parties=[services.PartySpec(region=r) for r in ("34.71", "34.04")],
                offered_on=day, now=NOW,
            )  # fmt: skip
        assert day.isoformat() in error.value.message or "3 Januari 2024" in error.value.message
    assert not Cooperation.objects.exists()
    assert not Event.objects.exists()


@pytest.mark.parametrize("name", [n for n in STEPS if n != "offer"])
def test_a_step_dated_before_pp_50_is_refused_before_what_it_depends_on(
    actor: User, name: str
) -> None:
    """2006 is a date KSD can judge (an agreement made then is recorded, PP 50/2007 Pasal 26),
    but not for these steps: each depends on a recorded step of 2016, or is a DPRD step."""
    stage, step = STEPS[name]
    coop = BUILD[stage](actor)
    assert coop is not None
    before = snapshot(coop)
    with pytest.raises(StepRefused) as error:
        step(coop, actor, BEFORE_PP50)
    assert "2006" in error.value.message
    assert snapshot(coop) == before


def test_the_dprd_steps_start_with_pp_50(actor: User) -> None:
    """An agreement of 2005 is recorded under PP 50/2007 Pasal 26, but no DPRD step is dated
    before PP 50/2007 gave the DPRD its role and its clocks (22 August 2007)."""
    coop = services.make_offer(
        actor=actor, title="Kartamantul 2005", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
        offered_on=D(2005, 3, 1), now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=D(2005, 3, 1), now=NOW)
    services.sign_joint_agreement(coop.pk, actor=actor, number="KB", signed_on=D(2005, 3, 1),
                                  now=NOW)  # fmt: skip
    services.draft_agreement(coop.pk, actor=actor, contents=ALL_CONTENTS, on=D(2005, 3, 1),
                             burdens={"34.71": UNBUDGETED, "34.04": SKPD}, now=NOW)  # fmt: skip
    message = refused(
        lambda: dprd.submit_to_dprd(
            coop.pk, actor=actor, region_code="34.71", received_on=D(2006, 6, 1), now=NOW
        ),
        coop,
    )
    assert "22 Agustus 2007" in message

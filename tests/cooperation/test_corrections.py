"""Corrections with a trail (issue 6 point 4), through the services, on SQLite and PostgreSQL.

Each correction keeps the old and the new value, the reason and who made it in an event, and
the law is applied again to the corrected record; a refused correction changes nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

import personas
from ksd.cooperation import services
from ksd.cooperation.corrections import services as corrections
from ksd.cooperation.jobs import run_tick
from ksd.cooperation.law import assessment_for
from ksd.cooperation.models import Cooperation, Event, EventKind, Party, Stage
from ksd.core.errors import StepRefused
from ksd.dprd import services as dprd
from ksd.dprd.models import DprdReview
from ksd.regions.models import Official
from pages.records import NOW, UNBUDGETED, drafted, in_dprd_review, offer, signed_and_published

LATER = dt.date(2016, 6, 1)  # "today" for corrections long after the steps
# A decision dated 4 March 2016 is recorded that day at the earliest (the records' NOW is the 2nd).
ON_4_MARCH = dt.datetime(2016, 3, 4, 3, 0, tzinfo=dt.UTC)
WHY = "Salah ketik saat memasukkan data dari surat aslinya."


@pytest.fixture
def operator(regions_loaded: None) -> User:
    return personas.operator_kota_yogyakarta()


def corrections_of(coop: Cooperation) -> list[Event]:
    return list(coop.events.filter(kind=EventKind.RECORD_CORRECTED).order_by("id"))


def refused(call: object, **kwargs: object) -> str:
    with pytest.raises(StepRefused) as caught:
        call(**kwargs)  # type: ignore[operator]
    return str(caught.value)


# ----- Each kind of fact -----


@pytest.mark.parametrize(
    ("fact", "value", "stored"),
    [
        ("title", "Pengelolaan sampah regional TPST Piyungan II", None),
        ("offer_number", "415.4/002", None),
        ("joint_agreement_number", "KB/01-A/2016", None),
        ("joint_agreement_signed_on", "2016-01-19", dt.date(2016, 1, 19)),
        ("sector", "Persampahan", None),
        ("management_model", "joint_service", None),
        ("institution_model", "badan", None),
        ("affair", "wajib_non_pd.lingkungan_hidup", None),
    ],
)
def test_an_operator_corrects_a_fact_and_the_event_keeps_old_new_reason_and_who(
    operator: User, fact: str, value: str, stored: object
) -> None:
    from ksd.regions.services import load_affairs

    load_affairs()
    coop = drafted(operator)
    old = None if fact == "affair" else getattr(coop, fact)

    event = corrections.correct_fact(
        coop.pk, actor=operator, fact=fact, value=value, reason=WHY, today=LATER, now=NOW
    )

    coop.refresh_from_db()
    now_value = coop.affair.code if fact == "affair" else getattr(coop, fact)
    assert now_value == (stored if stored is not None else value)
    assert event.kind == EventKind.RECORD_CORRECTED
    assert event.actor == operator
    assert event.reason == WHY
    assert event.changes["fact"] == fact
    assert event.changes["old"] == corrections.shown(old)
    assert event.changes["new"] == value


def test_the_numbers_and_dates_of_a_signed_agreement_are_corrected(operator: User) -> None:
    coop = signed_and_published(operator)
    for fact, value in (("agreement_number", "PKS/02-A/2016"), ("starts_on", "2016-03-01"),
                        ("signed_on", "2016-02-02"), ("ends_on", "2021-02-28")):  # fmt: skip
        corrections.correct_fact(
            coop.pk, actor=operator, fact=fact, value=value, reason=WHY, today=LATER, now=NOW
        )
    coop.refresh_from_db()
    assert coop.agreement_number == "PKS/02-A/2016"
    assert coop.signed_on == dt.date(2016, 2, 2)
    assert coop.starts_on == dt.date(2016, 3, 1)
    assert coop.ends_on == dt.date(2021, 2, 28)
    olds = [e.changes["old"] for e in corrections_of(coop)]
    assert olds == ["PKS/02/2016", "2016-02-01", "2016-02-01", "2021-01-31"]
    # The start cannot move before the (corrected) signing.
    message = refused(corrections.correct_fact, cooperation_id=coop.pk, actor=operator,
                      fact="starts_on", value="2016-02-01", reason=WHY, today=LATER, now=NOW)  # fmt: skip
    assert "2016-02-01" in message
    assert "2016-02-02" in message


def test_a_correction_without_a_reason_is_refused_and_changes_nothing(operator: User) -> None:
    coop = drafted(operator)
    events = coop.events.count()

    message = refused(
        corrections.correct_fact, cooperation_id=coop.pk, actor=operator, fact="title",
        value="Judul lain", reason="   ", today=LATER, now=NOW,
    )  # fmt: skip

    assert "alasan" in message.lower()
    coop.refresh_from_db()
    assert coop.title == "Pengelolaan sampah regional TPST Piyungan"
    assert coop.events.count() == events


def test_the_same_value_or_an_empty_title_is_refused(operator: User) -> None:
    coop = drafted(operator)
    refused(corrections.correct_fact, cooperation_id=coop.pk, actor=operator, fact="title",
            value=coop.title, reason=WHY, today=LATER, now=NOW)  # fmt: skip
    refused(corrections.correct_fact, cooperation_id=coop.pk, actor=operator, fact="title",
            value=" ", reason=WHY, today=LATER, now=NOW)  # fmt: skip
    assert corrections_of(coop) == []


def test_a_fact_whose_step_has_not_been_taken_cannot_be_corrected(operator: User) -> None:
    coop = drafted(operator)
    message = refused(corrections.correct_fact, cooperation_id=coop.pk, actor=operator,
                      fact="signed_on", value="2016-02-01", reason=WHY, today=LATER, now=NOW)  # fmt: skip
    assert "belum dicatat" in message


@pytest.mark.parametrize("value", ["0001-01-01", "1900-01-01", "2006-12-31", "2101-01-01",
                                   "9999-12-31", "31/01/2016", ""])  # fmt: skip
def test_a_date_outside_what_the_law_can_judge_is_refused_clearly(
    operator: User, value: str
) -> None:
    coop = signed_and_published(operator)
    message = refused(corrections.correct_fact, cooperation_id=coop.pk, actor=operator,
                      fact="ends_on", value=value, reason=WHY, today=LATER, now=NOW)  # fmt: skip
    assert "tanggal" in message.lower() or "TTTT-BB-HH" in message


# ----- Dates in order -----


def test_a_correction_that_puts_dates_out_of_order_is_refused_naming_both_dates(
    operator: User,
) -> None:
    coop = in_dprd_review(operator)  # KB 18 January, DPRD of Yogyakarta received 1 February

    message = refused(
        corrections.correct_fact, cooperation_id=coop.pk, actor=operator,
        fact="joint_agreement_signed_on", value="2016-02-05", reason=WHY, today=LATER, now=NOW,
    )  # fmt: skip

    assert "2016-02-05" in message
    assert "2016-02-01" in message
    assert "kesepakatan bersama" in message
    coop.refresh_from_db()
    assert coop.joint_agreement_signed_on == dt.date(2016, 1, 18)


def test_an_offer_date_after_the_answers_is_refused(operator: User) -> None:
    coop = drafted(operator)  # accepted on 11 January
    message = refused(corrections.correct_fact, cooperation_id=coop.pk, actor=operator,
                      fact="offered_on", value="2016-01-12", reason=WHY, today=LATER, now=NOW)  # fmt: skip
    assert "2016-01-12" in message
    assert "2016-01-11" in message


def test_a_date_of_something_that_happened_cannot_be_in_the_future(operator: User) -> None:
    coop = drafted(operator)
    message = refused(corrections.correct_fact, cooperation_id=coop.pk, actor=operator,
                      fact="joint_agreement_signed_on", value="2016-06-02", reason=WHY,
                      today=LATER, now=NOW)  # fmt: skip
    assert "2016-06-02" in message
    assert "2016-06-01" in message


def test_a_signing_date_before_the_joint_agreement_is_refused(operator: User) -> None:
    coop = signed_and_published(operator)  # KB 18 January 2016
    message = refused(corrections.correct_fact, cooperation_id=coop.pk, actor=operator,
                      fact="signed_on", value="2016-01-15", reason=WHY, today=LATER, now=NOW)  # fmt: skip
    assert "2016-01-15" in message
    assert "2016-01-18" in message


# ----- The law, applied again -----


def test_a_corrected_offer_date_chooses_the_regulation_again(operator: User) -> None:
    coop = offer(operator)
    assert coop.regime == "pp50-2007"

    event = corrections.correct_fact(
        coop.pk, actor=operator, fact="offered_on", value="2018-07-16", reason=WHY,
        today=dt.date(2018, 8, 1), now=NOW,
    )  # fmt: skip

    coop.refresh_from_db()
    assert coop.regime == "pp28-2018"
    assert coop.governing_on == dt.date(2018, 7, 16)
    assert event.changes["effects"]["regime"] == ["pp50-2007", "pp28-2018"]
    assert coop.parties.get(is_initiator=True).accepted_on == dt.date(2018, 7, 16)


def test_a_corrected_resubmission_date_moves_the_deemed_approval(operator: User) -> None:
    """Pasal 12 ayat (4): 15 working days from the DPRD's receipt of the revised draft. The
    tick recorded the deemed approval of 23 March 2016 (from 1 March); the revised draft truly
    arrived on 3 March, so the approval is deemed on 28 March (Good Friday, 25 March, is off)."""
    coop = in_dprd_review(operator)
    run_tick(now=dt.datetime(2016, 4, 4, 3, 0, tzinfo=dt.UTC))
    review = DprdReview.objects.get(cooperation=coop, region_id="34.71")
    assert review.deemed_approved_on == dt.date(2016, 3, 23)

    event = corrections.correct_dprd_date(
        coop.pk, actor=operator, region_code="34.71", fact="resubmitted_on", value="2016-03-03",
        reason=WHY, today=dt.date(2016, 4, 4), now=NOW,
    )  # fmt: skip

    review.refresh_from_db()
    expected = (
        assessment_for(coop, as_of=dt.date(2016, 4, 4))
        .dprd[0]
        .track.deadlines["deemed_approval_due"]
    )
    assert expected == dt.date(2016, 3, 28)
    assert review.resubmitted_on == dt.date(2016, 3, 3)
    assert review.deemed_approved_on == dt.date(2016, 3, 28)
    assert event.changes["old"] == "2016-03-01"
    assert event.changes["new"] == "2016-03-03"
    assert event.changes["effects"]["deemed_approved_on"] == ["2016-03-23", "2016-03-28"]


def test_a_deemed_approval_is_withdrawn_when_the_corrected_clock_has_not_run_out(
    operator: User,
) -> None:
    coop = in_dprd_review(operator)
    dprd.record_dprd_decision(coop.pk, actor=operator, region_code="34.04", approved=True,
                              on=dt.date(2016, 3, 4), now=ON_4_MARCH)  # fmt: skip
    run_tick(now=dt.datetime(2016, 3, 24, 3, 0, tzinfo=dt.UTC))
    coop.refresh_from_db()
    assert coop.stage == Stage.READY_TO_SIGN

    corrections.correct_dprd_date(
        coop.pk, actor=operator, region_code="34.71", fact="resubmitted_on", value="2016-03-14",
        reason=WHY, today=dt.date(2016, 3, 24), now=NOW,
    )  # fmt: skip

    coop.refresh_from_db()
    review = DprdReview.objects.get(cooperation=coop, region_id="34.71")
    assert review.deemed_approved_on is None
    assert coop.stage == Stage.DPRD_REVIEW
    # The DPRD may decide again, and the tick deems the approval on the corrected date later.
    run_tick(now=dt.datetime(2016, 4, 8, 3, 0, tzinfo=dt.UTC))
    review.refresh_from_db()
    assert review.deemed_approved_on == dt.date(2016, 4, 5)
    assert coop.events.filter(kind=EventKind.DPRD_DEEMED_APPROVED).count() == 2


def test_a_corrected_dprd_receipt_moves_the_dprd_deadline(operator: User) -> None:
    coop = in_dprd_review(operator)  # Sleman's DPRD received the draft on 1 February
    before = assessment_for(coop, as_of=LATER)
    sleman = next(v for v in before.dprd if v.region == "34.04")

    corrections.correct_dprd_date(
        coop.pk, actor=personas.operator_sleman(), region_code="34.04", fact="received_on",
        value="2016-02-08", reason=WHY, today=dt.date(2016, 3, 2), now=NOW,
    )  # fmt: skip

    after = next(v for v in assessment_for(coop, as_of=LATER).dprd if v.region == "34.04")
    assert after.track.deadlines["assessment_due"] > sleman.track.deadlines["assessment_due"]


def test_a_dprd_date_out_of_order_is_refused_naming_both_dates(operator: User) -> None:
    coop = in_dprd_review(operator)  # Yogyakarta: received 1 Feb, opinion 15 Feb, back 1 March
    message = refused(
        corrections.correct_dprd_date, cooperation_id=coop.pk, actor=operator,
        region_code="34.71", fact="opinion_sent_on", value="2016-01-29", reason=WHY,
        today=LATER, now=NOW,
    )  # fmt: skip
    assert "2016-01-29" in message
    assert "2016-02-01" in message
    assert DprdReview.objects.get(cooperation=coop, region_id="34.71").opinion_sent_on == (
        dt.date(2016, 2, 15)
    )


def test_a_dprd_decision_date_is_corrected_and_stays_after_what_the_dprd_received(
    operator: User,
) -> None:
    coop = in_dprd_review(operator)  # Sleman's DPRD received the draft on 1 February
    dprd_sleman = personas.dprd_sleman()
    dprd.record_dprd_decision(coop.pk, actor=dprd_sleman, region_code="34.04", approved=True,
                              on=dt.date(2016, 3, 4), now=ON_4_MARCH)  # fmt: skip

    event = corrections.correct_dprd_date(
        coop.pk, actor=dprd_sleman, region_code="34.04", fact="approved_on", value="2016-02-29",
        reason=WHY, today=LATER, now=NOW,
    )  # fmt: skip

    review = DprdReview.objects.get(cooperation=coop, region_id="34.04")
    assert review.approved_on == dt.date(2016, 2, 29)
    assert event.actor == dprd_sleman
    assert event.region_id == "34.04"
    message = refused(corrections.correct_dprd_date, cooperation_id=coop.pk, actor=dprd_sleman,
                      region_code="34.04", fact="approved_on", value="2016-01-29", reason=WHY,
                      today=LATER, now=NOW)  # fmt: skip
    assert "2016-01-29" in message
    assert "2016-02-01" in message
    # A refusal cannot be corrected into being: only a recorded date is corrected.
    refused(corrections.correct_dprd_date, cooperation_id=coop.pk, actor=dprd_sleman,
            region_code="34.04", fact="rejected_on", value="2016-03-01", reason=WHY,
            today=LATER, now=NOW)  # fmt: skip
    assert review.rejected_on is None


def test_an_opinion_recorded_by_mistake_is_removed_only_with_what_follows_it(
    operator: User,
) -> None:
    coop = in_dprd_review(operator)
    refused(corrections.correct_dprd_date, cooperation_id=coop.pk, actor=operator,
            region_code="34.71", fact="opinion_sent_on", value="", reason=WHY, today=LATER,
            now=NOW)  # fmt: skip
    corrections.correct_dprd_date(coop.pk, actor=operator, region_code="34.71",
                                  fact="resubmitted_on", value="", reason=WHY, today=LATER,
                                  now=NOW)  # fmt: skip
    event = corrections.correct_dprd_date(coop.pk, actor=operator, region_code="34.71",
                                          fact="opinion_sent_on", value="", reason=WHY,
                                          today=LATER, now=NOW)  # fmt: skip
    review = DprdReview.objects.get(cooperation=coop, region_id="34.71")
    assert review.opinion_sent_on is None
    assert review.resubmitted_on is None
    assert event.changes["old"] == "2016-02-15"
    assert event.changes["new"] is None


def test_corrected_burden_facts_send_a_ready_cooperation_back_to_the_dprd(
    operator: User,
) -> None:
    """Bantul's part was recorded as budgeted (no DPRD needed); it was not: its DPRD must now
    approve (PP 50/2007 Pasal 9-10), so the agreement is no longer ready to sign."""
    coop = in_dprd_review(operator)
    for code in ("34.71", "34.04"):
        dprd.record_dprd_decision(coop.pk, actor=operator, region_code=code, approved=True,
                                  on=dt.date(2016, 3, 4), now=ON_4_MARCH)  # fmt: skip
    coop.refresh_from_db()
    assert coop.stage == Stage.READY_TO_SIGN

    event = corrections.correct_burden(
        coop.pk, actor=operator, region_code="34.02", burden=UNBUDGETED, reason=WHY,
        today=dt.date(2016, 3, 7), now=NOW,
    )  # fmt: skip

    coop.refresh_from_db()
    assert coop.stage == Stage.DPRD_REVIEW
    assert (
        Party.objects.get(cooperation=coop, region_id="34.02").burden["budgeted_current_year"]
        is False
    )
    assert event.changes["old"]["budgeted_current_year"] is True
    assert event.changes["effects"]["stage"] == ["ready_to_sign", "dprd_review"]
    assert event.region_id == "34.02"
    with pytest.raises(StepRefused):
        services.sign_agreement(coop.pk, actor=operator, number="PKS/1", now=NOW,
                                signed_on=dt.date(2016, 3, 8))  # fmt: skip


def test_a_corrected_end_date_expires_the_agreement_or_revives_it(operator: User) -> None:
    coop = signed_and_published(operator)  # in force 1 February 2016 to 31 January 2021
    corrections.correct_fact(coop.pk, actor=operator, fact="ends_on", value="2016-04-30",
                             reason=WHY, today=LATER, now=NOW)  # fmt: skip
    coop.refresh_from_db()
    assert coop.stage == Stage.EXPIRED
    assert coop.ended_on == dt.date(2016, 4, 30)

    event = corrections.correct_fact(coop.pk, actor=operator, fact="ends_on", value="2021-01-31",
                                     reason=WHY, today=LATER, now=NOW)  # fmt: skip
    coop.refresh_from_db()
    assert coop.stage == Stage.SIGNED
    assert coop.ended_on is None
    assert event.changes["effects"]["stage"] == ["expired", "signed"]


def test_a_corrected_signing_date_is_checked_against_who_signed(operator: User) -> None:
    coop = signed_and_published(operator)  # KB 18 January, signed 1 February 2016
    head = Official.objects.create(
        region_id="34.71", name="Budi Santoso", position="Wali Kota Yogyakarta", is_head=True,
        term_start_on=dt.date(2016, 1, 25),
    )  # fmt: skip
    services.record_signatory(coop.pk, actor=operator, region_code="34.71",
                              official_id=head.pk, now=NOW)  # fmt: skip
    # Moving the signing before the mayor took office is refused: he could not sign then.
    message = refused(corrections.correct_fact, cooperation_id=coop.pk, actor=operator,
                      fact="signed_on", value="2016-01-20", reason=WHY, today=LATER, now=NOW)  # fmt: skip
    assert "Budi Santoso" in message
    assert "2016-01-20" in message
    corrections.correct_fact(coop.pk, actor=operator, fact="signed_on", value="2016-01-28",
                             reason=WHY, today=LATER, now=NOW)  # fmt: skip
    assert coop.signatories.get().signed_on == dt.date(2016, 1, 28)


def test_a_signing_date_before_the_dprd_approval_is_refused(operator: User) -> None:
    coop = in_dprd_review(operator)
    for code in ("34.71", "34.04"):
        dprd.record_dprd_decision(coop.pk, actor=operator, region_code=code, approved=True,
                                  on=dt.date(2016, 3, 4), now=ON_4_MARCH)  # fmt: skip
    services.sign_agreement(coop.pk, actor=operator, number="PKS/01/2016",
                            signed_on=dt.date(2016, 3, 7),
                            now=dt.datetime(2016, 3, 7, 3, 0, tzinfo=dt.UTC))  # fmt: skip
    message = refused(corrections.correct_fact, cooperation_id=coop.pk, actor=operator,
                      fact="signed_on", value="2016-03-03", reason=WHY, today=LATER, now=NOW)  # fmt: skip
    assert "2016-03-03" in message
    assert "2016-03-04" in message


def test_the_date_of_an_answer_is_corrected_between_the_offer_and_the_joint_agreement(
    operator: User,
) -> None:
    coop = drafted(operator)  # offer 4 January, accepted 11 January, KB 18 January
    sleman = personas.operator_sleman()
    message = refused(corrections.correct_answer_date, cooperation_id=coop.pk, actor=sleman,
                      party_key="34.04", value="2016-01-19", reason=WHY, today=LATER, now=NOW)  # fmt: skip
    assert "2016-01-19" in message
    assert "2016-01-18" in message
    event = corrections.correct_answer_date(coop.pk, actor=sleman, party_key="34.04",
                                            value="2016-01-05", reason=WHY, today=LATER,
                                            now=NOW)  # fmt: skip
    assert coop.parties.get(region_id="34.04").accepted_on == dt.date(2016, 1, 5)
    assert event.changes["fact"] == "accepted_on"
    assert event.changes["old"] == "2016-01-11"
    # The offering region's own acceptance is its offer date, not an answer.
    refused(corrections.correct_answer_date, cooperation_id=coop.pk, actor=operator,
            party_key="34.71", value="2016-01-05", reason=WHY, today=LATER, now=NOW)  # fmt: skip


# ----- Parties before acceptance -----


def test_the_offering_region_corrects_the_parties_before_acceptance(operator: User) -> None:
    coop = offer(operator, regions=("34.71", "34.04", "34.02"))
    services.accept_offer(coop.pk, actor=operator, party_key="34.04", on=dt.date(2016, 1, 11),
                          now=NOW)  # fmt: skip

    removed = corrections.correct_parties(coop.pk, actor=operator, remove="34.02", reason=WHY,
                                          now=NOW)  # fmt: skip

    coop.refresh_from_db()
    assert sorted(p.region_id for p in coop.parties.all()) == ["34.04", "34.71"]
    assert "Kabupaten Bantul" in removed.changes["old"]
    assert "Kabupaten Bantul" not in removed.changes["new"]
    # Everyone left has accepted: the law counts the offer as accepted.
    assert coop.stage == Stage.ACCEPTED
    message = refused(corrections.correct_parties, cooperation_id=coop.pk, actor=operator,
                      add=services.PartySpec(region="34.02"), reason=WHY, now=NOW)  # fmt: skip
    assert "sebelum penawaran diterima" in message


def test_a_party_added_by_correction_must_answer_the_offer(operator: User) -> None:
    coop = offer(operator, regions=("34.71", "34.04"))
    corrections.correct_parties(coop.pk, actor=operator, add=services.PartySpec(region="34.02"),
                                reason=WHY, now=NOW)  # fmt: skip
    corrections.correct_parties(
        coop.pk, actor=operator, reason=WHY, now=NOW,
        add=services.PartySpec(third_party_name="PT Bersih Jaya", third_party_form="perseroan_terbatas"),
    )  # fmt: skip
    coop.refresh_from_db()
    assert coop.kind == "third_party"
    assert coop.parties.get(region_id="34.02").accepted_on is None
    assert refused(corrections.correct_parties, cooperation_id=coop.pk, actor=operator,
                   remove="34.71", reason=WHY, now=NOW)  # fmt: skip
    assert refused(corrections.correct_parties, cooperation_id=coop.pk, actor=operator,
                   add=services.PartySpec(region="99.99"), reason=WHY, now=NOW)  # fmt: skip


# ----- Withdrawal and cancellation -----


def test_an_offer_is_withdrawn_before_it_is_accepted_and_not_after(operator: User) -> None:
    coop = offer(operator, regions=("34.71", "34.04"))
    other = offer(operator, title="Angkutan", regions=("34.71", "34.04"))
    services.accept_offer(other.pk, actor=operator, party_key="34.04", on=dt.date(2016, 1, 11),
                          now=NOW)  # fmt: skip

    corrections.withdraw_offer(coop.pk, actor=operator, on=dt.date(2016, 1, 8),
                               reason="Anggaran dialihkan", today=LATER, now=NOW)  # fmt: skip

    coop.refresh_from_db()
    assert coop.stage == Stage.WITHDRAWN
    event = coop.events.get(kind=EventKind.OFFER_WITHDRAWN)
    assert event.on == dt.date(2016, 1, 8)
    assert event.actor == operator
    message = refused(corrections.withdraw_offer, cooperation_id=other.pk, actor=operator,
                      on=dt.date(2016, 1, 12), reason="", today=LATER, now=NOW)  # fmt: skip
    assert "sebelum diterima" in message
    # Nothing more can be answered on a withdrawn offer.
    with pytest.raises(StepRefused):
        services.accept_offer(coop.pk, actor=operator, party_key="34.04",
                              on=dt.date(2016, 1, 11), now=NOW)  # fmt: skip


def test_a_withdrawal_dated_before_the_offer_is_refused(operator: User) -> None:
    coop = offer(operator, regions=("34.71", "34.04"))
    message = refused(corrections.withdraw_offer, cooperation_id=coop.pk, actor=operator,
                      on=dt.date(2016, 1, 3), reason="", today=LATER, now=NOW)  # fmt: skip
    assert "2016-01-03" in message
    assert "2016-01-04" in message


def test_a_cancelled_record_is_kept_with_its_events_and_takes_no_more_steps(
    operator: User,
) -> None:
    coop = signed_and_published(operator)
    events = coop.events.count()

    corrections.cancel_record(coop.pk, actor=operator, reason="Dimasukkan dua kali", now=NOW)

    coop.refresh_from_db()
    assert coop.stage == Stage.CANCELLED
    assert not coop.is_published
    assert coop.events.count() == events + 1
    event = coop.events.get(kind=EventKind.RECORD_CANCELLED)
    assert event.changes["stage"] == ["signed", "cancelled"]
    assert event.changes["is_published"] == [True, False]
    assert event.reason == "Dimasukkan dua kali"
    for step in (
        lambda: services.amend(coop.pk, actor=operator, number="A/1", summary="x",
                               signed_on=dt.date(2016, 3, 1), now=NOW),
        lambda: corrections.correct_fact(coop.pk, actor=operator, fact="title", value="x",
                                         reason=WHY, today=LATER, now=NOW),
        lambda: corrections.cancel_record(coop.pk, actor=operator, reason=WHY, now=NOW),
    ):  # fmt: skip
        with pytest.raises(StepRefused) as caught:
            step()
        assert "dibatalkan" in str(caught.value)
    assert Cooperation.objects.filter(pk=coop.pk).exists()


def test_a_cancellation_needs_a_reason(operator: User) -> None:
    coop = drafted(operator)
    refused(corrections.cancel_record, cooperation_id=coop.pk, actor=operator, reason="",
            now=NOW)  # fmt: skip
    coop.refresh_from_db()
    assert coop.stage == Stage.DRAFTING


def test_the_tick_leaves_a_cancelled_record_alone(operator: User) -> None:
    coop = in_dprd_review(operator)
    corrections.cancel_record(coop.pk, actor=operator, reason="Dobel", now=NOW)
    summary = run_tick(now=dt.datetime(2016, 4, 4, 3, 0, tzinfo=dt.UTC))
    assert summary.deemed_approvals == 0
    assert not coop.events.filter(kind=EventKind.DPRD_DEEMED_APPROVED).exists()

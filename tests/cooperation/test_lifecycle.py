"""A cooperation's life through the domain services, on SQLite and PostgreSQL: each step asks
ksd.law, changes state and appends an event; a refused step changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from ksd.cooperation import services
from ksd.cooperation.models import Cooperation, Event, EventKind, Stage
from ksd.core.errors import StepRefused
from ksd.dprd import services as dprd
from ksd.dprd.models import DprdReview

# When the steps are recorded: after every legal date they carry (none is in the future).
NOW = dt.datetime(2024, 1, 2, 2, 0, tzinfo=dt.UTC)
ALL_CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip
UNBUDGETED = {  # every burden fact recorded: a fact left out is unknown, never "no"
    "apbd_cost": True, "budgeted_current_year": False, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": False,
}  # fmt: skip
BUDGETED = {  # every burden fact recorded: a fact left out is unknown, never "no"
    "apbd_cost": True, "budgeted_current_year": True, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": False,
}  # fmt: skip


@pytest.fixture
def operator_kota_yogyakarta(db: None) -> User:
    return User.objects.create_user("operator_kota_yogyakarta")


def kartamantul(actor: User) -> Cooperation:
    return services.make_offer(
        actor=actor,
        title="Pengelolaan sampah regional TPST Piyungan",
        initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04", "34.02")],
        offered_on=dt.date(2016, 1, 4),
        offer_number="415.4/001",
        now=NOW,
    )


def drafted(actor: User) -> Cooperation:
    coop = kartamantul(actor)
    for code in ("34.04", "34.02"):
        services.accept_offer(
            coop.pk, actor=actor, party_key=code, on=dt.date(2016, 1, 11), now=NOW
        )
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB/01/2016", signed_on=dt.date(2016, 1, 18), now=NOW
    )
    return services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, term_years=5, on=dt.date(2016, 1, 25),
        burdens={"34.71": UNBUDGETED, "34.04": UNBUDGETED, "34.02": BUDGETED}, now=NOW,
    )  # fmt: skip


@pytest.mark.usefixtures("regions_loaded")
def test_an_inter_regional_cooperation_runs_from_offer_to_signing_through_deemed_approval(
    operator_kota_yogyakarta: User,
) -> None:
    actor = operator_kota_yogyakarta
    coop = drafted(actor)
    assert coop.stage == Stage.DRAFTING
    dprd.submit_to_dprd(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2016, 2, 1), now=NOW
    )
    dprd.submit_to_dprd(
        coop.pk, actor=actor, region_code="34.04", received_on=dt.date(2016, 2, 1), now=NOW
    )
    dprd.record_dprd_opinion(
        coop.pk, actor=actor, region_code="34.71", sent_on=dt.date(2016, 2, 15), now=NOW
    )
    dprd.record_resubmission(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2016, 3, 1), now=NOW
    )
    dprd.record_dprd_decision(
        coop.pk, actor=actor, region_code="34.04", approved=True, on=dt.date(2016, 3, 2), now=NOW
    )
    review = DprdReview.objects.get(cooperation=coop, region_id="34.71")

    # 15 working days from 1 March 2016, Nyepi (9 March) skipped, end on 23 March.
    assert not dprd.apply_deemed_approval(review.pk, as_of=dt.date(2016, 3, 23), now=NOW)
    assert dprd.apply_deemed_approval(review.pk, as_of=dt.date(2016, 3, 24), now=NOW)
    assert not dprd.apply_deemed_approval(review.pk, as_of=dt.date(2016, 3, 25), now=NOW)
    review.refresh_from_db()
    assert review.deemed_approved_on == dt.date(2016, 3, 23)
    coop.refresh_from_db()
    assert coop.stage == Stage.READY_TO_SIGN

    services.sign_agreement(
        coop.pk, actor=actor, number="PKS/07/2016", signed_on=dt.date(2016, 3, 28), now=NOW
    )
    coop.refresh_from_db()
    assert coop.stage == Stage.SIGNED
    assert coop.ends_on == dt.date(2021, 3, 27)
    kinds = list(coop.events.values_list("kind", flat=True))
    assert kinds.count(EventKind.DPRD_DEEMED_APPROVED) == 1
    deemed = coop.events.get(kind=EventKind.DPRD_DEEMED_APPROVED)
    assert deemed.actor is None
    assert deemed.citation == "PP 50/2007 Pasal 12 ayat (4)"
    assert "Nyepi" in deemed.reason
    assert coop.events.get(kind=EventKind.OFFERED).actor == actor


@pytest.mark.usefixtures("regions_loaded")
def test_a_draft_missing_a_required_content_is_refused_and_nothing_changes(
    operator_kota_yogyakarta: User,
) -> None:
    actor = operator_kota_yogyakarta
    coop = kartamantul(actor)
    for code in ("34.04", "34.02"):
        services.accept_offer(
            coop.pk, actor=actor, party_key=code, on=dt.date(2016, 1, 11), now=NOW
        )
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB/01/2016", signed_on=dt.date(2016, 1, 18), now=NOW
    )
    events_before = Event.objects.count()

    with pytest.raises(StepRefused) as refused:
        services.draft_agreement(
            coop.pk, actor=actor, contents=ALL_CONTENTS[:-2], on=dt.date(2016, 1, 25),
            burdens={"34.71": UNBUDGETED}, now=NOW,
        )  # fmt: skip

    assert refused.value.citation == "PP 50/2007 Pasal 7 huruf b angka 7"
    assert "keadaan memaksa" in refused.value.message
    coop.refresh_from_db()
    assert coop.stage == Stage.JOINT_AGREEMENT
    assert coop.draft_contents == []
    assert coop.parties.get(region_id="34.71").burden is None
    assert Event.objects.count() == events_before


@pytest.mark.usefixtures("regions_loaded")
def test_an_individual_cannot_be_offered_a_cooperation_under_pp_50(
    operator_kota_yogyakarta: User,
) -> None:
    with pytest.raises(StepRefused) as refused:
        services.make_offer(
            actor=operator_kota_yogyakarta, title="Parkir", initiator="21.71",
            parties=[services.PartySpec(region="21.71"),
                     services.PartySpec(third_party_name="Budi", third_party_form="perseorangan")],
            offered_on=dt.date(2015, 5, 4), now=NOW,
        )  # fmt: skip
    assert refused.value.citation == "PP 50/2007 Pasal 1 angka 3"
    assert not Cooperation.objects.exists()


@pytest.mark.usefixtures("regions_loaded")
def test_a_region_whose_work_is_budgeted_cannot_be_sent_to_its_dprd(
    operator_kota_yogyakarta: User,
) -> None:
    coop = drafted(operator_kota_yogyakarta)
    with pytest.raises(StepRefused) as refused:
        dprd.submit_to_dprd(
            coop.pk,
            actor=operator_kota_yogyakarta,
            region_code="34.02",
            received_on=dt.date(2016, 2, 1),
            now=NOW,
        )
    assert refused.value.citation == "PP 50/2007 Pasal 9"
    assert not DprdReview.objects.filter(region_id="34.02").exists()


@pytest.mark.usefixtures("regions_loaded")
def test_signing_before_every_dprd_has_approved_is_refused(operator_kota_yogyakarta: User) -> None:
    actor = operator_kota_yogyakarta
    coop = drafted(actor)
    dprd.submit_to_dprd(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2016, 2, 1), now=NOW
    )
    with pytest.raises(StepRefused) as refused:
        services.sign_agreement(
            coop.pk, actor=actor, number="PKS/1", signed_on=dt.date(2016, 2, 10), now=NOW
        )
    assert "Kota Yogyakarta" in refused.value.message
    coop.refresh_from_db()
    assert coop.stage == Stage.DPRD_REVIEW
    assert coop.signed_on is None


@pytest.mark.usefixtures("regions_loaded")
def test_a_dprd_decision_after_the_deemed_approval_is_refused(
    operator_kota_yogyakarta: User,
) -> None:
    actor = operator_kota_yogyakarta
    coop = drafted(actor)
    dprd.submit_to_dprd(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2016, 2, 1), now=NOW
    )
    dprd.record_dprd_opinion(
        coop.pk, actor=actor, region_code="34.71", sent_on=dt.date(2016, 2, 15), now=NOW
    )
    dprd.record_resubmission(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2016, 3, 1), now=NOW
    )
    with pytest.raises(StepRefused) as refused:
        dprd.record_dprd_decision(
            coop.pk,
            actor=actor,
            region_code="34.71",
            approved=False,
            on=dt.date(2016, 3, 24),
            now=NOW,
        )
    assert refused.value.citation == "PP 50/2007 Pasal 12 ayat (4)"
    assert DprdReview.objects.get(region_id="34.71").rejected_on is None


@pytest.mark.usefixtures("regions_loaded")
def test_a_party_cannot_answer_an_offer_twice(operator_kota_yogyakarta: User) -> None:
    coop = kartamantul(operator_kota_yogyakarta)
    services.accept_offer(
        coop.pk, actor=operator_kota_yogyakarta, party_key="34.04", on=dt.date(2016, 1, 11), now=NOW
    )
    with pytest.raises(StepRefused):
        services.decline_offer(
            coop.pk,
            actor=operator_kota_yogyakarta,
            party_key="34.04",
            on=dt.date(2016, 1, 12),
            now=NOW,
        )
    coop.refresh_from_db()
    assert coop.stage == Stage.OFFERED
    assert coop.events.filter(kind=EventKind.OFFER_DECLINED).count() == 0


@pytest.mark.usefixtures("regions_loaded")
def test_under_pp_28_the_dprd_approves_after_the_joint_agreement_and_before_drafting(
    operator_kota_yogyakarta: User,
) -> None:
    actor = operator_kota_yogyakarta
    coop = services.make_offer(
        actor=actor, title="Kartamantul 2019", initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=dt.date(2019, 1, 7), now=NOW,
    )  # fmt: skip
    assert coop.regime == "pp28-2018"
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=dt.date(2019, 1, 14), now=NOW)
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB/1/2019", signed_on=dt.date(2019, 1, 21), now=NOW
    )
    services.record_burdens(
        coop.pk, actor=actor, burdens={"34.71": UNBUDGETED, "34.04": BUDGETED}, now=NOW
    )

    dprd.submit_to_dprd(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2019, 1, 28), now=NOW
    )
    dprd.submit_to_dprd(
        coop.pk, actor=actor, region_code="34.04", received_on=dt.date(2019, 1, 28), now=NOW
    )
    dprd.record_dprd_decision(
        coop.pk, actor=actor, region_code="34.71", approved=True, on=dt.date(2019, 3, 1), now=NOW
    )
    dprd.record_dprd_decision(
        coop.pk, actor=actor, region_code="34.04", approved=True, on=dt.date(2019, 3, 4), now=NOW
    )
    coop.refresh_from_db()
    assert coop.stage == Stage.READY_TO_SIGN

    services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, burdens={}, on=dt.date(2019, 3, 11), now=NOW
    )
    services.sign_agreement(
        coop.pk, actor=actor, number="PKS/1/2019", signed_on=dt.date(2019, 3, 18), now=NOW
    )
    coop.refresh_from_db()
    assert coop.stage == Stage.SIGNED
    submitted = coop.events.filter(kind=EventKind.DPRD_SUBMITTED).first()
    assert submitted is not None
    assert submitted.citation == "PP 28/2018 Pasal 6 ayat (2)"


@pytest.mark.usefixtures("regions_loaded")
def test_the_object_of_a_cooperation_is_a_government_affair_of_uu_23_2014(
    operator_kota_yogyakarta: User,
) -> None:
    from ksd.regions.services import load_affairs

    load_affairs()
    coop = services.make_offer(
        actor=operator_kota_yogyakarta, title="Sampah", initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=dt.date(2016, 1, 4), affair="wajib_non_pd.lingkungan_hidup", now=NOW,
    )  # fmt: skip
    assert coop.affair is not None
    assert coop.affair.citation.startswith("UU 23/2014 Pasal 12 ayat (2)")
    with pytest.raises(StepRefused):
        services.make_offer(
            actor=operator_kota_yogyakarta, title="X", initiator="34.71",
            parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
            offered_on=dt.date(2016, 1, 4), affair="urusan_fiktif", now=NOW,
        )  # fmt: skip
    assert Cooperation.objects.count() == 1

"""Missing is not "no" (issue 6, point 3), on SQLite and PostgreSQL: a draft with no contents
ticked has its contents not given and is refused as a partial one is; burden facts not recorded
for a region are unknown, so its DPRD track waits for them before any submission, signing, or
conclusion that no approval is needed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from ksd.cooperation import services
from ksd.cooperation.law import assessment_for, known_burden
from ksd.cooperation.models import Cooperation, Event, Stage
from ksd.core.errors import StepRefused
from ksd.dprd import services as dprd
from ksd.dprd.models import DprdReview
from ksd.law.facts import Burden
from ksd.law.regimes import Regime

D = dt.date
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


@pytest.fixture
def actor(regions_loaded: None) -> User:
    return User.objects.create_user("operator_kota_yogyakarta")


def joint(actor: User) -> Cooperation:
    coop = services.make_offer(
        actor=actor, title="Angkutan perkotaan", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
        offered_on=D(2016, 1, 4), now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=D(2016, 1, 11), now=NOW)
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB", signed_on=D(2016, 1, 18), now=NOW
    )
    return coop


def draft(actor: User, coop: Cooperation, burdens: dict[str, dict[str, bool | None]]) -> None:
    services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, term_years=5, on=D(2016, 1, 25),
        burdens=burdens, now=NOW,
    )  # fmt: skip


def status_of(coop: Cooperation, region: str) -> str:
    verdicts = assessment_for(coop, as_of=D(2016, 2, 1)).dprd
    return next(v.track.status for v in verdicts if v.region == region)


# ----- contents -----


@pytest.mark.parametrize("contents", [[], ["subjek", "objek"]], ids=["none", "partial"])
def test_a_draft_without_its_required_contents_is_refused_whether_none_or_some_are_ticked(
    actor: User, contents: list[str]
) -> None:
    coop = joint(actor)
    events = Event.objects.count()
    with pytest.raises(StepRefused) as refused:
        services.draft_agreement(
            coop.pk, actor=actor, contents=contents, burdens={}, on=D(2016, 1, 25), now=NOW
        )
    assert refused.value.citation.startswith("PP 50/2007 Pasal 7 huruf b")
    assert "belum memuat" in refused.value.message
    coop.refresh_from_db()
    assert (coop.stage, coop.draft_contents) == (Stage.JOINT_AGREEMENT, [])
    assert Event.objects.count() == events


def test_under_pp_28_an_empty_contract_with_a_third_party_is_refused(actor: User) -> None:
    """PP 28/2018 Pasal 19 ayat (2): a KSDPK contract holds at least its four contents."""
    coop = services.make_offer(
        actor=actor, title="Kebersihan kota", initiator="21.71",
        parties=[services.PartySpec(region="21.71"),
                 services.PartySpec(third_party_name="PT Batam Bersih",
                                    third_party_form="perseroan_terbatas")],
        offered_on=D(2019, 3, 4), now=NOW,
    )  # fmt: skip
    services.accept_offer(
        coop.pk, actor=actor, party_key="PT Batam Bersih", on=D(2019, 3, 11), now=NOW
    )
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB", signed_on=D(2019, 3, 18), now=NOW
    )
    with pytest.raises(StepRefused) as refused:
        services.draft_agreement(
            coop.pk, actor=actor, contents=[], burdens={}, on=D(2019, 3, 25), now=NOW
        )
    assert refused.value.citation.startswith("PP 28/2018 Pasal 19 ayat (2)")
    coop.refresh_from_db()
    assert coop.stage == Stage.JOINT_AGREEMENT


# ----- burden facts -----


def test_a_region_whose_burden_is_not_recorded_is_unknown_not_free_of_the_dprd(
    actor: User,
) -> None:
    coop = joint(actor)
    draft(actor, coop, {"34.71": SKPD})  # Sleman's facts: not recorded
    coop.refresh_from_db()
    assert coop.parties.get(region_id="34.04").burden is None
    assert status_of(coop, "34.71") == "not_required"
    assert status_of(coop, "34.04") == "unknown"
    with pytest.raises(StepRefused) as refused:
        services.sign_agreement(
            coop.pk, actor=actor, number="PKS", signed_on=D(2016, 2, 1), now=NOW
        )
    assert "Sleman" in refused.value.message
    assert "data pembebanan" in refused.value.message.lower()
    coop.refresh_from_db()
    assert (coop.stage, coop.signed_on) == (Stage.DRAFTING, None)


def test_a_fact_left_unanswered_keeps_the_track_unknown_when_it_could_change_the_answer(
    actor: User,
) -> None:
    """Budgeted agency work needs no DPRD, unless it uses regional assets (Pasal 9-10): with
    that fact not recorded, KSD cannot conclude that no approval is needed."""
    coop = joint(actor)
    draft(actor, coop, {"34.71": {**SKPD, "uses_regional_assets": None}, "34.04": SKPD})
    coop.refresh_from_db()
    assert coop.parties.get(region_id="34.71").burden["uses_regional_assets"] is None
    assert status_of(coop, "34.71") == "unknown"
    with pytest.raises(StepRefused):
        services.sign_agreement(
            coop.pk, actor=actor, number="PKS", signed_on=D(2016, 2, 1), now=NOW
        )
    with pytest.raises(StepRefused) as refused:
        dprd.submit_to_dprd(
            coop.pk, actor=actor, region_code="34.71", received_on=D(2016, 2, 1), now=NOW
        )
    assert "data pembebanan" in refused.value.message.lower()
    assert not DprdReview.objects.exists()
    # Once the fact is recorded as "no", the conclusion follows and the agreement is signed.
    draft(actor, coop, {"34.71": {"uses_regional_assets": False}})
    services.sign_agreement(coop.pk, actor=actor, number="PKS", signed_on=D(2016, 2, 1), now=NOW)
    coop.refresh_from_db()
    assert coop.stage == Stage.SIGNED


def test_no_draft_goes_to_a_dprd_while_another_regions_burden_is_unknown(actor: User) -> None:
    coop = joint(actor)
    draft(actor, coop, {"34.71": UNBUDGETED})
    with pytest.raises(StepRefused) as refused:
        dprd.submit_to_dprd(
            coop.pk, actor=actor, region_code="34.71", received_on=D(2016, 2, 1), now=NOW
        )
    assert "Sleman" in refused.value.message
    assert not DprdReview.objects.exists()
    draft(actor, coop, {"34.04": SKPD})
    dprd.submit_to_dprd(
        coop.pk, actor=actor, region_code="34.71", received_on=D(2016, 2, 1), now=NOW
    )
    # Kota Yogyakarta approves; Sleman's budgeted agency work needs none: ready to sign.
    dprd.record_dprd_decision(
        coop.pk, actor=actor, region_code="34.71", approved=True, on=D(2016, 3, 1), now=NOW
    )
    coop.refresh_from_db()
    assert coop.stage == Stage.READY_TO_SIGN


def test_a_later_draft_that_leaves_a_fact_out_keeps_what_was_recorded(actor: User) -> None:
    coop = joint(actor)
    draft(actor, coop, {"34.71": SKPD, "34.04": SKPD})
    draft(actor, coop, {"34.71": {"public_pays": False}})
    coop.refresh_from_db()
    assert coop.parties.get(region_id="34.71").burden == SKPD


@pytest.mark.parametrize(
    ("recorded", "expected"),
    [
        (None, None),
        ({}, None),
        # An unbudgeted cost needs the DPRD whatever the other facts are (Pasal 9).
        ({"apbd_cost": True, "budgeted_current_year": False}, True),
        # Budgeted agency work: the answer hangs on the assets and the public, not recorded.
        ({"apbd_cost": True, "budgeted_current_year": True, "within_skpd_duties": True}, None),
        (SKPD, False),
        ({**SKPD, "public_pays": None}, None),
    ],
)
def test_burden_facts_are_known_only_when_the_missing_ones_cannot_change_the_answer(
    recorded: dict[str, bool | None] | None, expected: bool | None
) -> None:
    from ksd.law.assessment import RULES

    burden = known_burden(recorded, Regime.PP50_2007, D(2016, 1, 4))
    if expected is None:
        assert burden is None
    else:
        assert isinstance(burden, Burden)
        assert RULES[Regime.PP50_2007].dprd_approval(burden, D(2016, 1, 4)).required is expected

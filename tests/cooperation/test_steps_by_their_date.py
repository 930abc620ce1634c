"""Each step is recorded under the regulation in force on its own date (PP 28/2018 Pasal 51 and
52: PP 50/2007 is repealed from 13 July 2018 with no saving clause for procedures under way)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from ksd.accounts.models import Membership, Role
from ksd.cooperation import services
from ksd.cooperation.models import EventKind

NOW = dt.datetime(2018, 8, 1, 2, 0, tzinfo=dt.UTC)
ALL_CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip
BUDGETED = {  # every burden fact recorded: a fact left out is unknown, never "no"
    "apbd_cost": True, "budgeted_current_year": True, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": True,
}  # fmt: skip


@pytest.mark.usefixtures("regions_loaded")
def test_a_process_offered_under_pp_50_and_signed_after_the_repeal_records_each_step_by_its_date() -> (
    None
):
    actor = User.objects.create_user("operator_kota_yogyakarta")
    Membership.objects.create(user=actor, role=Role.OPERATOR, region_id="34.71")
    offered = dt.date(2018, 6, 4)
    coop = services.make_offer(
        actor=actor, title="Kerja sama", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")], offered_on=offered,
        now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=offered, now=NOW)
    services.sign_joint_agreement(coop.pk, actor=actor, number="KB", signed_on=offered, now=NOW)
    services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, on=dt.date(2018, 7, 16),
        burdens=dict.fromkeys(("34.71", "34.04"), BUDGETED), now=NOW,
    )  # fmt: skip
    services.sign_agreement(
        coop.pk, actor=actor, number="PKS", signed_on=dt.date(2018, 7, 30), now=NOW
    )
    # Copies of an agreement signed after the repeal go where PP 28/2018 points (its Pasal 44
    # supervisors), not to the DPRD of PP 50/2007 Pasal 12 ayat (6).
    services.send_copies(
        coop.pk, actor=actor, region_code="34.71", recipients=["menteri"],
        sent_on=dt.date(2018, 7, 31), now=NOW,
    )  # fmt: skip
    with pytest.raises(services.StepRefused):
        services.send_copies(
            coop.pk, actor=actor, region_code="34.71", recipients=["dprd"],
            sent_on=dt.date(2018, 7, 31), now=NOW,
        )  # fmt: skip
    citations = {e.kind: e.citation for e in coop.events.all()}
    assert citations[EventKind.COPIES_SENT] == "PP 28/2018 Pasal 44"
    assert coop.regime == "pp50-2007"
    assert citations[EventKind.OFFERED] == "PP 50/2007 Pasal 7 huruf a"
    assert citations[EventKind.JOINT_AGREEMENT_SIGNED] == "PP 50/2007 Pasal 7 huruf b"
    assert citations[EventKind.AGREEMENT_DRAFTED] == "PP 28/2018 Pasal 6 ayat (1) huruf f"
    assert citations[EventKind.SIGNED] == "PP 28/2018 Pasal 6 ayat (1) huruf g"


@pytest.mark.usefixtures("regions_loaded")
def test_a_dprd_review_under_way_on_the_repeal_cites_each_step_by_its_date() -> None:
    """The draft reached the DPRD under PP 50/2007; its opinion, the resubmission and the
    decision came after 13 July 2018 and cite PP 28/2018, which has no saving clause (Pasal 51)."""
    from ksd.dprd import services as dprd

    actor = User.objects.create_user("operator_kota_yogyakarta")
    Membership.objects.create(user=actor, role=Role.OPERATOR, region_id="34.71")
    offered = dt.date(2018, 5, 2)
    coop = services.make_offer(
        actor=actor, title="Kerja sama", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")], offered_on=offered,
        now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=offered, now=NOW)
    services.sign_joint_agreement(coop.pk, actor=actor, number="KB", signed_on=offered, now=NOW)
    burdened = {**BUDGETED, "budgeted_current_year": False, "within_skpd_duties": False}
    services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, on=dt.date(2018, 6, 1),
        burdens={"34.71": burdened, "34.04": BUDGETED}, now=NOW,
    )  # fmt: skip
    dprd.submit_to_dprd(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2018, 7, 2), now=NOW
    )
    dprd.record_dprd_opinion(
        coop.pk, actor=actor, region_code="34.71", sent_on=dt.date(2018, 7, 16), now=NOW
    )
    dprd.record_resubmission(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2018, 7, 20), now=NOW
    )
    secretariat = User.objects.create_user("dprd_kota_yogyakarta")
    Membership.objects.create(user=secretariat, role=Role.DPRD, region_id="34.71")
    dprd.record_dprd_decision(
        coop.pk, actor=secretariat, region_code="34.71", approved=True,
        on=dt.date(2018, 7, 25), now=NOW,
    )  # fmt: skip
    citations = {e.kind: e.citation for e in coop.events.all()}
    assert citations[EventKind.DPRD_SUBMITTED] == "PP 50/2007 Pasal 12 ayat (1)"
    # PP 28/2018 has no opinion-and-revision round: nothing of it to cite, and never PP 50/2007.
    assert "PP 50/2007" not in citations[EventKind.DPRD_OPINION]
    assert "PP 50/2007" not in citations[EventKind.DPRD_RESUBMITTED]
    assert citations[EventKind.DPRD_APPROVED] == "PP 28/2018 Pasal 6 ayat (2)"

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
    citations = {e.kind: e.citation for e in coop.events.all()}
    assert coop.regime == "pp50-2007"
    assert citations[EventKind.OFFERED] == "PP 50/2007 Pasal 7 huruf a"
    assert citations[EventKind.JOINT_AGREEMENT_SIGNED] == "PP 50/2007 Pasal 7 huruf b"
    assert citations[EventKind.AGREEMENT_DRAFTED] == "PP 28/2018 Pasal 6 ayat (1) huruf f"
    assert citations[EventKind.SIGNED] == "PP 28/2018 Pasal 6 ayat (1) huruf g"

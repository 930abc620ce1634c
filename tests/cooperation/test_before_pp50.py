"""An agreement made before PP 50/2007 and still in force can be recorded and shown (PP 50/2007
Pasal 26: inter-regional cooperation under way stays valid until it ends; Pasal 27: its disputes
are settled under PP 50/2007). How it was made is not judged against PP 50/2007."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client

from ksd.accounts.models import Membership, Role
from ksd.cooperation import services
from ksd.cooperation.disputes.services import raise_dispute
from ksd.cooperation.law import assessment_for
from ksd.cooperation.models import Stage

NOW = dt.datetime(2026, 1, 5, 2, 0, tzinfo=dt.UTC)
ALL_CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip


@pytest.mark.usefixtures("regions_loaded")
def test_a_2005_agreement_is_recorded_signed_shown_and_its_dispute_routed_by_pp_50() -> None:
    actor = User.objects.create_user("operator_kota_yogyakarta")
    Membership.objects.create(user=actor, role=Role.OPERATOR, region_id="34.71")
    made = dt.date(2005, 3, 1)
    coop = services.make_offer(
        actor=actor, title="Kartamantul 2005", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")], offered_on=made,
        now=NOW,
    )  # fmt: skip
    assert coop.regime == "pp50-2007"
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=made, now=NOW)
    services.sign_joint_agreement(coop.pk, actor=actor, number="KB", signed_on=made, now=NOW)
    services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, on=made, burdens={}, now=NOW
    )
    services.sign_agreement(coop.pk, actor=actor, number="PKS", signed_on=made, now=NOW)
    coop.refresh_from_db()
    assert coop.stage == Stage.SIGNED

    findings = assessment_for(coop, as_of=dt.date(2026, 1, 5)).findings
    assert "agreement_before_pp50" in {f.code for f in findings}

    dispute = raise_dispute(
        coop.pk, actor=actor, between=["34.71", "34.04"], raised_on=dt.date(2008, 2, 4),
        description="Pembagian biaya", now=NOW,
    )  # fmt: skip
    assert (dispute.authority, dispute.citation) == ("gubernur", "PP 50/2007 Pasal 14 ayat (1)")

    client = Client()
    client.force_login(actor)
    page = client.get(f"/kerja-sama/{coop.pk}/")
    assert page.status_code == 200
    assert "PP 50/2007 Pasal 27" in page.content.decode()

"""Users and cooperations for the cooperation-body tests."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from ksd.accounts.models import Membership, Role
from ksd.bodies.models import BodyKind, CooperationBody
from ksd.bodies.services import MemberSpec, form_body
from ksd.cooperation import services
from ksd.cooperation.models import Cooperation

# When the steps are recorded: after every legal date they carry (none is in the future).
NOW = dt.datetime(2024, 1, 2, 2, 0, tzinfo=dt.UTC)
ALL_CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip
BUDGETED = {  # every burden fact recorded: a fact left out is unknown, never "no"
    "apbd_cost": True, "budgeted_current_year": True, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": False,
}  # fmt: skip
KARTAMANTUL = ("34.71", "34.04", "34.02")
MEMBERS = [
    MemberSpec("34.71", "Ir. Suyana", "Asisten Sekretaris Daerah"),
    MemberSpec("34.04", "Drs. Sutrisna", "Kepala Bappeda"),
    MemberSpec("34.02", "Dra. Endang", "Kepala Bagian Kerja Sama"),
]


def member(username: str, role: Role, region: str | None) -> User:
    user = User.objects.create_user(username)
    Membership.objects.create(user=user, role=role, region_id=region)
    return user


def offered(actor: User, codes: tuple[str, ...], offered_on: dt.date) -> Cooperation:
    return services.make_offer(
        actor=actor, title="Pengelolaan sampah regional", initiator=codes[0],
        parties=[services.PartySpec(region=c) for c in codes], offered_on=offered_on, now=NOW,
    )  # fmt: skip


def drafted_for_years(actor: User, term_years: int) -> Cooperation:
    coop = offered(actor, KARTAMANTUL, dt.date(2016, 1, 4))
    for code in KARTAMANTUL[1:]:
        services.accept_offer(
            coop.pk, actor=actor, party_key=code, on=dt.date(2016, 1, 11), now=NOW
        )
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB/01/2016", signed_on=dt.date(2016, 1, 18), now=NOW
    )
    return services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, term_years=term_years,
        on=dt.date(2016, 1, 25), burdens=dict.fromkeys(KARTAMANTUL, BUDGETED), now=NOW,
    )  # fmt: skip


@pytest.fixture
def sekber_kartamantul(operator_kota_yogyakarta: User) -> CooperationBody:
    coop = drafted_for_years(operator_kota_yogyakarta, 5)
    return form_body(
        actor=operator_kota_yogyakarta, name="Sekretariat Bersama Kartamantul",
        kind=BodyKind.BADAN, decision_number="KB/02/2016", decided_on=dt.date(2016, 2, 1),
        members=MEMBERS, cooperation_id=coop.pk, now=NOW,
    )  # fmt: skip

"""Disputes are settled by the authority ksd.law names, recorded by that authority's staff."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from ksd.accounts.models import Membership, Role
from ksd.cooperation import services
from ksd.cooperation.disputes.services import raise_dispute, settle_dispute
from ksd.cooperation.models import Cooperation, EventKind
from ksd.core.errors import StepRefused

# When the steps are recorded: after every legal date they carry (none is in the future).
NOW = dt.datetime(2024, 1, 2, 2, 0, tzinfo=dt.UTC)
ALL_CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip
BUDGETED = {  # every burden fact recorded: a fact left out is unknown, never "no"
    "apbd_cost": True, "budgeted_current_year": True, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": True,
}  # fmt: skip


def member(username: str, role: Role, region: str | None) -> User:
    user = User.objects.create_user(username)
    Membership.objects.create(user=user, role=role, region_id=region)
    return user


def signed(actor: User, codes: list[str], offered_on: dt.date) -> Cooperation:
    coop = services.make_offer(
        actor=actor, title="Kerja sama", initiator=codes[0],
        parties=[services.PartySpec(region=c) for c in codes], offered_on=offered_on, now=NOW,
    )  # fmt: skip
    for code in codes[1:]:
        services.accept_offer(coop.pk, actor=actor, party_key=code, on=offered_on, now=NOW)
    services.sign_joint_agreement(coop.pk, actor=actor, number="KB", signed_on=offered_on, now=NOW)
    services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, on=offered_on,
        burdens=dict.fromkeys(codes, BUDGETED), now=NOW,
    )  # fmt: skip
    return services.sign_agreement(
        coop.pk, actor=actor, number="PKS", signed_on=offered_on, now=NOW
    )


@pytest.mark.usefixtures("regions_loaded")
def test_the_governors_bureau_records_the_decree_for_kabkota_of_its_province() -> None:
    operator = member("operator_kota_yogyakarta", Role.OPERATOR, "34.71")
    biro_diy = member("biro_pemerintahan_diy", Role.PEMBINA_PROVINSI, "34")
    biro_jateng = member("biro_pemerintahan_jateng", Role.PEMBINA_PROVINSI, "33")
    kemendagri = member("kemendagri", Role.PEMBINA_PUSAT, None)
    coop = signed(operator, ["34.71", "34.04"], dt.date(2016, 2, 1))
    dispute = raise_dispute(
        coop.pk, actor=operator, between=["34.71", "34.04"], raised_on=dt.date(2017, 5, 2),
        description="Pembagian biaya operasional TPST", now=NOW,
    )  # fmt: skip
    assert (dispute.authority, dispute.authority_province_id) == ("gubernur", "34")
    assert dispute.citation == "PP 50/2007 Pasal 14 ayat (1)"

    for outsider, settlement in ((biro_jateng, "gubernur"), (kemendagri, "menteri")):
        with pytest.raises(StepRefused) as refused:
            settle_dispute(dispute.pk, actor=outsider, settlement=settlement, settled_on=dt.date(2017, 6, 1),
                           decision_number="1/2017", summary="x", now=NOW)  # fmt: skip
        assert refused.value.citation == "PP 50/2007 Pasal 14 ayat (1)"

    settle_dispute(dispute.pk, actor=biro_diy, settlement="gubernur", settled_on=dt.date(2017, 6, 1),
                   decision_number="Kep. Gub. DIY 123/2017", summary="Biaya dibagi menurut tonase", now=NOW)  # fmt: skip
    dispute.refresh_from_db()
    assert dispute.settled_on == dt.date(2017, 6, 1)
    assert coop.events.get(kind=EventKind.DISPUTE_DECIDED).actor == biro_diy


@pytest.mark.usefixtures("regions_loaded")
def test_the_ministry_records_the_decree_for_kabkota_of_different_provinces() -> None:
    operator = member("operator_wonogiri", Role.OPERATOR, "33.12")
    kemendagri = member("kemendagri", Role.PEMBINA_PUSAT, None)
    coop = signed(operator, ["33.12", "35.01", "34.03"], dt.date(2011, 3, 14))
    dispute = raise_dispute(
        coop.pk, actor=operator, between=["33.12", "34.03"], raised_on=dt.date(2013, 1, 7),
        description="Jalur wisata", now=NOW,
    )  # fmt: skip
    assert dispute.authority == "menteri"
    settle_dispute(dispute.pk, actor=kemendagri, settlement="menteri", settled_on=dt.date(2013, 3, 1),
                   decision_number="Kepmendagri 9/2013", summary="Selesai", now=NOW)  # fmt: skip
    with pytest.raises(StepRefused):
        settle_dispute(dispute.pk, actor=kemendagri, settlement="menteri", settled_on=dt.date(2013, 3, 2),
                       decision_number="again", summary="x", now=NOW)  # fmt: skip


@pytest.mark.usefixtures("regions_loaded")
def test_a_dispute_raised_after_13_july_2018_is_routed_and_recorded_under_pp_28() -> None:
    """PP 28/2018 Pasal 51: a step taken after the repeal follows PP 28/2018, even for an agreement
    signed under PP 50/2007 (Pasal 48 keeps only the agreement itself valid)."""
    operator = member("operator_kota_yogyakarta", Role.OPERATOR, "34.71")
    coop = signed(operator, ["34.71", "34.04"], dt.date(2016, 2, 1))
    dispute = raise_dispute(
        coop.pk, actor=operator, between=["34.71", "34.04"], raised_on=dt.date(2019, 3, 4),
        description="Pembagian biaya operasional TPST", now=NOW,
    )  # fmt: skip
    assert (dispute.authority, dispute.authority_province_id) == ("gubernur", "34")
    assert dispute.citation == "UU 23/2014 Pasal 370 ayat (1)"
    assert coop.events.get(kind=EventKind.DISPUTE_RAISED).citation == dispute.citation


@pytest.mark.usefixtures("regions_loaded")
def test_an_ending_after_13_july_2018_must_rest_on_a_pp_28_ground() -> None:
    operator = member("operator_kota_yogyakarta", Role.OPERATOR, "34.71")
    coop = signed(operator, ["34.71", "34.04"], dt.date(2016, 2, 1))
    with pytest.raises(StepRefused) as refused:
        services.terminate(coop.pk, actor=operator, ground="pasal18_a", on=dt.date(2019, 5, 6),
                           now=NOW)  # fmt: skip
    assert refused.value.citation.startswith("PP 28/2018 Pasal 9")
    services.terminate(coop.pk, actor=operator, ground="pasal9_c", on=dt.date(2019, 5, 6), now=NOW)
    event = coop.events.get(kind=EventKind.TERMINATED)
    assert event.citation == "PP 28/2018 Pasal 9 ayat (1) huruf c"

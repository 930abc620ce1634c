"""The access door over the demo data: every persona against every demo cooperation. What a
user may not see is neither listed, counted nor opened (404, as if it did not exist)."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.management import call_command
from django.http import Http404

import personas
from ksd.cooperation import services
from ksd.cooperation.models import Cooperation
from ksd.core.access import get_cooperation_for, visible_cooperations
from ksd.dprd import services as dprd

pytestmark = pytest.mark.usefixtures("regions_loaded")

ALL = {
    "BKSP Jabodetabekjur", "Forum Mitra Praja Utama", "BKPRS", "SUSI", "KARTAMANTUL",
    "SUBOSUKAWONOSRATEN", "PAWONSARI", "BARLINGMASCAKEB", "BKKS", "Jalur Sutra", "NTB",
    "Kota Batam",
}  # fmt: skip
PUBLISHED = {"BKSP Jabodetabekjur", "Forum Mitra Praja Utama", "KARTAMANTUL", "NTB", "Kota Batam"}
SEES = {
    "operator_kota_yogyakarta": {"KARTAMANTUL"},
    "operator_sleman": {"KARTAMANTUL"},
    "dprd_kota_yogyakarta": {"KARTAMANTUL"},
    "dprd_sleman": {"KARTAMANTUL"},
    # Gunungkidul (PAWONSARI) is in DIY; the province itself is a member of Mitra Praja Utama.
    "biro_pemerintahan_diy": {"KARTAMANTUL", "PAWONSARI", "Forum Mitra Praja Utama"},
    "kemendagri": ALL,
    "administrator": ALL,
    "operator_kota_batam": {"Kota Batam"},
    "outsider": set(),
}
NOW = dt.datetime(2026, 1, 5, 2, 0, tzinfo=dt.UTC)


def short(title: str) -> str:
    return next(name for name in ALL if title.startswith(name))


@pytest.fixture
def demo(db: None) -> dict[str, Cooperation]:
    call_command("load_demo", stdout=StringIO())
    return {short(c.title): c for c in Cooperation.objects.filter(is_demo=True)}


@pytest.mark.parametrize("name", sorted(SEES))
def test_each_persona_lists_and_counts_exactly_what_it_may_see(
    name: str, demo: dict[str, Cooperation]
) -> None:
    user = personas.ALL[name]()

    listed = visible_cooperations(user)

    assert {short(title) for title in listed.values_list("title", flat=True)} == SEES[name]
    assert listed.count() == len(SEES[name])


@pytest.mark.parametrize("name", sorted(SEES))
def test_each_persona_opens_what_it_may_see_and_gets_404_for_the_rest(
    name: str, demo: dict[str, Cooperation]
) -> None:
    user = personas.ALL[name]()

    for key, cooperation in demo.items():
        if key in SEES[name]:
            assert get_cooperation_for(user, cooperation.pk) == cooperation
        else:
            with pytest.raises(Http404):
                get_cooperation_for(user, cooperation.pk)


def test_the_public_sees_only_the_published_signed_ones(demo: dict[str, Cooperation]) -> None:
    public = AnonymousUser()

    listed = visible_cooperations(public)

    assert {short(t) for t in listed.values_list("title", flat=True)} == PUBLISHED
    assert listed.count() == len(PUBLISHED)
    for key in ALL - PUBLISHED:
        with pytest.raises(Http404):
            get_cooperation_for(public, demo[key].pk)


def test_the_outsider_never_sees_an_unpublished_cooperation(
    demo: dict[str, Cooperation],
) -> None:
    outsider = personas.outsider()

    assert not visible_cooperations(outsider).filter(is_published=False).exists()
    for key in ALL - PUBLISHED:
        with pytest.raises(Http404):
            get_cooperation_for(outsider, demo[key].pk)


def test_a_cooperation_that_does_not_exist_is_404_for_everyone(
    demo: dict[str, Cooperation],
) -> None:
    missing = max(c.pk for c in demo.values()) + 1000

    for make in personas.ALL.values():
        with pytest.raises(Http404):
            get_cooperation_for(make(), missing)


def test_biro_diy_sees_kartamantul_and_pawonsari_but_not_susi(
    demo: dict[str, Cooperation],
) -> None:
    biro = personas.biro_pemerintahan_diy()

    assert get_cooperation_for(biro, demo["KARTAMANTUL"].pk)
    assert get_cooperation_for(biro, demo["PAWONSARI"].pk)
    with pytest.raises(Http404):
        get_cooperation_for(biro, demo["SUSI"].pk)


def drafted_kartamantul(actor: User) -> Cooperation:
    coop = services.make_offer(
        actor=actor, title="Pengelolaan air limbah terpadu", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04", "34.02")],
        offered_on=dt.date(2017, 3, 6), now=NOW,
    )  # fmt: skip
    for code in ("34.04", "34.02"):
        services.accept_offer(coop.pk, actor=actor, party_key=code, on=dt.date(2017, 3, 13),
                              now=NOW)  # fmt: skip
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB/02/2017", signed_on=dt.date(2017, 3, 20), now=NOW
    )
    unbudgeted = {"apbd_cost": True, "budgeted_current_year": False}
    # Bantul's share is budgeted work of its agencies: every fact recorded, no DPRD needed.
    skpd = {
        "apbd_cost": True,
        "budgeted_current_year": True,
        "uses_regional_assets": False,
        "public_pays": False,
        "within_skpd_duties": True,
    }
    return services.draft_agreement(
        coop.pk, actor=actor, contents=["subjek", "objek", "ruang_lingkup", "hak_kewajiban",
        "jangka_waktu", "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan"],
        burdens={"34.71": unbudgeted, "34.04": unbudgeted, "34.02": skpd}, term_years=5,
        on=dt.date(2017, 3, 27), now=NOW,
    )  # fmt: skip


@pytest.mark.django_db
def test_the_dprd_of_kota_yogyakarta_sees_a_cooperation_only_once_its_track_exists() -> None:
    operator = personas.operator_kota_yogyakarta()
    dprd_yogyakarta = personas.dprd_kota_yogyakarta()
    coop = drafted_kartamantul(operator)

    assert get_cooperation_for(operator, coop.pk) == coop
    with pytest.raises(Http404):
        get_cooperation_for(dprd_yogyakarta, coop.pk)
    assert visible_cooperations(dprd_yogyakarta).count() == 0

    dprd.submit_to_dprd(
        coop.pk, actor=operator, region_code="34.71", received_on=dt.date(2017, 4, 3), now=NOW
    )

    assert get_cooperation_for(dprd_yogyakarta, coop.pk) == coop
    assert visible_cooperations(dprd_yogyakarta).count() == 1
    # Sleman's DPRD has no track yet, so it still sees nothing.
    with pytest.raises(Http404):
        get_cooperation_for(personas.dprd_sleman(), coop.pk)

"""The steps after signing, on the cooperation's page: copies, implementation, amendment,
ending and publication. Only an operator of a party region acts; refusals name the article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.test import Client

import personas
from ksd.cooperation import services
from ksd.cooperation.models import Cooperation, EventKind, Stage
from ksd.core.access import visible_cooperations
from pages.records import ALL_CONTENTS, BUDGETED, NOW, offer

# A later day for the steps dated after the default clock (2 March 2016): a step is recorded
# once it has happened, never ahead of today.
LATER = dt.datetime(2018, 1, 2, 3, 0, tzinfo=dt.UTC)


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ksd.core.clock.now", lambda: LATER)


@pytest.fixture
def kemendagri(regions_loaded: None) -> User:
    return personas.kemendagri()


def signed(actor: User) -> Cooperation:
    coop = offer(actor, title="Angkutan perkotaan", regions=("34.71", "34.04"))
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=dt.date(2016, 1, 11), now=NOW)
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB", signed_on=dt.date(2016, 1, 18), now=NOW
    )
    skpd = {**BUDGETED, "within_skpd_duties": True}
    services.draft_agreement(coop.pk, actor=actor, contents=ALL_CONTENTS, term_years=5,
                             on=dt.date(2016, 1, 25), burdens={"34.71": skpd, "34.04": skpd}, now=NOW)  # fmt: skip
    return services.sign_agreement(
        coop.pk, actor=actor, number="PKS/9/2016", signed_on=dt.date(2016, 2, 1), now=NOW
    )


def test_an_operator_sends_copies_starts_work_and_publishes_from_the_page(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = signed(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)
    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert f'action="/kerja-sama/{coop.pk}/salinan/' in page
    assert f'action="/kerja-sama/{coop.pk}/terbitkan/' in page

    response = client.post(f"/kerja-sama/{coop.pk}/salinan/",
                           {"recipients": ["gubernur", "dprd"], "sent_on": "2016-02-02"})  # fmt: skip
    assert response.status_code == 302
    assert set(coop.copies_sent.values_list("recipient", flat=True)) == {"gubernur", "dprd"}

    response = client.post(f"/kerja-sama/{coop.pk}/pelaksanaan/",
                           {"agencies": "Dinas Perhubungan\nBappeda", "on": "2016-02-03"})  # fmt: skip
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.stage == Stage.IMPLEMENTING
    assert coop.implementing_agencies.count() == 2

    assert not visible_cooperations(AnonymousUser()).filter(pk=coop.pk).exists()
    assert client.post(f"/kerja-sama/{coop.pk}/terbitkan/").status_code == 302
    assert visible_cooperations(AnonymousUser()).filter(pk=coop.pk).exists()
    assert coop.events.filter(kind=EventKind.PUBLISHED).count() == 1


@pytest.mark.usefixtures("later")
def test_an_early_ending_without_notice_is_refused_on_the_page_with_its_article(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = signed(operator_kota_yogyakarta)
    response = as_user(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/pengakhiran/",
        {"ground": "pasal18_d", "on": "2016-06-01", "early": "on", "initiated_by": "34.04"},
    )
    assert response.status_code == 400
    assert "PP 50/2007 Pasal 19 ayat (1) huruf a" in response.content.decode()
    coop.refresh_from_db()
    assert coop.stage == Stage.SIGNED


def test_a_supervisor_reads_but_cannot_act_and_an_outsider_gets_404(
    operator_kota_yogyakarta: User, biro_pemerintahan_diy: User, outsider: User,
    as_user: Callable[[User], Client],
) -> None:  # fmt: skip
    coop = signed(operator_kota_yogyakarta)
    reader = as_user(biro_pemerintahan_diy)
    page = reader.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert "/salinan/" not in page
    assert reader.post(f"/kerja-sama/{coop.pk}/terbitkan/").status_code == 403
    assert as_user(outsider).post(f"/kerja-sama/{coop.pk}/terbitkan/").status_code == 404
    coop.refresh_from_db()
    assert not coop.is_published


@pytest.mark.usefixtures("later")
def test_a_dispute_of_two_diy_regions_is_settled_on_the_page_by_the_governors_bureau_only(
    operator_kota_yogyakarta: User, biro_pemerintahan_diy: User, kemendagri: User,
    as_user: Callable[[User], Client],
) -> None:  # fmt: skip
    coop = signed(operator_kota_yogyakarta)
    operator = as_user(operator_kota_yogyakarta)
    response = operator.post(
        f"/kerja-sama/{coop.pk}/perselisihan/",
        {
            "between": ["34.71", "34.04"],
            "raised_on": "2017-05-02",
            "description": "Biaya operasional",
        },
    )
    assert response.status_code == 302
    dispute = coop.disputes.get()
    assert dispute.citation == "PP 50/2007 Pasal 14 ayat (1)"
    decree = {"dispute": dispute.pk, "settlement": "gubernur", "settled_on": "2017-06-01",
              "decision_number": "Kep. Gub. 12/2017", "summary": "Dibagi menurut tonase"}  # fmt: skip

    refused = as_user(kemendagri).post(
        f"/kerja-sama/{coop.pk}/perselisihan/putusan/", {**decree, "settlement": "menteri"}
    )
    assert refused.status_code == 400
    assert "PP 50/2007 Pasal 14 ayat (1)" in refused.content.decode()
    dispute.refresh_from_db()
    assert dispute.settled_on is None

    page = as_user(biro_pemerintahan_diy).get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert "/perselisihan/putusan/" in page
    settled = as_user(biro_pemerintahan_diy).post(
        f"/kerja-sama/{coop.pk}/perselisihan/putusan/", decree
    )
    assert settled.status_code == 302
    dispute.refresh_from_db()
    assert dispute.decision_number == "Kep. Gub. 12/2017"
    assert coop.events.filter(kind=EventKind.DISPUTE_DECIDED).get().actor == biro_pemerintahan_diy


def test_an_operator_records_who_signed_for_its_region_from_those_allowed_that_day(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    from ksd.regions.models import Official

    head = Official.objects.create(region_id="34.71", name="Wali Kota Yogyakarta", position="Wali Kota",
                                   is_head=True, term_start_on=dt.date(2012, 1, 2))  # fmt: skip
    before = Official.objects.create(region_id="34.71", name="Wali Kota lama", position="Wali Kota",
                                     is_head=True, term_start_on=dt.date(2007, 1, 2),
                                     term_end_on=dt.date(2011, 12, 31))  # fmt: skip
    coop = signed(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)
    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert "Wali Kota Yogyakarta" in page
    assert "Wali Kota lama" not in page

    refused = client.post(f"/kerja-sama/{coop.pk}/penanda-tangan/", {"official": before.pk})
    assert refused.status_code == 400
    assert (
        client.post(f"/kerja-sama/{coop.pk}/penanda-tangan/", {"official": head.pk}).status_code
        == 302
    )
    assert coop.signatories.get().official == head


@pytest.mark.usefixtures("later")
def test_an_offer_made_on_the_page_records_its_object_and_model(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    from ksd.regions.models import Region
    from ksd.regions.services import load_affairs

    load_affairs()
    sleman = Region.objects.get(code="34.04")
    response = as_user(operator_kota_yogyakarta).post("/kerja-sama/baru/", {
        "title": "Pengelolaan air limbah", "offered_on": "2016-04-04", "regions": [sleman.pk],
        "affair": "wajib_pd.pekerjaan_umum_penataan_ruang", "sector": "Sanitasi",
        "management_model": "joint_service", "institution_model": "forum",
        "is_compulsory": "on", "object_count": "3",
    })  # fmt: skip
    assert response.status_code == 302
    coop = Cooperation.objects.get(title="Pengelolaan air limbah")
    assert coop.affair is not None
    assert coop.affair.code == "wajib_pd.pekerjaan_umum_penataan_ruang"
    assert (coop.management_model, coop.institution_model, coop.sector) == (
        "joint_service",
        "forum",
        "Sanitasi",
    )

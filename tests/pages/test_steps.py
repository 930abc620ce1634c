"""Steps taken from a cooperation's page: who may take them, what they change, and how a
refusal names its article and changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from ksd.cooperation import services
from ksd.cooperation.models import Cooperation, Event, EventKind, Party, Stage
from ksd.dprd.models import DprdReview
from pages.records import ALL_CONTENTS, NOW, drafted, in_dprd_review, offer


def _events(coop: Cooperation) -> list[int]:
    return list(Event.objects.filter(cooperation=coop).values_list("kind", flat=True))


def test_an_operator_accepts_the_offer_for_its_region(
    operator_kota_yogyakarta: User, operator_sleman: User, as_user: Callable[[User], Client]
) -> None:
    coop = offer(operator_kota_yogyakarta)
    client = as_user(operator_sleman)

    response = client.post(
        f"/kerja-sama/{coop.pk}/jawab-penawaran/",
        {"party": "34.04", "answer": "accept", "on": "2016-01-11"},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/kerja-sama/{coop.pk}/"
    assert Party.objects.get(cooperation=coop, region_id="34.04").accepted_on == dt.date(
        2016, 1, 11
    )
    event = Event.objects.get(cooperation=coop, kind=EventKind.OFFER_ACCEPTED)
    assert event.actor == operator_sleman
    assert event.citation == "PP 50/2007 Pasal 7 huruf b"
    page = client.get(response["Location"]).content.decode()
    assert 'class="message success"' in page


def test_an_operator_cannot_answer_for_another_region(
    operator_kota_yogyakarta: User, operator_sleman: User, as_user: Callable[[User], Client]
) -> None:
    coop = offer(operator_kota_yogyakarta)
    before = _events(coop)

    response = as_user(operator_sleman).post(
        f"/kerja-sama/{coop.pk}/jawab-penawaran/",
        {"party": "34.02", "answer": "accept", "on": "2016-01-11"},
    )

    assert response.status_code == 400
    assert Party.objects.get(cooperation=coop, region_id="34.02").accepted_on is None
    assert _events(coop) == before


def test_a_supervisor_who_only_reads_cannot_take_a_step(
    operator_kota_yogyakarta: User, biro_pemerintahan_diy: User, as_user: Callable[[User], Client]
) -> None:
    coop = offer(operator_kota_yogyakarta)
    before = _events(coop)

    response = as_user(biro_pemerintahan_diy).post(
        f"/kerja-sama/{coop.pk}/jawab-penawaran/",
        {"party": "34.04", "answer": "accept", "on": "2016-01-11"},
    )

    assert response.status_code == 403
    assert _events(coop) == before


def test_an_outsider_taking_a_step_gets_404_and_nothing_changes(
    operator_kota_yogyakarta: User, outsider: User, as_user: Callable[[User], Client]
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    before = _events(coop)
    client = as_user(outsider)

    for path, data in [
        ("tanda-tangan/", {"number": "PKS/1", "signed_on": "2016-03-02"}),
        ("kesepakatan-bersama/", {"number": "KB/1", "signed_on": "2016-03-02"}),
    ]:
        assert client.post(f"/kerja-sama/{coop.pk}/{path}", data).status_code == 404
    decision = {"region": "34.71", "decision": "approve", "on": "2016-03-02"}
    assert client.post(f"/dprd/kerja-sama/{coop.pk}/keputusan/", decision).status_code == 404
    assert _events(coop) == before


def test_signing_before_the_dprd_approved_is_refused_with_its_article_and_changes_nothing(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    before = _events(coop)

    response = as_user(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/tanda-tangan/", {"number": "PKS/07/2016", "signed_on": "2016-03-02"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="ksd-refused"' in page
    assert "PP 50/2007 Pasal 12 ayat (4)" in page
    coop.refresh_from_db()
    assert coop.stage == Stage.DPRD_REVIEW
    assert coop.agreement_number == ""
    assert _events(coop) == before


def test_a_draft_missing_a_required_content_is_refused_naming_the_article(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = drafted(operator_kota_yogyakarta)
    before = _events(coop)

    response = as_user(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/rancangan/", {"contents": ["subjek", "objek"], "on": "2016-03-02"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "PP 50/2007 Pasal" in page
    coop.refresh_from_db()
    assert coop.draft_contents == sorted(ALL_CONTENTS)
    assert _events(coop) == before


def test_the_whole_way_from_the_joint_agreement_to_the_dprd_through_the_pages(
    operator_kota_yogyakarta: User, operator_sleman: User, as_user: Callable[[User], Client]
) -> None:
    coop = offer(operator_kota_yogyakarta)
    yogya, sleman = as_user(operator_kota_yogyakarta), as_user(operator_sleman)
    answer = {"answer": "accept", "on": "2016-01-11"}
    assert (
        sleman.post(
            f"/kerja-sama/{coop.pk}/jawab-penawaran/", {"party": "34.04", **answer}
        ).status_code
        == 302
    )
    # Bantul has no user here: its answer is recorded through the services, as by its operator.
    services.accept_offer(coop.pk, actor=operator_kota_yogyakarta, party_key="34.02",
                          on=dt.date(2016, 1, 11), now=NOW)  # fmt: skip
    joint = {"number": "KB/01/2016", "signed_on": "2016-01-18"}
    assert yogya.post(f"/kerja-sama/{coop.pk}/kesepakatan-bersama/", joint).status_code == 302
    draft = {"contents": ALL_CONTENTS, "term_years": "5", "on": "2016-01-25",
             "burden_34.71_apbd_cost": "yes", "burden_34.71_budgeted_current_year": "no",
             **{f"burden_{code}_{fact}": answer for code in ("34.04", "34.02")
                for fact, answer in (("apbd_cost", "yes"), ("budgeted_current_year", "yes"),
                                     ("uses_regional_assets", "no"), ("public_pays", "no"),
                                     ("within_skpd_duties", "yes"))}}  # fmt: skip
    assert yogya.post(f"/kerja-sama/{coop.pk}/rancangan/", draft).status_code == 302
    submit = {"region": "34.71", "received_on": "2016-02-01"}
    assert yogya.post(f"/dprd/kerja-sama/{coop.pk}/ajukan/", submit).status_code == 302

    coop.refresh_from_db()
    assert coop.stage == Stage.DPRD_REVIEW
    assert coop.joint_agreement_number == "KB/01/2016"
    review = DprdReview.objects.get(cooperation=coop)
    assert (review.region_id, review.received_on) == ("34.71", dt.date(2016, 2, 1))
    # An operator may not submit for another region's DPRD.
    other = {"region": "34.04", "received_on": "2016-02-01"}
    assert yogya.post(f"/dprd/kerja-sama/{coop.pk}/ajukan/", other).status_code == 403


def test_only_the_dprd_of_the_region_records_its_decision(
    operator_kota_yogyakarta: User, dprd_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    decision = {"region": "34.71", "decision": "approve", "on": "2016-03-02"}

    refused = as_user(operator_kota_yogyakarta).post(
        f"/dprd/kerja-sama/{coop.pk}/keputusan/", decision
    )
    accepted = as_user(dprd_kota_yogyakarta).post(
        f"/dprd/kerja-sama/{coop.pk}/keputusan/", decision
    )

    assert refused.status_code == 403
    assert accepted.status_code == 302
    review = DprdReview.objects.get(cooperation=coop, region_id="34.71")
    assert review.approved_on == dt.date(2016, 3, 2)
    event = Event.objects.get(cooperation=coop, kind=EventKind.DPRD_APPROVED)
    assert event.actor == dprd_kota_yogyakarta


def test_the_initiating_operator_records_a_third_party_s_answer(
    operator_kota_yogyakarta: User, operator_sleman: User, as_user: Callable[[User], Client]
) -> None:
    coop = services.make_offer(
        actor=operator_kota_yogyakarta, title="Air minum Tirta Mataram", initiator="34.71",
        parties=[services.PartySpec(region="34.71"),
                 services.PartySpec(third_party_name="PT Tirta Mataram",
                                    third_party_form="perseroan_terbatas")],
        offered_on=dt.date(2016, 1, 4), now=NOW,
    )  # fmt: skip
    answer = {"party": "PT Tirta Mataram", "answer": "accept", "on": "2016-01-20"}

    page = as_user(operator_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()
    response = as_user(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/jawab-penawaran/", answer
    )

    assert 'value="PT Tirta Mataram"' in page
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.stage == Stage.ACCEPTED
    # Sleman is no party: the cooperation does not exist for its operator.
    assert (
        as_user(operator_sleman).post(f"/kerja-sama/{coop.pk}/jawab-penawaran/", answer).status_code
        == 404
    )

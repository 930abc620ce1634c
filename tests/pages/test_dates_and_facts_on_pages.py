"""Issue 6, points 1-3, on the pages: every date field of every step's form refuses a date the law
and the calendar cannot judge (years 1, 1900, 2101, 9999; 2006 for a DPRD step or before what a
step depends on) with HTTP 400 and a message in
Bahasa Indonesia, and nothing changes; a back-dated DPRD decision, a step dated after today, a
draft with no contents and unrecorded burden facts are refused on the page the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client

from ksd.cooperation import services
from ksd.cooperation.disputes import services as disputes
from ksd.cooperation.models import Cooperation, Event
from ksd.dprd import services as dprd
from ksd.dprd.models import DprdReview
from pages.records import ALL_CONTENTS, NOW, UNBUDGETED, drafted, in_dprd_review, offer

BAD_DATES = ["0001-01-01", "1900-06-01", "2101-01-03", "9999-12-31"]
# Before PP 50/2007: an offer of 2006 is recorded (PP 50/2007 Pasal 26); every other step here
# depends on a recorded step of 2016, or is a DPRD step (from 22 August 2007).
BEFORE_PP50 = "2006-06-01"
OUT_OF_RANGE = "di luar rentang"
SKPD = {
    "apbd_cost": True, "budgeted_current_year": True, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": True,
}  # fmt: skip


def _accepted(actor: User) -> Cooperation:
    coop = offer(actor, regions=("34.71", "34.04"))
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=dt.date(2016, 1, 11),
                          now=NOW)  # fmt: skip
    return coop


def _joint(actor: User) -> Cooperation:
    coop = _accepted(actor)
    services.sign_joint_agreement(coop.pk, actor=actor, number="KB/01/2016",
                                  signed_on=dt.date(2016, 1, 18), now=NOW)  # fmt: skip
    return coop


def _drafted_skpd(actor: User) -> Cooperation:
    coop = _joint(actor)
    services.draft_agreement(coop.pk, actor=actor, contents=ALL_CONTENTS, term_years=5,
                             on=dt.date(2016, 1, 25), burdens={"34.71": SKPD, "34.04": SKPD},
                             now=NOW)  # fmt: skip
    return coop


def _signed(actor: User) -> Cooperation:
    coop = _drafted_skpd(actor)
    return services.sign_agreement(coop.pk, actor=actor, number="PKS/9/2016",
                                   signed_on=dt.date(2016, 2, 1), now=NOW)  # fmt: skip


def _opinion_given(actor: User) -> Cooperation:
    coop = drafted(actor)
    dprd.submit_to_dprd(coop.pk, actor=actor, region_code="34.71",
                        received_on=dt.date(2016, 2, 1), now=NOW)  # fmt: skip
    dprd.record_dprd_opinion(coop.pk, actor=actor, region_code="34.71",
                             sent_on=dt.date(2016, 2, 15), now=NOW)  # fmt: skip
    return coop


def _with_dispute(actor: User) -> Cooperation:
    coop = _signed(actor)
    disputes.raise_dispute(coop.pk, actor=actor, between=["34.71", "34.04"],
                           raised_on=dt.date(2016, 2, 15), description="Biaya", now=NOW)  # fmt: skip
    return coop


@dataclass(frozen=True)
class Form:
    """One date field of one step's form: who posts it, where, with which other fields."""

    build: Callable[[User], Cooperation | None]
    who: str
    path: str
    field: str
    data: dict[str, object]


def _dispute_id(coop: Cooperation) -> dict[str, object]:
    return {"dispute": coop.disputes.get().pk}


FORMS: dict[str, Form] = {
    "offer": Form(lambda a: None, "yogya", "/kerja-sama/baru/", "offered_on",
                  {"title": "Air limbah"}),
    "accept": Form(lambda a: offer(a, regions=("34.71", "34.04")), "sleman", "jawab-penawaran/",
                   "on", {"party": "34.04", "answer": "accept"}),
    "decline": Form(lambda a: offer(a, regions=("34.71", "34.04")), "sleman", "jawab-penawaran/",
                    "on", {"party": "34.04", "answer": "decline"}),
    "joint_agreement": Form(_accepted, "yogya", "kesepakatan-bersama/", "signed_on",
                            {"number": "KB/1"}),
    "draft": Form(_joint, "yogya", "rancangan/", "on",
                  {"contents": ALL_CONTENTS, "term_years": "5"}),
    "opinions": Form(_joint, "yogya", "pendapat/", "requested_on", {"addressees": ["pakar"]}),
    "submit": Form(drafted, "yogya", "/dprd/kerja-sama/{pk}/ajukan/", "received_on",
                   {"region": "34.71"}),
    "dprd_opinion": Form(in_dprd_review, "sleman", "/dprd/kerja-sama/{pk}/pendapat/", "sent_on",
                         {"region": "34.04"}),
    "dprd_opinion_received": Form(in_dprd_review, "sleman", "/dprd/kerja-sama/{pk}/pendapat/",
                                  "received_on", {"region": "34.04", "sent_on": "2016-02-15"}),
    "resubmit": Form(_opinion_given, "yogya", "/dprd/kerja-sama/{pk}/penyampaian-kembali/",
                     "received_on", {"region": "34.71"}),
    "decide": Form(in_dprd_review, "dprd", "/dprd/kerja-sama/{pk}/keputusan/", "on",
                   {"region": "34.71", "decision": "approve"}),
    "sign": Form(_drafted_skpd, "yogya", "tanda-tangan/", "signed_on", {"number": "PKS/1"}),
    "sign_start": Form(_drafted_skpd, "yogya", "tanda-tangan/", "starts_on",
                       {"number": "PKS/1", "signed_on": "2016-02-01"}),
    "copies": Form(_signed, "yogya", "salinan/", "sent_on", {"recipients": ["gubernur"]}),
    "implementation": Form(_signed, "yogya", "pelaksanaan/", "on", {"agencies": "Dinas"}),
    "amendment": Form(_signed, "yogya", "adendum/", "signed_on",
                      {"number": "ADD/1", "summary": "Lingkup"}),
    "amendment_end": Form(_signed, "yogya", "adendum/", "new_ends_on",
                          {"number": "ADD/1", "summary": "Lingkup", "signed_on": "2016-03-01"}),
    "termination": Form(_signed, "yogya", "pengakhiran/", "on", {"ground": "pasal18_a"}),
    "dispute": Form(_signed, "yogya", "perselisihan/", "raised_on",
                    {"between": ["34.71", "34.04"], "description": "Biaya"}),
    "settlement": Form(_with_dispute, "biro", "perselisihan/putusan/", "settled_on",
                       {"settlement": "gubernur", "decision_number": "188/1",
                        "summary": "Dibagi rata"}),
}  # fmt: skip


def _state(coop: Cooperation | None) -> tuple[object, ...]:
    rows = (Cooperation.objects.count(), Event.objects.count())
    if coop is None:
        return rows
    coop.refresh_from_db()
    reviews = list(DprdReview.objects.filter(cooperation=coop).values())
    parties = list(coop.parties.values())
    settled = list(coop.disputes.values_list("settled_on", flat=True))
    return (*rows, coop.stage, coop.signed_on, coop.ends_on, reviews, parties, settled)


def _post(form: Form, coop: Cooperation | None, client: Client, day: str) -> str:
    extra = (
        _dispute_id(coop) if coop is not None and form.path.startswith("perselisihan/put") else {}
    )
    path = form.path
    if coop is not None:
        path = path.format(pk=coop.pk) if path.startswith("/") else f"/kerja-sama/{coop.pk}/{path}"
    response = client.post(path, {**form.data, **extra, form.field: day})
    assert response.status_code == 400, (path, response.status_code)
    return response.content.decode()


@pytest.fixture
def people(
    operator_kota_yogyakarta: User, operator_sleman: User, dprd_kota_yogyakarta: User,
    biro_pemerintahan_diy: User, as_user: Callable[[User], Client],
) -> dict[str, Client]:  # fmt: skip
    return {
        "yogya": as_user(operator_kota_yogyakarta), "sleman": as_user(operator_sleman),
        "dprd": as_user(dprd_kota_yogyakarta), "biro": as_user(biro_pemerintahan_diy),
    }  # fmt: skip


@pytest.mark.parametrize("name", list(FORMS))
def test_every_date_field_refuses_the_years_the_law_cannot_judge(
    name: str, operator_kota_yogyakarta: User, people: dict[str, Client]
) -> None:
    form = FORMS[name]
    coop = form.build(operator_kota_yogyakarta)
    before = _state(coop)
    for day in BAD_DATES:
        page = _post(form, coop, people[form.who], day)
        assert OUT_OF_RANGE in page, (name, day)
        assert day in page, (name, day)
        assert "17 Agustus 1945" in page
        assert _state(coop) == before, (name, day)
    if coop is not None:
        page = _post(form, coop, people[form.who], BEFORE_PP50)
        assert "2006" in page, name
        assert _state(coop) == before, name
        if form.path.startswith("/dprd/"):
            assert "22 Agustus 2007" in page, name


def test_signing_on_9999_12_31_is_a_clear_refusal_not_a_server_error(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = _drafted_skpd(operator_kota_yogyakarta)
    response = as_user(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/tanda-tangan/",
        {"number": "PKS/1", "signed_on": "9999-12-31", "term_years": "100"},
    )
    assert response.status_code == 400
    assert "Tanggal 9999-12-31 di luar rentang" in response.content.decode()
    coop.refresh_from_db()
    assert (coop.signed_on, coop.ends_on) == (None, None)


def test_a_back_dated_dprd_decision_is_refused_on_the_page_naming_both_dates(
    operator_kota_yogyakarta: User, dprd_kota_yogyakarta: User,
    as_user: Callable[[User], Client],
) -> None:  # fmt: skip
    coop = in_dprd_review(operator_kota_yogyakarta)
    client = as_user(dprd_kota_yogyakarta)
    path = f"/dprd/kerja-sama/{coop.pk}/keputusan/"
    refusal = {"region": "34.71", "decision": "refuse", "on": "2016-03-02"}
    assert client.post(path, refusal).status_code == 302
    before = _state(coop)

    response = client.post(path, {"region": "34.71", "decision": "approve", "on": "2016-03-01"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "2 Maret 2016" in page
    assert "1 Maret 2016" in page
    assert "koreksi" in page
    assert _state(coop) == before
    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert "Ditolak" in page


def test_a_step_dated_after_today_is_refused_on_the_page(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = _accepted(operator_kota_yogyakarta)
    before = _state(coop)
    response = as_user(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/kesepakatan-bersama/", {"number": "KB/1", "signed_on": "2016-03-03"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "3 Maret 2016" in page  # the date given
    assert "2 Maret 2016" in page  # today, by the clock
    assert _state(coop) == before


def test_a_joint_agreement_before_the_answer_is_refused_on_the_page(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = _accepted(operator_kota_yogyakarta)
    before = _state(coop)
    response = as_user(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/kesepakatan-bersama/", {"number": "KB/1", "signed_on": "2016-01-08"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "8 Januari 2016" in page
    assert "11 Januari 2016" in page
    assert _state(coop) == before


def test_a_draft_with_no_contents_ticked_is_refused_on_the_page(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = _joint(operator_kota_yogyakarta)
    before = _state(coop)
    response = as_user(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/rancangan/", {"term_years": "5", "on": "2016-01-25"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "PP 50/2007 Pasal 7 huruf b" in page
    assert "belum memuat" in page
    assert _state(coop) == before


def test_unrecorded_burden_facts_show_as_not_recorded_and_signing_waits_for_them(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = _joint(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)
    # Kota Yogyakarta's facts are answered; Sleman's are left "belum dicatat".
    answers = {f"burden_34.71_{fact}": "yes" if value else "no" for fact, value in SKPD.items()}
    draft = {"contents": ALL_CONTENTS, "term_years": "5", "on": "2016-01-25", **answers}
    assert client.post(f"/kerja-sama/{coop.pk}/rancangan/", draft).status_code == 302
    coop.refresh_from_db()
    assert coop.parties.get(region_id="34.04").burden == dict.fromkeys(SKPD)

    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert "Data pembebanan belum dicatat" in page
    assert '<option value="" selected>belum dicatat</option>' in page
    before = _state(coop)
    response = client.post(
        f"/kerja-sama/{coop.pk}/tanda-tangan/", {"number": "PKS/1", "signed_on": "2016-02-01"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Data pembebanan Kabupaten Sleman belum dicatat" in page
    assert _state(coop) == before


def test_a_draft_with_an_unrecorded_fact_does_not_reach_the_dprd_from_the_page(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = _joint(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)
    answers = {
        f"burden_34.71_{fact}": "yes" if value else "no" for fact, value in UNBUDGETED.items()
    }
    draft = {"contents": ALL_CONTENTS, "term_years": "5", "on": "2016-01-25", **answers}
    assert client.post(f"/kerja-sama/{coop.pk}/rancangan/", draft).status_code == 302
    before = _state(coop)
    response = client.post(
        f"/dprd/kerja-sama/{coop.pk}/ajukan/", {"region": "34.71", "received_on": "2016-02-01"}
    )
    assert response.status_code == 400
    assert "Data pembebanan Kabupaten Sleman belum dicatat" in response.content.decode()
    assert _state(coop) == before


@pytest.mark.django_db
def test_reference_forms_refuse_dates_they_cannot_record() -> None:
    """The bodies' and the officials' date fields: a date from 1945 on is a record; year 1 or
    9999 is refused by the form."""
    from ksd.bodies.forms import LeaveForm
    from ksd.regions.forms import OfficialForm
    from ksd.regions.models import Official

    assert LeaveForm({"left_on": "2001-05-01"}).is_valid()
    for day in ("0001-01-01", "9999-12-31"):
        leave = LeaveForm({"left_on": day})
        assert not leave.is_valid()
        assert "di luar rentang" in str(leave.errors)
        official = OfficialForm(
            {"name": "X", "position": "Bupati", "term_start_on": day},
            instance=Official(region_id="34.04"),
        )
        assert not official.is_valid()
        assert "di luar rentang" in str(official.errors["term_start_on"])


def test_a_burden_correction_changes_only_the_facts_answered(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    """The correction form offers "tidak berubah" for each fact: left so, a fact keeps what was
    recorded, and one never recorded stays unknown; it is never read as "no"."""
    coop = _joint(operator_kota_yogyakarta)
    services.draft_agreement(
        coop.pk, actor=operator_kota_yogyakarta, contents=ALL_CONTENTS, term_years=5,
        on=dt.date(2016, 1, 25), burdens={"34.71": {**SKPD, "public_pays": None}}, now=NOW,
    )  # fmt: skip
    client = as_user(operator_kota_yogyakarta)
    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert '<option value="" selected>tidak berubah</option>' in page
    response = client.post(
        f"/kerja-sama/{coop.pk}/koreksi/beban/",
        {"region": "34.71", "uses_regional_assets": "yes", "reason": "Salah ketik pada draf"},
    )
    assert response.status_code == 302
    coop.refresh_from_db()
    burden = coop.parties.get(region_id="34.71").burden
    assert burden == {**SKPD, "uses_regional_assets": True, "public_pays": None}
    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert "belum dicatat: Membebani masyarakat" in page

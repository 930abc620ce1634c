"""Corrections, withdrawal and cancellation as users meet them on the pages (issue 6 point 4).

The cooperation page shows that a record was corrected, when, by whom, with old → new; a refused
correction comes back on its form in Bahasa Indonesia and changes nothing; who may not act is
refused as the access door answers (404 for what one may not see, 403 for a step one may not
take); withdrawn and cancelled records leave the register, the dashboard and the public register
and stay in the audit, where administrators and supervisors open them marked "Dibatalkan".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

import personas
from ksd.cooperation.corrections import services as corrections
from ksd.cooperation.models import Cooperation, EventKind, Stage
from ksd.dprd.models import DprdReview
from pages.records import NOW, in_dprd_review, offer, signed_and_published

WHY = "Nomor surat salah ketik."
Login = Callable[[User], Client]


def test_the_page_shows_the_correction_with_old_and_new_value_who_and_when(
    operator_kota_yogyakarta: User, operator_sleman: User, as_user: Login
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    client = as_user(operator_sleman)

    response = client.post(
        f"/kerja-sama/{coop.pk}/koreksi/",
        {"fact": "offer_number", "text": "415.4/001-A", "reason": WHY},
    )

    assert response.status_code == 302
    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert "Catatan ini telah dikoreksi 1 kali, terakhir pada 2016-03-02" in page
    assert "oleh operator_sleman" in page
    assert '415.4/001</span> → <span class="ksd-new">415.4/001-A' in page
    assert WHY in page
    assert "nomor surat penawaran" in page.lower()


def test_a_correction_without_a_reason_comes_back_on_its_form_and_changes_nothing(
    operator_kota_yogyakarta: User, as_user: Login
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)

    response = client.post(
        f"/kerja-sama/{coop.pk}/koreksi/", {"fact": "title", "text": "Judul baru", "reason": ""}
    )

    assert response.status_code == 400
    assert "Bidang ini tidak boleh kosong." in response.content.decode()
    coop.refresh_from_db()
    assert coop.title == "Pengelolaan sampah regional TPST Piyungan"
    assert not coop.events.filter(kind=EventKind.RECORD_CORRECTED).exists()


def test_a_correction_putting_dates_out_of_order_is_refused_on_the_page(
    operator_kota_yogyakarta: User, as_user: Login
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    response = as_user(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/koreksi/",
        {"fact": "joint_agreement_signed_on", "date": "2016-02-05", "reason": WHY},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "tidak boleh sebelum tanggal kesepakatan bersama (2016-02-05)" in page


def test_the_dprd_corrects_its_own_track_and_the_deemed_approval_date_moves_on_the_page(
    operator_kota_yogyakarta: User, as_user: Login
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)  # resubmitted 1 March: deemed on 23 March
    client = as_user(personas.dprd_kota_yogyakarta())
    assert "2016-03-23" in client.get(f"/kerja-sama/{coop.pk}/").content.decode()

    response = client.post(
        f"/kerja-sama/{coop.pk}/koreksi/dprd/",
        {"region": "34.71", "fact": "resubmitted_on", "date": "2016-03-02", "reason": WHY},
    )

    assert response.status_code == 302
    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert "2016-03-24" in page  # 15 working days from 2 March, Nyepi (9 March) off
    assert '2016-03-01</span> → <span class="ksd-new">2016-03-02' in page
    review = DprdReview.objects.get(cooperation=coop, region_id="34.71")
    assert review.resubmitted_on == dt.date(2016, 3, 2)


def test_who_may_not_correct_is_refused_and_nothing_changes(
    operator_kota_yogyakarta: User, operator_sleman: User, outsider: User, as_user: Login,
    biro_pemerintahan_diy: User,
) -> None:  # fmt: skip
    coop = in_dprd_review(operator_kota_yogyakarta)
    dprd_track = {"region": "34.71", "fact": "received_on", "date": "2016-02-02", "reason": WHY}
    cases = [
        (operator_sleman, "koreksi/dprd/", dprd_track, 403),  # another region's DPRD track
        (personas.dprd_sleman(), "koreksi/dprd/", dprd_track, 403),
        (biro_pemerintahan_diy, "koreksi/", {"fact": "title", "text": "X", "reason": WHY}, 403),
        (
            personas.dprd_kota_yogyakarta(),
            "koreksi/",
            {"fact": "title", "text": "X", "reason": WHY},
            403,
        ),
        (operator_sleman, "batalkan/", {"reason": WHY, "confirm": "on"}, 403),  # not the offerer
        (operator_sleman, "koreksi/beban/", {"region": "34.71", "reason": WHY}, 403),
        (outsider, "koreksi/", {"fact": "title", "text": "X", "reason": WHY}, 404),
        (outsider, "batalkan/", {"reason": WHY, "confirm": "on"}, 404),
    ]
    for user, step, body, expected in cases:
        response = as_user(user).post(f"/kerja-sama/{coop.pk}/{step}", body)
        assert response.status_code == expected, (user.username, step)
    coop.refresh_from_db()
    assert coop.stage == Stage.DPRD_REVIEW
    assert coop.title == "Pengelolaan sampah regional TPST Piyungan"
    assert not coop.events.filter(kind__in=(EventKind.RECORD_CORRECTED,
                                            EventKind.RECORD_CANCELLED)).exists()  # fmt: skip


def test_the_forms_are_offered_only_to_who_may_use_them(
    operator_kota_yogyakarta: User, operator_sleman: User, biro_pemerintahan_diy: User,
    as_user: Login,
) -> None:  # fmt: skip
    coop = in_dprd_review(operator_kota_yogyakarta)
    url = f"/kerja-sama/{coop.pk}/"
    initiator = as_user(operator_kota_yogyakarta).get(url).context["record_forms"]
    partner = as_user(operator_sleman).get(url).context["record_forms"]
    supervisor = as_user(biro_pemerintahan_diy).get(url).context["record_forms"]
    dprd = as_user(personas.dprd_kota_yogyakarta()).get(url).context["record_forms"]
    assert set(initiator) == {"correct", "correct_dprd", "correct_burden", "cancel"}
    assert set(partner) == {"correct", "correct_answer", "correct_dprd", "correct_burden"}
    assert [c for c, _n in partner["correct_answer"].fields["party"].choices] == ["34.04"]
    assert [c for c, _n in partner["correct_dprd"].fields["region"].choices] == ["34.04"]
    assert set(dprd) == {"correct_dprd"}
    assert supervisor == {}


def test_a_party_corrects_the_date_of_its_answer_on_the_page(
    operator_kota_yogyakarta: User, operator_sleman: User, as_user: Login
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)  # Sleman accepted on 11 January
    client = as_user(operator_sleman)

    response = client.post(
        f"/kerja-sama/{coop.pk}/koreksi/jawaban/",
        {"party": "34.04", "date": "2016-01-12", "reason": WHY},
    )

    assert response.status_code == 302
    assert coop.parties.get(region_id="34.04").accepted_on == dt.date(2016, 1, 12)
    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert "Tanggal penawaran diterima (Kabupaten Sleman)" in page
    # Kota Yogyakarta may not correct Sleman's answer.
    response = as_user(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/koreksi/jawaban/",
        {"party": "34.04", "date": "2016-01-13", "reason": WHY},
    )
    assert response.status_code == 403


def test_the_offering_region_withdraws_its_offer_and_it_leaves_the_register(
    operator_kota_yogyakarta: User, operator_sleman: User, as_user: Login
) -> None:
    coop = offer(operator_kota_yogyakarta, title="Penawaran yang ditarik")
    client = as_user(operator_kota_yogyakarta)
    assert "withdraw" in client.get(f"/kerja-sama/{coop.pk}/").context["record_forms"]

    response = client.post(
        f"/kerja-sama/{coop.pk}/tarik-penawaran/", {"on": "2016-01-08", "reason": "Batal"}
    )

    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.stage == Stage.WITHDRAWN
    for user in (operator_kota_yogyakarta, operator_sleman):
        assert "Penawaran yang ditarik" not in as_user(user).get("/kerja-sama/").content.decode()
        assert "Penawaran yang ditarik" not in as_user(user).get("/dasbor/").content.decode()
    # The partner still opens it and reads that it was withdrawn.
    page = as_user(operator_sleman).get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert "Penawaran ditarik" in page
    assert "2016-01-08" in page


def test_a_cancelled_record_leaves_every_register_and_stays_in_the_audit(
    operator_kota_yogyakarta: User, operator_sleman: User, biro_pemerintahan_diy: User,
    as_user: Login,
) -> None:  # fmt: skip
    coop = signed_and_published(operator_kota_yogyakarta, title="Trans Jogja dobel")
    public = Client()
    assert "Trans Jogja dobel" in public.get("/publik/").content.decode()

    response = as_user(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/batalkan/", {"reason": "Dimasukkan dua kali", "confirm": "on"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/kerja-sama/"
    assert "Trans Jogja dobel" not in public.get("/publik/").content.decode()
    assert public.get(f"/publik/{coop.pk}/").status_code == 404
    for user in (operator_kota_yogyakarta, operator_sleman):
        client = as_user(user)
        assert "Trans Jogja dobel" not in client.get("/kerja-sama/").content.decode()
        assert client.get(f"/kerja-sama/{coop.pk}/").status_code == 404
    for user in (personas.administrator(), personas.kemendagri(), biro_pemerintahan_diy):
        client = as_user(user)
        assert "Trans Jogja dobel" not in client.get("/kerja-sama/").content.decode()
        assert 'href="/kerja-sama/audit/"' in client.get("/kerja-sama/").content.decode()
        assert "Trans Jogja dobel" in client.get("/kerja-sama/audit/").content.decode()
        page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
        assert "Dibatalkan" in page
        assert "Dimasukkan dua kali" in page
        assert "Catatan dibatalkan" in page  # the event in the timeline
    assert Cooperation.objects.filter(pk=coop.pk).exists()


def test_a_cancellation_without_a_reason_is_refused_on_the_page(
    operator_kota_yogyakarta: User, as_user: Login
) -> None:
    coop = signed_and_published(operator_kota_yogyakarta)
    response = as_user(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/batalkan/", {"reason": "", "confirm": "on"}
    )
    assert response.status_code == 400
    coop.refresh_from_db()
    assert coop.stage == Stage.SIGNED
    assert coop.is_published


def test_an_administrator_corrects_the_parties_of_an_offer(
    operator_kota_yogyakarta: User, as_user: Login
) -> None:
    coop = offer(operator_kota_yogyakarta, regions=("34.71", "34.04"))
    client = as_user(personas.administrator())

    response = client.post(
        f"/kerja-sama/{coop.pk}/koreksi/pihak/",
        {"change": "add_region", "region": "34.02", "reason": "Bantul terlewat"},
    )

    assert response.status_code == 302
    assert sorted(p.region_id for p in coop.parties.all()) == ["34.02", "34.04", "34.71"]
    event = coop.events.get(kind=EventKind.RECORD_CORRECTED)
    assert event.actor == personas.administrator()
    assert "Kabupaten Bantul" in client.get(f"/kerja-sama/{coop.pk}/").content.decode()


def test_a_burden_correction_on_the_page_keeps_the_old_facts_in_words(
    operator_kota_yogyakarta: User, as_user: Login
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    corrections.correct_burden(
        coop.pk, actor=operator_kota_yogyakarta, region_code="34.02",
        burden={"apbd_cost": True, "budgeted_current_year": False}, reason=WHY,
        today=dt.date(2016, 3, 2), now=NOW,
    )  # fmt: skip
    page = as_user(operator_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert "Data pembebanan (Kabupaten Bantul)" in page
    old = "Membebani APBD, Sudah dianggarkan dalam APBD tahun anggaran berjalan</span>"
    assert f'<span class="ksd-old">{old} → <span class="ksd-new">Membebani APBD</span>' in page


BAD_INPUT = [
    ("koreksi/", {"fact": "offered_on", "date": "9999-12-31", "reason": WHY}),
    ("koreksi/", {"fact": "offered_on", "date": "0001-01-01", "reason": WHY}),
    ("koreksi/", {"fact": "ends_on", "date": "2101-01-01", "reason": WHY}),
    ("koreksi/", {"fact": "title", "text": "x" * 10_000, "reason": WHY}),
    ("koreksi/", {"fact": "title", "text": "Judul\x00baru", "reason": WHY}),
    ("koreksi/", {"fact": "no_such_fact", "text": "x", "reason": WHY}),
    ("koreksi/", {"fact": "title", "text": "Judul baru", "reason": "x" * 3000}),
    ("koreksi/", {"fact": "affair", "affair": "no.such.affair", "reason": WHY}),
    ("koreksi/dprd/", {"region": "34.71", "fact": "received_on", "date": "", "reason": WHY}),
    ("koreksi/dprd/", {"region": "34.71", "fact": "approved_on", "date": "2016-03-04",
                       "reason": WHY}),  # nothing recorded to correct
    ("koreksi/dprd/", {"region": "34.71", "fact": "received_on", "date": "99999-01-01",
                       "reason": WHY}),
    ("koreksi/beban/", {"region": "34.71", "apbd_cost": "on", "nope": "on", "reason": ""}),
    ("koreksi/pihak/", {"change": "add_region", "region": "' OR 1=1 --", "reason": WHY}),
    ("koreksi/pihak/", {"change": "remove", "party": "34.71", "reason": WHY}),
    ("tarik-penawaran/", {"on": "2016-13-40", "reason": WHY}),
    ("batalkan/", {"reason": WHY}),  # not confirmed
]  # fmt: skip


def test_bad_input_is_refused_with_a_form_and_never_a_server_error(
    operator_kota_yogyakarta: User, as_user: Login
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)
    events = coop.events.count()
    for step, body in BAD_INPUT:
        response = client.post(f"/kerja-sama/{coop.pk}/{step}", body)
        assert response.status_code == 400, (step, body, response.status_code)
    coop.refresh_from_db()
    assert coop.events.count() == events
    assert coop.title == "Pengelolaan sampah regional TPST Piyungan"
    assert coop.stage == Stage.DPRD_REVIEW

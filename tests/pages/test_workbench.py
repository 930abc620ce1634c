"""A cooperation's page as a workbench: what the visitor can do now at the top, with its
deadline; a refusal shown there next to its step; steps that would certainly be refused shown
with what unblocks them; every fact of the offer on the page; the history by legal date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from ksd.cooperation import services
from ksd.cooperation.corrections.services import correct_fact
from ksd.cooperation.models import Cooperation, Event
from pages.records import ALL_CONTENTS, BUDGETED, NOW, drafted, in_dprd_review, offer


def top_of(page: str) -> str:
    """The "what you can do now" section at the top of the page."""
    start = page.index('<section aria-labelledby="now"')
    return page[start : page.index("</section>", start)]


def signed(actor: User) -> Cooperation:
    """Kota Yogyakarta and Sleman signed on 1 February 2016 without any DPRD (Pasal 10)."""
    coop = offer(actor, title="Angkutan perkotaan", regions=("34.71", "34.04"))
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=dt.date(2016, 1, 11), now=NOW)
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB", signed_on=dt.date(2016, 1, 18), now=NOW
    )
    skpd = {**BUDGETED, "within_skpd_duties": True}
    services.draft_agreement(coop.pk, actor=actor, contents=ALL_CONTENTS, term_years=5,
                             on=dt.date(2016, 1, 25), burdens={"34.71": skpd, "34.04": skpd},
                             now=NOW)  # fmt: skip
    return services.sign_agreement(
        coop.pk, actor=actor, number="PKS/9/2016", signed_on=dt.date(2016, 2, 1), now=NOW
    )


def test_signing_while_a_dprd_reviews_is_not_offered_and_the_top_says_what_it_waits_for(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)

    page = as_user(operator_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()

    top = top_of(page)
    assert "Yang dapat Anda lakukan sekarang" in page
    assert f'action="/kerja-sama/{coop.pk}/tanda-tangan/' not in page
    assert "<s>Tanda tangani perjanjian kerja sama (PKS)</s>" in top
    # Kota Yogyakarta's DPRD holds the resubmitted draft: deemed approved after 23 March 2016.
    assert "menunggu persetujuan DPRD Kota Yogyakarta, tenggat 23 Maret 2016" in top
    assert "menunggu persetujuan DPRD Kabupaten Sleman, tenggat 7 April 2016" in top


def test_a_dprd_secretariat_sees_its_decision_at_the_top_with_its_deadline_in_a_human_date(
    operator_kota_yogyakarta: User, dprd_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)

    page = as_user(dprd_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()

    top = top_of(page)
    assert 'href="#step-decide"' in top
    assert "23 Maret 2016" in top
    assert "PP 50/2007 Pasal 12 ayat (4)" in top
    assert 'id="step-decide"' in page


def test_a_refused_step_is_named_at_the_top_with_its_article_and_its_form_keeps_the_input(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = drafted(operator_kota_yogyakarta)
    before = Event.objects.filter(cooperation=coop).count()

    response = as_user(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/rancangan/",
        {"contents": ["subjek", "objek"], "term_years": "7", "on": "2016-03-02"},
    )

    page = response.content.decode()
    assert response.status_code == 400
    top = top_of(page)
    assert 'role="alert"' in top
    assert "Ditolak: " in top
    assert "PP 50/2007 Pasal" in top
    assert 'href="#step-draft"' in top
    # The form posts to its own anchor, so the browser shows it where the refusal points.
    assert f'action="/kerja-sama/{coop.pk}/rancangan/#step-draft"' in page
    # What the user entered is still there.
    assert re.search(r'name="term_years" value="7"', page)
    # The browser's address becomes the page's own (static/cooperation/anchor.js): a reload
    # reads the page instead of posting the step again.
    assert f'data-ksd-page-url="/kerja-sama/{coop.pk}/#step-draft"' in page
    assert "cooperation/anchor.js" in page
    assert Event.objects.filter(cooperation=coop).count() == before


def test_a_page_read_normally_carries_no_refusal_and_no_address_rewrite(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = drafted(operator_kota_yogyakarta)

    page = as_user(operator_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()

    assert "Ditolak: " not in top_of(page)
    assert "data-ksd-page-url" not in page
    assert 'href="#step-draft"' in top_of(page)


def test_without_a_known_official_the_signatory_step_says_where_to_add_one(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = signed(operator_kota_yogyakarta)

    page = as_user(operator_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()

    top = top_of(page)
    assert "Belum ada pejabat penanda tangan untuk daerah Anda" in top
    assert 'href="/pejabat/baru/"' in top


def test_the_implementation_step_shows_the_agencies_input_with_a_hint_and_checkboxes_in_labels(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    from ksd.regions.models import Agency

    coop = signed(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)

    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    step = page[page.index('id="step-implement"') :]
    step = step[: step.index("</form>")]
    assert "Perangkat daerah di daerah Anda" in step
    assert 'href="/perangkat-daerah/"' in step

    Agency.objects.create(region_id="34.71", name="Dinas Perhubungan")
    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    # The checkbox sits inside its own label, never between two.
    assert re.search(r'<label><input type="checkbox" name="known" value="Dinas Perhubungan"'
                     r'[^>]*> Dinas Perhubungan</label>', page)  # fmt: skip
    assert "<label>Perangkat daerah di daerah Anda" not in page


def test_every_fact_of_the_offer_is_on_the_page(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    from ksd.regions.services import load_affairs

    load_affairs()
    coop = services.make_offer(
        actor=operator_kota_yogyakarta, title="Air limbah", initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=dt.date(2016, 1, 4), affair="wajib_pd.pekerjaan_umum_penataan_ruang",
        sector="Sanitasi", management_model="joint_service", institution_model="forum",
        is_compulsory=True, object_count=2, now=NOW,
        substance={"objective": "Mengolah air limbah bersama", "scope": "IPAL Sewon",
                   "value": "Rp 2.000.000.000", "funding_source": "APBD masing-masing",
                   "location": "Sewon, Bantul", "contact_person": "Ani, 0274-123"},
    )  # fmt: skip

    page = as_user(operator_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()

    for shown in ("Pekerjaan umum", "Sanitasi", "Mengolah air limbah bersama", "IPAL Sewon",
                  "Rp 2.000.000.000", "APBD masing-masing", "Sewon, Bantul", "Ani, 0274-123",
                  "Layanan bersama", "Forum"):  # fmt: skip
        assert shown.lower() in page.lower(), shown


def test_the_implementing_agencies_are_on_the_page(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = signed(operator_kota_yogyakarta)
    services.start_implementation(
        coop.pk, actor=operator_kota_yogyakarta, agencies={"34.71": ["Dinas Perhubungan Kota"]},
        on=dt.date(2016, 2, 10), now=NOW,
    )  # fmt: skip

    page = as_user(operator_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()

    facts = page[page.index('id="substance"') :]
    assert "Dinas Perhubungan Kota (Kota Yogyakarta)" in facts


def test_the_public_page_shows_the_object_scope_and_term(
    operator_kota_yogyakarta: User, client: Client
) -> None:
    coop = signed(operator_kota_yogyakarta)
    correct_fact(
        coop.pk, actor=operator_kota_yogyakarta, fact="scope", value="Trayek Jalur 1 dan 2",
        reason="Lupa diisi saat penawaran", today=dt.date(2016, 3, 2), now=NOW,
    )  # fmt: skip
    services.publish(coop.pk, actor=operator_kota_yogyakarta, now=NOW)

    page = client.get(f"/publik/{coop.pk}/").content.decode()

    assert "Trayek Jalur 1 dan 2" in page
    assert "Ruang lingkup" in page
    assert "5 tahun" in page


def test_a_substance_fact_is_corrected_with_its_reason_and_the_old_value_kept(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = offer(operator_kota_yogyakarta)
    client = as_user(operator_kota_yogyakarta)
    correct_fact(
        coop.pk, actor=operator_kota_yogyakarta, fact="value", value="Rp 1.000.000",
        reason="Nilai pertama", today=dt.date(2016, 3, 2), now=NOW,
    )  # fmt: skip

    response = client.post(
        f"/kerja-sama/{coop.pk}/koreksi/",
        {"fact": "value", "text": "Rp 5.000.000", "reason": "Salah ketik nilai"},
    )

    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.value == "Rp 5.000.000"
    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert "Rp 1.000.000" in page  # the old value, in the corrections table
    assert "Salah ketik nilai" in page


def test_the_history_follows_the_legal_dates_with_the_time_of_entry_beside_them(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    coop = offer(operator_kota_yogyakarta)
    # Entered later, but answered on an earlier legal date than the other answer.
    services.accept_offer(coop.pk, actor=operator_kota_yogyakarta, party_key="34.04",
                          on=dt.date(2016, 1, 20), now=NOW)  # fmt: skip
    services.accept_offer(coop.pk, actor=operator_kota_yogyakarta, party_key="34.02",
                          on=dt.date(2016, 1, 11), now=NOW + dt.timedelta(hours=1))  # fmt: skip
    client = as_user(operator_kota_yogyakarta)

    for url in (f"/kerja-sama/{coop.pk}/", f"/kerja-sama/{coop.pk}/riwayat/"):
        page = client.get(url).content.decode()
        timeline = page[page.index('<ol class="ksd-timeline">') :]
        assert timeline.index("11 Januari 2016") < timeline.index("20 Januari 2016"), url
        assert "dicatat 2 Maret 2016 pukul 11.00" in timeline, url


def test_a_dispute_names_its_parties_by_their_names_never_their_codes(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    from ksd.cooperation.disputes import services as disputes

    coop = signed(operator_kota_yogyakarta)
    disputes.raise_dispute(coop.pk, actor=operator_kota_yogyakarta, between=["34.71", "34.04"],
                           raised_on=dt.date(2016, 2, 15), description="Biaya", now=NOW)  # fmt: skip

    page = as_user(operator_kota_yogyakarta).get(f"/kerja-sama/{coop.pk}/").content.decode()

    listed = page[page.index('id="disputes"') :]
    assert "Kota Yogyakarta, Kabupaten Sleman: Biaya" in listed
    assert "34.71, 34.04" not in page

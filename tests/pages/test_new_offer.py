"""A new offer from the page: an operator offers for its region; the law refuses what it must."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from ksd.cooperation.models import Cooperation, Event, EventKind, Party, Stage


def test_an_operator_offers_a_cooperation_to_other_regions_and_a_company(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    response = as_user(operator_kota_yogyakarta).post(
        "/kerja-sama/baru/",
        {"title": "Air minum regional", "offer_number": "690/12", "offered_on": "2016-03-02",
         "regions": ["34.04", "34.02"], "third_party_1_name": "PT Tirta Mataram",
         "third_party_1_form": "perseroan_terbatas", "third_party_1_domestic": "on"},
    )  # fmt: skip

    coop = Cooperation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/kerja-sama/{coop.pk}/"
    assert coop.stage == Stage.OFFERED
    assert coop.initiator_id == "34.71"
    parties = {p.key for p in Party.objects.filter(cooperation=coop)}
    assert parties == {"34.71", "34.04", "34.02", "PT Tirta Mataram"}
    assert Event.objects.get(cooperation=coop).kind == EventKind.OFFERED


def test_an_individual_as_third_party_is_refused_with_its_article_and_nothing_is_saved(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    response = as_user(operator_kota_yogyakarta).post(
        "/kerja-sama/baru/",
        {"title": "Parkir tepi jalan", "offered_on": "2016-03-02",
         "third_party_1_name": "Budi Santoso", "third_party_1_form": "perseorangan"},
    )  # fmt: skip

    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="ksd-refused"' in page
    assert "perseorangan" in page
    assert "PP 50/2007 Pasal" in page
    assert not Cooperation.objects.exists()
    assert not Event.objects.exists()


def test_an_operator_gets_the_form(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    response = as_user(operator_kota_yogyakarta).get("/kerja-sama/baru/")

    assert response.status_code == 200
    assert 'name="third_party_1_form"' in response.content.decode()


def test_a_supervisor_or_dprd_user_may_not_make_an_offer(
    biro_pemerintahan_diy: User, dprd_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    for user in (biro_pemerintahan_diy, dprd_kota_yogyakarta):
        client = as_user(user)
        assert client.get("/kerja-sama/baru/").status_code == 403
        data = {"title": "X", "offered_on": "2016-03-02", "regions": ["34.04"]}
        assert client.post("/kerja-sama/baru/", data).status_code == 403
    assert not Cooperation.objects.exists()


def test_the_public_is_sent_to_the_login_page(client: Client) -> None:
    response = client.get("/kerja-sama/baru/")

    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/")


def test_the_partner_picker_leaves_out_the_own_region_and_offers_a_filter_with_a_script(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    page = as_user(operator_kota_yogyakarta).get("/kerja-sama/baru/").content.decode()

    picker = page[
        page.index('name="regions"') : page.index("</select>", page.index('name="regions"'))
    ]
    assert ">Kabupaten Sleman</option>" in picker
    assert 'value="34.71"' not in picker  # Kota Yogyakarta offers: it is no partner of itself
    # The filter input is there for the script to show; without JavaScript the list works alone.
    assert 'data-ksd-filters="id_regions"' in page
    assert "cooperation/picker.js" in page
    assert "<script>" not in page  # no inline script (core/content_security.py)


def test_blank_choices_read_none_or_choose_never_all(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    page = as_user(operator_kota_yogyakarta).get("/kerja-sama/baru/").content.decode()

    assert "(semua)" not in page
    assert '<option value="" selected>(tidak ada)</option>' in page
    assert '<option value="" selected>(pilih)</option>' in page


def test_the_offer_records_its_substance_and_a_third_party_from_the_register(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    from ksd.regions.models import ThirdParty

    company = ThirdParty.objects.create(name="PT Tirta Mataram", form="perseroan_terbatas")
    client = as_user(operator_kota_yogyakarta)
    form_page = client.get("/kerja-sama/baru/").content.decode()
    # The register's legal forms are named as in the offer's own list.
    assert "perusahaan swasta berbadan hukum" in form_page

    response = client.post(
        "/kerja-sama/baru/",
        {"title": "Air minum regional", "offered_on": "2016-03-02", "regions": ["34.04"],
         "third_party_1_record": str(company.pk), "objective": "Air bersih untuk 3 kecamatan",
         "scope": "Jaringan pipa Ngaglik", "value": "Rp 12.000.000.000",
         "funding_source": "APBD dan investasi badan usaha", "location": "Ngaglik, Sleman",
         "contact_person": "Bagian Kerja Sama, 0274-555"},
    )  # fmt: skip

    assert response.status_code == 302
    coop = Cooperation.objects.get()
    assert (coop.objective, coop.scope, coop.value, coop.funding_source, coop.location,
            coop.contact_person) == (
        "Air bersih untuk 3 kecamatan", "Jaringan pipa Ngaglik", "Rp 12.000.000.000",
        "APBD dan investasi badan usaha", "Ngaglik, Sleman", "Bagian Kerja Sama, 0274-555",
    )  # fmt: skip
    party = Party.objects.get(cooperation=coop, region__isnull=True)
    assert (party.third_party_id, party.third_party_name, party.third_party_form) == (
        company.pk, "PT Tirta Mataram", "perseroan_terbatas",
    )  # fmt: skip
    page = client.get(response["Location"]).content.decode()
    assert "Jaringan pipa Ngaglik" in page
    assert "Bagian Kerja Sama, 0274-555" in page


def test_a_third_party_both_chosen_and_typed_is_refused_and_nothing_is_saved(
    operator_kota_yogyakarta: User, as_user: Callable[[User], Client]
) -> None:
    from ksd.regions.models import ThirdParty

    company = ThirdParty.objects.create(name="PT Tirta Mataram", form="perseroan_terbatas")

    response = as_user(operator_kota_yogyakarta).post(
        "/kerja-sama/baru/",
        {"title": "Air minum", "offered_on": "2016-03-02", "regions": ["34.04"],
         "third_party_1_record": str(company.pk), "third_party_1_name": "PT Lain",
         "third_party_1_form": "perseroan_terbatas"},
    )  # fmt: skip

    assert response.status_code == 400
    assert "jangan keduanya" in response.content.decode()
    assert not Cooperation.objects.exists()

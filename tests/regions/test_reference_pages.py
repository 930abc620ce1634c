"""The reference pages: third parties, regional agencies, officials with who may sign today, and
the forms that add them. Each page is tried by an operator of the region, a provincial
supervisor who reads, an outsider (Kota Medan) and the public."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

import personas
from ksd.cooperation import services
from ksd.regions.models import Agency, Official, PowerOfAttorney, ThirdParty
from regions.records import (
    KOTA_YOGYAKARTA,
    SLEMAN,
    make_agency,
    make_head,
    make_official,
    power_of_attorney,
)

# 2 June 2025, 10:00 WIB.
NOW = dt.datetime(2025, 6, 2, 3, 0, tzinfo=dt.UTC)
NPWP = "01.234.567.8-901.000"
NPWP16 = "0012345678901000"  # the same, as it is kept


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)


@pytest.fixture
def as_user(regions_loaded: None) -> Callable[[User | None], Client]:
    def login(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture
def operator(regions_loaded: None) -> User:
    return personas.operator_kota_yogyakarta()


@pytest.fixture
def pembina(regions_loaded: None) -> User:
    return personas.biro_pemerintahan_diy()


@pytest.fixture
def outsider(regions_loaded: None) -> User:
    return personas.outsider()


def _page(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


def _kota_yogyakarta_with_a_surat_kuasa() -> PowerOfAttorney:
    head = make_head()
    official = make_official(make_agency())
    power = power_of_attorney(head, official)
    power.full_clean()
    power.save()
    return power


def _third_party_in_a_cooperation(actor: User) -> ThirdParty:
    record = ThirdParty.objects.create(
        name="PT Sarana Bersih Nusantara", form="perseroan_terbatas", npwp="0012345678901000"
    )
    services.make_offer(
        actor=actor, title="Pengelolaan air limbah domestik", initiator=KOTA_YOGYAKARTA,
        parties=[services.PartySpec(region=KOTA_YOGYAKARTA),
                 services.PartySpec(third_party_id=record.pk, third_party_name=record.name,
                                    third_party_form=record.form)],
        offered_on=dt.date(2025, 5, 5), offer_number="415.4/077", now=NOW,
    )  # fmt: skip
    return record


# ----- The public -----


@pytest.mark.parametrize(
    "url",
    [
        "/pihak-ketiga/",
        "/pihak-ketiga/1/",
        "/pihak-ketiga/baru/",
        "/perangkat-daerah/",
        "/perangkat-daerah/baru/",
        "/perangkat-daerah/1/",
        "/pejabat/",
        "/pejabat/1/",
        "/pejabat/baru/",
        "/pejabat/surat-kuasa/baru/",
    ],
)
def test_the_public_is_sent_to_the_login_page(
    url: str, as_user: Callable[[User | None], Client]
) -> None:
    response = as_user(None).get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/?next=")


# ----- Third parties -----


def test_third_parties_are_searched_by_name_or_npwp_and_filtered_by_form(
    operator: User, as_user: Callable[[User | None], Client]
) -> None:
    ThirdParty.objects.create(name="PT Sarana Bersih", form="perseroan_terbatas", npwp=NPWP16)
    ThirdParty.objects.create(name="Koperasi Tani Makmur", form="koperasi")
    client = as_user(operator)

    everything = _page(client, "/pihak-ketiga/")
    by_name = _page(client, "/pihak-ketiga/?q=sarana")
    by_npwp = _page(client, "/pihak-ketiga/?q=01.234.567.8-901.000")
    by_form = _page(client, "/pihak-ketiga/?form=koperasi")

    assert "PT Sarana Bersih" in everything
    assert "Koperasi Tani Makmur" in everything
    assert "PT Sarana Bersih" in by_name
    assert "Koperasi Tani Makmur" not in by_name
    assert "PT Sarana Bersih" in by_npwp
    assert "Koperasi Tani Makmur" not in by_npwp
    assert "Koperasi Tani Makmur" in by_form
    assert "PT Sarana Bersih" not in by_form


def test_a_third_party_s_page_masks_the_nik_and_lists_the_cooperation_the_reader_may_see(
    operator: User, pembina: User, outsider: User, as_user: Callable[[User | None], Client]
) -> None:
    record = _third_party_in_a_cooperation(operator)
    person = ThirdParty.objects.create(name="Ahmad Fauzi", form="perseorangan")
    ThirdParty.objects.filter(pk=person.pk).update(nik="3471010101900003")

    own = _page(as_user(operator), f"/pihak-ketiga/{record.pk}/")
    supervisor = _page(as_user(pembina), f"/pihak-ketiga/{record.pk}/")
    other = _page(as_user(outsider), f"/pihak-ketiga/{record.pk}/")
    individual = _page(as_user(operator), f"/pihak-ketiga/{person.pk}/")

    assert "Pengelolaan air limbah domestik" in own
    assert "Pengelolaan air limbah domestik" in supervisor
    assert "PT Sarana Bersih Nusantara" in other
    assert "Pengelolaan air limbah domestik" not in other
    assert "3471********0003" in individual
    assert "3471010101900003" not in individual


def test_an_unknown_third_party_is_not_found(
    operator: User, as_user: Callable[[User | None], Client]
) -> None:
    _page(as_user(operator), "/pihak-ketiga/999999/", status=404)


def test_an_operator_adds_a_third_party_and_its_npwp_is_kept_in_the_16_digit_form(
    operator: User, as_user: Callable[[User | None], Client]
) -> None:
    response = as_user(operator).post(
        "/pihak-ketiga/baru/",
        {"name": "PT Sarana Bersih", "form": "perseroan_terbatas", "is_domestic": "on",
         "npwp": NPWP, "nib": "1234567890123"},
    )  # fmt: skip

    record = ThirdParty.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/pihak-ketiga/{record.pk}/"
    assert record.npwp == "0012345678901000"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("npwp", "12345", "NPWP terdiri atas 15 digit"),
        ("nib", "12345", "NIB terdiri atas tepat 13 digit."),
        ("nik", "3471010101900003", "Hanya perseorangan yang memiliki NIK"),
    ],
)
def test_a_third_party_with_a_wrong_number_is_refused_and_not_saved(
    field: str,
    value: str,
    message: str,
    operator: User,
    as_user: Callable[[User | None], Client],
) -> None:
    data = {"name": "PT Sarana Bersih", "form": "perseroan_terbatas", field: value}

    response = as_user(operator).post("/pihak-ketiga/baru/", data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ThirdParty.objects.exists()


def test_only_operators_and_administrators_add_third_parties(
    pembina: User, regions_loaded: None, as_user: Callable[[User | None], Client]
) -> None:
    assert as_user(pembina).get("/pihak-ketiga/baru/").status_code == 403
    assert as_user(personas.administrator()).get("/pihak-ketiga/baru/").status_code == 200


# ----- Agencies -----


def test_each_reader_sees_the_agencies_of_its_own_regions_only(
    operator: User, pembina: User, outsider: User, as_user: Callable[[User | None], Client]
) -> None:
    make_agency(KOTA_YOGYAKARTA, "Dinas Lingkungan Hidup")
    make_agency(SLEMAN, "Dinas Perhubungan Sleman")
    make_agency("21.71", "Dinas Pekerjaan Umum Batam")

    own = _page(as_user(operator), "/perangkat-daerah/")
    province = _page(as_user(pembina), "/perangkat-daerah/")
    other = _page(as_user(outsider), "/perangkat-daerah/")
    everything = _page(as_user(personas.kemendagri()), "/perangkat-daerah/?region=21.71")

    assert "Dinas Lingkungan Hidup" in own
    assert "Dinas Perhubungan Sleman" not in own
    assert "Dinas Lingkungan Hidup" in province
    assert "Dinas Perhubungan Sleman" in province
    assert "Batam" not in province
    assert "Dinas" not in other
    assert "Dinas Pekerjaan Umum Batam" in everything
    assert "Dinas Lingkungan Hidup" not in everything


def test_a_region_filter_outside_the_reader_s_province_shows_nothing_of_that_region(
    pembina: User, as_user: Callable[[User | None], Client]
) -> None:
    make_agency("21.71", "Dinas Pekerjaan Umum Batam")

    assert "Batam" not in _page(as_user(pembina), "/perangkat-daerah/?region=21.71")


def test_an_operator_adds_an_agency_to_its_own_region(
    operator: User, as_user: Callable[[User | None], Client]
) -> None:
    response = as_user(operator).post(
        "/perangkat-daerah/baru/",
        {"name": "Dinas Perhubungan", "short_name": "Dishub", "region": SLEMAN},
    )

    assert response.status_code == 302
    assert Agency.objects.get().region_id == KOTA_YOGYAKARTA


def test_an_agency_whose_name_the_region_already_has_is_refused(
    operator: User, as_user: Callable[[User | None], Client]
) -> None:
    make_agency(KOTA_YOGYAKARTA, "Dinas Perhubungan")

    response = as_user(operator).post("/perangkat-daerah/baru/", {"name": "Dinas Perhubungan"})

    assert response.status_code == 400
    assert (
        "Daerah ini sudah memiliki perangkat daerah dengan nama ini." in response.content.decode()
    )
    assert Agency.objects.count() == 1


def test_a_supervisor_does_not_add_agencies(
    pembina: User, as_user: Callable[[User | None], Client]
) -> None:
    response = as_user(pembina).post("/perangkat-daerah/baru/", {"name": "Dinas Perhubungan"})

    assert response.status_code == 403
    assert not Agency.objects.exists()


# ----- Officials and who may sign today -----


def test_the_officials_page_says_who_may_sign_today_and_on_what_authority(
    operator: User, pembina: User, outsider: User, as_user: Callable[[User | None], Client]
) -> None:
    _kota_yogyakarta_with_a_surat_kuasa()

    own = _page(as_user(operator), "/pejabat/")
    province = _page(as_user(pembina), "/pejabat/")
    other = _page(as_user(outsider), "/pejabat/")

    for page in (own, province):
        assert "Budi Santoso" in page
        assert "Sri Rahayu" in page
        assert "180/001/SK/2025" in page
        assert "31 Desember 2025" in page
        assert "PP 50/2007 Pasal 3" in page
        assert "PP 50/2007 Pasal 1 angka 5" in page
    assert "Budi Santoso" not in other
    assert "Sri Rahayu" not in other
    assert "Kota Medan" in other  # its own region: no one recorded


def test_an_agency_s_and_an_official_s_pages_are_read_in_the_region_and_province_only(
    operator: User, pembina: User, outsider: User, as_user: Callable[[User | None], Client]
) -> None:
    power = _kota_yogyakarta_with_a_surat_kuasa()
    holder = power.grantee
    urls = (f"/perangkat-daerah/{holder.agency_id}/", f"/pejabat/{holder.pk}/")

    for reader in (operator, pembina):
        agency_page, official_page = (_page(as_user(reader), url) for url in urls)
        assert "Sri Rahayu" in agency_page
        assert "Dinas Lingkungan Hidup" in official_page
        assert "180/001/SK/2025" in official_page
    for url in urls:
        _page(as_user(outsider), url, status=404)


def test_an_operator_adds_an_official_of_one_of_its_own_agencies(
    operator: User, as_user: Callable[[User | None], Client]
) -> None:
    agency = make_agency()

    response = as_user(operator).post(
        "/pejabat/baru/",
        {"name": "Dewi Lestari", "position": "Sekretaris Dinas", "agency": agency.pk,
         "nip": "19800101 200501 2 001", "term_start_on": "2025-01-02"},
    )  # fmt: skip

    official = Official.objects.get()
    assert response.status_code == 302
    assert (official.region_id, official.agency, official.nip) == (
        KOTA_YOGYAKARTA,
        agency,
        "198001012005012001",
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"nip": "123"}, "NIP terdiri atas tepat 18 digit."),
        ({"term_end_on": "2024-01-01"}, "Masa jabatan tidak dapat berakhir"),
        ({"agency": "OTHER"}, "Masukkan pilihan yang valid."),
    ],
)
def test_an_official_with_wrong_data_or_another_region_s_agency_is_refused(
    change: dict[str, str],
    message: str,
    operator: User,
    as_user: Callable[[User | None], Client],
) -> None:
    other = make_agency(SLEMAN, "Dinas Perhubungan Sleman")
    data = {"name": "Dewi Lestari", "position": "Sekretaris Dinas", "term_start_on": "2025-01-02"}
    data.update({k: str(other.pk) if v == "OTHER" else v for k, v in change.items()})

    response = as_user(operator).post("/pejabat/baru/", data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Official.objects.exists()


def _letter(grantor: Official, grantee: Official, **change: Any) -> dict[str, Any]:
    data = {"number": "180/002/SK/2025", "grantor": grantor.pk, "grantee": grantee.pk,
            "issued_on": "2025-05-02", "valid_from": "2025-05-02", "valid_until": "2025-12-31",
            "scope": "Menandatangani perjanjian kerja sama angkutan perkotaan."}  # fmt: skip
    return {**data, **change}


def test_an_operator_records_a_surat_kuasa_and_its_holder_may_sign_today(
    operator: User, as_user: Callable[[User | None], Client]
) -> None:
    head, official = make_head(), make_official(make_agency())
    client = as_user(operator)

    response = client.post("/pejabat/surat-kuasa/baru/", _letter(head, official))

    assert response.status_code == 302
    assert PowerOfAttorney.objects.get().region_id == KOTA_YOGYAKARTA
    assert "180/002/SK/2025" in _page(client, "/pejabat/")


def test_a_surat_kuasa_from_a_head_not_in_office_that_day_is_refused_and_not_saved(
    operator: User, as_user: Callable[[User | None], Client]
) -> None:
    head, official = make_head(), make_official(make_agency())

    response = as_user(operator).post(
        "/pejabat/surat-kuasa/baru/",
        _letter(head, official, issued_on="2025-01-02", valid_from="2025-01-02"),
    )

    assert response.status_code == 400
    assert "tidak sedang menjabat sebagai kepala daerah" in response.content.decode()
    assert not PowerOfAttorney.objects.exists()


def test_a_surat_kuasa_to_someone_who_is_not_an_agency_official_is_refused(
    operator: User, as_user: Callable[[User | None], Client]
) -> None:
    head = make_head()

    response = as_user(operator).post("/pejabat/surat-kuasa/baru/", _letter(head, head))

    assert response.status_code == 400
    assert "Penerima kuasa harus pejabat perangkat daerah" in response.content.decode()
    assert not PowerOfAttorney.objects.exists()


def test_a_surat_kuasa_naming_another_region_s_officials_is_refused(
    operator: User, as_user: Callable[[User | None], Client]
) -> None:
    head = make_head(SLEMAN, "Harda Kiswaya")
    official = make_official(make_agency(SLEMAN, "Dinas Perhubungan Sleman"))

    response = as_user(operator).post("/pejabat/surat-kuasa/baru/", _letter(head, official))

    assert response.status_code == 400
    assert "Masukkan pilihan yang valid." in response.content.decode()
    assert not PowerOfAttorney.objects.exists()


def test_a_supervisor_records_no_surat_kuasa_or_official(
    pembina: User, as_user: Callable[[User | None], Client]
) -> None:
    client = as_user(pembina)

    assert client.get("/pejabat/surat-kuasa/baru/").status_code == 403
    assert client.get("/pejabat/baru/").status_code == 403


# ----- Fixed query counts -----


def _count(client: Client, url: str, assert_queries: Callable[..., Any]) -> int:
    with assert_queries(12) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_lists_take_the_same_number_of_queries_for_3_or_20_rows(
    operator: User,
    as_user: Callable[[User | None], Client],
    django_assert_max_num_queries: Callable[..., Any],
) -> None:
    client = as_user(operator)
    _kota_yogyakarta_with_a_surat_kuasa()
    ThirdParty.objects.create(name="Yayasan Kali Bersih", form="yayasan")
    client.get("/pejabat/")  # the session is warm for every count

    def add(first: int, last: int) -> None:
        for i in range(first, last):
            agency = Agency.objects.create(region_id=KOTA_YOGYAKARTA, name=f"Badan {i:02}")
            make_official(agency, name=f"Pejabat {i:02}")
            ThirdParty.objects.create(name=f"PT Mitra {i:02}", form="perseroan_terbatas")

    counts = []
    add(0, 2)  # 3 agencies, 4 officials (the head too), 3 third parties; then 20, 21, 20
    for more in (None, (2, 19)):
        if more:
            add(*more)
        counts.append(
            [_count(client, url, django_assert_max_num_queries)
             for url in ("/pihak-ketiga/", "/perangkat-daerah/", "/pejabat/")]
        )  # fmt: skip

    assert (Agency.objects.count(), ThirdParty.objects.count()) == (20, 20)
    assert counts[0] == counts[1]

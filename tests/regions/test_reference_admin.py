"""The reference records in the admin: searchable, filterable, in Indonesian; the creator of a
holiday override recorded by itself; a NIK never shown in full in a list."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.test import Client

from ksd.core import clock
from ksd.regions.models import Affair, Agency, HolidayOverride, ThirdParty
from ksd.regions.services import load_affairs

from .records import make_agency, make_head, make_official, power_of_attorney

pytestmark = pytest.mark.usefixtures("regions_loaded")

ADMIN = "/admin/regions"


def test_an_administrator_finds_an_agency_by_its_short_name(admin_client: Client) -> None:
    make_agency()
    Agency.objects.create(region_id="34.71", name="Dinas Pariwisata", short_name="Dispar")

    page = admin_client.get(f"{ADMIN}/agency/", {"q": "DLH"}).content.decode()

    assert "Dinas Lingkungan Hidup" in page
    assert "Dinas Pariwisata" not in page


def test_the_official_and_surat_kuasa_lists_open(admin_client: Client) -> None:
    head = make_head()
    power_of_attorney(head, make_official(make_agency())).save()

    officials = admin_client.get(f"{ADMIN}/official/", {"is_head__exact": "1"}).content.decode()
    powers = admin_client.get(f"{ADMIN}/powerofattorney/", {"q": "Sri Rahayu"}).content.decode()

    assert "Budi Santoso" in officials
    assert "Sri Rahayu" not in officials
    assert "180/001/SK/2025" in powers
    assert "Surat Kuasa" in powers


def test_the_third_party_list_masks_the_nik(admin_client: Client) -> None:
    ThirdParty.objects.create(
        name="Siti Aminah", form=ThirdParty.Form.PERSEORANGAN, nik="3471014101800003"
    )

    page = admin_client.get(f"{ADMIN}/thirdparty/").content.decode()

    assert "Siti Aminah" in page
    assert "3471********0003" in page
    assert "3471014101800003" not in page


def test_the_third_party_list_filters_by_form(admin_client: Client) -> None:
    ThirdParty.objects.create(name="Koperasi Tani Makmur", form=ThirdParty.Form.KOPERASI)
    ThirdParty.objects.create(name="Yayasan Peduli Sungai", form=ThirdParty.Form.YAYASAN)

    page = admin_client.get(f"{ADMIN}/thirdparty/", {"form__exact": "koperasi"}).content.decode()

    assert "Koperasi Tani Makmur" in page
    assert "Yayasan Peduli Sungai" not in page


def test_the_creator_of_a_holiday_override_is_recorded_by_the_admin(
    admin_client: Client, admin_user: User
) -> None:
    before = clock.now()
    response = admin_client.post(
        f"{ADMIN}/holidayoverride/add/",
        {
            "day": "2026-09-16",
            "action": "add",
            "decree": "Keputusan Bersama Menteri Nomor 9 Tahun 2026",
            "name": "Cuti bersama tambahan",
            "region": "34.71",
            "source": "https://example.go.id/skb-9-2026",
        },
    )

    assert response.status_code == 302
    override = HolidayOverride.objects.get()
    assert override.created_by == admin_user
    assert before <= override.created_at <= clock.now()
    assert override.region_id == "34.71"


def test_a_change_to_a_holiday_override_is_kept_in_the_admin_log(
    admin_client: Client, admin_user: User
) -> None:
    override = HolidayOverride.objects.create(
        day=dt.date(2026, 9, 16),
        action="add",
        decree="SKB 9/2026",
        name="Cuti bersama tambahan",
        created_by=admin_user,
        created_at=dt.datetime(2026, 9, 1, 2, 0, tzinfo=dt.UTC),
    )

    response = admin_client.post(
        f"{ADMIN}/holidayoverride/{override.pk}/change/",
        {"day": "2026-09-16", "action": "remove", "decree": "SKB 10/2026", "name": "Batal"},
    )

    assert response.status_code == 302
    override.refresh_from_db()
    assert override.action == "remove"
    assert override.created_by == admin_user, "the creator stays the creator"
    entry = LogEntry.objects.get(object_id=str(override.pk), action_flag=CHANGE)
    assert entry.user == admin_user


def test_a_holiday_override_without_a_decree_is_refused_in_the_admin(
    admin_client: Client,
) -> None:
    response = admin_client.post(
        f"{ADMIN}/holidayoverride/add/",
        {"day": "2026-09-16", "action": "add", "decree": "", "name": "Libur"},
    )

    assert response.status_code == 200
    assert "Bidang ini tidak boleh kosong." in response.content.decode()
    assert not HolidayOverride.objects.exists()


def test_affairs_are_read_only_in_the_admin(admin_client: Client) -> None:
    load_affairs()
    affair = Affair.objects.get(code="wajib_pd.pendidikan")

    page = admin_client.get(f"{ADMIN}/affair/", {"category__exact": "pilihan"}).content.decode()

    assert "Pariwisata" in page
    assert "Pendidikan" not in page
    assert admin_client.get(f"{ADMIN}/affair/add/").status_code == 403
    assert (
        admin_client.post(f"{ADMIN}/affair/{affair.pk}/delete/", {"post": "yes"}).status_code == 403
    )


@pytest.mark.parametrize(
    ("model", "title"),
    [
        ("agency", "Tambahkan perangkat daerah"),
        ("official", "Tambahkan pejabat"),
        ("powerofattorney", "Tambahkan Surat Kuasa"),
        ("thirdparty", "Tambahkan pihak ketiga"),
        ("holidayoverride", "Tambahkan ketetapan hari libur"),
    ],
)
def test_the_add_forms_open_in_indonesian(admin_client: Client, model: str, title: str) -> None:
    response = admin_client.get(f"{ADMIN}/{model}/add/")

    assert response.status_code == 200
    assert title in response.content.decode()

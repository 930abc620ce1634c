"""Every change to reference data is recorded with who, when, and the old and new values
(django-auditlog, ksd/core/audit.py): from the admin, from the app's own pages, and from the
services that run without a request. Administrators read the trail in the admin."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.test import Client

import personas
from ksd.accounts.models import Membership, Role
from ksd.bodies.models import BodyKind, BodyMember
from ksd.bodies.services import MemberSpec, form_body, remove_member
from ksd.core.audit import acting_as
from ksd.regions.models import Agency, HolidayOverride, ThirdParty
from ksd.regions.services import record_holiday_override

pytestmark = pytest.mark.usefixtures("regions_loaded")

NOW = dt.datetime(2025, 6, 2, 3, 0, tzinfo=dt.UTC)


def trail(record: object) -> list[LogEntry]:
    return list(LogEntry.objects.get_for_object(record).order_by("timestamp", "pk"))


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_agency_renamed_in_the_admin_records_the_administrator_and_both_names(
    admin_client: Client, admin_user: User
) -> None:
    agency = Agency.objects.create(region_id="34.71", name="Dinas Lingkungan Hidup")

    response = admin_client.post(
        f"/admin/regions/agency/{agency.pk}/change/",
        {"region": "34.71", "name": "Dinas Lingkungan Hidup dan Kehutanan", "short_name": "DLHK",
         "is_active": "on"},
    )  # fmt: skip

    assert response.status_code == 302
    change = trail(agency)[-1]
    assert change.action == LogEntry.Action.UPDATE
    assert change.actor == admin_user
    assert change.changes["name"] == [
        "Dinas Lingkungan Hidup",
        "Dinas Lingkungan Hidup dan Kehutanan",
    ]
    assert change.changes["short_name"] == ["", "DLHK"]


def test_an_agency_added_on_the_app_s_page_records_the_operator() -> None:
    operator = personas.operator_kota_yogyakarta()

    response = logged_in(operator).post("/perangkat-daerah/baru/", {"name": "Dinas Perhubungan"})

    assert response.status_code == 302
    created = trail(Agency.objects.get(name="Dinas Perhubungan"))
    assert [(e.action, e.actor) for e in created] == [(LogEntry.Action.CREATE, operator)]
    assert created[0].changes["name"] == [None, "Dinas Perhubungan"]
    assert set(created[0].changes) == {"region", "name", "short_name", "is_active"}


def test_a_body_member_leaving_through_the_service_records_the_operator_without_a_request() -> None:
    operator = personas.operator_kota_yogyakarta()
    body = form_body(
        actor=operator, name="Sekretariat Bersama Kartamantul", kind=BodyKind.BADAN,
        decision_number="KB/02/2016", decided_on=dt.date(2016, 2, 1), now=NOW,
        members=[MemberSpec("34.71", "Ir. Suyana", "Asisten Sekretaris Daerah"),
                 MemberSpec("34.04", "Drs. Sutrisna", "Kepala Bappeda")],
    )  # fmt: skip
    sleman = BodyMember.objects.get(body=body, region_id="34.04")

    remove_member(sleman.pk, actor=operator, left_on=dt.date(2020, 1, 31), now=NOW)

    entries = trail(sleman)
    assert [(e.action, e.actor) for e in entries] == [
        (LogEntry.Action.CREATE, operator),
        (LogEntry.Action.UPDATE, operator),
    ]
    assert entries[1].changes == {"left_on": [None, "2020-01-31"]}
    assert trail(body)[0].actor == operator


def test_a_holiday_override_deleted_in_the_admin_keeps_its_values_in_the_trail(
    admin_client: Client, admin_user: User
) -> None:
    operator = personas.operator_kota_yogyakarta()
    override = record_holiday_override(
        HolidayOverride(day=dt.date(2026, 9, 16), action="add", name="Cuti bersama tambahan",
                        decree="Keputusan Bersama Menteri Nomor 9 Tahun 2026"),
        actor=operator, now=NOW,
    )  # fmt: skip

    response = admin_client.post(
        f"/admin/regions/holidayoverride/{override.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    assert not HolidayOverride.objects.exists()
    created, deleted = trail(override)
    assert (created.action, created.actor) == (LogEntry.Action.CREATE, operator)
    assert (deleted.action, deleted.actor) == (LogEntry.Action.DELETE, admin_user)
    assert deleted.changes["decree"] == ["Keputusan Bersama Menteri Nomor 9 Tahun 2026", None]


def test_a_membership_changed_in_the_admin_records_the_old_and_new_role_and_region(
    admin_client: Client, admin_user: User
) -> None:
    operator = personas.operator_kota_yogyakarta()

    response = admin_client.post(
        f"/admin/accounts/membership/{operator.membership.pk}/change/",
        {"user": operator.pk, "role": Role.OPERATOR, "region": "34.04"},
    )

    assert response.status_code == 302
    change = trail(Membership.objects.get(user=operator))[-1]
    assert change.actor == admin_user
    assert change.changes == {"region": ["34.71", "34.04"]}


def test_the_trail_keeps_an_individual_s_nik_masked() -> None:
    record = ThirdParty.objects.create(
        name="Siti Aminah", form=ThirdParty.Form.PERSEORANGAN, nik="3471014101800003"
    )

    entry = trail(record)[0]

    assert "3471014101800003" not in str(entry.changes)
    assert entry.changes["name"] == [None, "Siti Aminah"]


def test_administrators_read_the_trail_in_the_admin_and_others_do_not(
    admin_client: Client,
) -> None:
    operator = personas.operator_kota_yogyakarta()
    logged_in(operator).post("/perangkat-daerah/baru/", {"name": "Dinas Perhubungan"})
    entry = trail(Agency.objects.get(name="Dinas Perhubungan"))[0]

    agency = Agency.objects.get(name="Dinas Perhubungan")

    listing = admin_client.get("/admin/auditlog/logentry/")
    detail = admin_client.get(f"/admin/auditlog/logentry/{entry.pk}/change/")
    agencies = admin_client.get("/admin/regions/agency/")
    of_the_agency = admin_client.get(f"/admin/regions/agency/{agency.pk}/auditlog/")
    refused = logged_in(operator).get(f"/admin/regions/agency/{agency.pk}/auditlog/")

    assert listing.status_code == 200
    assert "Dinas Perhubungan" in listing.content.decode()
    assert "operator_kota_yogyakarta" in listing.content.decode()
    assert "Dinas Perhubungan" in detail.content.decode()
    assert f"/admin/regions/agency/{agency.pk}/auditlog/" in agencies.content.decode()
    assert "operator_kota_yogyakarta" in of_the_agency.content.decode()
    assert "Jejak audit" in of_the_agency.content.decode()  # the library's words, in Indonesian
    assert refused.status_code == 302
    assert refused["Location"].startswith("/admin/login/")


def test_a_service_inside_a_request_gives_the_request_s_actor_back_afterwards() -> None:
    outer, inner = personas.operator_kota_yogyakarta(), personas.operator_sleman()

    with set_actor(outer):
        with acting_as(inner):
            first = Agency.objects.create(region_id="34.04", name="Dinas Pariwisata")
        second = Agency.objects.create(region_id="34.71", name="Dinas Pariwisata")

    assert trail(first)[0].actor == inner
    assert trail(second)[0].actor == outer

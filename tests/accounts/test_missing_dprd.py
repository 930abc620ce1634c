"""A cooperation waiting on a DPRD with no account in KSD says so on its page, with who can
invite its secretariat."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils.translation import gettext

import personas
from ksd.accounts.missing_dprd import missing_dprd_accounts
from ksd.accounts.models import Membership, Role
from reminders.records import submitted_pp50

pytestmark = pytest.mark.usefixtures("regions_loaded")


def page_of(user: User, pk: int) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(f"/kerja-sama/{pk}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def both_submitted():
    return submitted_pp50(
        personas.operator_kota_yogyakarta(), personas.operator_sleman(),
        regions=("34.71", "34.04"),
    )  # fmt: skip


def test_the_page_names_the_dprd_without_account_and_its_regional_admin(both_submitted) -> None:
    personas.dprd_kota_yogyakarta()  # Kota Yogyakarta's DPRD has its account
    admin = personas.persona("admin_sleman", Role.OPERATOR, "34.04")
    Membership.objects.filter(user=admin).update(is_regional_admin=True)
    User.objects.filter(pk=admin.pk).update(first_name="Rina", last_name="Wulandari")

    page = page_of(personas.operator_kota_yogyakarta(), both_submitted.pk)

    assert 'data-region="34.04"' in page
    assert 'data-region="34.71"' not in page
    assert "Rina Wulandari" in page
    assert gettext("Invite the DPRD secretariat") not in page  # not this visitor's region
    admin_page = page_of(User.objects.get(pk=admin.pk), both_submitted.pk)
    assert "/akun/daerah/34.04/orang/?sebagai=dprd" in admin_page


def test_without_a_regional_admin_the_page_points_to_ksds_administrator(both_submitted) -> None:
    page = page_of(personas.operator_sleman(), both_submitted.pk)

    assert gettext(
        "The region has no administrator in KSD: KSD's administrator can invite its secretariat."
    ) in page  # fmt: skip


def test_nothing_is_shown_once_every_dprd_has_an_account(both_submitted) -> None:
    personas.dprd_kota_yogyakarta()
    personas.dprd_sleman()

    assert missing_dprd_accounts(both_submitted) == []
    assert 'class="ksd-missing-dprd"' not in page_of(personas.operator_sleman(), both_submitted.pk)


def test_a_disabled_dprd_account_counts_as_missing(both_submitted) -> None:
    personas.dprd_kota_yogyakarta()
    User.objects.filter(pk=personas.dprd_sleman().pk).update(is_active=False)

    assert [m.region_code for m in missing_dprd_accounts(both_submitted)] == ["34.04"]

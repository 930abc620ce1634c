"""The administrator gives each user a role and, where the role needs one, a region; the admin
refuses a region that does not fit the role with a clear message."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils.translation import gettext

import personas
from ksd.accounts.forms import MembershipForm
from ksd.accounts.models import Membership, Role

pytestmark = pytest.mark.usefixtures("regions_loaded")
ADD = "/admin/accounts/membership/add/"


def form_for(role: Role, region: str | None) -> MembershipForm:
    user = User.objects.create_user("petugas_baru")
    return MembershipForm(data={"user": user.pk, "role": role.value, "region": region or ""})


@pytest.mark.parametrize(
    ("role", "region"),
    [
        (Role.OPERATOR, "34.71"),
        (Role.DPRD, "34.04"),
        (Role.OPERATOR, "34"),
        (Role.PEMBINA_PROVINSI, "34"),
        (Role.PEMBINA_PUSAT, None),
        (Role.ADMINISTRATOR, None),
    ],
)
def test_a_role_with_the_region_it_needs_is_accepted(role: Role, region: str | None) -> None:
    form = form_for(role, region)

    assert form.is_valid(), form.errors
    form.save()
    assert Membership.objects.get(user__username="petugas_baru").region_id == region


@pytest.mark.parametrize(
    ("role", "region", "message"),
    [
        (Role.OPERATOR, None, "An operator, DPRD or provincial supervisor needs a region."),
        (Role.DPRD, None, "An operator, DPRD or provincial supervisor needs a region."),
        (Role.PEMBINA_PROVINSI, "34.04",
         "A provincial supervisor works for a province, not for %(region)s."),
        (Role.PEMBINA_PUSAT, "34",
         "A central supervisor or an administrator belongs to no region."),
        (Role.ADMINISTRATOR, "34.71",
         "A central supervisor or an administrator belongs to no region."),
    ],
)  # fmt: skip
def test_a_region_that_does_not_fit_the_role_is_refused(
    role: Role, region: str | None, message: str
) -> None:
    form = form_for(role, region)

    assert not form.is_valid()
    expected = (
        gettext(message) % {"region": "Kabupaten Sleman"} if "%" in message else gettext(message)
    )
    assert form.errors["region"] == [expected]
    assert not Membership.objects.filter(user__username="petugas_baru").exists()


def test_the_administrator_sees_the_refusal_on_the_admin_page(client: Client) -> None:
    client.force_login(personas.administrator())
    user = User.objects.create_user("petugas_baru")

    response = client.post(ADD, {"user": user.pk, "role": Role.OPERATOR.value, "region": ""})

    assert response.status_code == 200
    assert gettext("An operator, DPRD or provincial supervisor needs a region.") in (
        response.content.decode()
    )
    assert not Membership.objects.filter(user=user).exists()


def test_the_administrator_lists_memberships_and_others_cannot(client: Client) -> None:
    personas.operator_kota_yogyakarta()
    client.force_login(personas.administrator())

    response = client.get("/admin/accounts/membership/")

    assert response.status_code == 200
    assert "operator_kota_yogyakarta" in response.content.decode()

    for other in (personas.kemendagri(), personas.outsider()):
        client.force_login(other)
        response = client.get("/admin/accounts/membership/")
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/admin/login/")

"""A region manages its own people: its regional administrator invites operators and the DPRD
secretariat by a one-time link, and disables them; it cannot touch another region nor grant a
role above its own. The invitation link works once, expires, and cannot be forged."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.core import mail, signing
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client, override_settings
from django.utils.translation import gettext

import personas
from ksd.accounts import people
from ksd.accounts.models import Invitation, Membership, Role
from ksd.core import clock

pytestmark = pytest.mark.usefixtures("regions_loaded")
NEW_PASSWORD = "Sungai-Code-2026!"  # noqa: S105 (test only)


def regional_admin(username: str, region: str) -> User:
    user = personas.persona(username, Role.OPERATOR, region)
    Membership.objects.filter(user=user).update(is_regional_admin=True)
    return User.objects.get(pk=user.pk)


@pytest.fixture
def admin_sleman() -> User:
    return regional_admin("admin_sleman", "34.04")


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def invite(client: Client, region: str = "34.04", kind: str = "dprd",
           email: str = "setwan@slemankab.go.id") -> str:  # fmt: skip
    """Send an invitation from the people page; the path of the link in the e-mail."""
    response = client.post(f"/akun/daerah/{region}/undang/", {"email": email, "kind": kind})
    assert response.status_code == 200, response.content
    found = re.search(r"https?://[^/\s]+(/akun/undangan/\S+/)", mail.outbox[-1].body)
    assert found is not None
    return found.group(1)


def can_log_in(username: str, password: str) -> bool:
    response = Client().post("/akun/masuk/", {"username": username, "password": password})
    return response.status_code == 302


def accept(link: str, username: str = "setwan_sleman") -> Client:
    client = Client()
    response = client.post(
        link,
        {"username": username, "first_name": "Sekretariat", "last_name": "DPRD Sleman",
         "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )  # fmt: skip
    assert response.status_code == 302, response.content
    assert response["Location"] == "/akun/masuk/"
    return client


def test_the_regional_admin_invites_the_dprd_secretariat_who_accepts_and_logs_in(
    admin_sleman: User,
) -> None:
    link = invite(logged_in(admin_sleman))

    assert mail.outbox[-1].to == ["setwan@slemankab.go.id"]
    assert Client().get(link).status_code == 200
    accept(link)

    member = Membership.objects.select_related("user").get(user__username="setwan_sleman")
    assert (member.role, member.region_id, member.invited_by) == (Role.DPRD, "34.04", admin_sleman)
    assert member.user.email == "setwan@slemankab.go.id"
    assert member.user.password.startswith("argon2")
    assert can_log_in("setwan_sleman", NEW_PASSWORD)
    # The membership's creation is in the audit trail, in the inviter's name.
    entry = LogEntry.objects.get_for_object(member).get()
    assert entry.actor == admin_sleman


def test_a_used_link_is_refused_the_second_time_and_creates_nobody(admin_sleman: User) -> None:
    link = invite(logged_in(admin_sleman))
    accept(link)

    again = Client().post(
        link, {"username": "orang_lain", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert again.status_code == 404
    assert (
        gettext("This invitation has already been used. Log in with the account it created.")
        in again.content.decode()
    )
    assert not User.objects.filter(username="orang_lain").exists()


def test_an_expired_link_is_refused(admin_sleman: User) -> None:
    long_ago = clock.now() - dt.timedelta(days=people.INVITATION_DAYS + 1)
    _invitation, token = people.invite(
        admin_sleman, region_code="34.04", email="a@b.id", kind="dprd", now=long_ago
    )

    response = Client().get(f"/akun/undangan/{token}/")

    assert response.status_code == 404
    assert "7" in response.content.decode()
    assert Membership.objects.filter(role=Role.DPRD).count() == 0


@pytest.mark.parametrize("forgery", ["tampered", "guessed_key", "garbage"])
def test_a_forged_link_is_refused(admin_sleman: User, forgery: str) -> None:
    invitation, token = people.invite(
        admin_sleman, region_code="34.04", email="a@b.id", kind="dprd", now=clock.now()
    )
    forged = {
        "tampered": token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"),
        # Even with the site's secret key, the random key of the invitation is not known.
        "guessed_key": signing.dumps(
            {"i": invitation.pk, "k": "tebakan"}, salt="ksd.accounts.invitation"
        ),
        "garbage": "bukan-tautan",
    }[forgery]

    response = Client().post(
        f"/akun/undangan/{forged}/",
        {"username": "penyusup", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 404
    assert not User.objects.filter(username="penyusup").exists()
    Invitation.objects.get(pk=invitation.pk, accepted_at__isnull=True)


def test_a_regional_admin_cannot_touch_another_region(admin_sleman: User) -> None:
    operator = personas.operator_kota_yogyakarta()
    client = logged_in(admin_sleman)

    assert client.get("/akun/daerah/34.71/orang/").status_code == 403
    invited = client.post("/akun/daerah/34.71/undang/", {"email": "x@y.id", "kind": "dprd"})
    disabled = client.post(f"/akun/daerah/34.71/orang/{operator.pk}/status/", {"active": "0"})
    # Nor a person of another region through its own region's address.
    sideways = client.post(f"/akun/daerah/34.04/orang/{operator.pk}/status/", {"active": "0"})

    assert (invited.status_code, disabled.status_code, sideways.status_code) == (403, 403, 403)
    assert not Invitation.objects.exists()
    assert mail.outbox == []
    operator.refresh_from_db()
    assert operator.is_active
    assert Membership.objects.get(user=operator).disabled_at is None


@pytest.mark.parametrize("kind", ["regional_admin", "administrator", "pembina_pusat"])
def test_a_regional_admin_grants_nothing_above_its_own_role(admin_sleman: User, kind: str) -> None:
    response = logged_in(admin_sleman).post(
        "/akun/daerah/34.04/undang/", {"email": "x@y.id", "kind": kind}
    )

    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_the_administrator_may_make_a_regional_admin() -> None:
    link = invite(logged_in(personas.administrator()), region="34.71", kind="regional_admin")
    accept(link, username="admin_baru")

    member = Membership.objects.get(user__username="admin_baru")
    assert (member.role, member.region_id, member.is_regional_admin) == (
        Role.OPERATOR, "34.71", True,
    )  # fmt: skip


def test_the_regional_admin_disables_and_enables_an_operator_of_its_region(
    admin_sleman: User,
) -> None:
    operator = personas.operator_sleman()
    client = logged_in(admin_sleman)

    response = client.post(f"/akun/daerah/34.04/orang/{operator.pk}/status/", {"active": "0"})

    assert response.status_code == 302
    operator.refresh_from_db()
    assert not operator.is_active
    assert not can_log_in("operator_sleman", personas.PASSWORD)
    membership = Membership.objects.get(user=operator)
    assert membership.disabled_at is not None
    change = LogEntry.objects.get_for_object(membership).latest("timestamp")
    assert change.actor == admin_sleman
    assert "disabled_at" in change.changes_dict

    client.post(f"/akun/daerah/34.04/orang/{operator.pk}/status/", {"active": "1"})
    operator.refresh_from_db()
    assert operator.is_active


def test_a_regional_admin_disables_neither_itself_nor_another_regional_admin(
    admin_sleman: User,
) -> None:
    other = regional_admin("admin_sleman_2", "34.04")
    client = logged_in(admin_sleman)

    client.post(f"/akun/daerah/34.04/orang/{admin_sleman.pk}/status/", {"active": "0"})
    refused = client.post(f"/akun/daerah/34.04/orang/{other.pk}/status/", {"active": "0"})

    assert refused.status_code == 403
    assert User.objects.filter(pk__in=[admin_sleman.pk, other.pk], is_active=True).count() == 2


def test_the_people_page_lists_the_region_and_its_pending_invitations(admin_sleman: User) -> None:
    personas.operator_sleman()
    personas.operator_kota_yogyakarta()
    client = logged_in(admin_sleman)
    invite(client, email="baru@slemankab.go.id", kind="operator")

    page = client.get("/akun/orang/", follow=True).content.decode()

    assert "operator_sleman" in page
    assert "baru@slemankab.go.id" in page
    assert "operator_kota_yogyakarta" not in page


def test_an_operator_who_is_not_a_regional_admin_manages_nobody() -> None:
    client = logged_in(personas.operator_sleman())

    assert client.get("/akun/orang/").status_code == 403
    assert client.get("/akun/daerah/34.04/orang/").status_code == 403
    assert (
        client.post("/akun/daerah/34.04/undang/", {"email": "x@y.id", "kind": "dprd"}).status_code
        == 403
    )
    assert not Invitation.objects.exists()


def test_a_withdrawn_invitation_no_longer_works(admin_sleman: User) -> None:
    client = logged_in(admin_sleman)
    link = invite(client)
    invitation = Invitation.objects.get()

    client.post(f"/akun/daerah/34.04/undangan/{invitation.pk}/batalkan/")

    assert Client().get(link).status_code == 404


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        raise ConnectionRefusedError("SMTP down")


@override_settings(EMAIL_BACKEND="accounts.test_regional_people.RefusingBackend")
def test_without_a_mail_server_the_admin_still_gets_the_link_to_hand_over(
    admin_sleman: User,
) -> None:
    response = logged_in(admin_sleman).post(
        "/akun/daerah/34.04/undang/", {"email": "setwan@slemankab.go.id", "kind": "dprd"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    link = re.search(r'value="https?://[^/"]+(/akun/undangan/[^"]+/)"', page)
    assert link is not None
    assert Client().get(link.group(1)).status_code == 200

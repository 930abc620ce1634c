"""Login throttling (issue 6, point 8; django-axes, settings AXES_*): after repeated failures for
one account, or from one address, logging in is refused even with the right password, with a
page in Bahasa Indonesia, until an administrator lifts the lock in the admin.

The limit is settings.AXES_FAILURE_LIMIT (KSD_LOGIN_FAILURE_LIMIT, 10 by default). Each test
runs in its own transaction, so the attempts it records are gone for the next test.
"""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client, RequestFactory, override_settings
from django.utils.translation import gettext

import personas
from ksd.accounts.throttle import client_address

pytestmark = pytest.mark.usefixtures("regions_loaded")

LOGIN = "/akun/masuk/"
LOCKED = "Login locked"
LIMIT = settings.AXES_FAILURE_LIMIT


def log_in(
    client: Client, username: str, password: str, address: str = "127.0.0.1", **headers: str
):  # type: ignore[no-untyped-def]
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def assert_locked_out(response) -> None:  # type: ignore[no-untyped-def]
    page = response.content.decode()
    assert response.status_code == 429
    assert response.headers["Content-Language"] == "id"
    assert gettext(LOCKED) in page
    assert "Masuk dikunci" in page  # the Indonesian words themselves, not only a catalogue entry
    assert "administrator" in page


def assert_logged_in(client: Client, response, user) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 302, response.content.decode()[:500]
    assert client.session["_auth_user_id"] == str(user.pk)


def test_fifty_wrong_passwords_then_the_right_one_is_refused() -> None:
    user = personas.operator_kota_yogyakarta()
    client = Client()

    for _ in range(50):
        log_in(client, user.username, "tebakan-salah")
    response = log_in(client, user.username, personas.PASSWORD)

    assert_locked_out(response)
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_for_the_account_from_any_address() -> None:
    user = personas.operator_sleman()
    for number in range(LIMIT):
        log_in(Client(), user.username, "tebakan-salah", address=f"198.51.100.{number + 1}")

    fresh = Client()
    response = log_in(fresh, user.username, personas.PASSWORD, address="203.0.113.200")

    assert_locked_out(response)
    assert "_auth_user_id" not in fresh.session


def test_the_lock_holds_for_an_address_whatever_the_usernames() -> None:
    for number in range(LIMIT):
        log_in(Client(), f"tebakan_{number}", "tebakan-salah", address="10.0.0.7")
    user = personas.dprd_sleman()

    from_the_same_address = log_in(Client(), user.username, personas.PASSWORD, address="10.0.0.7")
    elsewhere = Client()
    from_another_address = log_in(elsewhere, user.username, personas.PASSWORD, address="10.0.0.8")

    assert_locked_out(from_the_same_address)
    assert_logged_in(elsewhere, from_another_address, user)


def test_fewer_failures_than_the_limit_still_let_the_right_password_in() -> None:
    user = personas.kemendagri()
    client = Client()
    for _ in range(LIMIT - 1):
        response = log_in(client, user.username, "tebakan-salah")
        assert response.status_code == 200  # the ordinary "wrong username or password" form

    response = log_in(client, user.username, personas.PASSWORD)

    assert_logged_in(client, response, user)


def test_logging_in_to_an_own_account_does_not_wipe_the_failures_on_another() -> None:
    """An attacker with an account of their own cannot keep guessing a colleague's password by
    logging in now and then from the same address."""
    victim, attacker = personas.operator_sleman(), personas.outsider()
    for _ in range(LIMIT - 1):
        log_in(Client(), victim.username, "tebakan-salah", address="10.0.0.9")
    assert (
        log_in(Client(), attacker.username, personas.PASSWORD, address="10.0.0.9").status_code
        == 302
    )
    log_in(Client(), victim.username, "tebakan-salah", address="10.0.0.9")

    response = log_in(Client(), victim.username, personas.PASSWORD, address="203.0.113.1")

    assert_locked_out(response)


def test_the_admin_login_is_throttled_too() -> None:
    administrator = personas.administrator()
    for _ in range(LIMIT):
        Client().post(
            "/admin/login/", {"username": administrator.username, "password": "tebakan-salah"}
        )

    client = Client()
    response = client.post(
        "/admin/login/", {"username": administrator.username, "password": personas.PASSWORD}
    )

    assert_locked_out(response)
    assert "_auth_user_id" not in client.session


def test_an_administrator_lifts_the_lock_in_the_admin() -> None:
    user = personas.biro_pemerintahan_diy()
    for _ in range(LIMIT + 5):
        log_in(Client(), user.username, "tebakan-salah")
    assert_locked_out(log_in(Client(), user.username, personas.PASSWORD))

    admin = Client()
    admin.force_login(personas.administrator())
    listing = admin.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert user.username in listing.content.decode()
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))
    confirmed = admin.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
    )
    assert confirmed.status_code == 302
    assert not AccessAttempt.objects.exists()

    client = Client()
    assert_logged_in(client, log_in(client, user.username, personas.PASSWORD), user)


def test_only_the_administrator_sees_the_login_attempts() -> None:
    log_in(Client(), "seseorang", "tebakan-salah")
    operator = Client()
    operator.force_login(personas.operator_kota_yogyakarta())

    response = operator.get("/admin/axes/accessattempt/")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/login/")


@override_settings(AXES_COOLOFF_TIME=None)
def test_without_a_lockout_time_the_page_sends_the_user_to_the_administrator() -> None:
    user = personas.dprd_kota_yogyakarta()
    for _ in range(LIMIT):
        log_in(Client(), user.username, "tebakan-salah")

    response = log_in(Client(), user.username, personas.PASSWORD)

    assert_locked_out(response)
    assert "menit" not in response.content.decode()


def test_the_lockout_page_names_the_wait_in_minutes() -> None:
    user = personas.operator_kota_batam()
    for _ in range(LIMIT):
        log_in(Client(), user.username, "tebakan-salah")

    page = log_in(Client(), user.username, personas.PASSWORD).content.decode()

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"{minutes} menit" in page


# --- the address a failure is counted against -------------------------------------------------


def request_from(peer: str, forwarded: str | None = None):  # type: ignore[no-untyped-def]
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post(LOGIN, **extra)


@override_settings(PROXY_COUNT=0)
def test_without_a_proxy_a_forwarded_header_is_ignored() -> None:
    assert client_address(request_from("203.0.113.5", "192.0.2.1")) == "203.0.113.5"


@override_settings(PROXY_COUNT=1)
def test_behind_one_proxy_the_client_is_the_last_forwarded_address() -> None:
    # The client wrote "192.0.2.1" itself; the proxy appended the address it saw.
    assert client_address(request_from("10.0.0.1", "192.0.2.1, 203.0.113.5")) == "203.0.113.5"
    assert client_address(request_from("10.0.0.1")) == "10.0.0.1"


@override_settings(PROXY_COUNT=1)
def test_behind_a_proxy_two_offices_are_locked_separately() -> None:
    for number in range(LIMIT):
        log_in(
            Client(), f"tebakan_{number}", "salah", address="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.5",
        )  # fmt: skip
    user = personas.operator_sleman()
    other_office = Client()

    response = log_in(
        other_office, user.username, personas.PASSWORD, address="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.77",
    )  # fmt: skip

    assert_logged_in(other_office, response, user)

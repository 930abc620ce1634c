"""Logging in and out at akun/masuk/ and akun/keluar/, and the header fragment that shows who is
logged in."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils.translation import gettext

import personas

pytestmark = pytest.mark.usefixtures("regions_loaded")

LOGIN = "/akun/masuk/"
LOGOUT = "/akun/keluar/"
WRONG = "Wrong username or password. Check both and try again; capital letters matter."


def test_the_login_page_is_in_indonesian_by_default(client: Client) -> None:
    response = client.get(LOGIN)

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "id"
    page = response.content.decode()
    assert 'name="username"' in page
    assert 'name="password"' in page
    assert ">Masuk</h1>" in page
    assert ">Nama pengguna</label>" in page
    assert ">Sandi</label>" in page


def test_a_user_logs_in_and_lands_on_the_home_page(client: Client) -> None:
    user = personas.operator_kota_yogyakarta()

    response = client.post(LOGIN, {"username": user.username, "password": personas.PASSWORD})

    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_after_login_the_user_returns_to_the_page_that_asked_for_it(client: Client) -> None:
    user = personas.dprd_sleman()

    response = client.post(
        f"{LOGIN}?next=/kerja-sama/",
        {"username": user.username, "password": personas.PASSWORD, "next": "/kerja-sama/"},
    )

    assert response.status_code == 302
    assert response.headers["Location"] == "/kerja-sama/"


def test_a_login_never_sends_the_user_to_another_site(client: Client) -> None:
    user = personas.kemendagri()

    response = client.post(
        LOGIN,
        {"username": user.username, "password": personas.PASSWORD,
         "next": "https://example.com/"},
    )  # fmt: skip

    assert response.headers["Location"] == "/"


def test_a_wrong_password_is_refused_with_a_clear_message(client: Client) -> None:
    user = personas.operator_kota_yogyakarta()

    response = client.post(LOGIN, {"username": user.username, "password": "salah"})

    assert response.status_code == 200
    assert gettext(WRONG) in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_unknown_user_gets_the_same_message_as_a_wrong_password(client: Client) -> None:
    response = client.post(LOGIN, {"username": "tidak_ada", "password": "salah"})

    assert response.status_code == 200
    assert gettext(WRONG) in response.content.decode()


def test_a_logged_in_user_opening_the_login_page_goes_home(client: Client) -> None:
    client.force_login(personas.kemendagri())

    response = client.get(LOGIN)

    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_logging_out_ends_the_session(client: Client) -> None:
    client.force_login(personas.biro_pemerintahan_diy())

    response = client.post(LOGOUT)

    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_logging_out_needs_a_post(client: Client) -> None:
    client.force_login(personas.biro_pemerintahan_diy())

    response = client.get(LOGOUT)

    assert response.status_code == 405
    assert "_auth_user_id" in client.session


def render_header(user: object) -> str:
    request = RequestFactory().get("/")
    request.user = user  # type: ignore[attr-defined]
    return render_to_string("accounts/_user.html", {"user": user}, request=request)


def test_the_header_shows_who_is_logged_in_with_role_and_region() -> None:
    html = render_header(personas.dprd_kota_yogyakarta())

    assert "dprd_kota_yogyakarta" in html
    assert "Kota Yogyakarta" in html
    assert gettext("DPRD secretariat") in html
    assert 'action="/akun/keluar/"' in html


def test_the_header_of_a_central_supervisor_names_no_region() -> None:
    html = render_header(personas.kemendagri())

    assert gettext("Central supervisor (Ministry of Home Affairs)") in html
    assert ", " not in html.split("—", 1)[1].split("</span>")[0]


def test_the_header_offers_a_login_link_to_a_visitor() -> None:
    from django.contrib.auth.models import AnonymousUser

    html = render_header(AnonymousUser())

    assert 'href="/akun/masuk/"' in html
    assert "keluar" not in html


def test_the_header_of_a_user_without_a_role_shows_only_the_name() -> None:
    from django.contrib.auth.models import User

    html = render_header(User.objects.create_user("superuser_lama"))

    assert "superuser_lama" in html
    assert "—" not in html
    assert 'action="/akun/keluar/"' in html

"""Passwords are hashed with Argon2 (issue 6, point 8); a PBKDF2 hash from before still logs in
and is replaced by an Argon2 one at that login. The suite runs with the production hashers (no
faster test hasher), so these tests check the real setting."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.hashers import get_hasher, make_password
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "sandi-panjang-untuk-uji"  # noqa: S105 (a test user only)


def test_argon2_is_the_first_hasher_and_pbkdf2_still_checks() -> None:
    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in settings.PASSWORD_HASHERS
    assert get_hasher("default").algorithm == "argon2"


def test_a_new_password_is_stored_as_an_argon2id_hash() -> None:
    user = User.objects.create_user("petugas_baru", password=PASSWORD)

    assert user.password.startswith("argon2$argon2id$")
    assert PASSWORD not in user.password


def test_a_pbkdf2_password_logs_in_and_is_rehashed_with_argon2() -> None:
    user = User.objects.create(
        username="petugas_lama", password=make_password(PASSWORD, hasher="pbkdf2_sha256")
    )
    assert user.password.startswith("pbkdf2_sha256$")
    client = Client()

    response = client.post("/akun/masuk/", {"username": "petugas_lama", "password": PASSWORD})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$")
    assert user.check_password(PASSWORD)

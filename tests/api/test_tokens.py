"""Personal API tokens: made on the account page and shown once, stored only as a hash,
revoked there; a revoked token or one of a disabled user stops working at once."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

import personas
from api.conftest import ApiClient, token_for
from ksd.accounts.models import Role
from ksd.api.models import ApiToken
from pages.records import NOW

TOKEN = re.compile(r"ksd_[A-Za-z0-9_-]{40,}")


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_token_made_on_the_account_page_is_shown_once_and_stored_only_as_its_hash(
    regions_loaded: None,
) -> None:
    client = logged_in(personas.operator_kota_yogyakarta())
    response = client.post("/akun/token-api/", {"name": "Sinkronisasi SIPD"})
    assert response.status_code == 200
    token = TOKEN.search(response.content.decode()).group()
    row = ApiToken.objects.get()
    assert row.name == "Sinkronisasi SIPD"
    assert token not in {row.key_hash, row.prefix, row.name}
    assert token.startswith(row.prefix)
    page = client.get("/akun/token-api/").content.decode()
    assert "Sinkronisasi SIPD" in page
    assert token not in page
    assert ApiClient(token).get("/api/cooperations").status_code == 200
    row.refresh_from_db()
    assert row.last_used_at == NOW


def test_a_revoked_token_stops_working_and_only_its_owner_revokes_it(regions_loaded: None) -> None:
    owner = personas.operator_kota_yogyakarta()
    token = token_for(owner)
    row = ApiToken.objects.get()
    other = logged_in(personas.operator_sleman())
    assert other.post(f"/akun/token-api/{row.pk}/cabut/").status_code == 404
    assert ApiClient(token).get("/api/cooperations").status_code == 200
    assert logged_in(owner).post(f"/akun/token-api/{row.pk}/cabut/").status_code == 302
    response = ApiClient(token).get("/api/cooperations")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def test_the_token_of_a_disabled_user_stops_working(regions_loaded: None) -> None:
    user = personas.operator_kota_yogyakarta()
    token = token_for(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert ApiClient(token).get("/api/cooperations").status_code == 401


def test_an_unknown_or_malformed_token_is_refused_not_read_as_the_public(db: None) -> None:
    for header in ("Bearer ksd_nothing", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer \u00e9"):
        client = ApiClient()
        client.headers["Authorization"] = header
        response = client.get("/api/cooperations")
        assert response.status_code == 401, header
        assert response.json()["code"] == "unauthenticated"


def test_an_account_without_a_role_reads_what_the_public_reads(regions_loaded: None) -> None:
    user = User.objects.create(username="tanpa_peran")
    client = ApiClient(token_for(user))
    assert client.get("/api/cooperations").json()["count"] == 0
    response = client.get("/api/cooperations/1/events")
    assert response.status_code == 403
    assert "belum memiliki peran" in response.json()["message"]


def test_the_account_page_needs_a_login_and_a_name(regions_loaded: None) -> None:
    assert Client().get("/akun/token-api/").status_code == 302
    client = logged_in(personas.persona("operator_x", Role.OPERATOR, "34.71"))
    assert client.post("/akun/token-api/", {"name": "   "}).status_code == 400
    assert not ApiToken.objects.exists()


def test_a_token_over_its_rate_is_told_to_wait(regions_loaded: None, settings: object) -> None:
    settings.API_REQUESTS_PER_MINUTE = 2  # type: ignore[attr-defined]
    cache.clear()
    client = ApiClient(token_for(personas.kemendagri()))
    codes = [client.get("/api/regions/34").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert client.get("/api/regions/34").json()["code"] == "throttled"
    cache.clear()

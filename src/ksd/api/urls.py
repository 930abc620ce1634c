"""The account page's API tokens; the API itself is mounted at /api/ in ksd/urls.py."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.api import account_views

app_name = "api_account"
urlpatterns: list[URLPattern | URLResolver] = [
    path("akun/token-api/", account_views.tokens, name="tokens"),
    path("akun/token-api/<int:pk>/cabut/", account_views.revoke, name="revoke"),
]

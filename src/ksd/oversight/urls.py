"""URLs of the oversight pages (included at the site root), all under pengawasan/."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

app_name = "oversight"
urlpatterns: list[URLPattern | URLResolver] = []

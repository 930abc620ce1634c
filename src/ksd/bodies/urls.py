"""URLs of the bodies app; each app names its own full paths (included at the site root)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

app_name = "bodies"
urlpatterns: list[URLPattern | URLResolver] = []

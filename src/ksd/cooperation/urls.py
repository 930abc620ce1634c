"""URLs of the cooperation app; each app names its own full paths (included at the site root)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

app_name = "cooperation"
urlpatterns: list[URLPattern | URLResolver] = []

"""URLs of the oversight pages (included at the site root), all under pengawasan/."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.oversight import affairs_views

app_name = "oversight"
urlpatterns: list[URLPattern | URLResolver] = [
    path("pengawasan/urusan/", affairs_views.affairs, name="affairs"),
]

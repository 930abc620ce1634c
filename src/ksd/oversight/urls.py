"""URLs of the oversight pages (included at the site root), all under pengawasan/."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.oversight import scorecard_views

app_name = "oversight"
urlpatterns: list[URLPattern | URLResolver] = [
    path("pengawasan/rapor/", scorecard_views.table, name="scorecard"),
    path("pengawasan/rapor/unduh.csv", scorecard_views.export_csv, name="scorecard_csv"),
    path("pengawasan/rapor/unduh.xlsx", scorecard_views.export_xlsx, name="scorecard_xlsx"),
    path("pengawasan/rapor/<str:code>/", scorecard_views.region_card, name="scorecard_region"),
]

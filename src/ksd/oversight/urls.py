"""URLs of the oversight pages (included at the site root), all under pengawasan/."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.oversight import affairs_views, figures_views, mapnet_views, scorecard_views

app_name = "oversight"
urlpatterns: list[URLPattern | URLResolver] = [
    path("pengawasan/", figures_views.dashboard, name="dashboard"),
    path("pengawasan/peta/", mapnet_views.map_page, name="map"),
    path("pengawasan/jaringan/", mapnet_views.network_page, name="network"),
    path("pengawasan/urusan/", affairs_views.affairs, name="affairs"),
    path("pengawasan/rapor/", scorecard_views.table, name="scorecard"),
    path("pengawasan/rapor/unduh.csv", scorecard_views.export_csv, name="scorecard_csv"),
    path("pengawasan/rapor/unduh.xlsx", scorecard_views.export_xlsx, name="scorecard_xlsx"),
    path("pengawasan/rapor/<str:code>/", scorecard_views.region_card, name="scorecard_region"),
]

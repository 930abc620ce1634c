"""URLs of the import and the exports (included at the site root, before cooperation's)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.exchange import views

app_name = "exchange"
urlpatterns: list[URLPattern | URLResolver] = [
    path("kerja-sama/impor/", views.import_upload, name="import_upload"),
    path("kerja-sama/impor/templat.xlsx", views.import_template, name="import_template"),
    path("kerja-sama/impor/<uuid:token>/", views.import_status, name="import_status"),
    path("kerja-sama/impor/<uuid:token>/lanjut/", views.import_advance, name="import_advance"),
    path("kerja-sama/impor/<uuid:token>/setujui/", views.import_confirm, name="import_confirm"),
    path("kerja-sama/ekspor.csv", views.export_csv, name="export_csv"),
    path("kerja-sama/ekspor.xlsx", views.export_xlsx, name="export_xlsx"),
    path("kerja-sama/himpunan/", views.himpunan, name="himpunan"),
    path("publik/himpunan/", views.public_himpunan, name="public_himpunan"),
    path("data-terbuka/kerja-sama.json", views.open_data_json, name="open_data"),
]

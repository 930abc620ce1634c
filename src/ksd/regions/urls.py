"""URLs of the reference pages; each app names its own full paths (included at the site root)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.regions import views

app_name = "regions"
urlpatterns: list[URLPattern | URLResolver] = [
    path("pihak-ketiga/", views.third_parties, name="third_parties"),
    path("pihak-ketiga/baru/", views.new_third_party, name="new_third_party"),
    path("pihak-ketiga/<int:pk>/", views.third_party, name="third_party"),
    path("perangkat-daerah/", views.agencies, name="agencies"),
    path("perangkat-daerah/<int:pk>/", views.agency, name="agency"),
    path("perangkat-daerah/baru/", views.new_agency, name="new_agency"),
    path("pejabat/", views.officials, name="officials"),
    path("pejabat/<int:pk>/", views.official, name="official"),
    path("pejabat/baru/", views.new_official, name="new_official"),
    path("pejabat/surat-kuasa/baru/", views.new_power_of_attorney, name="new_power_of_attorney"),
]

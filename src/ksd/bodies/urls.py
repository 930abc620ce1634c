"""URLs of the bodies app; each app names its own full paths (included at the site root)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.bodies import views

app_name = "bodies"
urlpatterns: list[URLPattern | URLResolver] = [
    path("badan/", views.body_list, name="list"),
    path("badan/<int:pk>/", views.body_detail, name="detail"),
    path("badan/<int:pk>/anggota/", views.add_member, name="add_member"),
    path(
        "badan/<int:pk>/anggota/<int:member_pk>/keluar/",
        views.remove_member,
        name="remove_member",
    ),
    path("badan/<int:pk>/laporan/", views.file_report, name="file_report"),
]

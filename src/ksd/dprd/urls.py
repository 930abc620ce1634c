"""URLs of the dprd app; each app names its own full paths (included at the site root)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.dprd import clock_views, views

app_name = "dprd"
urlpatterns: list[URLPattern | URLResolver] = [
    path("dprd/kerja-sama/<int:pk>/ajukan/", views.submit, name="submit"),
    path("dprd/kerja-sama/<int:pk>/pendapat/", views.opinion, name="opinion"),
    path("dprd/kerja-sama/<int:pk>/penyampaian-kembali/", views.resubmit, name="resubmit"),
    path("dprd/kerja-sama/<int:pk>/keputusan/", views.decide, name="decide"),
    path("pengaturan/batas-waktu-dprd/", clock_views.settings_page, name="clock_settings"),
    path(
        "pengaturan/batas-waktu-dprd/<int:pk>/cabut/",
        clock_views.withdraw,
        name="withdraw_clock_setting",
    ),
]

"""URLs of the monitoring app (included at the site root)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.monitoring import views

app_name = "monitoring"
urlpatterns: list[URLPattern | URLResolver] = [
    path("kerja-sama/<int:pk>/monev/", views.cooperation_monev, name="cooperation"),
    path("kerja-sama/<int:pk>/monev/jadwal/", views.set_schedule, name="schedule"),
    path("kerja-sama/<int:pk>/monev/laporan/", views.file_report, name="report"),
    path("kerja-sama/<int:pk>/monev/kewajiban/", views.add_obligation, name="obligation"),
    path(
        "kerja-sama/<int:pk>/monev/kewajiban/<int:obligation_pk>/selesai/",
        views.mark_done,
        name="done",
    ),
    path(
        "kerja-sama/<int:pk>/monev/laporan/<int:report_pk>/lampiran/",
        views.attach,
        name="attach",
    ),
    path(
        "kerja-sama/<int:pk>/monev/lampiran/<int:attachment_pk>/",
        views.download_attachment,
        name="attachment",
    ),
    path(
        "kerja-sama/<int:pk>/monev/lampiran/<int:attachment_pk>/tarik/",
        views.withdraw_attachment,
        name="withdraw_attachment",
    ),
    path("kerja-sama/<int:pk>/monev/koreksi/", views.correct, name="correct"),
    path("pengawasan/monev/", views.late_list, name="late"),
]

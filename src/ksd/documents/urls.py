"""URLs of the documents app; each app names its own full paths (included at the site root)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.documents import views

app_name = "documents"
urlpatterns: list[URLPattern | URLResolver] = [
    path("dokumen/kerja-sama/<int:pk>/", views.cooperation_documents, name="cooperation"),
    path("dokumen/kerja-sama/<int:pk>/unggah/", views.upload, name="upload"),
    path("dokumen/<int:pk>/", views.download, name="download"),
    path("dokumen/<int:pk>/bagikan/", views.share, name="share"),
    path("dokumen/<int:pk>/terbitkan/", views.publish, name="publish"),
    path("publik/dokumen/<int:pk>/", views.public_download, name="public_download"),
]

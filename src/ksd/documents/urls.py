"""URLs of the documents app; each app names its own full paths (included at the site root)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.documents import views
from ksd.documents.drafting import views as drafting

app_name = "documents"
urlpatterns: list[URLPattern | URLResolver] = [
    path("dokumen/kerja-sama/<int:pk>/", views.cooperation_documents, name="cooperation"),
    path("dokumen/kerja-sama/<int:pk>/unggah/", views.upload, name="upload"),
    path("dokumen/<int:pk>/", views.download, name="download"),
    path("dokumen/<int:pk>/bagikan/", views.share, name="share"),
    path("dokumen/<int:pk>/terbitkan/", views.publish, name="publish"),
    path("publik/dokumen/<int:pk>/", views.public_download, name="public_download"),
    path("dokumen/kerja-sama/<int:pk>/susun/", drafting.draft, name="draft"),
    path("dokumen/<int:pk>/pemeriksaan-isi/", drafting.text_check, name="text_check"),
    path("dokumen/templat/", drafting.templates, name="templates"),
]

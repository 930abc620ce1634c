from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from ksd.api.main import api
from ksd.core import views as core_views

# Error pages in the visitor's language, with the site's navigation (core/error_pages.py).
handler400 = "ksd.core.error_pages.bad_request"
handler403 = "ksd.core.error_pages.permission_denied"
handler404 = "ksd.core.error_pages.page_not_found"
handler500 = "ksd.core.error_pages.server_error"

admin.site.site_header = _("KSD administration")
admin.site.site_title = _("KSD administration")
admin.site.index_title = _("Data administration")

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz/", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    # set_language: the language switch posts here and the choice is kept in a cookie.
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # Each app names its own paths (akun/, kerja-sama/, publik/, dprd/, dokumen/, badan/).
    path("", include("ksd.accounts.urls")),
    path("", include("ksd.exchange.urls")),
    path("", include("ksd.cooperation.urls")),
    path("", include("ksd.dprd.urls")),
    path("", include("ksd.documents.urls")),
    path("", include("ksd.bodies.urls")),
    path("", include("ksd.regions.urls")),
    path("", include("ksd.api.urls")),
    # The JSON API, its schema (/api/openapi.json) and docs page (/api/docs): docs/api.md.
    path("api/", api.urls),
    path("", include("ksd.reminders.urls")),
    path("", include("ksd.oversight.urls")),
    path("", include("ksd.monitoring.urls")),
]

"""KSD's JSON API (django-ninja): the schema at /api/openapi.json, its docs page at /api/docs,
served with Swagger UI from KSD's own static files (ninja's bundled copy, since "ninja" is an
installed app): no request leaves the server."""

from __future__ import annotations

from ninja import NinjaAPI

from ksd.api import errors, read, steps
from ksd.api.auth import KsdAuth

api = NinjaAPI(
    title="KSD API",
    version="1",
    description=(
        "Sistem Informasi Kerja Sama Daerah. Kirim token pribadi sebagai "
        "`Authorization: Bearer <token>` (buat di /akun/token-api/). Tanpa token: register "
        "publik. Semua penolakan: `{code, message, citations[], errors[]}`. See docs/api.md."
    ),
    auth=KsdAuth(),
    urls_namespace="api",
)
errors.install(api)
api.add_router("", read.router)
api.add_router("", steps.router)

"""KSD's JSON API (django-ninja): the schema at /api/openapi.json, its docs page at /api/docs,
served with Swagger UI from KSD's own static files (ninja's bundled copy, since "ninja" is an
installed app): no request leaves the server."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from ninja import NinjaAPI, Swagger
from ninja.parser import Parser

from ksd.api import errors, read, steps
from ksd.api.auth import KsdAuth


class JsonWithoutNul(Parser):
    """JSON bodies, refusing a NUL character anywhere (PostgreSQL cannot store it in text, as
    core/middleware.py explains for forms and query strings): a 400, nothing read further."""

    def parse_body(self, request: HttpRequest) -> Any:
        data = json.loads(request.body)
        if _has_nul(data):
            raise ValueError("NUL")
        return data


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


api = NinjaAPI(
    parser=JsonWithoutNul(),
    title="KSD API",
    version="1",
    description=(
        "Sistem Informasi Kerja Sama Daerah. Kirim token pribadi sebagai "
        "`Authorization: Bearer <token>` (buat di /akun/token-api/). Tanpa token: register "
        "publik. Semua penolakan: `{code, message, citations[], errors[]}`. See docs/api.md."
    ),
    auth=KsdAuth(),
    # No validator badge: Swagger UI would fetch it from validator.swagger.io for any host but
    # localhost, and KSD's pages never call out.
    docs=Swagger(settings={"validatorUrl": None}),
    urls_namespace="api",
)
errors.install(api)
api.add_router("", read.router)
api.add_router("", steps.router)

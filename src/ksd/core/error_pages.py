"""The 400, 403, 404 and 500 pages, in the visitor's language (Bahasa Indonesia by default) and
with the site's navigation (templates/errors/, extending base.html).

The 500 page is rendered without the request's context processors: they would read the session
and the user from the database, which may be what failed. If even that template cannot be
rendered, a fixed page in both languages is returned.
"""

from __future__ import annotations

import logging

from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

# The last resort of the 500 page: no template, no translation machinery, no database.
FALLBACK_500 = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>KSD — Kesalahan server</title></head>
<body><h1>Terjadi kesalahan pada server</h1>
<p>Permintaan Anda tidak dapat diselesaikan. Tidak ada yang berubah karena kesalahan ini.
Coba lagi nanti; jika terulang, beri tahu administrator KSD.</p>
<p lang="en">A server error occurred. Nothing was changed by it. Try again later; if it happens
again, tell your KSD administrator.</p>
<p><a href="/">KSD</a> · <a href="/publik/">Register publik</a></p></body></html>
"""


def _message(exception: Exception | None) -> str:
    """The message an exception was raised with, if it was given one meant for the user."""
    if exception is None or not exception.args:
        return ""
    message = exception.args[0]
    return message if isinstance(message, str) else ""


@requires_csrf_token
def bad_request(
    request: HttpRequest, exception: Exception | None = None, message: str = ""
) -> HttpResponse:
    body = loader.render_to_string("errors/400.html", {"message": message}, request=request)
    return HttpResponseBadRequest(body)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    body = loader.render_to_string(
        "errors/403.html", {"message": _message(exception)}, request=request
    )
    return HttpResponseForbidden(body)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    body = loader.render_to_string(
        "errors/404.html", {"request_path": request.path}, request=request
    )
    return HttpResponseNotFound(body)


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        body = loader.get_template("errors/500.html").render({})
    except Exception:  # the error page itself must not fail
        logger.exception("The 500 page could not be rendered; the fixed page was sent instead")
        body = FALLBACK_500
    return HttpResponseServerError(body)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its security token (an expired page, cookies switched off)."""
    body = loader.render_to_string(
        "errors/403.html",
        {"message": _(
            "The form could not be accepted because its security check failed: the page may "
            "have been open too long, or your browser refuses cookies. Open the page again "
            "and send the form once more."
        )},
        request=request,
    )  # fmt: skip
    return HttpResponseForbidden(body)

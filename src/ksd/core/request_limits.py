"""A cap on request bodies, checked before anything reads them.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE only limits what it keeps in memory while it parses a form:
a file part of any size is still streamed to the temporary folder first. This middleware runs
before every other one and refuses a request whose declared Content-Length is over the limit
with 413 (Content Too Large) and a short page in the user's language, so no byte of the body is
read. Only the document upload (settings.UPLOAD_PATHS) takes the larger UPLOAD_BODY_LIMIT.

A body sent without a Content-Length (chunked) is not read by Django at all: WSGI servers hand
Django only what the header declares.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from ksd.core.language import chosen_language


@cache
def _upload_paths() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern) for pattern in settings.UPLOAD_PATHS)


def body_limit(path: str) -> int:
    """The largest body, in bytes, a request to `path` may carry."""
    if any(pattern.match(path) for pattern in _upload_paths()):
        return int(settings.UPLOAD_BODY_LIMIT)
    return int(settings.REQUEST_BODY_LIMIT)


def declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django reads no body when the header is not a number


class RequestBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = body_limit(request.path_info)
        if declared_length(request) > limit:
            return too_large(request, limit)
        return self.get_response(request)


def too_large(request: HttpRequest, limit: int) -> HttpResponse:
    # The language middleware has not run yet: take the language the way it would.
    language = chosen_language(request)
    with translation.override(language):
        megabytes = max(1, limit // (1024 * 1024))
        page = render_to_string(
            "core/request_too_large.html",
            {"megabytes": megabytes, "LANGUAGE_CODE": translation.get_language()},
        )
    response = HttpResponse(page, status=413)
    response["Content-Language"] = language
    response["Content-Length"] = str(len(response.content))
    return response

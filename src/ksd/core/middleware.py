"""Input no part of KSD can store or search is refused at the door, with a clear page and
status 400.

A NUL character (\\x00) is valid in a URL (%00) and a form field, but PostgreSQL cannot hold
it in text and answers any query that carries one with an error; SQLite stores it. Forms
already refuse it field by field (Django's ProhibitNullCharactersValidator), but a search box
read straight from the query string, an admin filter or a session cookie are not forms. This
middleware refuses the whole request instead, before any view or query sees it.

A query-string value is a search term, a filter or a page number: none needs more than
MAX_QUERY_VALUE characters, and a longer one would only reach the database as a LIKE pattern
(SQLite refuses patterns over 50,000 bytes with an error). Form fields posted are limited by
each form's own max_length, which says which field is too long.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from ksd.core.error_pages import bad_request

NUL = "\x00"
MAX_QUERY_VALUE = 1000


def _any_nul(texts: Iterable[str]) -> bool:
    return any(NUL in text for text in texts)


def _pairs(query: object) -> Iterable[str]:
    for key, values in query.lists():  # type: ignore[attr-defined]
        yield key
        yield from (v for v in values if isinstance(v, str))


def nul_in(request: HttpRequest) -> bool:
    """Whether the path, query string, form fields, uploaded file names or cookies carry NUL."""
    if NUL in request.path or _any_nul(_pairs(request.GET)):
        return True
    if _any_nul(f"{k}{v}" for k, v in request.COOKIES.items()):
        return True
    if request.method == "POST":
        if _any_nul(_pairs(request.POST)):
            return True
        return _any_nul(
            f"{key}{upload.name or ''}"
            for key, uploads in request.FILES.lists()
            for upload in uploads
        )
    return False


def query_too_long(request: HttpRequest) -> bool:
    return any(len(text) > MAX_QUERY_VALUE for text in _pairs(request.GET))


def _refuse(request: HttpRequest, message: str) -> HttpResponse:
    """KSD's 400 page, or for the JSON API its error shape (api/errors.py)."""
    if request.path.startswith("/api/"):
        body = {"code": "bad_request", "message": message, "citations": [], "errors": []}
        return JsonResponse(body, status=400)
    return bad_request(request, message=message)


class RefuseUnusableInputMiddleware:
    """Answers 400 with a page in the visitor's language to a request that carries NUL, or a
    query-string value too long to be a search term."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if nul_in(request):
            if _any_nul(f"{k}{v}" for k, v in request.COOKIES.items()):
                # The session cookie itself may carry it: never look a session up with it. An
                # empty session makes the page anonymous, and the bad cookie is deleted on the
                # way out.
                request.session = import_module(settings.SESSION_ENGINE).SessionStore()
            return _refuse(
                request,
                _(
                    "The request contains a NUL character (\\0), which KSD cannot accept, so "
                    "nothing was changed. Remove it from what you typed or pasted and try again."
                ),
            )
        if query_too_long(request):
            return _refuse(
                request,
                _(
                    "A search or filter value in the address is longer than %(limit)d "
                    "characters, so it was not used. Shorten it and try again."
                )
                % {"limit": MAX_QUERY_VALUE},
            )
        return self.get_response(request)

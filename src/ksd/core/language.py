"""The page language: Bahasa Indonesia unless the visitor chose English with the language switch.

Office computers are often set up in English, so the browser's Accept-Language says nothing
about what the officer wants to read; Django's LocaleMiddleware would follow it. KSD follows only
the choice made on the page (Django's set_language view, kept in the language cookie for a
year, LANGUAGE_COOKIE_AGE), and otherwise settings.LANGUAGE_CODE. The JSON API is the one
exception: a program calling it says which language it wants in Accept-Language (docs/api.md).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


def chosen_language(request: HttpRequest) -> str:
    """The language chosen with the switch, when it is one KSD offers; else the default."""
    choice = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    offered = {code for code, _name in settings.LANGUAGES}
    return choice if choice in offered else settings.LANGUAGE_CODE


class LanguageMiddleware:
    """In place of django.middleware.locale.LocaleMiddleware (KSD has no language in its paths)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        is_api = request.path.startswith("/api/")
        if is_api and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            translation.activate(translation.get_language_from_request(request))
        else:
            translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        # The page differs by the language cookie, not by Accept-Language.
        patch_vary_headers(response, ("Cookie", "Accept-Language") if is_api else ("Cookie",))
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response

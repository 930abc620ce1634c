"""One error shape for every refusal of the API, in the caller's language:

    {"code": "step_refused", "message": "...", "citations": ["PP 50/2007 Pasal 9"],
     "errors": [{"field": "signed_on", "message": "..."}]}

`code` is stable (docs/api.md); `errors` lists the fields of a 422. No input gives a 500.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from ksd.core.errors import StepRefused

logger = logging.getLogger(__name__)


class FieldError(Schema):
    field: str
    message: str


class Error(Schema):
    code: str
    message: str
    citations: list[str] = Field(default_factory=list)
    errors: list[FieldError] = Field(default_factory=list)


# The answers every endpoint may give besides its own.
COMMON = {400: Error, 401: Error, 403: Error, 404: Error, 422: Error, 429: Error}

CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 429: "throttled"}  # fmt: skip


def error(api: NinjaAPI, request: HttpRequest, status: int, code: str, message: str,
          citations: list[str] | None = None, errors: list[dict[str, str]] | None = None,
          ) -> HttpResponse:  # fmt: skip
    body = {"code": code, "message": message, "citations": citations or [],
            "errors": errors or []}  # fmt: skip
    return api.create_response(request, body, status=status)


def _field_message(item: dict[str, Any]) -> str:
    """pydantic's error, said in the caller's language."""
    kind = item.get("type", "")
    context = item.get("ctx") or {}
    if kind == "form":  # a Django form's message, already in the caller's language
        return str(item.get("msg", ""))
    if kind == "missing":
        return _("This field is required.")
    if kind.startswith(("date_", "datetime_")):
        return _("Enter a valid date (YYYY-MM-DD).")
    if kind.startswith(("int_", "float_")) or kind in ("greater_than_equal", "less_than_equal"):
        if "ge" in context:
            return _("Enter a whole number of at least %(min)s.") % {"min": context["ge"]}
        if "le" in context:
            return _("Enter a whole number of at most %(max)s.") % {"max": context["le"]}
        return _("Enter a whole number.")
    if kind.startswith("bool_"):
        return _("Enter true or false.")
    if kind in ("literal_error", "enum"):
        return _("Choose one of: %(choices)s.") % {"choices": context.get("expected", "")}
    if kind == "string_too_long":
        return _("Too long: at most %(max)s characters.") % {"max": context.get("max_length", "")}
    if kind == "json_invalid":
        return _("The request body is not valid JSON.")
    if kind.endswith("_type"):
        return _("This value has the wrong type.")
    return _("This value is not valid.")


def _field_name(location: list[Any]) -> str:
    # ninja's location is (source, parameter model name, field, ...): the caller knows the field.
    parts = [str(p) for p in location]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie", "form"):
        parts = parts[1:]
        if len(parts) > 1 and parts[0] in ("payload", "filters", "data"):
            parts = parts[1:]
    return ".".join(parts) or "body"


def install(api: NinjaAPI) -> None:
    """Every refusal in the error shape, in the caller's language."""

    def refused(request: HttpRequest, exc: StepRefused) -> HttpResponse:
        citations = [exc.citation] if exc.citation else []
        return error(api, request, 400, "step_refused", exc.message, citations)

    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [{"field": _field_name(list(e.get("loc", []))), "message": _field_message(e)}
                  for e in exc.errors]  # fmt: skip
        return error(api, request, 422, "invalid", _("Some values are not valid."), errors=errors)

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        status = exc.status_code
        message = str(exc)
        if isinstance(exc, AuthenticationError) and message == "Unauthorized":
            message = _("Log in, or send a personal API token (Authorization: Bearer …).")
        elif status == 400:  # ninja could not read the body at all
            return error(api, request, 400, "invalid_body",
                         _("The request body could not be read: send JSON, without NUL "
                           "characters (\\0)."))  # fmt: skip
        return error(api, request, status, CODES.get(status, "error"), message)

    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error(api, request, 404, "not_found", _("Not found, or not visible to you."))

    def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
        message = str(exc) or _("Your role does not allow this.")
        return error(api, request, 403, "forbidden", message)

    def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path)
        return error(api, request, 500, "server_error",
                     _("Something went wrong on the server; nothing was changed."))  # fmt: skip

    api.add_exception_handler(StepRefused, refused)
    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(PermissionDenied, forbidden)
    api.add_exception_handler(Exception, unexpected)

"""The account page's API tokens: create one (shown once), see name, creation and last use,
revoke. Any logged-in account may hold tokens; a token sees what its user sees."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from ksd.api.models import ApiToken
from ksd.api.tokens import create_token, revoke_token
from ksd.core import clock
from ksd.core.access import LOGIN_URL
from ksd.core.errors import StepRefused


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name of the new token"), max_length=100,
        help_text=gettext_lazy("Where it is used, e.g. “SIPD sync” or “dashboard Bappeda”."),
    )  # fmt: skip


@login_required(login_url=LOGIN_URL)
@require_http_methods(["GET", "HEAD", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            _row, created = create_token(request.user, form.cleaned_data["name"], now=clock.now())
        except StepRefused as refused:
            form.add_error(None, refused.message)
        else:
            form = TokenForm()
    rows = ApiToken.objects.filter(user=request.user).order_by("-created_at", "-id")[:100]
    status = 400 if form.errors else 200
    return render(request, "api/tokens.html",
                  {"form": form, "created": created, "tokens": rows}, status=status)  # fmt: skip


@login_required(login_url=LOGIN_URL)
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    if not revoke_token(request.user, pk, now=clock.now()):
        raise Http404
    messages.success(request, _("The token has been revoked; it no longer works."))
    return redirect("api_account:tokens")

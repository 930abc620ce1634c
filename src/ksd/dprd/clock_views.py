"""The administrator's page for PP 28/2018's DPRD clocks of KSDD/KSDPK (issue 7 point 10)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ksd.core import clock
from ksd.core.access import member_required
from ksd.core.errors import StepRefused
from ksd.dprd import clock_settings
from ksd.dprd.clock_forms import ClockSettingForm, WithdrawForm
from ksd.dprd.models import ClockSetting, ClockSettingChange

logged_in = member_required  # logged in, with a role (core/access.py)


def _page(
    request: HttpRequest, form: ClockSettingForm, withdraw: WithdrawForm, status: int
) -> HttpResponse:
    today = clock.today_in()
    return render(
        request,
        "dprd/clock_settings.html",
        {"form": form, "withdraw": withdraw, "current": clock_settings.clocks_on(today),
         "settings": ClockSetting.objects.select_related("created_by"),
         "changes": ClockSettingChange.objects.select_related("actor", "setting")[:50],
         "article": clock_settings.ARTICLE, "today": today},
        status=status,
    )  # fmt: skip


@logged_in
@require_http_methods(["GET", "HEAD", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    """GET: the values in force and their history; POST: enter new values."""
    if not clock_settings.may_set_clocks(request.user):
        raise PermissionDenied
    form = ClockSettingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            clock_settings.set_clocks(
                actor=request.user, in_force_from=d["in_force_from"],
                assessment=d["assessment"], opinion=d["opinion"], revision=d["revision"],
                deemed_approval=d["deemed_approval"], decree_number=d["decree_number"],
                decree_date=d["decree_date"], note=d["note"], now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The DPRD clocks have been recorded."))
            return redirect("dprd:clock_settings")
    status = 400 if form.is_bound else 200
    return _page(request, form, WithdrawForm(), status)


@logged_in
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    if not clock_settings.may_set_clocks(request.user):
        raise PermissionDenied
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            clock_settings.withdraw_clocks(
                pk, actor=request.user, reason=form.cleaned_data["reason"], now=clock.now()
            )
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The entry has been withdrawn."))
            return redirect("dprd:clock_settings")
    return _page(request, ClockSettingForm(), form, 400)

"""The regional administrator's people page and the invitation link (accounts/people.py)."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ksd.accounts import people
from ksd.accounts.people_forms import KIND_LABELS, AcceptForm, InviteForm
from ksd.core import clock
from ksd.core.access import is_administrator, member_required
from ksd.core.errors import StepRefused
from ksd.regions.models import Region

log = logging.getLogger(__name__)


def _manager(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - member_required let only a user in
    return user


@member_required
@require_safe
def my_people(request: HttpRequest) -> HttpResponse:
    """A regional administrator's own region; anyone else has no region to manage here."""
    code = people.managed_region(request.user)
    if code is None:
        raise PermissionDenied(_("You are not the administrator of a region."))
    return redirect("accounts:people", code=code)


def _render(
    request: HttpRequest, region: Region, form: InviteForm | None = None, status: int = 200,
    link: str = "",
) -> HttpResponse:  # fmt: skip
    user = _manager(request)
    context: dict[str, Any] = {
        "region": region,
        "people": people.people_of(region.code),
        "invitations": people.pending_invitations(region.code, now=clock.now()),
        "form": form or InviteForm(kinds=people.kinds_for(user), initial={
            "kind": request.GET.get("sebagai", people.KIND_OPERATOR)}),
        "invitation_link": link,
        "me": user.pk,
        "is_admin": is_administrator(user),
        "days": people.INVITATION_DAYS,
    }  # fmt: skip
    return render(request, "accounts/people.html", context, status=status)


@member_required
@require_safe
def region_people(request: HttpRequest, code: str) -> HttpResponse:
    people.require_manager(request.user, code)
    return _render(request, get_object_or_404(Region, code=code))


@member_required
@require_POST
def invite(request: HttpRequest, code: str) -> HttpResponse:
    user = _manager(request)
    people.require_manager(user, code)
    region = get_object_or_404(Region, code=code)
    form = InviteForm(request.POST, kinds=people.kinds_for(user))
    if not form.is_valid():
        return _render(request, region, form, status=400)
    try:
        invitation, token = people.invite(
            user, region_code=code, email=form.cleaned_data["email"],
            kind=form.cleaned_data["kind"], now=clock.now(),
        )  # fmt: skip
    except StepRefused as refused:
        form.add_error(None, refused.message)
        return _render(request, region, form, status=400)
    link = request.build_absolute_uri(reverse("accounts:accept", args=[token]))
    try:
        send_mail(
            _("Invitation to KSD for %(region)s") % {"region": region.name},
            _(
                "%(inviter)s invites you to KSD as: %(kind)s, %(region)s.\n\n"
                "Open this link to choose your username and password (valid for %(days)d days, "
                "once):\n%(link)s\n"
            )
            % {
                "inviter": user.get_full_name() or user.username,
                "kind": KIND_LABELS[form.cleaned_data["kind"]],
                "region": region.name,
                "link": link,
                "days": people.INVITATION_DAYS,
            },
            settings.DEFAULT_FROM_EMAIL,
            [invitation.email],
        )
    except Exception:  # the mail server refused or is down: the link is still shown below
        log.exception("invitation %s not mailed", invitation.pk)
        messages.warning(
            request,
            _("The e-mail could not be sent. Give the link below to %(email)s yourself.")
            % {"email": invitation.email},
        )
        return _render(request, region, link=link)
    messages.success(
        request,
        _("The invitation was sent to %(email)s.") % {"email": invitation.email},
    )
    return _render(request, region, link=link)


@member_required
@require_POST
def revoke(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    if people.revoke(_manager(request), pk, region_code=code, now=clock.now()):
        messages.success(request, _("The invitation was withdrawn."))
    return redirect("accounts:people", code=code)


@member_required
@require_POST
def set_active(request: HttpRequest, code: str, user_id: int) -> HttpResponse:
    active = request.POST.get("active") == "1"
    try:
        membership = people.set_active(
            _manager(request), user_id, region_code=code, active=active, now=clock.now()
        )
    except StepRefused as refused:
        messages.error(request, refused.message)
        return redirect("accounts:people", code=code)
    name = membership.user.get_full_name() or membership.user.username
    if active:
        messages.success(request, _("%(name)s can log in again.") % {"name": name})
    else:
        messages.success(request, _("%(name)s can no longer log in.") % {"name": name})
    return redirect("accounts:people", code=code)


@require_http_methods(["GET", "HEAD", "POST"])
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """The invitee's page: open to anyone holding a valid link."""
    now = clock.now()
    try:
        invitation = people.open_invitation(token, now=now)
    except people.Refusal as refusal:
        return render(request, "accounts/invitation_refused.html", {"message": refusal.message},
                      status=404)  # fmt: skip
    form = AcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            people.accept(
                token, username=data["username"], password=data["password1"],
                first_name=data["first_name"], last_name=data["last_name"], now=now,
            )  # fmt: skip
        except people.Refusal as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Your account is ready. Log in with your new password."))
            return redirect("accounts:login")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/accept.html", {"invitation": invitation, "form": form},
                  status=status)  # fmt: skip

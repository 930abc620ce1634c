"""The account page (e-mail reminders and the calendar address) and the calendar feed."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ksd.accounts.people import managed_region
from ksd.core import clock
from ksd.core.access import member_required
from ksd.reminders import calendar
from ksd.reminders.models import ReminderProfile


class ProfileForm(forms.ModelForm):
    email = forms.EmailField(label=gettext_lazy("E-mail"), max_length=254, required=False)

    class Meta:
        model = ReminderProfile
        fields = ("language", "wants_digest")


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - member_required let only a user in
    return user


@member_required
@require_http_methods(["GET", "HEAD", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    profile = calendar.profile_of(user)
    form = ProfileForm(request.POST or None, instance=profile, initial={"email": user.email})
    if request.method == "POST" and form.is_valid():
        form.save()
        user.email = form.cleaned_data["email"]
        user.save(update_fields=["email"])
        messages.success(request, _("Your reminder settings are saved."))
        return redirect("reminders:account")
    feed = request.build_absolute_uri(
        reverse("reminders:feed", args=[calendar.feed_token(profile)])
    )
    return render(
        request, "reminders/account.html",
        {"form": form, "feed_url": feed, "managed_region": managed_region(user)},
        status=400 if request.method == "POST" else 200,
    )  # fmt: skip


@member_required
@require_POST
def renew_feed(request: HttpRequest) -> HttpResponse:
    calendar.renew(calendar.profile_of(_user(request)))
    messages.success(request, _("Your calendar has a new address; the old one no longer works."))
    return redirect("reminders:account")


@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """Open to whoever holds the secret address (calendar programs send no session)."""
    user = calendar.user_for_token(token)
    if user is None:
        raise Http404
    now = clock.now()
    profile = calendar.profile_of(user)
    body = calendar.feed(user, today=clock.today_in(), now=now, language=profile.language)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="ksd.ics"'
    response["Cache-Control"] = "private, no-store"
    return response

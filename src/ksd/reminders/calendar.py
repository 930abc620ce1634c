"""The personal calendar feed (ICS): a user's deadlines behind a secret address.

The address carries the user's id and their profile's calendar key, signed with the site's
secret key: a stolen database alone does not give the addresses, and renewing the key (on the
account page) makes the old address answer 404 at once."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core import signing
from django.utils import translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from ksd.accounts.models import Role
from ksd.cooperation.articles import article_of
from ksd.cooperation.models import EventKind, Stage
from ksd.core.access import has_role, visible_cooperations
from ksd.reminders.models import ReminderProfile, new_calendar_key
from ksd.reminders.sending import site_link
from ksd.reminders.waiting import waiting_for

_SALT = "ksd.reminders.calendar"
# How far ahead the feed lists agreements' end dates.
ENDS_WITHIN = dt.timedelta(days=366)


def profile_of(user: User) -> ReminderProfile:
    profile, _created = ReminderProfile.objects.get_or_create(user=user)
    return profile


def feed_token(profile: ReminderProfile) -> str:
    return signing.dumps({"u": profile.user_id, "k": profile.calendar_key}, salt=_SALT)


def renew(profile: ReminderProfile) -> None:
    profile.calendar_key = new_calendar_key()
    profile.save(update_fields=["calendar_key"])


def user_for_token(token: str) -> User | None:
    """The active user a feed address belongs to, or None (forged, renewed, disabled)."""
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    profile = (
        ReminderProfile.objects.select_related("user", "user__membership")
        .filter(user_id=data["u"], user__is_active=True)
        .first()
    )
    if profile is None or not constant_time_compare(profile.calendar_key, str(data.get("k"))):
        return None
    if not has_role(profile.user):
        return None
    return profile.user


def feed(user: User, *, today: dt.date, now: dt.datetime, language: str) -> bytes:
    """The user's deadlines as an iCalendar file: each open task's legal deadline, and for an
    operator the end dates of its region's agreements within a year."""
    with translation.override(language):
        calendar = Calendar()
        calendar.add("prodid", "-//KSD//Sistem Informasi Kerja Sama Daerah//ID")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", _("KSD deadlines"))
        for item in waiting_for(user, today=today):
            if item.due_on is None:
                continue
            summary = f"{item.deadline_label}: {item.cooperation.title}"
            description = f"{item.label} ({item.citation})"
            calendar.add_component(
                _event(f"{item.key}@ksd", summary, description, item.due_on,
                       site_link(item.path), now)
            )  # fmt: skip
        membership = getattr(user, "membership", None)
        if membership is not None and membership.role == Role.OPERATOR:
            ending = (
                visible_cooperations(user)
                .filter(stage__in=(Stage.SIGNED, Stage.IMPLEMENTING), ends_on__gte=today,
                        ends_on__lte=today + ENDS_WITHIN)
                .order_by("ends_on", "pk")
            )  # fmt: skip
            for cooperation in ending:
                assert cooperation.ends_on is not None  # noqa: S101 - filtered above
                calendar.add_component(
                    _event(
                        f"{cooperation.pk}:ends@ksd",
                        _("Agreement ends: %(title)s") % {"title": cooperation.title},
                        article_of(cooperation, EventKind.EXPIRED),
                        cooperation.ends_on,
                        site_link(f"/kerja-sama/{cooperation.pk}/"),
                        now,
                    )
                )
    return calendar.to_ical()


def _event(
    uid: str, summary: str, description: str, day: dt.date, url: str, now: dt.datetime
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", f"{description}\n{url}")
    event.add("url", url)
    return event

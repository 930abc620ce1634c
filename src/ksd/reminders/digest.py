"""The daily digest: for each user with an e-mail address, what waits for them, what is due
within REMINDER_WORKING_DAYS working days and what is overdue, each with its article and a direct
link; in the user's language; at most once a day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from ksd.accounts.models import Role
from ksd.core.clock import date_in
from ksd.core.dates import show
from ksd.reminders.models import ReminderProfile, SentReminder
from ksd.reminders.sending import claim, send_once, site_link
from ksd.reminders.waiting import Waiting, waiting_for

# The roles whose work waits in a region (the supervisors' oversight comes with the dashboards).
DIGEST_ROLES = (Role.OPERATOR, Role.DPRD, Role.PEMBINA_PROVINSI)


@dataclass
class Digest:
    overdue: list[Waiting] = field(default_factory=list)
    due_soon: list[Waiting] = field(default_factory=list)
    waiting: list[Waiting] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.overdue) + len(self.due_soon) + len(self.waiting)


def digest_for(user: User, *, today: dt.date) -> Digest:
    digest = Digest()
    soon = settings.REMINDER_WORKING_DAYS
    for item in waiting_for(user, today=today):
        if item.is_overdue:
            digest.overdue.append(item)
        elif item.working_days_left is not None and item.working_days_left <= soon:
            digest.due_soon.append(item)
        else:
            digest.waiting.append(item)
    return digest


def language_of(user: User) -> str:
    profile = ReminderProfile.objects.filter(user=user).only("language").first()
    return profile.language if profile else settings.LANGUAGE_CODE


def render_digest(user: User, digest: Digest, *, today: dt.date, language: str) -> tuple[str, str]:
    """(subject, body) in `language`."""
    with translation.override(language):
        rows = {
            name: [_line(item) for item in items]
            for name, items in (
                ("overdue", digest.overdue), ("due_soon", digest.due_soon),
                ("waiting", digest.waiting),
            )
        }  # fmt: skip
        subject = _("KSD: %(count)d waiting for you on %(date)s") % {
            "count": digest.count,
            "date": show(today),
        }
        body = render_to_string(
            "reminders/digest.txt",
            {"user": user, "rows": rows, "days": settings.REMINDER_WORKING_DAYS,
             "today": show(today), "account": site_link("/akun/saya/")},
        )  # fmt: skip
    return subject, body


def _line(item: Waiting) -> dict[str, str]:
    due = ""
    if item.due_on is not None and item.working_days_left is not None:
        if item.is_overdue and item.working_days_left == 0:
            due = _("%(label)s %(date)s, passed; no working day since") % {
                "label": item.deadline_label, "date": show(item.due_on),
            }  # fmt: skip
        elif item.is_overdue:
            due = _("%(label)s %(date)s, %(days)d working days ago") % {
                "label": item.deadline_label, "date": show(item.due_on),
                "days": -item.working_days_left,
            }  # fmt: skip
        else:
            due = _("%(label)s %(date)s, in %(days)d working days") % {
                "label": item.deadline_label, "date": show(item.due_on),
                "days": item.working_days_left,
            }  # fmt: skip
    return {
        "title": item.cooperation.title, "what": item.label, "due": due,
        "citation": item.citation, "link": site_link(item.path),
    }  # fmt: skip


def recipients(today: dt.date) -> list[User]:
    """Active users of a region with an e-mail address who want the digest and have not had
    today's: one query."""
    done = SentReminder.objects.filter(kind=SentReminder.Kind.DIGEST, on=today).values("user_id")
    return list(
        User.objects.filter(
            is_active=True, membership__role__in=DIGEST_ROLES, membership__region__isnull=False,
            membership__disabled_at__isnull=True,
        ).exclude(email="").exclude(pk__in=done)
        .exclude(Q(reminder_profile__wants_digest=False))
        .select_related("membership", "reminder_profile").order_by("pk")
    )  # fmt: skip


def send_digests(*, now: dt.datetime) -> int:
    """Each recipient's digest of today, once; from KSD_DIGEST_HOUR (WIB) on. Returns how many
    e-mails went out."""
    local = now.astimezone(dt.timezone(dt.timedelta(hours=7)))
    if local.hour < settings.REMINDER_DIGEST_HOUR:
        return 0
    today = date_in(now)
    sent = 0
    for user in recipients(today):
        digest = digest_for(user, today=today)
        if digest.count == 0:
            claim(user, SentReminder.Kind.DIGEST, "", today, now=now, will_send=False)
            continue
        profile = getattr(user, "reminder_profile", None)
        language = profile.language if profile else settings.LANGUAGE_CODE
        title, body = render_digest(user, digest, today=today, language=language)
        if send_once(user, SentReminder.Kind.DIGEST, "", today, title=title, body=body, now=now):
            sent += 1
    return sent

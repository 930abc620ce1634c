"""Send a reminder once: the sent-log row is claimed first (its unique key refuses a second
claim, whichever process tries), then the e-mail goes out; if sending fails, the claim is
dropped so the next run tries again."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction

from ksd.reminders.models import SentReminder

log = logging.getLogger(__name__)


def claim(user: User, kind: str, subject: str, on: dt.date, *, now: dt.datetime,
          will_send: bool = True) -> SentReminder | None:  # fmt: skip
    """The new sent-log row, or None when this reminder was already claimed."""
    try:
        with transaction.atomic():
            return SentReminder.objects.create(
                user=user, kind=kind, subject=subject, on=on, sent_at=now, was_sent=will_send
            )
    except IntegrityError:
        return None


def send_once(
    user: User, kind: str, subject: str, on: dt.date, *, title: str, body: str, now: dt.datetime
) -> bool:
    """Mail `title` and `body` to `user` unless this (user, kind, subject, date) went before."""
    row = claim(user, kind, subject, on, now=now)
    if row is None:
        return False
    try:
        EmailMessage(title, body, settings.DEFAULT_FROM_EMAIL, [user.email]).send()
    except Exception:  # any transport error: keep the job running for the other users
        log.exception("reminder to %s not sent; will retry", user.pk)
        SentReminder.objects.filter(pk=row.pk).delete()
        return False
    return True


def site_link(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path

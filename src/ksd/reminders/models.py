"""A user's reminder settings and the log of reminders sent (never the same one twice)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_calendar_key() -> str:
    return secrets.token_urlsafe(18)


class ReminderProfile(models.Model):
    """How KSD reaches one user: the language of the e-mails, whether the daily digest is
    wanted, and the key of the personal calendar feed's secret address (renewing the key
    invalidates the old address)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
        related_name="reminder_profile",
    )  # fmt: skip
    language = models.CharField(
        _("language of the e-mails"), max_length=5, choices=settings.LANGUAGES, default="id"
    )
    wants_digest = models.BooleanField(_("daily digest by e-mail"), default=True)
    calendar_key = models.CharField(_("calendar key"), max_length=40, default=new_calendar_key)

    class Meta:
        verbose_name = _("reminder settings")
        verbose_name_plural = _("reminder settings")

    def __str__(self) -> str:
        return str(self.user)


class SentReminder(models.Model):
    """One reminder for one user, about one thing, for one date: the unique key makes a second
    run of the job (or two jobs at once) send nothing again. A digest with nothing in it is
    logged too, unsent, so the day's work is not computed again on every run."""

    class Kind(models.TextChoices):
        DIGEST = "digest", _("Daily digest")
        NOTIFICATION = "notification", _("Notification")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    subject = models.CharField(_("about"), max_length=100, blank=True)
    on = models.DateField(_("for the date"))
    sent_at = models.DateTimeField(_("sent at"))
    was_sent = models.BooleanField(_("e-mail sent"), default=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ("-sent_at", "-id")
        constraints = (
            models.UniqueConstraint(
                fields=("user", "kind", "subject", "on"), name="reminder_sent_once"
            ),
        )
        indexes = (models.Index(fields=("kind", "on"), name="reminder_by_kind_date"),)

    def __str__(self) -> str:
        return f"{self.kind} {self.subject} {self.on.isoformat()} → {self.user}"

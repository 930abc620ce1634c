"""E-mail for what `ksd tick` leaves for a region (cooperation.Notification): a DPRD deadline
coming up, a deemed approval, an agreement expiring or expired. Each goes once to each active
user of the region whose role it concerns, in the user's language, with the article the tick
stored (the record's own regulation) and a link to the cooperation."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from ksd.accounts.models import Role
from ksd.cooperation.models import CLOSED_BY_RECORD_KEEPING, Notification
from ksd.core.dates import show
from ksd.reminders.models import SentReminder
from ksd.reminders.sending import send_once, site_link

# Notifications older than this are not mailed: a user invited today is not sent last month's.
RECENT = dt.timedelta(days=3)
# Who hears of what: the DPRD's clocks concern its secretariat and the region's operators; the
# end of an agreement, the operators.
ROLES = {
    Notification.Kind.DPRD_DEADLINE: (Role.OPERATOR, Role.DPRD),
    Notification.Kind.DEEMED_APPROVAL: (Role.OPERATOR, Role.DPRD),
    Notification.Kind.EXPIRING: (Role.OPERATOR,),
    Notification.Kind.EXPIRED: (Role.OPERATOR,),
}


def notice_text(notification: Notification) -> str:
    """The tick's own sentence for this notification, in the active language."""
    title = notification.cooperation.title
    due = show(notification.due_on) if notification.due_on else ""
    kind = notification.kind
    if kind == Notification.Kind.DPRD_DEADLINE:
        text = _("DPRD deadline for “%(title)s” on %(date)s.") % {"title": title, "date": due}
    elif kind == Notification.Kind.DEEMED_APPROVAL:
        text = _("The DPRD is deemed to have approved “%(title)s”.") % {"title": title}
    elif kind == Notification.Kind.EXPIRING:
        text = _("“%(title)s” ends on %(date)s.") % {"title": title, "date": due}
    else:
        text = _("“%(title)s” has expired.") % {"title": title}
    return f"{text} ({notification.citation})" if notification.citation else text


def send_notification_mails(*, now: dt.datetime) -> int:
    """Mail each recent notification to its region's users; a few queries per run, then one
    insert and one e-mail per recipient not yet reached."""
    notices = list(
        Notification.objects.filter(created_at__gte=now - RECENT)
        .exclude(cooperation__stage__in=CLOSED_BY_RECORD_KEEPING)
        .select_related("cooperation").order_by("pk")
    )  # fmt: skip
    if not notices:
        return 0
    users_by_region: dict[str, list[User]] = {}
    for user in (
        User.objects.filter(
            is_active=True, membership__region_id__in={n.region_id for n in notices},
            membership__disabled_at__isnull=True,
        ).exclude(email="").select_related("membership", "reminder_profile").order_by("pk")
    ):  # fmt: skip
        users_by_region.setdefault(user.membership.region_id, []).append(user)
    done = set(
        SentReminder.objects.filter(
            kind=SentReminder.Kind.NOTIFICATION, subject__in=[str(n.pk) for n in notices]
        ).values_list("user_id", "subject")
    )
    sent = 0
    for notice in notices:
        for user in users_by_region.get(notice.region_id, []):
            if user.membership.role not in ROLES[notice.kind] or (user.pk, str(notice.pk)) in done:
                continue
            profile = getattr(user, "reminder_profile", None)
            with translation.override(profile.language if profile else settings.LANGUAGE_CODE):
                text = notice_text(notice)
                link = site_link(reverse("cooperation:detail", args=[notice.cooperation_id]))
                body = _("%(text)s\n\nOpen the cooperation in KSD:\n%(link)s\n") % {
                    "text": text,
                    "link": link,
                }
                title = _("KSD: %(text)s") % {"text": text}
            day = notice.due_on or notice.created_at.date()
            if send_once(user, SentReminder.Kind.NOTIFICATION, str(notice.pk), day,
                         title=title[:200], body=body, now=now):  # fmt: skip
                sent += 1
    return sent

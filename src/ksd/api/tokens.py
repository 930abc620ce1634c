"""Creating, revoking and checking personal API tokens (api/models.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from ksd.api.models import ApiToken
from ksd.core.errors import StepRefused

PREFIX = "ksd_"
# How stale `last_used_at` may get: writing it on every call would add a write to each read.
LAST_USED_PRECISION = dt.timedelta(minutes=1)
MAX_ACTIVE_TOKENS = 20


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def create_token(user: AbstractBaseUser, name: str, *, now: dt.datetime) -> tuple[ApiToken, str]:
    """A new token for `user`; returns the row and the token, which is never stored."""
    name = name.strip()
    if not name:
        raise StepRefused(_("Give the token a name, so you know later where it is used."))
    active = ApiToken.objects.filter(user=user, revoked_at__isnull=True).count()
    if active >= MAX_ACTIVE_TOKENS:
        raise StepRefused(
            _("You already have %(count)d active tokens; revoke one you no longer use.")
            % {"count": active}
        )
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        user=user, name=name[:100], prefix=token[: len(PREFIX) + 4], key_hash=_hash(token),
        created_at=now,
    )  # fmt: skip
    return row, token


def revoke_token(user: AbstractBaseUser, token_id: int, *, now: dt.datetime) -> bool:
    """Revoke one of `user`'s own tokens; False when there is no such active token."""
    return bool(
        ApiToken.objects.filter(pk=token_id, user=user, revoked_at__isnull=True).update(
            revoked_at=now
        )
    )


def user_for_token(token: str, *, now: dt.datetime) -> AbstractBaseUser | None:
    """The active user a valid, unrevoked token belongs to; None otherwise."""
    if not token.startswith(PREFIX) or len(token) > 100:
        return None
    row = (
        ApiToken.objects.filter(key_hash=_hash(token), revoked_at__isnull=True)
        .select_related("user")
        .first()
    )
    if row is None or not row.user.is_active:
        return None
    if row.last_used_at is None or now - row.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.user

"""Regions manage their own people: a regional administrator invites its region's operators and
its DPRD secretariat by a one-time link, lists them and disables them (docs/permissions.md,
"Regional administrators").

Every change names its actor in the audit trail of memberships and invitations (core/audit.py).
A regional administrator never touches another region, and grants nothing above its own role:
only KSD's administrator makes a regional administrator.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from ksd.accounts.models import Invitation, Membership, Role
from ksd.core.access import is_administrator, membership_of
from ksd.core.audit import acting_as
from ksd.core.errors import StepRefused
from ksd.regions.models import Region

# How long an invitation link stays valid.
INVITATION_DAYS = 7
_SALT = "ksd.accounts.invitation"

# What an invitation makes of its invitee.
KIND_OPERATOR = "operator"
KIND_DPRD = "dprd"
KIND_REGIONAL_ADMIN = "regional_admin"
_KINDS = {
    KIND_OPERATOR: (Role.OPERATOR, False),
    KIND_DPRD: (Role.DPRD, False),
    KIND_REGIONAL_ADMIN: (Role.OPERATOR, True),
}
# The roles a regional administrator may invite and disable: its own and its DPRD's.
MANAGED_ROLES = (Role.OPERATOR, Role.DPRD)

Visitor = AbstractBaseUser | AnonymousUser


def managed_region(user: Visitor) -> str | None:
    """The region whose people `user` manages as its regional administrator, if any."""
    membership = membership_of(user)
    if (
        membership is None
        or not membership.is_regional_admin
        or membership.disabled_at is not None
        or not user.is_active
    ):
        return None
    return membership.region_id


def manages(user: Visitor, region_code: str) -> bool:
    """Whether `user` may invite, list and disable the people of `region_code`: KSD's
    administrator for every region, a regional administrator for its own."""
    return is_administrator(user) or managed_region(user) == region_code


def require_manager(user: Visitor, region_code: str) -> None:
    if not manages(user, region_code):
        raise PermissionDenied(
            _("Only the administrator of this region or KSD's administrator manages its people.")
        )


def kinds_for(user: Visitor) -> list[str]:
    """What `user` may invite someone as: never above its own role."""
    if is_administrator(user):
        return [KIND_OPERATOR, KIND_DPRD, KIND_REGIONAL_ADMIN]
    return [KIND_OPERATOR, KIND_DPRD]


# ----- Invitations -----


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _token(invitation_id: int, key: str) -> str:
    return signing.dumps({"i": invitation_id, "k": key}, salt=_SALT, compress=True)


@transaction.atomic
def invite(
    actor: User, *, region_code: str, email: str, kind: str, now: dt.datetime
) -> tuple[Invitation, str]:
    """A new invitation and the token of its link (shown once, never stored)."""
    require_manager(actor, region_code)
    if kind not in kinds_for(actor):
        raise PermissionDenied(_("You may not invite someone to that role."))
    region = Region.objects.filter(code=region_code).first()
    if region is None:
        raise StepRefused(_("There is no region %(code)s.") % {"code": region_code})
    role, regional_admin = _KINDS[kind]
    key = secrets.token_urlsafe(24)
    with acting_as(actor):
        invitation = Invitation.objects.create(
            email=email.strip(), role=role, region=region, makes_regional_admin=regional_admin,
            invited_by=actor, created_at=now, expires_at=now + dt.timedelta(days=INVITATION_DAYS),
            key_hash=_hash(key),
        )  # fmt: skip
    return invitation, _token(invitation.pk, key)


class Refusal(Exception):  # noqa: N818 - named for what the user sees, as StepRefused
    """An invitation link that cannot be used; `message` is in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def open_invitation(token: str, *, now: dt.datetime) -> Invitation:
    """The invitation behind `token`, if it may still be accepted; Refusal otherwise."""
    invalid = Refusal(
        _("This invitation link is not valid. Ask your region's administrator for a new one.")
    )
    try:
        data = signing.loads(token, salt=_SALT, max_age=dt.timedelta(days=INVITATION_DAYS))
    except signing.SignatureExpired:
        raise Refusal(_expired()) from None
    except signing.BadSignature:
        raise invalid from None
    if not isinstance(data, dict) or not isinstance(data.get("i"), int):
        raise invalid
    invitation = Invitation.objects.select_related("region").filter(pk=data["i"]).first()
    if invitation is None or not constant_time_compare(
        invitation.key_hash, _hash(str(data.get("k", "")))
    ):
        raise invalid
    if invitation.accepted_at is not None:
        raise Refusal(
            _("This invitation has already been used. Log in with the account it created.")
        )
    if invitation.revoked_at is not None:
        raise Refusal(_("This invitation was withdrawn by your region's administrator."))
    if invitation.expires_at <= now:
        raise Refusal(_expired())
    return invitation


def _expired() -> str:
    return _(
        "This invitation has expired (it is valid for %(days)d days). Ask your region's "
        "administrator for a new one."
    ) % {"days": INVITATION_DAYS}


def accept(
    token: str, *, username: str, password: str, first_name: str, last_name: str,
    now: dt.datetime,
) -> User:  # fmt: skip
    """Create the invitee's account and membership; the invitation is used up at once, so a
    second use, even at the same moment, is refused."""
    with transaction.atomic():
        invitation = open_invitation(token, now=now)
        claimed = Invitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True
        ).update(accepted_at=now)
        if claimed != 1:
            raise Refusal(
                _("This invitation has already been used. Log in with the account it created.")
            )
        try:
            with transaction.atomic():
                user = User.objects.create(
                    username=username, password=make_password(password), email=invitation.email,
                    first_name=first_name, last_name=last_name,
                )  # fmt: skip
        except IntegrityError:
            raise Refusal(_("That username is taken; choose another.")) from None
        with acting_as(invitation.invited_by):
            Membership.objects.create(
                user=user, role=invitation.role, region_id=invitation.region_id,
                is_regional_admin=invitation.makes_regional_admin,
                invited_by=invitation.invited_by,
            )  # fmt: skip
            Invitation.objects.filter(pk=invitation.pk).update(accepted_user=user)
    return user


def revoke(actor: User, invitation_id: int, *, region_code: str, now: dt.datetime) -> bool:
    """Withdraw a pending invitation of `region_code`; False when there is none to withdraw."""
    require_manager(actor, region_code)
    with transaction.atomic(), acting_as(actor):
        invitation = (
            Invitation.objects.select_for_update()
            .filter(pk=invitation_id, region_id=region_code, accepted_at__isnull=True,
                    revoked_at__isnull=True)
            .first()
        )  # fmt: skip
        if invitation is None:
            return False
        invitation.revoked_at = now
        invitation.save(update_fields=["revoked_at"])
    return True


# ----- Disabling and enabling -----


def set_active(
    actor: User, user_id: int, *, region_code: str, active: bool, now: dt.datetime
) -> Membership:
    """Disable (or enable again) a person of `region_code`. A regional administrator manages
    only operators and the DPRD secretariat of its region, never itself nor another regional
    administrator."""
    require_manager(actor, region_code)
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .select_related("user")
            .filter(user_id=user_id, region_id=region_code)
            .first()
        )
        if membership is None or membership.role not in MANAGED_ROLES:
            raise PermissionDenied(_("This person is not one your region manages."))
        if membership.user_id == actor.pk:
            raise StepRefused(_("You cannot disable your own account."))
        if membership.is_regional_admin and not is_administrator(actor):
            raise PermissionDenied(_("Only KSD's administrator disables a regional administrator."))
        with acting_as(actor):
            membership.disabled_at = None if active else now
            membership.save(update_fields=["disabled_at"])
        membership.user.is_active = active
        membership.user.save(update_fields=["is_active"])
    return membership


# ----- What a page shows -----


def people_of(region_code: str) -> list[Membership]:
    return list(
        Membership.objects.filter(region_id=region_code, role__in=MANAGED_ROLES)
        .select_related("user")
        .order_by("role", "user__username")
    )


def pending_invitations(region_code: str, *, now: dt.datetime) -> list[Invitation]:
    return list(
        Invitation.objects.filter(
            region_id=region_code, accepted_at__isnull=True, revoked_at__isnull=True,
            expires_at__gt=now,
        ).select_related("invited_by")
    )  # fmt: skip

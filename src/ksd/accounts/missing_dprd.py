"""Which party regions of a cooperation have no DPRD account in KSD, and who can invite one.

A DPRD whose region's approval is needed can act only through an account of its secretariat; a
cooperation stuck on a DPRD with no account says so on its page, naming the region's
administrators (or KSD's administrator) who can invite it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q

from ksd.accounts.models import Membership, Role
from ksd.accounts.people import manages
from ksd.cooperation.models import Cooperation


@dataclass
class MissingDprd:
    region_code: str
    region_name: str
    # Names of the region's active regional administrators; empty: only KSD's administrator.
    inviters: list[str] = field(default_factory=list)
    # Whether the visitor is one who can invite it (the page links to the invitation form).
    visitor_invites: bool = False


def _needing_dprd(cooperation: Cooperation, tracks: Iterable[Any] | None) -> dict[str, str]:
    """Party regions whose DPRD must or may act: those with a DPRD track, and those whose
    approval ksd.law found required (the page's `tracks`, when given)."""
    names = {p.region_id: p.region.name for p in cooperation.parties.all() if p.region_id}
    wanted = {r.region_id for r in cooperation.dprd_reviews.all()}
    for track in tracks or ():
        if getattr(track, "approval_required", None):
            wanted.add(track.region_code)
    return {code: names.get(code, code) for code in sorted(wanted) if code in names}


def missing_dprd_accounts(
    cooperation: Cooperation,
    tracks: Iterable[Any] | None = None,
    visitor: AbstractBaseUser | AnonymousUser | None = None,
) -> list[MissingDprd]:
    """The party regions needing their DPRD that have no active DPRD account: one query (the
    region's active DPRD accounts and regional administrators together), whatever the number of
    parties."""
    needing = _needing_dprd(cooperation, tracks)
    if not needing:
        return []
    with_account: set[str] = set()
    admins: dict[str, list[str]] = {}
    for membership in (
        Membership.objects.filter(
            Q(role=Role.DPRD) | Q(is_regional_admin=True), region_id__in=needing,
            disabled_at__isnull=True, user__is_active=True,
        ).select_related("user").order_by("user__username")
    ):  # fmt: skip
        code = membership.region_id
        if membership.role == Role.DPRD:
            with_account.add(code)
        else:
            user = membership.user
            admins.setdefault(code, []).append(user.get_full_name() or user.username)
    return [
        MissingDprd(
            code,
            needing[code],
            admins.get(code, []),
            visitor_invites=visitor is not None and manages(visitor, code),
        )
        for code in needing
        if code not in with_account
    ]

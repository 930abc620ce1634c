"""The one door to cooperation records (STYLE §5.4): who sees what, who may act for whom.

Views, the API and commands get cooperations only through these functions; what a user may not
see is answered with 404, so its existence does not leak either.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from ksd.accounts.models import Membership, Role
from ksd.cooperation.models import Cooperation, EventKind, Party, Stage
from ksd.dprd.models import DprdReview
from ksd.regions.models import Region

# What the public register shows: signed cooperation, once published (PP 50/2007 Pasal 2
# huruf i and Pasal 21).
PUBLIC_STAGES = (Stage.SIGNED, Stage.IMPLEMENTING, Stage.TERMINATED, Stage.EXPIRED)
LOGIN_URL = "/akun/masuk/"


def membership_of(user: AbstractBaseUser | AnonymousUser) -> Membership | None:
    if not user.is_authenticated:
        return None
    try:
        return user.membership  # type: ignore[union-attr,no-any-return]
    except Membership.DoesNotExist:
        return None


def has_role(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether `user` works in KSD: a logged-in account with a membership, or a superuser. A
    logged-in account without one (created, but given no role yet) sees what the public sees."""
    return user.is_authenticated and (
        getattr(user, "is_superuser", False) or membership_of(user) is not None
    )


def member_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The decorator of every internal page: the public is sent to log in, and an account with
    no role gets 403 with a page that says so (it may read the public register)."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not has_role(request.user):
            raise PermissionDenied(
                _(
                    "Your account has no role in KSD yet, so it sees only the public register. "
                    "Ask your KSD administrator to give it a role and a region."
                )
            )
        return view(request, *args, **kwargs)

    return login_required(guarded, login_url=LOGIN_URL)


def sees_everything(user: AbstractBaseUser | AnonymousUser) -> bool:
    membership = membership_of(user)
    if getattr(user, "is_superuser", False):
        return True
    return membership is not None and membership.role in (Role.PEMBINA_PUSAT, Role.ADMINISTRATOR)


def visible_cooperations(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Cooperation]:
    """Every cooperation `user` may see through the internal pages. The public (an anonymous
    visitor) sees only the published register; a logged-in account with no role sees nothing
    here, since internal pages would show it more of a published cooperation than the public
    page does (its disputes, DPRD tracks, who did what)."""
    everything = Cooperation.objects.all()
    if sees_everything(user):
        return everything
    if not user.is_authenticated:
        return public_cooperations()
    membership = membership_of(user)
    if membership is None or membership.region_id is None:
        return everything.none()
    region = membership.region_id
    if membership.role != Role.PEMBINA_PROVINSI:
        # A record cancelled as entered by mistake stays open to supervisors only (the audit).
        everything = everything.exclude(stage=Stage.CANCELLED)
    return everything.filter(pk__in=_involved(membership.role, region))


def involved_ids(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Any] | None:
    """The ids of `visible_cooperations(user)` as a subquery over the (region, cooperation)
    indexes only, for rows that leave out withdrawn and cancelled records themselves (the one
    thing `visible_cooperations` adds for some roles); None for those who see everything. A
    list over a large table (the monitoring rows) is filtered by it without a join through the
    whole cooperation table."""
    if sees_everything(user):
        return None
    membership = membership_of(user)
    if not user.is_authenticated or membership is None or membership.region_id is None:
        return Party.objects.none().values("cooperation_id")
    return _involved(membership.role, membership.region_id)


def _involved(role: str, region: str) -> QuerySet[Any]:
    """The ids of the cooperations `region` takes part in, as a subquery that reads only the
    (region, cooperation) indexes: party_by_region, the DPRD tracks' region index, and the
    regions of a province by their code, never a join through the whole cooperation table."""
    if role == Role.PEMBINA_PROVINSI:
        codes = Region.objects.filter(Q(code=region) | Q(province_id=region)).values("code")
        return Party.objects.filter(region_id__in=codes).values("cooperation_id")
    if role == Role.DPRD:
        return DprdReview.objects.filter(region_id=region).values("cooperation_id")
    return Party.objects.filter(region_id=region).values("cooperation_id")


def public_cooperations() -> QuerySet[Cooperation]:
    """The public register: signed cooperation, once published (PP 50/2007 Pasal 21)."""
    return Cooperation.objects.filter(is_published=True, stage__in=PUBLIC_STAGES)


def get_cooperation_for(user: AbstractBaseUser | AnonymousUser, pk: int) -> Cooperation:
    """The cooperation `pk` if `user` may see it; 404 otherwise, exactly as if it did not exist."""
    cooperation = visible_cooperations(user).filter(pk=pk).first()
    if cooperation is None:
        raise Http404
    return cooperation


# ----- What a region keeps to itself on a cooperation it shares with others -----


def private_work_filter(user: AbstractBaseUser | AnonymousUser, region_field: str) -> Q | None:
    """The rows whose `region_field` is a region whose private work `user` sees: the region's
    own users, the governor's bureau of its province, and the Ministry and administrators (None:
    every region). A filter that matches nothing for anyone else."""
    if sees_everything(user):
        return None
    membership = membership_of(user)
    if membership is None or membership.region_id is None:
        return Q(pk__in=[])
    region = membership.region_id
    own = Q(**{f"{region_field}_id": region})
    if membership.role == Role.PEMBINA_PROVINSI:
        return own | Q(**{f"{region_field}__province_id": region})
    return own


def visible_events(user: AbstractBaseUser | AnonymousUser, events: QuerySet[Any]) -> QuerySet[Any]:
    """`events` (of a cooperation `user` may see) without those about another region's private
    document: its DOCUMENT_ATTACHED event (and those of drafting or text-checking it) names the
    file, the uploader and that it exists. It is
    kept for those who see that region's private work. An event recorded before documents could
    be shared carries no visibility and counts as private."""
    own = private_work_filter(user, "region")
    if own is None:
        return events
    about_a_document = (
        EventKind.DOCUMENT_ATTACHED,
        EventKind.DOCUMENT_DRAFTED,
        EventKind.DRAFT_TEXT_CHECKED,
    )
    private = Q(kind__in=about_a_document) & (
        Q(changes__visibility="private") | Q(changes__visibility__isnull=True)
    )
    return events.filter(~private | own)


def acts_for(user: AbstractBaseUser | AnonymousUser, region_code: str, role: Role) -> bool:
    """Whether `user` may take a step for `region_code` in `role` (an operator for its region's
    part, a DPRD secretariat for its own DPRD's track)."""
    membership = membership_of(user)
    return (
        membership is not None and membership.role == role and membership.region_id == region_code
    )


# ----- Record keeping: corrections, withdrawal, cancellation (cooperation/corrections/) -----


def is_administrator(user: AbstractBaseUser | AnonymousUser) -> bool:
    membership = membership_of(user)
    return bool(getattr(user, "is_superuser", False)) or (
        membership is not None and membership.role == Role.ADMINISTRATOR
    )


def sees_the_audit(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Administrators and supervisors read the withdrawn and cancelled records."""
    membership = membership_of(user)
    return is_administrator(user) or (
        membership is not None and membership.role in (Role.PEMBINA_PUSAT, Role.PEMBINA_PROVINSI)
    )


def may_correct(
    user: AbstractBaseUser | AnonymousUser,
    cooperation: Cooperation,
    region_code: str | None = None,
    *,
    dprd_track: bool = False,
) -> bool:
    """Whether `user` may correct a fact of `cooperation`: an administrator any fact; an operator
    of a party region the shared facts (region_code None) and its own region's facts; a DPRD
    secretariat the dates of its own region's DPRD track (dprd_track)."""
    if is_administrator(user):
        return True
    membership = membership_of(user)
    if membership is None or membership.region_id not in _party_regions(cooperation):
        return False
    if region_code is None:
        return membership.role == Role.OPERATOR
    if membership.region_id != region_code:
        return False
    return membership.role == Role.OPERATOR or (dprd_track and membership.role == Role.DPRD)


def _party_regions(cooperation: Cooperation) -> frozenset[str]:
    """The party regions of `cooperation`, read once per loaded record: a page asks
    may_correct for every party and fact (105 times for 39 parties)."""
    cached: frozenset[str] | None = getattr(cooperation, "_party_regions", None)
    if cached is None:
        cached = frozenset(p.region_id for p in cooperation.parties.all() if p.region_id)
        cooperation._party_regions = cached  # type: ignore[attr-defined]
    return cached


def acts_for_initiator(user: AbstractBaseUser | AnonymousUser, cooperation: Cooperation) -> bool:
    """The offering region's operator (or an administrator): who names the parties before the
    offer is accepted, withdraws the offer, and cancels a record entered by mistake."""
    if is_administrator(user):
        return True
    code = cooperation.initiator_id
    return code is not None and acts_for(user, code, Role.OPERATOR)

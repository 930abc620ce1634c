"""Which cooperation bodies a user may see: those with a member (now or before) from the user's
region, or from a region of the user's province for a governor's bureau; the Ministry and
administrators see all."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from ksd.accounts.models import Role
from ksd.bodies.models import BodyMember, BodyReport, CooperationBody
from ksd.core.access import membership_of, sees_everything


def visible_bodies(user: AbstractBaseUser | AnonymousUser) -> QuerySet[CooperationBody]:
    bodies = CooperationBody.objects.all()
    if sees_everything(user):
        return bodies
    membership = membership_of(user)
    if membership is None or membership.region_id is None:
        return bodies.none()
    region = membership.region_id
    involved = Q(members__region_id=region)
    if membership.role == Role.PEMBINA_PROVINSI:
        involved |= Q(members__region__province_id=region)
    return bodies.filter(pk__in=bodies.filter(involved).values("pk"))


def get_body_for(user: AbstractBaseUser | AnonymousUser, pk: int) -> CooperationBody:
    """The body `pk` with its members and reports, if `user` may see it; 404 otherwise."""
    body = (
        visible_bodies(user)
        .select_related("cooperation")
        .prefetch_related(
            Prefetch("members", queryset=BodyMember.objects.select_related("region")),
            Prefetch("reports", queryset=BodyReport.objects.prefetch_related("reported_to")),
        )
        .filter(pk=pk)
        .first()
    )
    if body is None:
        raise Http404
    return body

"""Who may record monitoring facts: the cooperation officers (operators) of the party regions.
Supervisors, DPRD secretariats and administrators read; an agency's periodic report is recorded
by its own region's operator."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from ksd.accounts.models import Role
from ksd.cooperation.models import Cooperation
from ksd.core.access import membership_of

Visitor = AbstractBaseUser | AnonymousUser


def operator_region(user: Visitor) -> str | None:
    membership = membership_of(user)
    if membership is None or membership.role != Role.OPERATOR:
        return None
    return membership.region_id


def party_regions(cooperation: Cooperation) -> set[str]:
    return {p.region_id for p in cooperation.parties.all() if p.region_id}


def may_record(user: Visitor, cooperation: Cooperation) -> bool:
    """An operator of one of the party regions."""
    region = operator_region(user)
    return region is not None and region in party_regions(cooperation)


def may_report_for(user: Visitor, cooperation: Cooperation, region_code: str) -> bool:
    """The operator of the implementing agency's own region, a party to the cooperation."""
    return may_record(user, cooperation) and operator_region(user) == region_code

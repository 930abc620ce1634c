"""Who acts on a cooperation's page: the operator's region and its checks, shared by every
step's views and panels (and the dprd app's)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from ksd.accounts.models import Role
from ksd.cooperation.models import Cooperation
from ksd.core.access import (
    acts_for,
    get_cooperation_for,
    membership_of,
)


def operator_region(user: Any, cooperation: Cooperation | None = None) -> str | None:
    """The region an operator acts for, if it is a party to `cooperation` (when given)."""
    membership = membership_of(user)
    code = membership.region_id if membership else None
    if code is None or not acts_for(user, code, Role.OPERATOR):
        return None
    if cooperation is not None and not any(p.region_id == code for p in cooperation.parties.all()):
        return None
    return code


def operator_step(request: HttpRequest, pk: int) -> Cooperation:
    """The cooperation of a step only an operator of a party region may take (else 403)."""
    return operator_cooperation(request.user, pk)


def operator_cooperation(user: Any, pk: int) -> Cooperation:
    """As operator_step, for a user known otherwise (the JSON API's token): 404 for what the
    user may not see, 403 for who may see but not act."""
    cooperation = get_cooperation_for(user, pk)
    if operator_region(user, cooperation) is None:
        raise PermissionDenied
    return cooperation


def party_choices(cooperation: Cooperation) -> list[tuple[str, str]]:
    """Every party as a form choice: (key, name)."""
    return [(p.key, str(p)) for p in cooperation.parties.all()]

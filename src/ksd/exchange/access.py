"""Who may import: an operator for its own region, an administrator for any region."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ksd.accounts.models import Role
from ksd.core.access import is_administrator, membership_of
from ksd.exchange.models import ImportBatch

Visitor = AbstractBaseUser | AnonymousUser


def may_import(user: Visitor) -> bool:
    if is_administrator(user):
        return True
    membership = membership_of(user)
    return (
        membership is not None and membership.role == Role.OPERATOR and bool(membership.region_id)
    )


def import_scope(user: Visitor) -> str | None:
    """The region whose agreements `user` imports (None: any region); PermissionDenied for
    everyone else."""
    if is_administrator(user):
        return None
    if not may_import(user):
        raise PermissionDenied
    membership = membership_of(user)
    assert membership is not None  # noqa: S101 - may_import checked it
    return membership.region_id


def get_batch_for(user: Visitor, token: str) -> ImportBatch:
    """An import its uploader (or an administrator) follows; 404 for anyone else."""
    # The cells are read only by the chunks (exchange/importing/batches.py), never by a page.
    batch = ImportBatch.objects.filter(token=token).defer("cells").first()
    if batch is None or not (batch.user_id == getattr(user, "pk", None) or is_administrator(user)):
        raise Http404
    return batch

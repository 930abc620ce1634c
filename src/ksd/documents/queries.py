"""Which documents a user may see: those of a cooperation the user may see (core/access.py),
kept by the user's own region; supervisors see every region's."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from ksd.accounts.models import Role
from ksd.cooperation.models import Cooperation
from ksd.core.access import get_cooperation_for, membership_of, sees_everything
from ksd.documents.models import Document


def visible_documents(
    user: AbstractBaseUser | AnonymousUser, cooperation: Cooperation
) -> QuerySet[Document]:
    """The documents of `cooperation` (already checked as visible to `user`) that `user` may
    see, newest first."""
    documents = Document.objects.filter(cooperation=cooperation).select_related(
        "uploaded_by", "region"
    )
    if sees_everything(user):
        return documents
    membership = membership_of(user)
    if membership is None or membership.region_id is None:
        return documents.none()
    region = membership.region_id
    if membership.role == Role.PEMBINA_PROVINSI:
        return documents.filter(Q(region_id=region) | Q(region__province_id=region))
    return documents.filter(region_id=region)


def get_document_for(user: AbstractBaseUser | AnonymousUser, pk: int) -> Document:
    """The document `pk` if `user` may see it; 404 otherwise, as if it did not exist."""
    cooperation_id = Document.objects.filter(pk=pk).values_list("cooperation_id", flat=True)
    found = cooperation_id.first()
    if found is None:
        raise Http404
    cooperation = get_cooperation_for(user, found)
    document = visible_documents(user, cooperation).filter(pk=pk).first()
    if document is None:
        raise Http404
    return document

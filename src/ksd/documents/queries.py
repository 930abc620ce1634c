"""Which documents a user may see, on a cooperation the user may see (core/access.py): those
shared with the parties or published, and the private ones of a region whose private work the
user sees (its own users and its supervisors). The public sees the published signed agreement
of a cooperation in the public register, and nothing else."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from ksd.cooperation.models import Cooperation
from ksd.core.access import get_cooperation_for, private_work_filter, public_cooperations
from ksd.documents.models import Document, DocumentKind, Visibility


def visible_documents(
    user: AbstractBaseUser | AnonymousUser, cooperation: Cooperation
) -> QuerySet[Document]:
    """The documents of `cooperation` (already checked as visible to `user`) that `user` may
    see, newest first."""
    documents = Document.objects.filter(cooperation=cooperation).select_related(
        "uploaded_by", "region", "drafted", "text_check"
    )
    private = private_work_filter(user, "region")
    if private is None:
        return documents
    return documents.filter(~Q(visibility=Visibility.PRIVATE) | private)


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


def public_documents(cooperation: Cooperation) -> QuerySet[Document]:
    """The published documents of `cooperation`, if it is in the public register."""
    return Document.objects.filter(
        cooperation=cooperation,
        cooperation__in=public_cooperations(),
        kind=DocumentKind.SIGNED_AGREEMENT,
        visibility=Visibility.PUBLIC,
    ).order_by("-uploaded_at", "-id")


def get_public_document(pk: int) -> Document:
    """The published document `pk` of a cooperation in the public register; 404 otherwise."""
    document = (
        Document.objects.filter(
            pk=pk,
            cooperation__in=public_cooperations(),
            kind=DocumentKind.SIGNED_AGREEMENT,
            visibility=Visibility.PUBLIC,
        )
        .select_related("cooperation")
        .first()
    )
    if document is None:
        raise Http404
    return document

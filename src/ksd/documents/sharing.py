"""Widening who sees a document: a region shares its private document with the parties, and a
party publishes the signed agreement of a cooperation in the public register (PP 50/2007
Pasal 21 huruf b keeps a published compilation; the public page offers the signed text).

Visibility only widens, each time with an event: what a partner or the public has been shown
cannot be taken back silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils.translation import gettext as _

from ksd.accounts.models import Role
from ksd.cooperation.events import record_event
from ksd.cooperation.models import EventKind
from ksd.cooperation.services import lock
from ksd.core.access import acts_for, membership_of, public_cooperations
from ksd.core.errors import StepRefused
from ksd.documents.models import Document, DocumentKind, Visibility


def _locked(document_id: int) -> Document:
    cooperation_id = (
        Document.objects.filter(pk=document_id).values_list("cooperation_id", flat=True).first()
    )
    if cooperation_id is None:
        raise StepRefused(_("This document does not exist."))
    lock(cooperation_id)  # steps on one cooperation run one after the other
    return Document.objects.select_related("cooperation").get(pk=document_id)


def _widen(document: Document, visibility: Visibility, kind: EventKind, *,
           actor: AbstractBaseUser, now: dt.datetime) -> Document:  # fmt: skip
    previous = document.visibility
    document.visibility = visibility
    document.save(update_fields=["visibility"])
    record_event(
        document.cooperation, kind, actor=actor, now=now, region_code=document.region_id,
        reason=document.original_name,
        changes={"document": document.pk, "visibility": visibility, "previous": previous},
    )  # fmt: skip
    return document


def may_share(user: AbstractBaseUser | AnonymousUser, document: Document) -> bool:
    """Whether `user` decides who sees `document`: its region's cooperation officers."""
    return acts_for(user, document.region_id, Role.OPERATOR)


def may_publish_as(user: AbstractBaseUser | AnonymousUser, document: Document) -> bool:
    """Whether `user` may publish `document`: an operator of a party region, and of the
    uploading region while the document is still private."""
    if document.visibility == Visibility.PRIVATE:
        return may_share(user, document)
    membership = membership_of(user)
    return bool(
        membership is not None
        and membership.region_id is not None
        and acts_for(user, membership.region_id, Role.OPERATOR)
        and document.cooperation.parties.filter(region_id=membership.region_id).exists()
    )


def with_actions(
    user: AbstractBaseUser | AnonymousUser, documents: Iterable[Document]
) -> list[Document]:
    """`documents`, each marked with what `user` may do with it now (`can_share`,
    `can_publish`), for the buttons of the documents list."""
    rows = list(documents)
    in_register = set(
        public_cooperations()
        .filter(pk__in={d.cooperation_id for d in rows})
        .values_list("pk", flat=True)
    )
    for document in rows:
        document.can_share = (  # type: ignore[attr-defined]
            document.visibility == Visibility.PRIVATE and may_share(user, document)
        )
        document.can_publish = (  # type: ignore[attr-defined]
            document.kind == DocumentKind.SIGNED_AGREEMENT
            and document.visibility != Visibility.PUBLIC
            and document.cooperation_id in in_register
            and may_publish_as(user, document)
        )
    return rows


def share_document(document_id: int, *, actor: AbstractBaseUser, now: dt.datetime) -> Document:
    """The uploading region's operator shares a private document with every party."""
    with transaction.atomic():
        document = _locked(document_id)
        if not may_share(actor, document):
            raise StepRefused(_("Only the cooperation officers of the region that uploaded the "
                                "document may share it."))  # fmt: skip
        if document.visibility != Visibility.PRIVATE:
            raise StepRefused(_("This document is already shared with the parties."))
        return _widen(document, Visibility.PARTIES, EventKind.DOCUMENT_SHARED, actor=actor,
                      now=now)  # fmt: skip


def publish_document(document_id: int, *, actor: AbstractBaseUser, now: dt.datetime) -> Document:
    """An operator of a party region publishes the signed agreement of a cooperation that is
    in the public register; a private one only by its own region."""
    with transaction.atomic():
        document = _locked(document_id)
        if not may_publish_as(actor, document):
            raise StepRefused(_("Only the cooperation officers of a party region may publish "
                                "its documents."))  # fmt: skip
        if document.visibility == Visibility.PUBLIC:
            raise StepRefused(_("This document is already in the public register."))
        if document.kind != DocumentKind.SIGNED_AGREEMENT:
            raise StepRefused(_("Only the signed cooperation agreement (PKS) can be published "
                                "in the public register."))  # fmt: skip
        if not public_cooperations().filter(pk=document.cooperation_id).exists():
            raise StepRefused(_("Publish the cooperation in the public register first; its "
                                "signed agreement can be published after that."))  # fmt: skip
        return _widen(document, Visibility.PUBLIC, EventKind.DOCUMENT_PUBLISHED, actor=actor,
                      now=now)  # fmt: skip

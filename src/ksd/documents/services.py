"""Attaching a document to a cooperation: the file stored by its SHA-256, a row, an event."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from ksd.accounts.models import Role
from ksd.cooperation.events import record_event
from ksd.cooperation.models import EventKind
from ksd.cooperation.services import lock
from ksd.core.access import acts_for
from ksd.core.errors import StepRefused
from ksd.documents.models import Document, DocumentKind, Visibility, default_visibility
from ksd.documents.storage import Upload, store


def attach_document(
    cooperation_id: int,
    *,
    actor: AbstractBaseUser,
    region_code: str,
    upload: Upload,
    kind: str,
    now: dt.datetime,
    visibility: str | None = None,
) -> Document:
    """Keep `upload` as one of `region_code`'s documents on the cooperation, private to the
    region or shared with the parties (None: the default for its kind). The bytes are checked
    (PDF or DOCX, size limit) and stored before the row is written; a refused upload stores
    nothing and records nothing. Publishing is a later step (documents/sharing.py)."""
    if kind not in DocumentKind.values:
        raise StepRefused(_("Choose what kind of document this is."))
    visibility = visibility or default_visibility(kind)
    if visibility not in (Visibility.PRIVATE, Visibility.PARTIES):
        raise StepRefused(_("Choose whether the document is private or shared with the parties."))
    with transaction.atomic():
        cooperation = lock(cooperation_id)
        if not cooperation.parties.filter(region_id=region_code).exists():
            raise StepRefused(_("Only a region that is party to the cooperation keeps documents."))
        if not acts_for(actor, region_code, Role.OPERATOR):
            raise StepRefused(_("Only the region's cooperation officers may upload its documents."))
        stored = store(upload)
        document = Document.objects.create(
            cooperation=cooperation, region_id=region_code, kind=kind, visibility=visibility,
            original_name=(upload.name or "dokumen")[:255], content_type=stored.content_type,
            size=stored.size, sha256=stored.sha256, uploaded_by=actor, uploaded_at=now,
        )  # fmt: skip
        record_event(
            cooperation, EventKind.DOCUMENT_ATTACHED, actor=actor, now=now,
            region_code=region_code, reason=document.original_name,
            changes={"document": document.pk, "kind": kind, "sha256": stored.sha256,
                     "size": stored.size, "visibility": visibility},
        )  # fmt: skip
    return document

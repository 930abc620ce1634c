"""Drafting a document from the record: rendered, stored by its SHA-256 as a new document of
the region (shared with the parties when its kind is what they exchange), with where it came
from (Drafted) and an event."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from ksd.accounts.models import Role
from ksd.cooperation.events import record_event
from ksd.cooperation.models import Event, EventKind
from ksd.cooperation.services import lock
from ksd.core.access import acts_for
from ksd.core.dates import today_at
from ksd.core.errors import StepRefused
from ksd.documents.drafting import render
from ksd.documents.drafting.kinds import DOCUMENT_KIND, DraftKind, FileFormat
from ksd.documents.drafting.parts import placeholder_count
from ksd.documents.drafting.record import parts_for
from ksd.documents.models import (
    Document,
    Drafted,
    DraftTemplate,
    Visibility,
    default_visibility,
)
from ksd.documents.storage import open_stored, store


def region_template(region_code: str) -> DraftTemplate | None:
    """The region's own DOCX template in use, if it uploaded one."""
    return (
        DraftTemplate.objects.filter(region_id=region_code, is_active=True)
        .order_by("-uploaded_at", "-pk")
        .first()
    )


def _template_bytes(template: DraftTemplate) -> bytes:
    with open_stored(template.sha256) as stored:
        return stored.read()


def generate_document(
    cooperation_id: int,
    *,
    actor: AbstractBaseUser,
    region_code: str,
    kind: str,
    file_format: str,
    now: dt.datetime,
    visibility: str | None = None,
) -> Document:
    """Draft `kind` from the record of the cooperation as `region_code` sends it, in
    `file_format`, and keep it as that region's newest document of its kind. Refused (nothing
    stored, nothing recorded) for a region that is not a party, a user who does not act for
    it, an unknown kind or format, or PDF where the server cannot make it."""
    if kind not in DraftKind.values:
        raise StepRefused(_("Choose which document to draft."))
    if file_format not in FileFormat.values:
        raise StepRefused(_("Choose DOCX or PDF."))
    if file_format == FileFormat.PDF and (reason := render.pdf_unavailable()):
        raise StepRefused(reason)
    document_kind = DOCUMENT_KIND[DraftKind(kind)]
    visibility = visibility or default_visibility(document_kind)
    if visibility not in (Visibility.PRIVATE, Visibility.PARTIES):
        raise StepRefused(_("Choose whether the document is private or shared with the parties."))
    with transaction.atomic():
        cooperation = lock(cooperation_id)
        if not cooperation.parties.filter(region_id=region_code).exists():
            raise StepRefused(_("Only a region that is party to the cooperation keeps documents."))
        if not acts_for(actor, region_code, Role.OPERATOR):
            raise StepRefused(_("Only the region's cooperation officers may draft its documents."))
        last_event = (
            Event.objects.filter(cooperation=cooperation)
            .order_by("-pk")
            .values_list("pk", flat=True)
            .first()
        )
        parts = parts_for(cooperation, kind, region_code=region_code, today=today_at(now))
        if not parts:
            raise StepRefused(_("The regulation of this cooperation names no recipient for a "
                                "cover letter from your region."))  # fmt: skip
        template = None
        if file_format == FileFormat.DOCX:
            template = region_template(region_code)
            content = render.to_docx(parts, _template_bytes(template) if template else None)
        else:
            content = render.to_pdf(parts)
        name = f"{kind}-{cooperation.pk}-{now:%Y%m%d-%H%M%S}.{file_format}"
        stored = store(ContentFile(content, name=name))
        document = Document.objects.create(
            cooperation=cooperation, region_id=region_code, kind=document_kind,
            visibility=visibility, original_name=name, content_type=stored.content_type,
            size=stored.size, sha256=stored.sha256, uploaded_by=actor, uploaded_at=now,
        )  # fmt: skip
        gaps = placeholder_count(parts)
        Drafted.objects.create(
            document=document, draft_kind=kind, file_format=file_format, template=template,
            from_event=last_event, placeholders=gaps,
        )  # fmt: skip
        record_event(
            cooperation, EventKind.DOCUMENT_DRAFTED, actor=actor, now=now,
            region_code=region_code, reason=name,
            changes={"document": document.pk, "kind": document_kind, "draft": kind,
                     "format": file_format, "sha256": stored.sha256, "size": stored.size,
                     "visibility": visibility, "from_event": last_event, "gaps": gaps,
                     "template": template.pk if template else None},
        )  # fmt: skip
    return document


def keep_template(
    *, region_code: str, name: str, upload: object, actor: AbstractBaseUser, now: dt.datetime
) -> DraftTemplate:
    """Check a region's DOCX template (templates_check.py) and keep it as the region's
    template in use; a refused one stores nothing."""
    from ksd.documents.drafting.templates_check import (
        MAX_TEMPLATE_BYTES,
        check_template,
        too_large,
    )

    chunks = []
    size = 0
    for chunk in upload.chunks():  # type: ignore[attr-defined]
        size += len(chunk)
        if size > MAX_TEMPLATE_BYTES:  # refused without reading the rest
            raise too_large()
        chunks.append(chunk)
    content = b"".join(chunks)
    check_template(content)
    original = (getattr(upload, "name", None) or "templat.docx")[:255]
    stored = store(ContentFile(content, name=original if original.lower().endswith(".docx")
                               else f"{original}.docx"))  # fmt: skip
    return DraftTemplate.objects.create(
        region_id=region_code, name=name, original_name=original, size=stored.size,
        sha256=stored.sha256, uploaded_by=actor, uploaded_at=now,
    )  # fmt: skip

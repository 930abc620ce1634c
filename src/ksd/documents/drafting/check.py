"""A draft agreement checked by its text: on upload, KSD reads the DOCX or PDF and notes which
of the contents the record's regulation requires it seems to hold (content_rules.py); the page
shows that beside the operator's ticks on the draft step and where the two disagree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ksd.cooperation.events import record_event
from ksd.cooperation.law import assessment_for
from ksd.cooperation.models import Cooperation, EventKind
from ksd.core.dates import today_at
from ksd.documents.drafting.content_rules import contents_found
from ksd.documents.drafting.text import read_text
from ksd.documents.models import Document, DocumentKind, TextCheck
from ksd.documents.storage import open_stored
from ksd.law.facts import DRAFT_CONTENT_CODES


def check_draft_text(document: Document, *, actor: AbstractBaseUser, now: dt.datetime) -> TextCheck:
    """Read `document` (a draft PKS) and keep what its text seems to hold; recorded as an
    event. An unreadable file (or a scan without text) is kept as such, never as "lacking"."""
    with open_stored(document.sha256) as stored:
        text = read_text(stored.read(), document.content_type)
    readable = bool(text and text.strip())
    found = contents_found(text or "")
    cooperation = document.cooperation
    required = assessment_for(cooperation, as_of=today_at(now)).required_contents
    order = {code: i for i, code in enumerate(DRAFT_CONTENT_CODES)}
    rows = [
        {"code": r.code, "citation": str(r.citation), "found": r.code in found}
        for r in sorted(required, key=lambda r: order.get(r.code, 99))
    ]
    with transaction.atomic():
        check = TextCheck.objects.create(
            document=document, readable=readable, rows=rows, checked_at=now
        )
        record_event(
            cooperation, EventKind.DRAFT_TEXT_CHECKED, actor=actor, now=now,
            region_code=document.region_id, reason=document.original_name,
            changes={"document": document.pk, "readable": readable,
                     "lacking": [r["code"] for r in rows if not r["found"]],
                     "visibility": document.visibility},
        )  # fmt: skip
    return check


def needs_check(document: Document) -> bool:
    return document.kind == DocumentKind.DRAFT_AGREEMENT and not hasattr(document, "drafted")


@dataclass(frozen=True)
class Row:
    code: str
    citation: str
    found: bool
    ticked: bool | None  # None: the draft step is not recorded yet

    @property
    def disagree(self) -> bool:
        return self.ticked is not None and self.ticked != self.found


def report(check: TextCheck, cooperation: Cooperation) -> list[Row]:
    """The check's rows beside the operator's ticks as the record holds them now."""
    drafted = cooperation.events.filter(kind=EventKind.AGREEMENT_DRAFTED).exists()
    ticks = set(cooperation.draft_contents or ())
    return [
        Row(r["code"], r["citation"], r["found"], (r["code"] in ticks) if drafted else None)
        for r in check.rows
    ]

"""Rows to the API's plain answers (api/schemas.py)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch

from ksd.cooperation.models import Cooperation, Event, Party, Stage
from ksd.cooperation.queries import DprdTrack
from ksd.documents.models import Document, DocumentKind
from ksd.regions.models import Region

# A cooperation's parties with their regions, in one query for a whole page of cooperations.
PARTIES = Prefetch("parties", queryset=Party.objects.select_related("region"))


def party(row: Party) -> dict[str, Any]:
    return {
        "id": row.pk, "region_code": row.region_id,
        "region_name": row.region.name if row.region_id and row.region else None,
        "third_party_name": row.third_party_name, "third_party_form": row.third_party_form,
        "foreign_country": row.foreign_country, "is_initiator": row.is_initiator,
        "accepted_on": row.accepted_on, "declined_on": row.declined_on,
    }  # fmt: skip


def cooperation(row: Cooperation) -> dict[str, Any]:
    fields = (
        "title", "kind", "stage", "regime", "offer_number", "offered_on",
        "joint_agreement_number", "joint_agreement_signed_on", "agreement_number", "signed_on",
        "starts_on", "ends_on", "term_years", "is_continuous", "sector", "management_model",
        "institution_model", "is_published",
    )  # fmt: skip
    return {
        "id": row.pk, **{f: getattr(row, f) for f in fields},
        "stage_label": str(Stage(row.stage).label), "initiator_code": row.initiator_id,
        "affair_code": row.affair.code if row.affair_id and row.affair else None,
        "parties": [party(p) for p in row.parties.all()],
    }  # fmt: skip


def track(row: DprdTrack) -> dict[str, Any]:
    review = row.review
    dates = ("received_on", "opinion_sent_on", "resubmitted_on", "approved_on", "rejected_on",
             "deemed_approved_on")  # fmt: skip
    return {
        "region_code": row.region_code, "region_name": row.region_name, "status": row.status,
        "status_label": row.status_label, "approval_required": row.approval_required,
        **{d: getattr(review, d) if review else None for d in dates},
        "deadlines": [
            {"name": d.name, "label": d.label, "due_on": d.due_on, "citation": d.citation,
             "working_days_left": d.working_days_left, "explanation": d.explanation}
            for d in row.deadlines
        ],
        "reasons": row.reasons,
    }  # fmt: skip


def event(row: Event) -> dict[str, Any]:
    return {
        "id": row.pk, "kind": row.kind, "kind_label": str(getattr(row, "kind_label", row.kind)),
        "at": row.at, "on": row.on, "region_code": row.region_id,
        "actor": row.actor.get_username() if row.actor_id and row.actor else None,
        "citation": row.citation, "reason": row.reason,
        "changes": row.changes if isinstance(row.changes, dict) else {"value": row.changes},
    }  # fmt: skip


def document(row: Document, *, public: bool = False) -> dict[str, Any]:
    """`public`: for the public, who is not told which account uploaded it."""
    try:
        label = str(DocumentKind(row.kind).label)
    except ValueError:
        label = row.kind
    return {
        "id": row.pk, "kind": row.kind, "kind_label": label, "original_name": row.original_name,
        "content_type": row.content_type, "size": row.size, "sha256": row.sha256,
        "visibility": row.visibility, "region_code": row.region_id,
        "uploaded_by": None if public else row.uploaded_by.get_username(),
        "uploaded_at": row.uploaded_at,
    }  # fmt: skip


def region(row: Region) -> dict[str, Any]:
    return {
        "code": row.code, "name": row.name, "level": row.level,
        "province_code": row.province_id, "is_autonomous": row.is_autonomous,
        "timezone": row.timezone,
    }  # fmt: skip

"""What the API answers, field by field (the OpenAPI schema is built from these)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Path, Schema

# A record's id in a URL: a positive 64-bit integer, as the database stores it (a larger number
# would not even reach the database).
RecordId = Annotated[int, Path(ge=1, le=2**63 - 1)]


class PartyOut(Schema):
    id: int
    region_code: str | None
    region_name: str | None
    third_party_name: str
    third_party_form: str
    foreign_country: str
    is_initiator: bool
    accepted_on: dt.date | None
    declined_on: dt.date | None


class CooperationOut(Schema):
    id: int
    title: str
    kind: str
    stage: str
    stage_label: str
    regime: str
    initiator_code: str | None
    offer_number: str
    offered_on: dt.date
    joint_agreement_number: str
    joint_agreement_signed_on: dt.date | None
    agreement_number: str
    signed_on: dt.date | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    term_years: int | None
    is_continuous: bool
    affair_code: str | None
    sector: str
    management_model: str
    institution_model: str
    is_published: bool
    parties: list[PartyOut]


class Paged(Schema):
    """A page of a list: `count` is exact up to 2,000 rows, then `count_capped` is true
    (core/paging.py); `next_page` is null on the last page."""

    count: int
    count_capped: bool
    page: int
    per_page: int
    next_page: int | None


class CooperationPage(Paged):
    results: list[CooperationOut]


class DeadlineOut(Schema):
    name: str
    label: str
    due_on: dt.date
    working_days_left: int
    citation: str
    explanation: str


class DprdTrackOut(Schema):
    region_code: str
    region_name: str
    status: str
    status_label: str
    approval_required: bool | None
    received_on: dt.date | None
    opinion_sent_on: dt.date | None
    resubmitted_on: dt.date | None
    approved_on: dt.date | None
    rejected_on: dt.date | None
    deemed_approved_on: dt.date | None
    deadlines: list[DeadlineOut]
    reasons: list[str]


class EventOut(Schema):
    id: int
    kind: int
    kind_label: str
    at: dt.datetime
    on: dt.date | None
    region_code: str | None
    actor: str | None
    citation: str
    reason: str
    changes: dict[str, Any]


class EventPage(Paged):
    results: list[EventOut]


class DocumentOut(Schema):
    id: int
    kind: str
    kind_label: str
    original_name: str
    content_type: str
    size: int
    sha256: str
    visibility: str
    region_code: str
    uploaded_by: str | None
    uploaded_at: dt.datetime


class RegionOut(Schema):
    code: str
    name: str
    level: str
    province_code: str | None
    is_autonomous: bool
    timezone: str


class RegionPage(Paged):
    results: list[RegionOut]


class FindingOut(Schema):
    code: str
    severity: str
    message: str
    citation: str
    subject: str | None


class AssessmentOut(Schema):
    """ksd.law's verdict on the record as of `as_of`: each finding with its article, and the
    full assessment in the format of `ksd assess` (docs/assess-json.md)."""

    as_of: dt.date
    regime: str
    findings: list[FindingOut]
    details: dict[str, Any]

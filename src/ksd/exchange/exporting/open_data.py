"""The open data of the public register: every published, signed cooperation as JSON
(docs/open-data.md gives the schema). Streamed record by record, so its size never weighs on
the server; the same records as the public register (core/access.py public_cooperations).

Identifiers are stable: `id` is "ksd-" and the record's number in this KSD instance, never
reused; `agreement_key` is the Kemendagri code of the initiating region and the agreement's own
number, the key the import uses. A cooperation with a company or other third party also gets an
OCDS-style `ocid` (prefix, then the id), so it can be joined to procurement data.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.db.models import Prefetch

from ksd.cooperation.models import Cooperation, Kind, Party
from ksd.core.access import public_cooperations
from ksd.dprd.models import DprdReview
from ksd.law.regimes import INFO, Regime

SCHEMA = "ksd.open-data/1"
PP50_FROM = INFO[Regime.PP50_2007].in_force_from
CHUNK = 500


def _date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _party(p: Party, initiator: str | None) -> dict[str, Any]:
    if p.region_id and p.region:
        return {
            "type": "region", "role": "initiator" if p.region_id == initiator else "partner",
            "kemendagri_code": p.region_id, "name": p.region.name, "level": p.region.level,
        }  # fmt: skip
    return {
        "type": "foreign" if p.foreign_kind else "third_party", "role": "partner",
        "name": p.third_party_name, "legal_form": p.third_party_form or p.foreign_kind or None,
    }  # fmt: skip


def record(c: Cooperation) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": f"ksd-{c.pk}",
        "agreement_key": f"{c.initiator_id}/{c.agreement_number}" if c.initiator_id else None,
        "title": c.title,
        "kind": c.kind,
        "stage": c.stage,
        "regulation": INFO[Regime(c.regime)].regulation,
        "before_pp50": c.governing_on < PP50_FROM,
        "agreement_number": c.agreement_number or None,
        "dates": {
            "offered": _date(c.offered_on),
            "joint_agreement": _date(c.joint_agreement_signed_on),
            "signed": _date(c.signed_on),
            "in_force_from": _date(c.starts_on),
            "in_force_until": _date(c.ends_on),
            "ended": _date(c.ended_on),
        },
        "term_years": c.term_years,
        "affair": {"code": c.affair.code, "name": c.affair.name} if c.affair else None,
        "sector": c.sector or None,
        "parties": [_party(p, c.initiator_id) for p in c.parties.all()],
        "dprd_approvals": [
            {
                "kemendagri_code": r.region_id,
                "received": _date(r.received_on),
                "approved": _date(r.approved_on or r.deemed_approved_on),
                "deemed": r.deemed_approved_on is not None and r.approved_on is None,
            }
            for r in c.dprd_reviews.all()
            if r.approved_on or r.deemed_approved_on
        ],
    }
    if c.kind == Kind.THIRD_PARTY:
        data["ocid"] = f"{settings.KSD_OCID_PREFIX}-ksd-{c.pk}"
    return data


def published() -> Any:
    return (
        public_cooperations()
        .select_related("affair")
        .prefetch_related(
            Prefetch("parties", queryset=Party.objects.select_related("region").order_by("id")),
            Prefetch("dprd_reviews", queryset=DprdReview.objects.order_by("region_id")),
        )
        .order_by("id")
    )


def json_chunks(*, as_of: dt.date) -> Iterator[str]:
    """The document in pieces: a header, then the records one by one."""
    head = {"schema": SCHEMA, "as_of": as_of.isoformat(), "publisher": settings.KSD_PUBLISHER}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "cooperations": ['
    first = True
    rows: Iterator[Cooperation] = published().iterator(chunk_size=CHUNK)
    for cooperation in rows:
        yield ("" if first else ",") + "\n" + json.dumps(record(cooperation), ensure_ascii=False)
        first = False
    yield "\n]}\n"

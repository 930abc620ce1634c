"""Writing checked agreements as records: the cooperation, its parties, the DPRD tracks the
sheet gives, and one "imported" event each naming who imported it from which file and row.
Rows go in with bulk inserts, a chunk at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ksd.cooperation.models import (
    CLOSED_BY_RECORD_KEEPING,
    Cooperation,
    Event,
    EventKind,
    Kind,
    Party,
    Stage,
)
from ksd.dprd.models import DprdReview
from ksd.exchange.importing.rows import Agreement
from ksd.law.regimes import Regime

if TYPE_CHECKING:
    from ksd.exchange.models import ImportBatch

# The duty the import serves: keeping the list of official texts of the region's cooperation
# (PP 50/2007 Pasal 21 huruf b). PP 28/2018 has no article on records; the openness principle of
# UU 23/2014 Pasal 58 huruf d governs every regional government (as for publishing,
# cooperation/articles.py).
IMPORT_ARTICLES = {
    Regime.PP50_2007: "PP 50/2007 Pasal 21 huruf b",
    Regime.PP28_2018: "UU 23/2014 Pasal 58 huruf d",
}


def existing_keys(agreements: Iterable[Agreement]) -> set[tuple[str, str]]:
    """(region, agreement number) pairs among `agreements` already recorded: an agreement with
    that number to which that region is a party."""
    wanted = {a.key for a in agreements}
    if not wanted:
        return set()
    rows = (
        Party.objects.filter(
            region_id__in={r for r, _n in wanted},
            cooperation__agreement_number__in={n for _r, n in wanted},
        )
        .exclude(cooperation__stage__in=CLOSED_BY_RECORD_KEEPING)
        .values_list("region_id", "cooperation__agreement_number")
    )
    return {pair for pair in rows if pair in wanted}


def _cooperation(a: Agreement, now: dt.datetime) -> Cooperation:
    return Cooperation(
        title=a.title,
        kind=Kind.THIRD_PARTY if a.third_parties else Kind.INTER_REGIONAL,
        stage=a.stage,
        regime=a.regime.value,
        governing_on=a.offered_on,
        initiator_id=a.initiator,
        offer_number=a.offer_number,
        offered_on=a.offered_on,
        joint_agreement_number=a.joint_agreement_number,
        joint_agreement_signed_on=a.joint_agreement_signed_on,
        agreement_number=a.agreement_number,
        signed_on=a.signed_on,
        starts_on=a.starts_on,
        ends_on=a.ends_on,
        term_years=a.term_years,
        affair_id=a.affair_id,
        sector=a.sector,
        implementation_started_on=a.implementation_started_on
        or (a.starts_on if a.stage == Stage.EXPIRED else None),
        # An expired agreement ended the day after its last day in force (as `ksd tick` records).
        ended_on=a.ends_on + dt.timedelta(days=1)
        if a.stage == Stage.EXPIRED and a.ends_on
        else None,
        is_published=a.published,
        created_at=now,
        updated_at=now,
    )


def write_agreements(agreements: list[Agreement], *, batch: ImportBatch, now: dt.datetime) -> None:
    if not agreements:
        return
    rows = [_cooperation(a, now) for a in agreements]
    Cooperation.objects.bulk_create(rows)
    parties: list[Party] = []
    reviews: list[DprdReview] = []
    events: list[Event] = []
    for a, coop in zip(agreements, rows, strict=True):
        for code in a.codes:
            parties.append(
                Party(cooperation=coop, region_id=code, is_initiator=code == a.initiator,
                      accepted_on=a.offered_on if code == a.initiator else None)
            )  # fmt: skip
        for name, form in a.third_parties:
            parties.append(Party(cooperation=coop, third_party_name=name, third_party_form=form))
        for code, received, approved in a.dprd:
            reviews.append(
                DprdReview(cooperation=coop, region_id=code, received_on=received,
                           approved_on=approved, created_at=now, updated_at=now)
            )  # fmt: skip
        events.append(
            Event(
                cooperation=coop, kind=EventKind.IMPORTED, actor=batch.user, at=now,
                region_id=batch.region_id, citation=IMPORT_ARTICLES[a.regime],
                changes={"file": batch.file_name, "sha256": batch.file_sha256,
                         "import": str(batch.token), "row": a.row, "stage": a.stage,
                         "agreement_number": a.agreement_number},
                stage=a.stage,
            )
        )  # fmt: skip
    Party.objects.bulk_create(parties, batch_size=1000)
    DprdReview.objects.bulk_create(reviews, batch_size=1000)
    Event.objects.bulk_create(events, batch_size=1000)

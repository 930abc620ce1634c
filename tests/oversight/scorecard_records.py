"""A small hand-built register whose scorecard figures are known (tests/oversight). Rows are
written directly, with the stored fields the scorecard reads, so each figure's answer can be
worked out by hand; tests/oversight/test_scorecard_dprd.py goes through the services instead."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from ksd.bodies.models import BodyMember, BodyReport, CooperationBody
from ksd.cooperation.models import Cooperation, Dispute, Event, EventKind, Kind, Party, Stage
from ksd.dprd.models import DprdReview

# 15 June 2026, 10:00 WIB.
NOW = dt.datetime(2026, 6, 15, 3, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 6, 15)
YOGYA, SLEMAN, BANTUL, GUNUNGKIDUL, KULON_PROGO = "34.71", "34.04", "34.02", "34.03", "34.01"


def cooperation(
    title: str, regions: tuple[str, ...], stage: Stage, *, kind: Kind = Kind.INTER_REGIONAL,
    signed_on: dt.date | None = None, starts_on: dt.date | None = None,
    ends_on: dt.date | None = None, ended_on: dt.date | None = None,
    last_step_on: dt.date | None = None, partner: str = "",
) -> Cooperation:  # fmt: skip
    offered = (signed_on or last_step_on or TODAY) - dt.timedelta(days=60)
    coop = Cooperation.objects.create(
        title=title, kind=kind, stage=stage, regime="pp28_2018", governing_on=offered,
        initiator_id=regions[0], offered_on=offered, signed_on=signed_on,
        starts_on=starts_on or signed_on, ends_on=ends_on, ended_on=ended_on,
        last_step_on=last_step_on or signed_on, created_at=NOW, updated_at=NOW, status_on=TODAY,
    )  # fmt: skip
    for i, code in enumerate(regions):
        Party.objects.create(cooperation=coop, region_id=code, is_initiator=i == 0)
    if partner:
        Party.objects.create(cooperation=coop, third_party_name=partner,
                             third_party_domestic=False, foreign_kind="lembaga",
                             foreign_country="NL")  # fmt: skip
    return coop


def track(coop: Cooperation, region: str, *, received: dt.date, due: tuple[str, dt.date | None],
          **dates: dt.date) -> DprdReview:  # fmt: skip
    review = DprdReview.objects.create(cooperation=coop, region_id=region, received_on=received,
                                       created_at=NOW, updated_at=NOW, **dates)  # fmt: skip
    # Stored as cooperation/status.py stores it (save() blanks it: a plain update here).
    DprdReview.objects.filter(pk=review.pk).update(decision_due_name=due[0], decision_due_on=due[1])
    return review


def build(actor: User) -> dict[str, Cooperation]:
    """The register of the scorecard tests (its figures: test_scorecard_metrics.py)."""
    d = dt.date
    c = {
        "A": cooperation("A Sampah regional", (YOGYA, SLEMAN), Stage.IMPLEMENTING,
                         signed_on=d(2025, 3, 1), ends_on=d(2030, 3, 1)),
        "B": cooperation("B Air minum", (YOGYA, BANTUL), Stage.SIGNED,
                         signed_on=d(2026, 2, 1), ends_on=d(2031, 2, 1)),
        "C": cooperation("C Pasar bersama", (YOGYA, SLEMAN), Stage.EXPIRED,
                         signed_on=d(2024, 1, 10), ends_on=d(2025, 6, 30), ended_on=d(2025, 6, 30)),
        "D": cooperation("D Terminal", (YOGYA, SLEMAN), Stage.TERMINATED,
                         signed_on=d(2025, 5, 1), ends_on=d(2028, 5, 1), ended_on=d(2025, 10, 1)),
        "E": cooperation("E Salah catat", (YOGYA,), Stage.CANCELLED, signed_on=d(2026, 1, 5)),
        "F": cooperation("F Jalan lingkar", (SLEMAN, BANTUL), Stage.DRAFTING,
                         last_step_on=d(2026, 1, 5)),
        "G": cooperation("G Wisata", (SLEMAN,), Stage.OFFERED, last_step_on=d(2026, 6, 10)),
        "I": cooperation("I Irigasi", (YOGYA, GUNUNGKIDUL), Stage.SIGNED,
                         signed_on=d(2026, 5, 1), starts_on=d(2026, 9, 1)),
        "J": cooperation("J Kota kembar", (YOGYA,), Stage.SIGNED, kind=Kind.FOREIGN,
                         signed_on=d(2025, 10, 1), partner="Gemeente Utrecht"),
        "K": cooperation("K Beasiswa", (SLEMAN,), Stage.SIGNED, kind=Kind.FOREIGN,
                         signed_on=d(2025, 12, 1), partner="Universiteit Leiden"),
    }  # fmt: skip
    # DPRD tracks: Yogyakarta decided in time in 2025 and deemed approved in 2026; Sleman late
    # in 2025 and once with no time limit (PP 28/2018 with no clock entered); Bantul undecided.
    track(c["A"], YOGYA, received=d(2025, 1, 10), approved_on=d(2025, 2, 20),
          due=("assessment_due", d(2025, 3, 15)))  # fmt: skip
    track(c["B"], YOGYA, received=d(2025, 11, 1), opinion_sent_on=d(2025, 11, 20),
          resubmitted_on=d(2025, 12, 15), deemed_approved_on=d(2026, 1, 8),
          due=("deemed_approval_due", d(2026, 1, 8)))  # fmt: skip
    track(c["A"], SLEMAN, received=d(2025, 1, 10), approved_on=d(2025, 4, 1),
          due=("assessment_due", d(2025, 3, 15)))  # fmt: skip
    track(c["D"], SLEMAN, received=d(2025, 3, 1), approved_on=d(2025, 4, 10), due=("none", None))
    track(c["B"], BANTUL, received=d(2025, 11, 1), due=("", None))
    track(c["E"], YOGYA, received=d(2025, 11, 1), approved_on=d(2025, 11, 5),
          due=("assessment_due", d(2026, 1, 10)))  # fmt: skip
    # The report abroad of J on time; K's never made.
    Event.objects.create(cooperation=c["J"], kind=EventKind.FOREIGN_REPORTED, at=NOW,
                         on=d(2025, 12, 1), region_id=YOGYA)  # fmt: skip
    # A body of Yogyakarta, Sleman and (since mid-2025) Bantul; its 2025 report reached only
    # Yogyakarta's head.
    body = CooperationBody.objects.create(
        name="Sekber Kartamantul", kind="badan", decision_number="1/2020",
        decided_on=d(2020, 1, 1), formed_by=actor, created_at=NOW,
    )  # fmt: skip
    for code, joined in ((YOGYA, d(2020, 1, 1)), (SLEMAN, d(2020, 1, 1)), (BANTUL, d(2025, 6, 1))):
        BodyMember.objects.create(body=body, region_id=code, representative_name="Sekda",
                                  representative_position="Sekda", joined_on=joined)  # fmt: skip
    report = BodyReport.objects.create(body=body, period="2025", submitted_on=d(2025, 5, 1),
                                       summary="Laporan", filed_by=actor, created_at=NOW)  # fmt: skip
    report.reported_to.set([YOGYA])
    Dispute.objects.create(cooperation=c["A"], between=[YOGYA, SLEMAN], raised_on=d(2025, 8, 1),
                           description="Tarif", settled_on=d(2026, 2, 1), created_at=NOW)  # fmt: skip
    Dispute.objects.create(cooperation=c["E"], between=[YOGYA], raised_on=d(2025, 8, 1),
                           description="Batal", created_at=NOW)  # fmt: skip
    return c

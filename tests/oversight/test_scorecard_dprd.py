"""The time limit each DPRD decision is judged against is stored from ksd.law when the decision
is recorded (dprd/models.py decision_due_name/on), through the services as users record it:
Kota Yogyakarta's resubmitted draft of 1 March 2016 has until 23 March (PP 50/2007 Pasal 12
ayat (4), Nyepi skipped); Sleman's draft received 1 February has the 45 working days of ayat (1).
A correction of a decided track's date is judged again."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from ksd.cooperation.corrections import services as corrections
from ksd.cooperation.status import refresh_many
from ksd.dprd import services as dprd
from ksd.dprd.models import DprdReview
from ksd.oversight.scorecard import Period, scorecard
from pages.records import in_dprd_review

pytestmark = pytest.mark.django_db
LATER = dt.datetime(2016, 6, 1, 3, 0, tzinfo=dt.UTC)


def _review(region: str) -> DprdReview:
    return DprdReview.objects.get(region_id=region)


def test_a_decision_stores_the_time_limit_of_its_round(operator_kota_yogyakarta: User) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    dprd.record_dprd_decision(coop.pk, actor=operator_kota_yogyakarta, region_code="34.71",
                              approved=True, on=dt.date(2016, 3, 10), now=LATER)  # fmt: skip
    yogya = _review("34.71")
    assert (yogya.decision_due_name, yogya.decision_due_on) == (
        "deemed_approval_due", dt.date(2016, 3, 23),
    )  # fmt: skip
    assert _review("34.04").decision_due_name == ""  # still undecided


def test_a_decision_after_the_45_working_days_is_late(operator_kota_yogyakarta: User) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    dprd.record_dprd_decision(coop.pk, actor=operator_kota_yogyakarta, region_code="34.04",
                              approved=True, on=dt.date(2016, 5, 2), now=LATER)  # fmt: skip
    sleman = _review("34.04")
    assert sleman.decision_due_name == "assessment_due"
    assert sleman.decision_due_on is not None
    assert sleman.decision_due_on < dt.date(2016, 5, 2)
    rows = {r.code: r for r in scorecard(Period(2016, dt.date(2016, 6, 1)))}
    assert (rows["34.04"].dprd.met, rows["34.04"].dprd.total) == (0, 1)


def test_the_ticks_deemed_approval_is_stored_as_late(operator_kota_yogyakarta: User) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    review = _review("34.71")
    assert dprd.apply_deemed_approval(review.pk, as_of=dt.date(2016, 3, 24), now=LATER)
    review.refresh_from_db()
    assert review.deemed_approved_on == dt.date(2016, 3, 23)
    assert review.decision_due_name == "deemed_approval_due"
    rows = {r.code: r for r in scorecard(Period(2016, dt.date(2016, 6, 1)))}
    assert (rows["34.71"].dprd.met, rows["34.71"].dprd.total) == (0, 1)
    assert coop.pk


def test_a_corrected_decision_date_is_judged_again(operator_kota_yogyakarta: User) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    dprd.record_dprd_decision(coop.pk, actor=operator_kota_yogyakarta, region_code="34.71",
                              approved=True, on=dt.date(2016, 3, 10), now=LATER)  # fmt: skip
    corrections.correct_dprd_date(
        coop.pk, actor=operator_kota_yogyakarta, region_code="34.71", fact="resubmitted_on",
        value="2016-03-02", reason="Salah ketik tanggal surat", today=dt.date(2016, 6, 1),
        now=LATER,
    )  # fmt: skip
    yogya = _review("34.71")
    assert yogya.decision_due_name == "deemed_approval_due"
    assert yogya.decision_due_on == dt.date(2016, 3, 24)


def test_the_recompute_fills_decided_tracks_stored_before_the_field(
    operator_kota_yogyakarta: User,
) -> None:
    coop = in_dprd_review(operator_kota_yogyakarta)
    dprd.record_dprd_decision(coop.pk, actor=operator_kota_yogyakarta, region_code="34.71",
                              approved=True, on=dt.date(2016, 3, 10), now=LATER)  # fmt: skip
    DprdReview.objects.update(decision_due_name="", decision_due_on=None)  # as after migrating
    assert refresh_many([coop.pk], dt.date(2016, 3, 11)) == [coop.pk]
    assert _review("34.71").decision_due_on == dt.date(2016, 3, 23)

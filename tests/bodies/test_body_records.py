"""Forming a cooperation body asks ksd.law; members come and go by date; reports go to the heads
of the member regions. A refused step names the article and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.utils.translation import gettext

from ksd.bodies.models import BodyKind, BodyMember, BodyReport, CooperationBody
from ksd.bodies.services import MemberSpec, add_member, file_report, form_body, remove_member
from ksd.core.dates import show
from ksd.core.errors import StepRefused

from .conftest import MEMBERS, NOW, drafted_for_years, offered


def test_a_badan_is_formed_for_a_five_year_cooperation_between_regions(
    sekber_kartamantul: CooperationBody, operator_kota_yogyakarta: User
) -> None:
    body = sekber_kartamantul
    assert body.citation == "PP 50/2007 Pasal 24 ayat (1)"
    assert (body.formed_by, body.created_at) == (operator_kota_yogyakarta, NOW)
    assert sorted(body.members.values_list("region_id", "joined_on")) == [
        ("34.02", dt.date(2016, 2, 1)), ("34.04", dt.date(2016, 2, 1)),
        ("34.71", dt.date(2016, 2, 1)),
    ]  # fmt: skip


def test_a_badan_for_a_cooperation_shorter_than_five_years_is_refused_with_the_article(
    operator_kota_yogyakarta: User,
) -> None:
    coop = drafted_for_years(operator_kota_yogyakarta, 3)
    with pytest.raises(StepRefused) as refused:
        form_body(
            actor=operator_kota_yogyakarta, name="Badan", kind=BodyKind.BADAN,
            decision_number="KB/9", decided_on=dt.date(2016, 2, 1), members=MEMBERS,
            cooperation_id=coop.pk, now=NOW,
        )  # fmt: skip
    assert refused.value.citation == "PP 50/2007 Pasal 24 ayat (1)"
    assert "kurang dari 5 tahun" in refused.value.message
    assert not CooperationBody.objects.exists()
    assert not BodyMember.objects.exists()


def test_pp_28_has_no_badan_and_pp_50_has_no_sekretariat(operator_kota_yogyakarta: User) -> None:
    under_pp28 = offered(operator_kota_yogyakarta, ("34.71", "34.04"), dt.date(2019, 3, 4))
    with pytest.raises(StepRefused) as refused:
        form_body(
            actor=operator_kota_yogyakarta, name="Badan", kind=BodyKind.BADAN,
            decision_number="KB/9", decided_on=dt.date(2019, 4, 1), members=MEMBERS[:2],
            cooperation_id=under_pp28.pk, now=NOW,
        )  # fmt: skip
    assert refused.value.citation == "PP 28/2018 Pasal 7 ayat (1)"

    under_pp50 = drafted_for_years(operator_kota_yogyakarta, 5)
    with pytest.raises(StepRefused) as refused:
        form_body(
            actor=operator_kota_yogyakarta, name="Sekretariat", kind=BodyKind.SEKRETARIAT,
            decision_number="KB/9", decided_on=dt.date(2016, 2, 1), members=MEMBERS,
            cooperation_id=under_pp50.pk, now=NOW,
        )  # fmt: skip
    assert "PP 50/2007" in refused.value.message
    assert not CooperationBody.objects.exists()


def test_a_body_needs_two_regions_and_a_member_regions_officer(
    operator_kota_yogyakarta: User, operator_kota_semarang: User
) -> None:
    with pytest.raises(StepRefused) as refused:
        form_body(
            actor=operator_kota_yogyakarta, name="Badan", kind=BodyKind.BADAN,
            decision_number="KB/9", decided_on=dt.date(2016, 2, 1), members=MEMBERS[:1], now=NOW,
        )  # fmt: skip
    assert refused.value.message == gettext(
        "A body has members from at least two different regions."
    )
    with pytest.raises(StepRefused) as refused:
        form_body(
            actor=operator_kota_semarang, name="Badan", kind=BodyKind.BADAN,
            decision_number="KB/9", decided_on=dt.date(2016, 2, 1), members=MEMBERS, now=NOW,
        )  # fmt: skip
    assert refused.value.message == gettext(
        "Only a member region's cooperation officers may change this body."
    )
    assert not CooperationBody.objects.exists()


def test_a_member_leaves_and_joins_again_and_only_party_regions_may_join(
    sekber_kartamantul: CooperationBody, operator_sleman: User
) -> None:
    body = sekber_kartamantul
    seat = body.members.get(region_id="34.02")
    remove_member(seat.pk, actor=operator_sleman, left_on=dt.date(2018, 1, 1), now=NOW)
    seat.refresh_from_db()
    assert seat.left_on == dt.date(2018, 1, 1)
    with pytest.raises(StepRefused):
        remove_member(seat.pk, actor=operator_sleman, left_on=dt.date(2018, 2, 1), now=NOW)

    again = add_member(
        body.pk, actor=operator_sleman, member=MemberSpec("34.02", "Ir. Baru", "Kepala Bagian"),
        joined_on=dt.date(2019, 1, 1), now=NOW,
    )  # fmt: skip
    assert again.left_on is None
    assert body.members.filter(region_id="34.02").count() == 2
    with pytest.raises(StepRefused) as refused:
        add_member(
            body.pk, actor=operator_sleman, member=MemberSpec("33.74", "X", "Y"),
            joined_on=dt.date(2019, 1, 1), now=NOW,
        )  # fmt: skip
    assert refused.value.message == gettext(
        "Every member must be a region that is party to the cooperation."
    )
    assert not body.members.filter(region_id="33.74").exists()


def test_a_report_goes_only_to_heads_of_current_member_regions(
    sekber_kartamantul: CooperationBody, operator_kota_yogyakarta: User
) -> None:
    body = sekber_kartamantul
    report = file_report(
        body.pk, actor=operator_kota_yogyakarta, period="Semester I 2016",
        submitted_on=dt.date(2016, 7, 15), summary="TPST Piyungan menerima 450 ton per hari.",
        reported_to=["34.71", "34.04", "34.02"], now=NOW,
    )  # fmt: skip
    assert sorted(report.reported_to.values_list("code", flat=True)) == ["34.02", "34.04", "34.71"]

    with pytest.raises(StepRefused) as refused:
        file_report(
            body.pk, actor=operator_kota_yogyakarta, period="Semester II 2016",
            submitted_on=dt.date(2017, 1, 15), summary="Laporan", reported_to=["33.74"], now=NOW,
        )  # fmt: skip
    assert refused.value.message == gettext(
        "A report goes to the heads of regions that are members on the day it is submitted."
    )
    assert BodyReport.objects.count() == 1


@pytest.mark.parametrize(
    "day", [dt.date(1, 1, 1), dt.date(1900, 6, 1), dt.date(2101, 1, 3), dt.date(9999, 12, 31)]
)
def test_a_body_date_outside_what_ksd_can_record_is_refused_and_nothing_changes(
    sekber_kartamantul: CooperationBody, operator_kota_yogyakarta: User, day: dt.date
) -> None:
    body = sekber_kartamantul
    sleman = body.members.get(region_id="34.04")
    steps = [
        lambda: form_body(
            actor=operator_kota_yogyakarta, name="Badan", kind=BodyKind.BADAN,
            decision_number="KB/9", decided_on=day, members=MEMBERS, now=NOW,
        ),
        lambda: remove_member(sleman.pk, actor=operator_kota_yogyakarta, left_on=day, now=NOW),
        lambda: file_report(
            body.pk, actor=operator_kota_yogyakarta, period="2016", submitted_on=day,
            summary="Laporan", reported_to=["34.71"], now=NOW,
        ),
    ]  # fmt: skip
    for step in steps:
        with pytest.raises(StepRefused) as refused:
            step()
        assert show(day) in refused.value.message
    assert CooperationBody.objects.count() == 1
    sleman.refresh_from_db()
    assert sleman.left_on is None
    assert not BodyReport.objects.exists()


def test_a_body_report_dated_after_today_is_refused(
    sekber_kartamantul: CooperationBody, operator_kota_yogyakarta: User
) -> None:
    with pytest.raises(StepRefused) as refused:
        file_report(
            sekber_kartamantul.pk, actor=operator_kota_yogyakarta, period="2024",
            submitted_on=dt.date(2024, 1, 3), summary="Laporan", reported_to=["34.71"], now=NOW,
        )  # fmt: skip
    assert "3 Januari 2024" in refused.value.message
    assert "2 Januari 2024" in refused.value.message
    assert not BodyReport.objects.exists()

"""Obligations and milestones with their status from the dates, and corrections that keep the
old value with the reason, who and when."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.models import LogEntry

import personas
from ksd.cooperation.models import Cooperation
from ksd.core.errors import StepRefused
from ksd.monitoring import services
from ksd.monitoring.models import Obligation, PeriodicReport
from ksd.monitoring.page import obligation_status
from ksd.monitoring.services import ReportFacts
from monitoring.conftest import TODAY
from monitoring.records import YK_AGENCY, at

D = dt.date
NOW = at(TODAY)


def obligation(
    coop: Cooperation, region: str, due: dt.date, text: str = "Menyediakan halte"
) -> Obligation:
    yk = personas.operator_kota_yogyakarta()
    party = coop.parties.get(region_id=region)
    return services.add_obligation(coop.pk, actor=yk, party_id=party.pk, kind="obligation",
                                   description=text, due_on=due, now=NOW)  # fmt: skip


def test_status_is_open_late_done_or_done_late_from_the_dates(coop: Cooperation) -> None:
    sleman = personas.operator_sleman()
    open_one = obligation(coop, "34.04", D(2016, 9, 1))
    late = obligation(coop, "34.04", D(2016, 7, 1))
    done = obligation(coop, "34.71", D(2016, 7, 1))
    done_late = obligation(coop, "34.71", D(2016, 5, 1))
    services.mark_done(coop.pk, done.pk, actor=sleman, done_on=D(2016, 6, 20),
                       evidence="BA serah terima 20/6", now=NOW)  # fmt: skip
    services.mark_done(coop.pk, done_late.pk, actor=sleman, done_on=D(2016, 5, 2),
                       evidence="BA serah terima 2/5", now=NOW)  # fmt: skip
    statuses = {o.pk: obligation_status(o, TODAY) for o in Obligation.objects.all()}
    assert statuses == {open_one.pk: "open", late.pk: "late", done.pk: "done",
                        done_late.pk: "done_late"}  # fmt: skip
    # The day it falls due it is still open.
    assert obligation_status(Obligation.objects.get(pk=open_one.pk), D(2016, 9, 1)) == "open"


def test_completion_dates_are_checked(coop: Cooperation) -> None:
    item = obligation(coop, "34.04", D(2016, 7, 1))
    yk = personas.operator_kota_yogyakarta()
    with pytest.raises(StepRefused, match="2 Agustus 2016"):
        services.mark_done(coop.pk, item.pk, actor=yk, done_on=D(2016, 8, 2), evidence="x",
                           now=NOW)  # fmt: skip
    with pytest.raises(StepRefused, match="1 Februari 2016"):
        obligation(coop, "34.04", D(2016, 1, 20))
    with pytest.raises(StepRefused, match="operator kerja sama daerah para pihak"):
        services.mark_done(coop.pk, item.pk, actor=personas.biro_pemerintahan_diy(),
                           done_on=D(2016, 7, 1), evidence="x", now=NOW)  # fmt: skip
    assert Obligation.objects.get(pk=item.pk).done_on is None


def test_a_correction_keeps_the_old_value_the_reason_and_who(coop: Cooperation) -> None:
    yk = personas.operator_kota_yogyakarta()
    services.set_schedule(coop.pk, actor=yk, period="quarterly", first_due_on=D(2016, 3, 31),
                          now=NOW)  # fmt: skip
    report = services.file_report(
        coop.pk, actor=yk, agency_id=coop.implementing_agencies.get(agency_name=YK_AGENCY).pk,
        due_on=D(2016, 3, 31), now=NOW,
        facts=ReportFacts("Berjalan", "", "", 125_000_000, D(2016, 4, 8)),
    )  # fmt: skip
    with pytest.raises(StepRefused):
        services.correct_report(coop.pk, report.pk, actor=yk, field="money_spent",
                                value="152000000", reason=" ", now=NOW)  # fmt: skip
    with pytest.raises(StepRefused, match="operator kerja sama daerahnya sendiri"):
        services.correct_report(coop.pk, report.pk, actor=personas.operator_sleman(),
                                field="money_spent", value="152000000", reason="Salah ketik",
                                now=NOW)  # fmt: skip
    services.correct_report(coop.pk, report.pk, actor=yk, field="money_spent",
                            value="152.000.000", reason="Salah ketik pada SPJ", now=NOW)  # fmt: skip

    report = PeriodicReport.objects.get(pk=report.pk)
    assert report.money_spent == 152_000_000
    (correction,) = report.corrections.all()
    assert (correction.field, correction.old_value, correction.new_value) == (
        "money_spent", "125000000", "152000000")  # fmt: skip
    assert (correction.reason, correction.by, correction.at) == ("Salah ketik pada SPJ", yk, NOW)
    # django-auditlog keeps the same change, as for the reference data.
    entry = LogEntry.objects.get_for_object(report).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == yk
    assert [str(v) for v in entry.changes_dict["money_spent"]] == ["125000000", "152000000"]


def test_an_obligation_correction_may_take_back_a_completion(coop: Cooperation) -> None:
    yk = personas.operator_kota_yogyakarta()
    item = obligation(coop, "34.04", D(2016, 7, 1))
    services.mark_done(coop.pk, item.pk, actor=yk, done_on=D(2016, 6, 30), evidence="BA",
                       now=NOW)  # fmt: skip
    with pytest.raises(StepRefused, match="gunakan koreksi"):
        services.mark_done(coop.pk, item.pk, actor=yk, done_on=D(2016, 6, 30), evidence="BA",
                           now=NOW)  # fmt: skip
    services.correct_obligation(coop.pk, item.pk, actor=yk, field="done_on", value="",
                                reason="Serah terima dibatalkan", now=NOW)  # fmt: skip
    item.refresh_from_db()
    assert item.done_on is None
    assert obligation_status(item, TODAY) == "late"
    (correction,) = item.corrections.all()
    assert (correction.old_value, correction.new_value) == ("2016-06-30", "")
    with pytest.raises(StepRefused, match="TTTT-BB-HH"):
        services.correct_obligation(coop.pk, item.pk, actor=yk, field="due_on",
                                    value="31/12/2016", reason="x", now=NOW)  # fmt: skip

"""Stalled and at-risk work (issue 11 point 2): every rule flags the record just past its
threshold and not the one just short of it; a server's setting and a dated value move the
threshold; each role counts only what it may see; the dashboard's count is the register's
filtered list; queries stay constant as the register grows.

The rules read the stored status (cooperation/status.py), so the records here are stored rows
as the steps leave them, each placed at a known distance from its threshold.
Today is Wednesday 12 June 2024. Working days counted back from it skip Waisak (23 May) with
its cuti bersama (24 May), and Ascension (9 May) with its cuti bersama (10 May).
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import count

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import personas
from ksd.cooperation import stalled
from ksd.cooperation.dashboard import stalled_lines
from ksd.cooperation.models import (
    Amendment,
    Cooperation,
    Dispute,
    Kind,
    OpenTask,
    Party,
    Stage,
)
from ksd.cooperation.queries import register
from ksd.cooperation.status import TaskKind
from ksd.dprd.models import DprdReview

TODAY = dt.date(2024, 6, 12)
NOW = dt.datetime(2024, 6, 12, 3, 0, tzinfo=dt.UTC)  # 10:00 WIB
DAY = dt.timedelta(days=1)
_numbers = count(1)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)


@pytest.fixture
def people(regions_loaded: None) -> dict[str, User]:
    return {
        "operator": personas.operator_kota_yogyakarta(),
        "biro": personas.biro_pemerintahan_diy(),
        "ministry": personas.kemendagri(),
        "outsider": personas.outsider(),  # Kota Medan
    }


def _coop(stage: str = Stage.OFFERED, regions: tuple[str, ...] = ("34.71", "34.04"),
          **fields: object) -> Cooperation:  # fmt: skip
    """A stored record between `regions` (Kota Yogyakarta and Sleman unless told)."""
    n = next(_numbers)
    coop = Cooperation.objects.create(
        title=f"Kerja sama uji {n:03d}", kind=fields.pop("kind", Kind.INTER_REGIONAL), stage=stage,
        regime="pp28_2018", governing_on=dt.date(2024, 1, 2), initiator_id=regions[0],
        offered_on=fields.pop("offered_on", dt.date(2024, 1, 2)), created_at=NOW, updated_at=NOW,
        status_on=TODAY, **fields,
    )  # fmt: skip
    for i, code in enumerate(regions):
        Party.objects.create(cooperation=coop, region_id=code, is_initiator=i == 0)
    return coop


def _task(coop: Cooperation, kind: str, region: str | None = "34.71", **fields: object) -> None:
    OpenTask.objects.create(cooperation=coop, kind=kind, region_id=region, **fields)


def flagged(key: str, today: dt.date = TODAY) -> set[str]:
    rule = stalled.rule(key)
    assert rule is not None
    ids = Cooperation.objects.filter(pk__in=rule.cooperation_ids(today))
    return set(ids.values_list("title", flat=True))


# ----- Each rule, just inside and just outside its threshold -----


@pytest.mark.django_db
def test_no_step_for_more_than_30_working_days(regions_loaded: None) -> None:
    # The 30th working day back from 11 June is 24 April: a step on 23 April has had its 30
    # working days by 11 June; one on 24 April reaches its 30th only today.
    inside = _coop(Stage.DRAFTING, last_step_on=dt.date(2024, 4, 23))
    outside = _coop(Stage.DRAFTING, last_step_on=dt.date(2024, 4, 24))
    signed = _coop(Stage.SIGNED, last_step_on=dt.date(2020, 1, 1))  # signed: not stalled

    assert flagged("no_step") == {inside.title}
    assert outside.title not in flagged("no_step")
    assert signed.title not in flagged("no_step")


@pytest.mark.django_db
def test_offer_not_answered_within_20_working_days_skips_the_holidays(regions_loaded: None) -> None:
    # From Sunday 12 May the 20 working days are 13 May .. 11 June (Waisak and its cuti
    # bersama skipped): over before today. From Monday 13 May they end today.
    inside = _coop(offered_on=dt.date(2024, 5, 12))
    outside = _coop(offered_on=dt.date(2024, 5, 13))
    answered = _coop(offered_on=dt.date(2024, 1, 2))  # everyone answered: no open task
    for coop in (inside, outside):
        _task(coop, TaskKind.ANSWER_OFFER, "34.04")

    assert flagged("offer_unanswered") == {inside.title}
    assert answered.title not in flagged("offer_unanswered")


@pytest.mark.django_db
def test_joint_agreement_without_an_agreement_after_6_months(regions_loaded: None) -> None:
    inside = _coop(Stage.DRAFTING, joint_agreement_signed_on=dt.date(2023, 12, 11))
    outside = _coop(Stage.DRAFTING, joint_agreement_signed_on=dt.date(2023, 12, 12))
    signed = _coop(Stage.SIGNED, joint_agreement_signed_on=dt.date(2020, 1, 6),
                   signed_on=dt.date(2020, 3, 2))  # fmt: skip

    assert flagged("joint_agreement_without_pks") == {inside.title}
    assert outside.title not in flagged("joint_agreement_without_pks")
    assert signed.title not in flagged("joint_agreement_without_pks")


@pytest.mark.django_db
def test_draft_waiting_for_signing_30_days_after_the_last_dprd_approval(
    regions_loaded: None,
) -> None:
    def approved(*days: dt.date) -> Cooperation:
        coop = _coop(Stage.READY_TO_SIGN, last_step_on=max(days))
        for code, day in zip(("34.71", "34.04"), days, strict=False):
            DprdReview.objects.create(cooperation=coop, region_id=code, received_on=dt.date(2024, 2, 1),
                                      approved_on=day, status="approved", created_at=NOW,
                                      updated_at=NOW)  # fmt: skip
        _task(coop, TaskKind.SIGN)
        return coop

    inside = approved(dt.date(2024, 3, 1), dt.date(2024, 5, 12))  # 31 days ago, the later one
    outside = approved(dt.date(2024, 3, 1), dt.date(2024, 5, 13))  # Sleman's only 30 days ago
    # No DPRD approval needed: counted from the last step (the draft).
    no_dprd_inside = _coop(Stage.DRAFTING, last_step_on=dt.date(2024, 5, 12))
    no_dprd_outside = _coop(Stage.DRAFTING, last_step_on=dt.date(2024, 5, 13))
    for coop in (no_dprd_inside, no_dprd_outside):
        _task(coop, TaskKind.SIGN)

    assert flagged("awaiting_signature") == {inside.title, no_dprd_inside.title}
    assert outside.title not in flagged("awaiting_signature")


@pytest.mark.django_db
def test_dprd_track_overdue_the_day_after_its_deadline(regions_loaded: None) -> None:
    inside = _coop(Stage.DPRD_REVIEW)
    _task(inside, TaskKind.DPRD_DECIDE, due_on=TODAY - DAY, due_name="assessment_due",
          status="assessment_overdue", is_overdue=True)  # fmt: skip
    outside = _coop(Stage.DPRD_REVIEW)
    _task(outside, TaskKind.DPRD_DECIDE, due_on=TODAY, due_name="assessment_due",
          status="under_review")  # fmt: skip
    office = _coop(Stage.DPRD_REVIEW)  # the regional head's resubmission is late
    _task(office, TaskKind.RESUBMIT_DPRD, due_on=TODAY - 5 * DAY, due_name="revision_due",
          status="revision_overdue", is_overdue=True)  # fmt: skip

    deemed = _coop(Stage.DPRD_REVIEW)  # the resubmission round ended: deemed approval, no delay
    _task(deemed, TaskKind.DPRD_DECIDE, due_on=TODAY - 5 * DAY, due_name="deemed_approval_due",
          status="resubmitted", is_overdue=True)  # fmt: skip

    assert flagged("dprd_overdue") == {inside.title, office.title}


@pytest.mark.django_db
def test_expiring_within_90_days_with_no_amendment_in_progress(regions_loaded: None) -> None:
    inside = _coop(Stage.SIGNED, ends_on=TODAY + 90 * DAY, is_expiring=True)
    outside = _coop(Stage.SIGNED, ends_on=TODAY + 91 * DAY)
    amended = _coop(Stage.IMPLEMENTING, ends_on=TODAY + 10 * DAY, is_expiring=True)
    Amendment.objects.create(cooperation=amended, number="ADD/1", signed_on=TODAY - 5 * DAY,
                             summary="Perpanjangan dibahas.", created_at=NOW)  # fmt: skip
    long_ago = _coop(Stage.IMPLEMENTING, ends_on=TODAY + 10 * DAY, is_expiring=True)
    Amendment.objects.create(cooperation=long_ago, number="ADD/1", signed_on=TODAY - 91 * DAY,
                             summary="Perubahan lama.", created_at=NOW)  # fmt: skip

    assert flagged("expiring_unrenewed") == {inside.title, long_ago.title}
    assert outside.title not in flagged("expiring_unrenewed")


@pytest.mark.django_db
def test_dispute_waiting_for_an_authority_more_than_30_days(regions_loaded: None) -> None:
    def dispute(raised_on: dt.date, kind: str, *, settled: bool = False) -> Cooperation:
        coop = _coop(Stage.SIGNED)
        row = Dispute.objects.create(cooperation=coop, between=["34.71", "34.04"],
                                     raised_on=raised_on, description="Biaya.",
                                     authority="gubernur", authority_province_id="34",
                                     settled_on=TODAY - DAY if settled else None,
                                     created_at=NOW)  # fmt: skip
        if not settled:
            _task(coop, kind, "34" if kind == TaskKind.GOVERNOR_DISPUTE else None,
                  subject=str(row.pk))  # fmt: skip
        return coop

    governor = dispute(TODAY - 31 * DAY, TaskKind.GOVERNOR_DISPUTE)
    minister = dispute(TODAY - 100 * DAY, TaskKind.MINISTER_DISPUTE)
    recent = dispute(TODAY - 30 * DAY, TaskKind.GOVERNOR_DISPUTE)
    settled = dispute(TODAY - 100 * DAY, TaskKind.GOVERNOR_DISPUTE, settled=True)

    assert flagged("dispute_waiting") == {governor.title, minister.title}
    assert recent.title not in flagged("dispute_waiting")
    assert settled.title not in flagged("dispute_waiting")


@pytest.mark.django_db
def test_cooperation_abroad_not_reported_90_days_after_signing(regions_loaded: None) -> None:
    inside = _coop(Stage.SIGNED, kind=Kind.FOREIGN, signed_on=TODAY - 91 * DAY)
    outside = _coop(Stage.SIGNED, kind=Kind.FOREIGN, signed_on=TODAY - 90 * DAY)
    reported = _coop(Stage.SIGNED, kind=Kind.FOREIGN, signed_on=TODAY - 400 * DAY)
    for coop in (inside, outside):
        _task(coop, TaskKind.REPORT_ABROAD)

    assert flagged("report_abroad_overdue") == {inside.title}
    assert outside.title not in flagged("report_abroad_overdue")
    assert reported.title not in flagged("report_abroad_overdue")


# ----- Settings and dated values -----


@pytest.mark.django_db
def test_a_server_setting_changes_the_threshold_and_the_user_sees_it(
    settings: object, people: dict[str, User], client: Client
) -> None:
    coop = _coop(offered_on=dt.date(2024, 6, 4))  # 5 working days before today: 5..11 June
    _task(coop, TaskKind.ANSWER_OFFER, "34.04")
    assert coop.title not in flagged("offer_unanswered")

    settings.KSD_STALLED_OFFER_UNANSWERED = 4  # type: ignore[attr-defined]

    assert flagged("offer_unanswered") == {coop.title}
    client.force_login(people["ministry"])
    page = client.get("/kerja-sama/").content.decode()
    assert "Penawaran belum dijawab &gt; 4 hari kerja" in page
    board = client.get("/dasbor/").content.decode()
    assert "KSD_STALLED_OFFER_UNANSWERED" in _row(board, "offer_unanswered")


@pytest.mark.django_db
def test_a_record_is_judged_by_the_value_in_force_that_day(regions_loaded: None) -> None:
    parameter = stalled.Parameter(stalled.DAYS, (
        stalled.DatedValue(dt.date(2018, 7, 13), 30, "lama"),
        stalled.DatedValue(dt.date(2024, 6, 1), 10, "baru"),
    ), "KSD_STALLED_TEST_ONLY")  # fmt: skip
    rule = stalled.StalledRule("test_only", "Uji", "Uji.", parameter, stalled._dispute_waiting)
    coop = _coop(Stage.SIGNED)
    row = Dispute.objects.create(cooperation=coop, between=["34.71", "34.04"],
                                 raised_on=dt.date(2024, 5, 15), description="Biaya.",
                                 created_at=NOW)  # fmt: skip
    _task(coop, TaskKind.SETTLE_DISPUTE, subject=str(row.pk))

    def hit(day: dt.date) -> bool:
        return Cooperation.objects.filter(pk__in=rule.cooperation_ids(day)).exists()

    # 31 May: 16 days, under the 30 then in force. 1 June: 17 days, over the new 10.
    assert not hit(dt.date(2024, 5, 31))
    assert hit(dt.date(2024, 6, 1))
    assert rule.value(dt.date(2024, 5, 31)).source == "lama"
    assert rule.threshold(dt.date(2024, 6, 1)) == "> 10 hari"


def test_every_rule_has_a_dated_value_a_reason_and_a_setting() -> None:
    keys = [r.key for r in stalled.rules()]
    assert len(keys) == len(set(keys)) >= 8
    for rule in stalled.rules():
        value = rule.value(TODAY)
        assert value.since is not None
        assert value.source.strip()
        assert "Pasal" in str(rule.reason)
        assert rule.parameter.setting.startswith("KSD_STALLED_")


# ----- Scope, the dashboard and the register agree -----


def _row(page: str, key: str) -> str:
    start = page.find(f'id="stalled-{key}"')
    return "" if start < 0 else page[start : page.index("</tr>", start)]


def _count(row: str) -> int:
    found = re.search(r'class="ksd-stalled-count"><strong>(\d+)</strong>', row)
    assert found, row
    return int(found.group(1))


def _overdue_dprd(regions: tuple[str, ...]) -> Cooperation:
    coop = _coop(Stage.DPRD_REVIEW, regions=regions)
    _task(coop, TaskKind.DPRD_DECIDE, regions[0], due_on=TODAY - 3 * DAY,
          due_name="assessment_due", is_overdue=True)  # fmt: skip
    return coop


@pytest.mark.django_db
def test_each_role_counts_what_it_may_see_and_the_count_lists_those_records(
    people: dict[str, User],
) -> None:
    jogja = _overdue_dprd(("34.71", "34.04"))  # Kota Yogyakarta with Sleman (DIY)
    sleman = _overdue_dprd(("34.04", "34.02"))  # Sleman with Bantul (DIY)
    semarang = _overdue_dprd(("33.74", "33.22"))  # Kota Semarang (Jawa Tengah)
    expected = {
        "operator": {jogja.title},
        "biro": {jogja.title, sleman.title},
        "ministry": {jogja.title, sleman.title, semarang.title},
        "outsider": set(),
    }
    for who, titles in expected.items():
        client = Client()
        client.force_login(people[who])
        board = client.get("/dasbor/").content.decode()
        row = _row(board, "dprd_overdue")
        assert _count(row) == len(titles), who
        assert "/kerja-sama/?stalled=dprd_overdue" in row
        listed = client.get("/kerja-sama/?stalled=dprd_overdue").content.decode()
        shown = {t for t in (jogja.title, sleman.title, semarang.title) if t in listed}
        assert shown == titles, who


@pytest.mark.django_db
def test_the_kept_counts_follow_a_new_record_and_stay_within_their_scope(
    people: dict[str, User],
) -> None:
    """The dashboards keep their counts in the cache; a new record shows at the next visit, and
    a region's count is never another region's."""
    _overdue_dprd(("34.71", "34.04"))  # Kota Yogyakarta with Sleman (DIY)
    ministry, operator = Client(), Client()
    ministry.force_login(people["ministry"])
    operator.force_login(people["operator"])
    assert _count(_row(ministry.get("/dasbor/").content.decode(), "dprd_overdue")) == 1
    assert _count(_row(operator.get("/dasbor/").content.decode(), "dprd_overdue")) == 1

    _overdue_dprd(("33.74", "33.22"))  # Kota Semarang (Jawa Tengah)

    assert _count(_row(ministry.get("/dasbor/").content.decode(), "dprd_overdue")) == 2
    assert _count(_row(operator.get("/dasbor/").content.decode(), "dprd_overdue")) == 1


@pytest.mark.django_db
def test_for_every_rule_the_dashboard_count_is_the_register_filtered_by_it(
    people: dict[str, User],
) -> None:
    _coop(Stage.DRAFTING, last_step_on=dt.date(2024, 1, 5))
    offer = _coop(offered_on=dt.date(2024, 4, 1))
    _task(offer, TaskKind.ANSWER_OFFER, "34.04")
    _coop(Stage.DRAFTING, joint_agreement_signed_on=dt.date(2023, 6, 1))
    _overdue_dprd(("33.74", "33.22"))
    _coop(Stage.SIGNED, ends_on=TODAY + 20 * DAY)
    for who in ("biro", "ministry", "operator"):
        lines = stalled_lines(people[who], TODAY)
        assert {line.key for line in lines} == {r.key for r in stalled.rules()}
        for line in lines:
            rows = register(people[who], {"stalled": line.key}, today=TODAY)
            assert rows.count() == line.count, (who, line.key)
        every = register(people[who], {"stalled": "any"}, today=TODAY).count()
        assert every == len({c.pk for line in lines if line.count
                             for c in register(people[who], {"stalled": line.key},
                                               today=TODAY)})  # fmt: skip
    ministry = {line.key: line.count for line in stalled_lines(people["ministry"], TODAY)}
    assert ministry == {
        "no_step": 1, "offer_unanswered": 1, "joint_agreement_without_pks": 1,
        "awaiting_signature": 0, "dprd_overdue": 1, "expiring_unrenewed": 1,
        "dispute_waiting": 0, "report_abroad_overdue": 0,
        "report_overdue": 0,  # registered by the monitoring app (monitoring/wiring.py)
    }  # fmt: skip
    biro = {line.key: line.count for line in stalled_lines(people["biro"], TODAY)}
    assert biro["dprd_overdue"] == 0  # Kota Semarang's track is Jawa Tengah's


@pytest.mark.django_db
def test_the_register_marks_each_row_with_the_rules_it_hits(people: dict[str, User]) -> None:
    coop = _overdue_dprd(("34.71", "34.04"))
    client = Client()
    client.force_login(people["ministry"])

    page = client.get("/kerja-sama/").content.decode()

    row = page[page.index(coop.title) : page.index("</tr>", page.index(coop.title))]
    assert 'href="?stalled=dprd_overdue"' in row
    assert "Tahap DPRD melewati batas waktu" in row


@pytest.mark.django_db
def test_an_unknown_rule_gets_a_clear_message(people: dict[str, User]) -> None:
    client = Client()
    client.force_login(people["ministry"])

    response = client.get("/kerja-sama/?stalled=semua<script>")

    assert response.status_code == 200
    page = response.content.decode()
    assert "bukan aturan kerja sama macet" in page
    assert "semua<script>" not in page


# ----- Constant queries -----


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_dashboards_and_the_filtered_register_run_the_same_queries_at_two_sizes(
    people: dict[str, User],
) -> None:
    clients: list[Client] = []
    for who in ("operator", "biro", "ministry"):
        client = Client()
        client.force_login(people[who])
        clients.append(client)
    urls = ("/dasbor/", "/kerja-sama/?stalled=any", "/kerja-sama/?stalled=dprd_overdue",
            "/kerja-sama/")  # fmt: skip

    def grow(n: int) -> list[int]:
        for _ in range(n):
            _overdue_dprd(("34.71", "34.04"))
            _coop(Stage.DRAFTING, last_step_on=dt.date(2024, 1, 5))
            offer = _coop(offered_on=dt.date(2024, 4, 1))
            _task(offer, TaskKind.ANSWER_OFFER, "34.04")
            _coop(Stage.SIGNED, ends_on=TODAY + 20 * DAY)
        for client in clients:
            for url in urls:
                client.get(url)  # warm sessions and caches alike at both sizes
        return [_queries(c, u) for c in clients for u in urls]

    assert grow(1) == grow(4)


@pytest.mark.django_db
def test_the_api_filters_by_a_rule_and_names_an_unknown_one(people: dict[str, User]) -> None:
    from api.conftest import ApiClient, token_for

    late = _overdue_dprd(("34.71", "34.04"))
    _coop(Stage.DRAFTING)  # nothing late
    client = ApiClient(token_for(people["ministry"]))

    found = client.get("/api/cooperations", {"stalled": "dprd_overdue"}).json()
    refused = client.get("/api/cooperations", {"stalled": "macet"})

    assert [row["title"] for row in found["results"]] == [late.title]
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["stalled"]

"""After signing: copies, implementation, amendments, termination and expiry, and `ksd tick`."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from ksd.cooperation import services
from ksd.cooperation.jobs import run_tick
from ksd.cooperation.models import Cooperation, Event, EventKind, Notification, Stage
from ksd.core.errors import StepRefused
from ksd.dprd import services as dprd
from ksd.dprd.models import DprdReview

# When the steps are recorded: after every legal date they carry (none is in the future).
NOW = dt.datetime(2024, 1, 2, 2, 0, tzinfo=dt.UTC)
ALL_CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip
BUDGETED = {  # every burden fact recorded: a fact left out is unknown, never "no"
    "apbd_cost": True, "budgeted_current_year": True, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": True,
}  # fmt: skip
UNBUDGETED = {**BUDGETED, "budgeted_current_year": False, "within_skpd_duties": False}


@pytest.fixture
def actor(db: None) -> User:
    return User.objects.create_user("operator_kota_surabaya")


def signed_susi(
    actor: User, *, signed_on: dt.date = dt.date(2015, 3, 2), term: int = 5
) -> Cooperation:
    """SUSI (Kota Surabaya, Sidoarjo): budgeted SKPD work, so no DPRD track (Pasal 10)."""
    coop = services.make_offer(
        actor=actor, title="SUSI: angkutan umum terpadu", initiator="35.78",
        parties=[services.PartySpec(region="35.78"), services.PartySpec(region="35.15")],
        offered_on=dt.date(2015, 1, 5), now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=actor, party_key="35.15", on=dt.date(2015, 1, 12), now=NOW)
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB/2/2015", signed_on=dt.date(2015, 1, 19), now=NOW
    )
    services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, on=dt.date(2015, 2, 2),
        burdens={"35.78": BUDGETED, "35.15": BUDGETED}, now=NOW,
    )  # fmt: skip
    return services.sign_agreement(
        coop.pk, actor=actor, number="PKS/3/2015", signed_on=signed_on, term_years=term, now=NOW
    )


@pytest.mark.usefixtures("regions_loaded")
def test_copies_go_only_to_the_recipients_the_law_names(actor: User) -> None:
    coop = signed_susi(actor)
    with pytest.raises(StepRefused) as refused:
        services.send_copies(
            coop.pk,
            actor=actor,
            region_code="35.78",
            recipients=["menteri"],
            sent_on=dt.date(2015, 3, 3),
            now=NOW,
        )
    assert refused.value.citation == "PP 50/2007 Pasal 12 ayat (6)"
    services.send_copies(
        coop.pk, actor=actor, region_code="35.78", recipients=["gubernur", "dprd", "menteri_lpnd_terkait"],
        sent_on=dt.date(2015, 3, 3), now=NOW,
    )  # fmt: skip
    assert set(coop.copies_sent.values_list("recipient", flat=True)) == {
        "gubernur",
        "dprd",
        "menteri_lpnd_terkait",
    }
    with pytest.raises(StepRefused):
        services.send_copies(
            coop.pk,
            actor=actor,
            region_code="35.78",
            recipients=["dprd"],
            sent_on=dt.date(2015, 3, 4),
            now=NOW,
        )
    assert coop.events.filter(kind=EventKind.COPIES_SENT).count() == 1


@pytest.mark.usefixtures("regions_loaded")
def test_an_early_ending_without_written_notice_is_refused_and_with_it_is_recorded(
    actor: User,
) -> None:
    coop = signed_susi(actor)
    from ksd.regions.models import Agency

    dishub = Agency.objects.create(region_id="35.78", name="Dinas Perhubungan", short_name="Dishub")
    services.start_implementation(
        coop.pk, actor=actor, on=dt.date(2015, 3, 9),
        agencies={"35.78": ["dinas perhubungan", "UPT Terminal"]}, now=NOW,
    )  # fmt: skip
    linked = {a.agency_name: a.agency for a in coop.implementing_agencies.all()}
    assert linked == {"dinas perhubungan": dishub, "UPT Terminal": None}
    with pytest.raises(StepRefused) as refused:
        services.terminate(
            coop.pk,
            actor=actor,
            ground="pasal18_d",
            on=dt.date(2016, 6, 1),
            initiated_by="35.15",
            early=True,
            now=NOW,
        )
    assert refused.value.citation == "PP 50/2007 Pasal 19 ayat (1) huruf a"
    coop.refresh_from_db()
    assert coop.stage == Stage.IMPLEMENTING

    with pytest.raises(StepRefused) as refused:
        services.terminate(
            coop.pk, actor=actor, ground="pergantian_kepala_daerah", on=dt.date(2016, 6, 1), now=NOW
        )
    assert refused.value.citation == "PP 50/2007 Pasal 20"

    services.terminate(
        coop.pk, actor=actor, ground="pasal18_d", on=dt.date(2016, 6, 1), initiated_by="35.15",
        written_notice=True, early=True, now=NOW,
    )  # fmt: skip
    coop.refresh_from_db()
    assert coop.stage == Stage.TERMINATED
    assert coop.ended_on == dt.date(2016, 6, 1)
    assert coop.events.get(kind=EventKind.TERMINATED).citation == "PP 50/2007 Pasal 18 huruf d"


@pytest.mark.usefixtures("regions_loaded")
def test_an_extension_moves_the_end_date_and_is_logged(actor: User) -> None:
    coop = signed_susi(actor)
    assert coop.ends_on == dt.date(2020, 3, 1)
    services.amend(
        coop.pk, actor=actor, number="ADD/1/2019", signed_on=dt.date(2019, 12, 2),
        summary="Jangka waktu diperpanjang tiga tahun", new_ends_on=dt.date(2023, 3, 1), now=NOW,
    )  # fmt: skip
    coop.refresh_from_db()
    assert coop.ends_on == dt.date(2023, 3, 1)
    event = coop.events.get(kind=EventKind.EXTENDED)
    assert event.changes["ends_on"] == ["2020-03-01", "2023-03-01"]
    # Signed under PP 50/2007, amended in 2019: the step follows PP 28/2018 (Pasal 51), which
    # leaves amendments to the Minister's regulation (Pasal 6 ayat (4)).
    assert event.citation == "PP 28/2018 Pasal 6 ayat (4)"
    with pytest.raises(StepRefused):
        services.amend(
            coop.pk,
            actor=actor,
            number="ADD/1/2019",
            signed_on=dt.date(2020, 1, 6),
            summary="x",
            now=NOW,
        )


@pytest.mark.usefixtures("regions_loaded")
def test_tick_expires_an_ended_agreement_once_and_notifies_its_regions(actor: User) -> None:
    coop = signed_susi(actor)
    after_end = dt.datetime(2020, 3, 2, 1, 0, tzinfo=dt.UTC)

    first = run_tick(now=after_end)
    second = run_tick(now=after_end)

    assert first.expired == 1
    assert second.expired == 0
    coop.refresh_from_db()
    assert coop.stage == Stage.EXPIRED
    assert coop.events.filter(kind=EventKind.EXPIRED).count() == 1
    assert set(
        Notification.objects.filter(kind=Notification.Kind.EXPIRED).values_list(
            "region_id", flat=True
        )
    ) == {"35.78", "35.15"}
    assert second.notifications == 0


@pytest.mark.usefixtures("regions_loaded")
def test_tick_applies_a_deemed_approval_once_even_when_run_again(actor: User) -> None:
    coop = services.make_offer(
        actor=actor, title="Kartamantul", initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=dt.date(2016, 1, 4), now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=dt.date(2016, 1, 11), now=NOW)
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB", signed_on=dt.date(2016, 1, 18), now=NOW
    )
    services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, on=dt.date(2016, 1, 25),
        burdens={"34.71": UNBUDGETED, "34.04": BUDGETED}, now=NOW,
    )  # fmt: skip
    dprd.submit_to_dprd(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2016, 2, 1), now=NOW
    )
    dprd.record_dprd_opinion(
        coop.pk, actor=actor, region_code="34.71", sent_on=dt.date(2016, 2, 15), now=NOW
    )
    dprd.record_resubmission(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2016, 3, 1), now=NOW
    )

    # 23 March 2016 is the 15th working day (Nyepi skipped): on it, nothing yet.
    assert run_tick(now=dt.datetime(2016, 3, 23, 9, 0, tzinfo=dt.UTC)).deemed_approvals == 0
    assert run_tick(now=dt.datetime(2016, 3, 24, 1, 0, tzinfo=dt.UTC)).deemed_approvals == 1
    call_command("tick")  # today's real date: the track is long past, nothing more to do

    assert DprdReview.objects.get(region_id="34.71").deemed_approved_on == dt.date(2016, 3, 23)
    assert Event.objects.filter(kind=EventKind.DPRD_DEEMED_APPROVED).count() == 1
    coop.refresh_from_db()
    assert coop.stage == Stage.READY_TO_SIGN


@pytest.mark.usefixtures("regions_loaded")
def test_under_pp_28_a_dprd_is_deemed_to_approve_only_once_the_ministers_clocks_are_entered(
    actor: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PP 28/2018 sets no DPRD clock (parameter pp28_dprd_clocks is null): no deemed approval.
    An administrator who enters the Minister's numbers turns the clocks, and the tick, on."""
    from ksd.law import parameters

    coop = services.make_offer(
        actor=actor, title="Kartamantul 2019", initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=dt.date(2019, 1, 7), now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=dt.date(2019, 1, 14), now=NOW)
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB", signed_on=dt.date(2019, 1, 21), now=NOW
    )
    services.record_burdens(
        coop.pk, actor=actor, burdens={"34.71": UNBUDGETED, "34.04": BUDGETED}, now=NOW
    )
    dprd.submit_to_dprd(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2019, 1, 28), now=NOW
    )
    dprd.record_dprd_opinion(
        coop.pk, actor=actor, region_code="34.71", sent_on=dt.date(2019, 2, 11), now=NOW
    )
    dprd.record_resubmission(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2019, 2, 18), now=NOW
    )
    much_later = dt.datetime(2019, 6, 3, 1, 0, tzinfo=dt.UTC)

    assert run_tick(now=much_later).deemed_approvals == 0

    table = dict(parameters._table())
    label, _entries = table["pp28_dprd_clocks"]
    clocks = {"assessment": 45, "opinion": 15, "revision": 14, "deemed_approval": 15}
    table["pp28_dprd_clocks"] = (
        label,
        ((dt.date(2018, 7, 13), clocks, "test: the Minister's numbers"),),
    )
    monkeypatch.setattr(parameters, "_table", lambda: table)

    assert run_tick(now=much_later).deemed_approvals == 1
    event = coop.events.get(kind=EventKind.DPRD_DEEMED_APPROVED)
    assert event.citation == "PP 28/2018 Pasal 6 ayat (4)"

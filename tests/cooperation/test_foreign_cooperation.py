"""Cooperation abroad in the web app (PP 28/2018 BAB IV): a partner abroad on the offer, and the
central steps recorded as events, each citing its article; a step out of order, a country that is
not one, or a signing without the Foreign Minister's confirmation is refused and changes
nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from ksd.cooperation import services
from ksd.cooperation.abroad import services as foreign
from ksd.cooperation.law import assessment_for
from ksd.cooperation.models import Cooperation, Event, EventKind, Kind, Party
from ksd.core.errors import StepRefused

NOW = dt.datetime(2024, 1, 15, 2, 0, tzinfo=dt.UTC)
KITAKYUSHU = services.PartySpec(
    third_party_name="Kitakyushu City", foreign_kind="pemerintah_daerah", foreign_country="jp"
)


@pytest.fixture
def outsider(regions_loaded: None) -> User:
    import personas

    return personas.outsider()


@pytest.fixture
def client_of() -> Callable[[User], Client]:
    def login(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return login


def offer(
    actor: User, *partners: services.PartySpec, on: dt.date = dt.date(2024, 1, 15)
) -> Cooperation:
    return services.make_offer(
        actor=actor, title="Kota kembar Yogyakarta-Kitakyushu", initiator="34.71",
        parties=[services.PartySpec(region="34.71"), *(partners or (KITAKYUSHU,))],
        offered_on=on, now=NOW,
    )  # fmt: skip


def step(coop: Cooperation, actor: User, name: str, on: dt.date, **extra: object) -> None:
    foreign.record_foreign_step(coop.pk, actor=actor, step=name, on=on, now=NOW, **extra)  # type: ignore[arg-type]


def test_an_offer_to_a_city_abroad_records_the_partner_as_a_ksdpl(
    operator_kota_yogyakarta: User,
) -> None:
    coop = offer(operator_kota_yogyakarta)
    partner = coop.parties.get(region__isnull=True)
    assert (partner.third_party_name, partner.foreign_kind, partner.foreign_country) == (
        "Kitakyushu City", "pemerintah_daerah", "JP",
    )  # fmt: skip
    assert coop.kind == Kind.FOREIGN
    assessment = assessment_for(coop, as_of=dt.date(2024, 1, 15))
    assert [p.kind.kind for p in assessment.pairs] == ["ksdpl"]
    # The DPRD must approve whatever the burden (Pasal 30 ayat (1)).
    assert [v.approval_required for v in assessment.dprd] == [True]


@pytest.mark.parametrize(
    ("country", "message"),
    [("XX", "Kode negara 'XX'"), ("ID", "bukan mitra luar negeri")],
)
def test_a_partner_abroad_needs_a_real_foreign_country(
    operator_kota_yogyakarta: User, country: str, message: str
) -> None:
    bad = services.PartySpec(
        third_party_name="Somewhere", foreign_kind="lembaga", foreign_country=country
    )
    with pytest.raises(StepRefused, match=message):
        offer(operator_kota_yogyakarta, bad)
    assert not Cooperation.objects.exists()
    assert not Party.objects.exists()


def test_under_pp_50_a_partner_abroad_is_refused(operator_kota_yogyakarta: User) -> None:
    with pytest.raises(StepRefused) as refused:
        offer(operator_kota_yogyakarta, on=dt.date(2016, 1, 4))
    assert refused.value.citation == "PP 50/2007 Pasal 1 angka 3"
    assert not Cooperation.objects.exists()


def test_the_central_steps_are_events_citing_pp_28(operator_kota_yogyakarta: User) -> None:
    coop = offer(operator_kota_yogyakarta)
    step(coop, operator_kota_yogyakarta, "consultation", dt.date(2024, 1, 22), reference="B/1")
    step(coop, operator_kota_yogyakarta, "pernyataan_kehendak", dt.date(2024, 2, 1))

    events = Event.objects.filter(kind__in=foreign.FOREIGN_EVENT_KINDS).order_by("id")
    assert [(EventKind(e.kind), e.on, e.citation) for e in events] == [
        (EventKind.FOREIGN_CONSULTED, dt.date(2024, 1, 22), "PP 28/2018 Pasal 28 ayat (4)"),
        (EventKind.FOREIGN_INTENT_SIGNED, dt.date(2024, 2, 1), "PP 28/2018 Pasal 28 ayat (4)"),
    ]
    assert events[0].changes["reference"] == "B/1"
    assessment = assessment_for(coop, as_of=dt.date(2024, 2, 2))
    assert assessment.foreign is not None
    assert assessment.foreign.next_step == "dprd_approval"


def test_a_letter_of_intent_before_the_consultation_is_refused(
    operator_kota_yogyakarta: User,
) -> None:
    coop = offer(operator_kota_yogyakarta)
    with pytest.raises(StepRefused) as refused:
        step(coop, operator_kota_yogyakarta, "pernyataan_kehendak", dt.date(2024, 2, 1))
    assert refused.value.citation == "PP 28/2018 Pasal 28 ayat (4)"
    assert not Event.objects.filter(kind=EventKind.FOREIGN_INTENT_SIGNED).exists()


def test_a_step_is_recorded_once(operator_kota_yogyakarta: User) -> None:
    coop = offer(operator_kota_yogyakarta)
    step(coop, operator_kota_yogyakarta, "consultation", dt.date(2024, 1, 22))
    with pytest.raises(StepRefused):
        step(coop, operator_kota_yogyakarta, "consultation", dt.date(2024, 1, 23))
    assert Event.objects.filter(kind=EventKind.FOREIGN_CONSULTED).count() == 1


def test_no_signing_without_the_foreign_ministers_confirmation(
    operator_kota_yogyakarta: User,
) -> None:
    coop = offer(operator_kota_yogyakarta)
    coop.stage = "ready_to_sign"
    coop.save(update_fields=["stage"])
    with pytest.raises(StepRefused) as refused:
        services.sign_agreement(
            coop.pk, actor=operator_kota_yogyakarta, number="PKS/1",
            signed_on=dt.date(2024, 9, 2), now=NOW,
        )  # fmt: skip
    assert refused.value.citation == "PP 28/2018 Pasal 33 ayat (4)"
    coop.refresh_from_db()
    assert coop.signed_on is None


def test_the_page_shows_the_steps_and_an_operator_records_one(
    operator_kota_yogyakarta: User, outsider: User, client_of: Callable[[User], Client],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    coop = offer(operator_kota_yogyakarta)
    client = client_of(operator_kota_yogyakarta)
    page = client.get(f"/kerja-sama/{coop.pk}/").content.decode()
    assert "KSDPL" in page
    assert "PP 28/2018 Pasal 33 ayat (3)" in page
    assert "Kitakyushu City" in page

    response = client.post(
        f"/kerja-sama/{coop.pk}/luar-negeri/", {"step": "consultation", "on": "2024-01-22"}
    )
    assert response.status_code == 302
    assert coop.events.filter(kind=EventKind.FOREIGN_CONSULTED).count() == 1

    refused = client.post(
        f"/kerja-sama/{coop.pk}/luar-negeri/", {"step": "draft_approval", "on": "2024-01-23"}
    )
    assert refused.status_code == 400
    assert not coop.events.filter(kind=EventKind.FOREIGN_DRAFT_APPROVED).exists()
    assert (
        client_of(outsider)
        .post(f"/kerja-sama/{coop.pk}/luar-negeri/", {"step": "report", "on": "2024-01-23"})
        .status_code
        == 404
    )


def test_a_ksdpl_runs_from_the_offer_to_the_report_to_the_minister(
    operator_kota_yogyakarta: User,
) -> None:
    """PP 28/2018 Pasal 28 ayat (4), Pasal 30-33, Pasal 43, in the order the PP sets them."""
    from ksd.dprd import services as dprd

    actor = operator_kota_yogyakarta
    # The steps are entered once they have happened: after the report of 2 December 2024.
    RECORDED = dt.datetime(2024, 12, 2, 3, 0, tzinfo=dt.UTC)  # noqa: N806
    coop = offer(actor)
    services.accept_offer(
        coop.pk, actor=actor, party_key="Kitakyushu City", on=dt.date(2024, 1, 17), now=RECORDED
    )
    step(coop, actor, "consultation", dt.date(2024, 1, 22))
    step(coop, actor, "pernyataan_kehendak", dt.date(2024, 2, 1))
    # No burden facts: the DPRD approves a KSDPL whatever the burden (Pasal 30 ayat (1)).
    dprd.submit_to_dprd(
        coop.pk, actor=actor, region_code="34.71", received_on=dt.date(2024, 3, 1), now=RECORDED
    )
    dprd.record_dprd_decision(
        coop.pk,
        actor=actor,
        region_code="34.71",
        approved=True,
        on=dt.date(2024, 4, 30),
        now=RECORDED,
    )
    step(coop, actor, "minister_verification", dt.date(2024, 6, 10), result="rancangan")
    step(coop, actor, "draft_approval", dt.date(2024, 8, 1))
    step(coop, actor, "foreign_minister_confirmation", dt.date(2024, 9, 2))
    services.sign_agreement(
        coop.pk, actor=actor, number="PKS/1", signed_on=dt.date(2024, 9, 16), now=RECORDED
    )
    step(coop, actor, "report", dt.date(2024, 12, 2))

    coop.refresh_from_db()
    assert coop.stage == "signed"
    submitted = coop.events.get(kind=EventKind.DPRD_SUBMITTED)
    assert submitted.citation == "PP 28/2018 Pasal 30 ayat (4)"
    verdict = assessment_for(coop, as_of=dt.date(2024, 12, 2)).foreign
    assert verdict is not None
    assert [(s.step, s.status) for s in verdict.steps] == [
        ("consultation", "done"), ("pernyataan_kehendak", "done"), ("dprd_approval", "done"),
        ("minister_verification", "done"), ("draft_approval", "done"),
        ("foreign_minister_confirmation", "done"), ("signing", "done"), ("report", "done"),
    ]  # fmt: skip
    assert verdict.next_step is None
    # On 4 March the DPRD track counted 45 working days under Pasal 30 ayat (4), not Pasal 6.
    from ksd.cooperation import queries

    calendars = queries.calendars_of([coop])
    during = dt.date(2024, 3, 4)
    tracks = queries.dprd_tracks(
        coop, queries.assessment_with(coop, calendars, today=during), calendars, today=during
    )
    assert [(d.name, d.due_on, d.citation) for d in tracks[0].deadlines] == [
        ("assessment_due", dt.date(2024, 5, 21), "PP 28/2018 Pasal 30 ayat (4)")
    ]


def test_the_offer_form_takes_a_partner_abroad_and_refuses_a_country_that_is_not_one(
    operator_kota_yogyakarta: User, client_of: Callable[[User], Client],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    client = client_of(operator_kota_yogyakarta)
    form = {"title": "Kota kembar", "offered_on": "2024-01-15", "foreign_1_name": "Kyoto City",
            "foreign_1_kind": "pemerintah_daerah", "foreign_1_country": "QQ"}  # fmt: skip
    refused = client.post("/kerja-sama/baru/", form)
    assert refused.status_code == 400
    assert "Kode negara &#x27;QQ&#x27;" in refused.content.decode()
    assert not Cooperation.objects.exists()

    made = client.post("/kerja-sama/baru/", {**form, "foreign_1_country": "JP"})
    assert made.status_code == 302
    partner = Party.objects.get(foreign_kind="pemerintah_daerah")
    assert (partner.third_party_name, partner.foreign_country) == ("Kyoto City", "JP")


def test_the_requirements_stated_on_the_page_are_judged_by_pasal_27(
    operator_kota_yogyakarta: User, client_of: Callable[[User], Client],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    coop = offer(operator_kota_yogyakarta)
    before = assessment_for(coop, as_of=dt.date(2024, 1, 15))
    assert "foreign_requirements_unstated" in {f.code for f in before.findings}

    response = client_of(operator_kota_yogyakarta).post(
        f"/kerja-sama/{coop.pk}/luar-negeri/persyaratan/",
        {"object_code": "budaya",
         "requirements": ["urusan_pemerintah_daerah", "tanpa_kantor_perwakilan",
                          "tidak_mencampuri_urusan_dalam_negeri", "sesuai_rencana_pembangunan",
                          "kesetaraan", "saling_melengkapi", "peningkatan_hubungan_masyarakat"],
         "plan_contents": ["subjek", "objek"]},
    )  # fmt: skip
    assert response.status_code == 302
    stated = coop.events.get(kind=EventKind.FOREIGN_FACTS_STATED)
    assert stated.actor == operator_kota_yogyakarta
    after = assessment_for(coop, as_of=dt.date(2024, 1, 15))
    missing = {(f.code, f.subject, str(f.citation)) for f in after.findings}
    assert ("foreign_requirement_missing", "hubungan_diplomatik",
            "PP 28/2018 Pasal 27 ayat (1) huruf a") in missing  # fmt: skip
    assert ("missing_plan_content", "sumber_pembiayaan",
            "PP 28/2018 Pasal 30 ayat (3) huruf f") in missing  # fmt: skip
    assert "foreign_requirements_unstated" not in {f.code for f in after.findings}

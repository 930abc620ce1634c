"""Kota Yogyakarta's DPRD secretariat records its DPRD's approval on the cooperation's page; the
track shows it approved and, as no other DPRD must approve, the agreement is ready to sign."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import People, Screenshot, step_form
from ksd.cooperation import services
from ksd.cooperation.models import Cooperation, Event, EventKind, Stage
from ksd.dprd import services as dprd
from ksd.dprd.models import DprdReview

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]

NOW = dt.datetime(2016, 2, 1, 3, 0, tzinfo=dt.UTC)
CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip
TITLE = "Penanganan banjir Sungai Code"


def _submitted(operator: User, sleman: User) -> Cooperation:
    """Kota Yogyakarta and Sleman; only Kota Yogyakarta's share burdens an unbudgeted APBD, so
    only its DPRD must approve; the draft reached it on 1 February 2016."""
    coop = services.make_offer(
        actor=operator, title=TITLE, initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=dt.date(2016, 1, 4), now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=sleman, party_key="34.04", on=dt.date(2016, 1, 8),
                          now=NOW)  # fmt: skip
    services.sign_joint_agreement(coop.pk, actor=operator, number="KB/03/2016",
                                  signed_on=dt.date(2016, 1, 15), now=NOW)  # fmt: skip
    services.draft_agreement(
        coop.pk, actor=operator, contents=CONTENTS, term_years=3, on=dt.date(2016, 1, 22),
        burdens={"34.71": {"apbd_cost": True, "budgeted_current_year": False},
                 "34.04": {"apbd_cost": True, "budgeted_current_year": True,
                           "uses_regional_assets": False, "public_pays": False,
                           "within_skpd_duties": True}},
        now=NOW,
    )  # fmt: skip
    dprd.submit_to_dprd(coop.pk, actor=operator, region_code="34.71",
                        received_on=dt.date(2016, 2, 1), now=NOW)  # fmt: skip
    return coop


def test_the_dprd_of_the_region_records_its_approval_and_the_agreement_is_ready_to_sign(
    browser: Browser, live_server: LiveServer, screenshot: Screenshot
) -> None:
    coop = _submitted(personas.operator_kota_yogyakarta(), personas.operator_sleman())
    with People(browser, live_server) as people:
        page = people.open(personas.dprd_kota_yogyakarta(), f"/kerja-sama/{coop.pk}/")
        track = page.locator('.ksd-track[aria-label="DPRD Kota Yogyakarta"]')
        expect(track.locator(".ksd-track-dates")).to_contain_text("2016-02-01")
        stage_before = page.locator(".ksd-stage").inner_text()
        # A DPRD secretariat only records its own DPRD's opinion and decision.
        for action in ("tanda-tangan/", "rancangan/", "ajukan/"):
            expect(step_form(page, action)).to_have_count(0)
        decide = step_form(page, "keputusan/")
        expect(decide.locator('input[name="region"]')).to_have_value("34.71")

        decide.locator('select[name="decision"]').select_option("approve")
        decide.locator('input[name="on"]').fill("2016-02-15")
        decide.locator('button[type="submit"]').click()

        expect(page.locator(".message.success")).to_be_visible()
        expect(track.locator(".ksd-status.approved")).to_be_visible()
        expect(track.locator(".ksd-track-dates")).to_contain_text("2016-02-15")
        expect(page.locator(".ksd-stage")).not_to_have_text(stage_before)
        expect(step_form(page, "keputusan/")).to_have_count(0)
        approved = page.locator(".ksd-timeline li").filter(has_text="dprd_kota_yogyakarta")
        expect(approved).to_contain_text("15 Februari 2016")
        screenshot(page, "cooperation-dprd-approved")

    coop.refresh_from_db()
    assert coop.stage == Stage.READY_TO_SIGN
    assert DprdReview.objects.get(cooperation=coop).approved_on == dt.date(2016, 2, 15)
    event = Event.objects.get(cooperation=coop, kind=EventKind.DPRD_APPROVED)
    assert event.actor is not None
    assert event.actor.username == "dprd_kota_yogyakarta"

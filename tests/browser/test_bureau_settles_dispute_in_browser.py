"""DIY's provincial bureau finds a dispute between Kota Yogyakarta and Sleman waiting for the
governor on its dashboard, follows it to the cooperation's page and records the governor's
decree there; a settlement dated before the dispute is refused in Bahasa Indonesia and changes
nothing, and once settled the dispute leaves the bureau's dashboard."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import People, Screenshot, step_form
from ksd.cooperation import services
from ksd.cooperation.disputes import services as disputes
from ksd.cooperation.models import Cooperation, Dispute, Event, EventKind

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]

NOW = dt.datetime(2016, 3, 2, 3, 0, tzinfo=dt.UTC)
TITLE = "Pengelolaan air limbah Sewon–Code"
CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip
SKPD_WORK = {  # budgeted work within the SKPD's duties: no DPRD approval (PP 50/2007 Pasal 10)
    "apbd_cost": True, "budgeted_current_year": True, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": True,
}  # fmt: skip
SETTLE = "perselisihan/putusan/"


def _disputed(operator: User) -> Cooperation:
    """Kota Yogyakarta and Sleman, both in DIY, signed on 1 February 2016; on 15 February
    Kota Yogyakarta records a dispute between them, which PP 50/2007 Pasal 15 gives to the
    governor."""
    coop = services.make_offer(
        actor=operator, title=TITLE, initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=dt.date(2016, 1, 4), now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=operator, party_key="34.04", on=dt.date(2016, 1, 11),
                          now=NOW)  # fmt: skip
    services.sign_joint_agreement(coop.pk, actor=operator, number="KB/07/2016",
                                  signed_on=dt.date(2016, 1, 18), now=NOW)  # fmt: skip
    services.draft_agreement(
        coop.pk, actor=operator, contents=CONTENTS, term_years=5, on=dt.date(2016, 1, 25),
        burdens={"34.71": SKPD_WORK, "34.04": SKPD_WORK}, now=NOW,
    )  # fmt: skip
    services.sign_agreement(coop.pk, actor=operator, number="PKS/07/2016",
                            signed_on=dt.date(2016, 2, 1), now=NOW)  # fmt: skip
    disputes.raise_dispute(
        coop.pk, actor=operator, between=["34.71", "34.04"], raised_on=dt.date(2016, 2, 15),
        description="Pembagian biaya operasional IPAL Sewon.", now=NOW,
    )  # fmt: skip
    return coop


def _governor_section(page: Page) -> Locator:
    return page.locator('section[aria-labelledby="tasks-disputes"]')


def _settle(page: Page, on: str) -> None:
    form = step_form(page, SETTLE)
    form.locator('select[name="settlement"]').select_option("gubernur")
    form.locator('input[name="settled_on"]').fill(on)
    form.locator('input[name="decision_number"]').fill("188/72/KEP/2016")
    form.locator('textarea[name="summary"]').fill("Biaya dibagi menurut jumlah sambungan rumah.")
    form.get_by_role("button").click()


def test_the_provincial_bureau_finds_the_dispute_on_its_dashboard_and_settles_it(
    browser: Browser, live_server: LiveServer, screenshot: Screenshot
) -> None:
    coop = _disputed(personas.operator_kota_yogyakarta())
    dispute = Dispute.objects.get(cooperation=coop)
    events = Event.objects.filter(cooperation=coop).count()

    with People(browser, live_server) as people:
        page = people.open(personas.biro_pemerintahan_diy(), "/dasbor/")
        waiting = _governor_section(page)
        expect(waiting.get_by_role("heading")).to_have_text(
            "Perselisihan yang menunggu keputusan gubernur"
        )
        expect(page.get_by_text("Tidak ada yang menunggu tindakan Anda.")).to_have_count(0)
        waiting.get_by_role("link", name=TITLE).click()

        expect(page).to_have_url(re.compile(rf"/kerja-sama/{coop.pk}/#disputes$"))
        listed = page.locator("ul.ksd-disputes li")
        expect(listed).to_contain_text("15 Februari 2016")
        expect(listed).to_contain_text("Kota Yogyakarta")
        expect(listed).to_contain_text("Kabupaten Sleman")
        expect(listed).not_to_contain_text("Diselesaikan")
        # A supervisor decides; it does not record disputes of its own.
        expect(step_form(page, "perselisihan/#")).to_have_count(0)
        listed.get_by_role("link", name="Catat penyelesaian perselisihan").click()
        expect(page).to_have_url(re.compile(r"#step-settle$"))
        expect(step_form(page, SETTLE)).to_be_in_viewport()

        # A decree dated before the dispute was raised is refused, in Bahasa Indonesia.
        _settle(page, "2016-02-10")
        refusal = page.locator("section.ksd-now").get_by_role("alert")
        expect(refusal).to_contain_text("10 Februari 2016")
        expect(refusal).to_contain_text("mendahului")
        expect(refusal).to_contain_text("15 Februari 2016")
        expect(step_form(page, SETTLE).locator('input[name="settled_on"]')).to_have_value(
            "2016-02-10"
        )
        expect(page.locator("ul.ksd-disputes li")).not_to_contain_text("Diselesaikan")
        dispute.refresh_from_db()
        assert dispute.settled_on is None
        assert Event.objects.filter(cooperation=coop).count() == events

        _settle(page, "2016-03-01")

        expect(page.locator(".message.success")).to_be_visible()
        settled = page.locator("ul.ksd-disputes li")
        expect(settled).to_contain_text("Diselesaikan 1 Maret 2016")
        expect(settled).to_contain_text("Keputusan Gubernur 188/72/KEP/2016")
        expect(settled).to_contain_text("Biaya dibagi menurut jumlah sambungan rumah.")
        expect(step_form(page, SETTLE)).to_have_count(0)  # nothing left to settle
        expect(settled.get_by_role("link")).to_have_count(0)
        screenshot(page, "cooperation-dispute-settled")

        page.goto(live_server.url + "/dasbor/")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(_governor_section(page).get_by_role("link", name=TITLE)).to_have_count(0)

    dispute.refresh_from_db()
    assert dispute.settled_on == dt.date(2016, 3, 1)
    assert dispute.settlement == Dispute.Settlement.GOVERNOR
    assert dispute.decision_number == "188/72/KEP/2016"
    decided = Event.objects.get(cooperation=coop, kind=EventKind.DISPUTE_DECIDED)
    assert decided.actor is not None
    assert decided.actor.username == "biro_pemerintahan_diy"

"""An operator makes an offer by typing "sle" in the partner picker, and on a cooperation's page
sees a refused step named at the top, next to the step, with its article; reloading the page
then reads it again instead of posting the step twice."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Browser, Request, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import People, step_form
from ksd.cooperation import services
from ksd.cooperation.models import Cooperation, Event

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]

NOW = dt.datetime(2016, 3, 2, 3, 0, tzinfo=dt.UTC)


def test_an_operator_finds_sleman_by_typing_sle_and_the_offer_keeps_its_substance(
    browser: Browser, live_server: LiveServer
) -> None:
    with People(browser, live_server) as people:
        page = people.open(personas.operator_kota_yogyakarta(), "/kerja-sama/baru/")
        form = page.locator("form.ksd-form")
        form.locator('input[name="title"]').fill("Air minum regional Sleman")
        form.locator('input[name="offered_on"]').fill("2016-01-04")
        picker = form.locator('select[name="regions"]')
        shown = "sel => [...sel.options].filter(o => !o.hidden).map(o => o.text)"

        search = form.get_by_label("Cari daerah menurut namanya")
        expect(search).to_be_visible()  # the script shows the filter; without it, it stays hidden
        search.fill("sle")

        names = picker.evaluate(shown)
        assert "Kabupaten Sleman" in names
        assert len(names) < 10
        assert "Kota Yogyakarta" not in picker.evaluate("s => [...s.options].map(o => o.text)")
        picker.select_option(label="Kabupaten Sleman")
        form.locator('textarea[name="objective"]').fill("Air bersih untuk Ngaglik")
        form.locator('button[type="submit"]').click()

        expect(page).to_have_url(re.compile(r"/kerja-sama/\d+/$"))
        expect(page.locator(".ksd-parties")).to_contain_text("Kabupaten Sleman")
        expect(page.locator("#substance")).to_be_visible()
        expect(page.get_by_text("Air bersih untuk Ngaglik")).to_be_visible()

    coop = Cooperation.objects.get()
    assert {p.region_id for p in coop.parties.all()} == {"34.71", "34.04"}


def test_a_refused_step_shows_at_the_top_next_to_its_step_and_a_reload_does_not_post(
    browser: Browser, live_server: LiveServer
) -> None:
    operator = personas.operator_kota_yogyakarta()
    personas.operator_sleman()
    coop = services.make_offer(
        actor=operator, title="Angkutan perkotaan", initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=dt.date(2016, 1, 4), now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=operator, party_key="34.04", on=dt.date(2016, 1, 11),
                          now=NOW)  # fmt: skip
    services.sign_joint_agreement(coop.pk, actor=operator, number="KB/1",
                                  signed_on=dt.date(2016, 1, 18), now=NOW)  # fmt: skip
    events = Event.objects.filter(cooperation=coop).count()
    page_url = f"{live_server.url}/kerja-sama/{coop.pk}/"

    with People(browser, live_server) as people:
        page = people.open(operator, f"/kerja-sama/{coop.pk}/")
        top = page.locator("section.ksd-now")
        expect(top.locator('a[href="#step-draft"]')).to_be_visible()

        # A draft naming only two of the contents the regulation requires.
        draft = step_form(page, "rancangan/")
        draft.locator('input[name="contents"][value="subjek"]').check()
        draft.locator('input[name="contents"][value="objek"]').check()
        draft.locator('input[name="term_years"]').fill("7")
        draft.locator('input[name="on"]').fill("2016-01-25")
        draft.locator('button[type="submit"]').click()

        refusal = top.get_by_role("alert")
        expect(refusal).to_contain_text("Ditolak")
        expect(refusal).to_contain_text("PP 50/2007 Pasal")
        # The address is the page's own, at the refused step, whose form keeps the input.
        expect(page).to_have_url(page_url + "#step-draft")
        expect(step_form(page, "rancangan/").locator('input[name="term_years"]')).to_have_value("7")
        refusal.get_by_role("link").click()
        expect(page.locator("#step-draft")).to_be_in_viewport()

        posts: list[Request] = []
        page.on("request", lambda r: posts.append(r) if r.method == "POST" else None)
        page.reload()
        expect(page.locator("section.ksd-now")).to_be_visible()
        expect(page.locator("section.ksd-now").get_by_role("alert")).to_have_count(0)
        assert posts == []

    assert Event.objects.filter(cooperation=coop).count() == events

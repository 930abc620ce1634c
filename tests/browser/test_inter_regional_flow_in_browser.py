"""An inter-regional cooperation under PP 50/2007, taken from offer to signature in Chromium by
the people who take each step: Kota Yogyakarta's operator offers, Sleman's operator accepts, the
joint agreement and the draft PKS with its burden facts follow, Kota Yogyakarta's DPRD gives its
opinion on the submitted draft, the revised draft is resubmitted on 1 March 2016, and when the
DPRD stays silent `ksd tick` applies the deemed approval after 23 March 2016 (fifteen working
days, Nyepi on 9 March not counted); then the agreement is signed. (Sending its copies, PP 50/2007
Pasal 12 ayat (5)-(6), has a service but no form on the page yet.)

The legal dates are typed into the forms; the clock is never patched: the tick is run in the
test's own process, "as of" 24 March 2016, on the database the live server uses.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import People, Screenshot, step_form
from ksd.cooperation.jobs import run_tick
from ksd.cooperation.models import Cooperation, Event, EventKind, Stage
from ksd.dprd.models import DprdReview

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]

TITLE = "Pengelolaan sampah bersama TPST Piyungan"
CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip


def _take(page: Page, action: str, fields: dict[str, str], *, checks: tuple[str, ...] = ()) -> None:
    """Fill a step's form on the cooperation's page and send it; the page must come back with
    the success message."""
    form = step_form(page, action)
    for name, value in fields.items():
        field = form.locator(f'[name="{name}"]')
        kind = field.evaluate("e => e.type")
        if kind == "hidden":  # the track's region, set by the page
            expect(field).to_have_value(value)
        elif kind.startswith("select"):
            field.select_option(value)
        else:
            field.fill(value)
    for name in checks:
        form.locator(f'input[name="{name}"]').check()
    form.locator('button[type="submit"]').click()
    expect(page.locator(".message.success")).to_be_visible()
    expect(page.locator(".ksd-refused")).to_have_count(0)


def _offer(page: Page, live_server: LiveServer) -> int:
    page.goto(live_server.url + "/kerja-sama/")
    page.locator('main a[href="/kerja-sama/baru/"]').click()
    form = page.locator("form.ksd-form")
    form.locator('input[name="title"]').fill(TITLE)
    form.locator('input[name="offer_number"]').fill("415.4/017/2016")
    form.locator('input[name="offered_on"]').fill("2016-01-04")
    form.locator('select[name="regions"]').select_option("34.04")
    form.locator('button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/kerja-sama/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    return int(page.url.rstrip("/").rsplit("/", 1)[1])


def test_an_inter_regional_cooperation_from_offer_to_deemed_approval_and_signature(
    browser: Browser, live_server: LiveServer, screenshot: Screenshot
) -> None:
    with People(browser, live_server) as people:
        yogya = people.open(personas.operator_kota_yogyakarta(), "/dasbor/")
        sleman_user, dprd_user = personas.operator_sleman(), personas.dprd_kota_yogyakarta()

        pk = _offer(yogya, live_server)
        parties = yogya.locator(".ksd-parties")
        expect(parties).to_contain_text("Kota Yogyakarta — pemrakarsa")
        expect(parties).to_contain_text("Kabupaten Sleman")
        expect(parties).not_to_contain_text("34.71")  # a name, never the code
        # The initiator cannot answer for Sleman: only Sleman's operator can.
        expect(step_form(yogya, "jawab-penawaran/")).to_have_count(0)

        sleman = people.open(sleman_user, f"/kerja-sama/{pk}/")
        _take(
            sleman, "jawab-penawaran/", {"party": "34.04", "answer": "accept", "on": "2016-01-11"}
        )
        expect(sleman.locator(".ksd-parties")).to_contain_text("11 Januari 2016")

        yogya.reload()
        _take(yogya, "kesepakatan-bersama/", {"number": "KB/01/2016", "signed_on": "2016-01-18"})
        expect(yogya.locator(".ksd-dates")).to_contain_text("KB/01/2016")

        # The draft PKS: its contents, its term, and what it costs each region (Pasal 9-10).
        draft = step_form(yogya, "rancangan/")
        for code in CONTENTS:
            draft.locator(f'input[name="contents"][value="{code}"]').check()
        # Each fact is answered yes or no; one left "not recorded yet" is unknown, never "no".
        _take(
            yogya, "rancangan/",
            {"term_years": "5", "on": "2016-01-25",
             "burden_34.71_apbd_cost": "yes", "burden_34.71_budgeted_current_year": "no",
             "burden_34.04_apbd_cost": "yes", "burden_34.04_budgeted_current_year": "yes",
             "burden_34.04_uses_regional_assets": "no", "burden_34.04_public_pays": "no",
             "burden_34.04_within_skpd_duties": "yes"},
        )  # fmt: skip
        # Kota Yogyakarta pays from an APBD not yet budgeted: its DPRD must approve; Sleman's
        # share is budgeted SKPD work and needs none.
        expect(yogya.locator('.ksd-track[aria-label="DPRD Kota Yogyakarta"]')).to_be_visible()
        expect(yogya.locator(".ksd-status.not_required")).to_have_count(1)

        _take(yogya, "ajukan/", {"region": "34.71", "received_on": "2016-02-01"})
        # The DPRD secretariat finds the draft among its tasks, with the DPRD's deadline.
        dprd = people.open(dprd_user, "/dasbor/")
        task = dprd.locator(".ksd-task").filter(has=dprd.locator(f'a[href^="/kerja-sama/{pk}/"]'))
        expect(task).to_contain_text("PP 50/2007 Pasal 12")
        task.locator("summary").click()
        screenshot(dprd, "dashboard")
        task.locator(f'a[href^="/kerja-sama/{pk}/"]').click()
        _take(dprd, "pendapat/", {"region": "34.71", "sent_on": "2016-02-15",
                                  "summary": "Perjelas pembagian biaya operasional TPST."})  # fmt: skip
        yogya.reload()
        _take(yogya, "penyampaian-kembali/", {"region": "34.71", "received_on": "2016-03-01"})

        # The DPRD clock of the resubmitted draft: deemed approved after 23 March, Nyepi skipped.
        track = yogya.locator('.ksd-track[aria-label="DPRD Kota Yogyakarta"]')
        expect(track.locator(".ksd-track-dates")).to_contain_text("1 Maret 2016")
        deemed = track.locator("tr").filter(has_text="PP 50/2007 Pasal 12 ayat (4)")
        expect(deemed).to_contain_text("23 Maret 2016")
        deemed.locator("summary").click()
        expect(deemed.locator(".ksd-why pre")).to_contain_text("2016-03-09")
        screenshot(yogya, "cooperation-dprd-clocks")

        # The page already reads the DPRD's silence from the law; the tick records it.
        timeline = yogya.locator(".ksd-timeline li")
        expect(timeline.filter(has_text="PP 50/2007 Pasal 12 ayat (4)")).to_have_count(0)
        summary = run_tick(now=dt.datetime(2016, 3, 24, 1, 0, tzinfo=dt.UTC))
        assert summary.deemed_approvals == 1

        yogya.reload()
        event = timeline.filter(has_text="PP 50/2007 Pasal 12 ayat (4)")
        expect(event).to_have_count(1)
        expect(event).to_contain_text("23 Maret 2016")  # the last of the fifteen working days
        expect(event.locator(".ksd-reason")).to_contain_text("Nyepi")
        expect(track.locator(".ksd-status.deemed_approved")).to_be_visible()

        _take(yogya, "tanda-tangan/", {"number": "PKS/05/2016", "signed_on": "2016-03-28",
                                       "starts_on": "2016-04-01", "term_years": "5"})  # fmt: skip
        expect(yogya.locator(".ksd-dates")).to_contain_text("PKS/05/2016")
        expect(yogya.locator(".ksd-dates")).to_contain_text("28 Maret 2016")

        # Copies of the signed PKS, to the recipients Pasal 12 ayat (6) names for a kota.
        copies = step_form(yogya, "salinan/")
        for recipient in ("gubernur", "menteri_lpnd_terkait", "dprd"):
            copies.locator(f'input[name="recipients"][value="{recipient}"]').check()
        copies.locator('[name="sent_on"]').fill("2016-03-30")
        copies.locator('button[type="submit"]').click()
        expect(yogya.locator(".message.success")).to_be_visible()
        expect(
            yogya.locator(".ksd-timeline li").filter(has_text="PP 50/2007 Pasal 12 ayat (6)")
        ).to_have_count(1)

    cooperation = Cooperation.objects.get(pk=pk)
    assert cooperation.stage == Stage.SIGNED
    review = DprdReview.objects.get(cooperation=cooperation, region_id="34.71")
    assert review.deemed_approved_on == dt.date(2016, 3, 23)
    assert set(cooperation.copies_sent.values_list("recipient", flat=True)) == {
        "gubernur", "menteri_lpnd_terkait", "dprd",
    }  # fmt: skip
    actors = dict(
        Event.objects.filter(cooperation=cooperation).values_list("kind", "actor__username")
    )
    assert actors[EventKind.OFFER_ACCEPTED] == "operator_sleman"
    assert actors[EventKind.DPRD_OPINION] == "dprd_kota_yogyakarta"

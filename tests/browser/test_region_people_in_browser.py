"""The office day, as two regions live it in the browser:

- Sleman's DPRD has no account yet: the cooperation's page says so and names Sleman's regional
  administrator, who invites the secretariat from there; the invitee opens the e-mailed link,
  chooses a password, logs in and finds the DPRD decision waiting.
- Kota Yogyakarta's DPRD secretariat opens the link in its morning digest and records the
  decision there.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import People, Screenshot, step_form
from ksd.accounts.models import Membership, Role
from ksd.dprd.models import DprdReview
from ksd.reminders.digest import send_digests
from reminders.records import TITLE, submitted_pp50

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]
PASSWORD = "Rapat-Paripurna-2026!"  # noqa: S105 (test only)
WIB = dt.timezone(dt.timedelta(hours=7))


def sleman_admin() -> User:
    user = personas.persona("admin_sleman", Role.OPERATOR, "34.04")
    Membership.objects.filter(user=user).update(is_regional_admin=True)
    User.objects.filter(pk=user.pk).update(first_name="Rina", last_name="Wulandari")
    return User.objects.get(pk=user.pk)


def test_the_partner_regions_admin_invites_its_dprd_who_accepts_logs_in_and_finds_its_task(
    browser: Browser, live_server: LiveServer, screenshot: Screenshot
) -> None:
    coop = submitted_pp50(
        personas.operator_kota_yogyakarta(), personas.operator_sleman(),
        regions=("34.71", "34.04"),
    )  # fmt: skip
    personas.dprd_kota_yogyakarta()
    admin = sleman_admin()
    with People(browser, live_server) as people:
        # The initiator sees why Sleman's DPRD cannot act, and who can fix it.
        initiator = people.open(personas.operator_kota_yogyakarta(), f"/kerja-sama/{coop.pk}/")
        notice = initiator.locator('.ksd-missing-dprd li[data-region="34.04"]')
        expect(notice).to_contain_text("Kabupaten Sleman")
        expect(notice).to_contain_text("Rina Wulandari")
        expect(initiator.locator('.ksd-missing-dprd li[data-region="34.71"]')).to_have_count(0)

        # Sleman's regional administrator invites its DPRD secretariat from the same notice.
        page = people.open(admin, f"/kerja-sama/{coop.pk}/")
        page.locator('.ksd-missing-dprd li[data-region="34.04"] a').click()
        expect(page.locator('select[name="kind"]')).to_have_value("dprd")
        page.locator('input[name="email"]').fill("setwan@slemankab.go.id")
        page.locator("form.ksd-invite button[type=submit]").click()
        expect(page.locator(".message.success")).to_contain_text("setwan@slemankab.go.id")
        expect(page.locator(".ksd-invitations")).to_contain_text("setwan@slemankab.go.id")
        screenshot(page, "region-people")

        (invitation,) = mail.outbox
        assert invitation.to == ["setwan@slemankab.go.id"]
        link = re.search(r"https?://\S+/akun/undangan/\S+/", invitation.body)
        assert link is not None

        # The invitee chooses a username and a password, then logs in.
        invitee = people.page()
        invitee.goto(link.group(0))
        expect(invitee.locator("h1")).to_be_visible()
        invitee.locator('input[name="username"]').fill("setwan_sleman")
        invitee.locator('input[name="first_name"]').fill("Sekretariat")
        invitee.locator('input[name="last_name"]').fill("DPRD Sleman")
        invitee.locator('input[name="password1"]').fill(PASSWORD)
        invitee.locator('input[name="password2"]').fill(PASSWORD)
        invitee.locator("form.ksd-accept button[type=submit]").click()
        expect(invitee).to_have_url(re.compile(r"/akun/masuk/$"))
        expect(invitee.locator(".message.success")).to_be_visible()
        invitee.locator('input[name="username"]').fill("setwan_sleman")
        invitee.locator('input[name="password"]').fill(PASSWORD)
        invitee.locator('main form[action$="/akun/masuk/"] button[type=submit]').click()
        expect(invitee.locator(".current-user")).to_contain_text("DPRD Sleman")

        # Its DPRD's decision now waits for it on the cooperation's page.
        invitee.goto(f"{live_server.url}/kerja-sama/{coop.pk}/")
        decide = step_form(invitee, "keputusan/")
        expect(decide.locator('input[name="region"]')).to_have_value("34.04")

        # And the initiator's page no longer reports Sleman's DPRD missing.
        initiator.reload()
        expect(initiator.locator(".ksd-missing-dprd")).to_have_count(0)

    member = Membership.objects.get(user__username="setwan_sleman")
    assert (member.role, member.region_id, member.invited_by) == (Role.DPRD, "34.04", admin)


def test_a_dprd_secretariat_decides_from_the_link_in_its_reminder(
    browser: Browser, live_server: LiveServer, settings: object
) -> None:
    settings.SITE_URL = live_server.url  # type: ignore[attr-defined]
    coop = submitted_pp50(personas.operator_kota_yogyakarta(), personas.operator_sleman())
    dprd = personas.dprd_kota_yogyakarta()
    dprd.email = "setwan@jogjakota.go.id"
    dprd.save(update_fields=["email"])

    assert send_digests(now=dt.datetime(2016, 2, 10, 8, 0, tzinfo=WIB)) == 1

    (digest,) = mail.outbox
    assert TITLE in digest.body
    link = re.search(rf"{re.escape(live_server.url)}/kerja-sama/\d+/#steps", digest.body)
    assert link is not None
    with People(browser, live_server) as people:
        page = people.page(dprd)
        page.goto(link.group(0))
        expect(page.locator("h1")).to_have_text(TITLE)
        decide = step_form(page, "keputusan/")
        decide.locator('select[name="decision"]').select_option("approve")
        decide.locator('input[name="on"]').fill("2016-02-15")
        decide.locator('button[type="submit"]').click()
        expect(page.locator(".message.success")).to_be_visible()

    assert DprdReview.objects.get(cooperation=coop, region_id="34.71").approved_on == dt.date(
        2016, 2, 15
    )

"""The personal calendar feed: the user's own deadlines behind a secret address that the user
renews on the account page; nobody else's, and nothing for a forged or old address."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from icalendar import Calendar

import personas
from ksd.core import clock
from ksd.reminders.waiting import waiting_for
from reminders.records import TITLE, submitted_pp50

pytestmark = pytest.mark.usefixtures("regions_loaded")


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def feed_path(client: Client) -> str:
    page = client.get("/akun/saya/").content.decode()
    found = re.search(r"https?://[^/\s<\"]+(/kalender/[^<\s\"]+\.ics)", page)
    assert found is not None, page
    return found.group(1)


def events(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


@pytest.fixture
def submitted():
    return submitted_pp50(personas.operator_kota_yogyakarta(), personas.operator_sleman())


def test_the_feed_lists_the_users_deadlines_with_article_and_link(submitted) -> None:
    dprd = personas.dprd_kota_yogyakarta()
    path = feed_path(logged_in(dprd))
    (item,) = waiting_for(dprd, today=clock.today_in())

    (event,) = events(Client().get(path))

    assert event.decoded("dtstart") == item.due_on
    assert TITLE in str(event["summary"])
    assert "PP 50/2007 Pasal 12 ayat (1)" in str(event["description"])
    assert f"/kerja-sama/{submitted.pk}/" in str(event["url"])


def test_another_regions_user_sees_none_of_it(submitted) -> None:
    outsider = personas.outsider()
    sleman_dprd = personas.dprd_sleman()

    assert events(Client().get(feed_path(logged_in(outsider)))) == []
    assert events(Client().get(feed_path(logged_in(sleman_dprd)))) == []


def test_renewing_the_address_invalidates_the_old_one(submitted) -> None:
    client = logged_in(personas.dprd_kota_yogyakarta())
    old = feed_path(client)

    client.post("/akun/saya/kalender-baru/")
    new = feed_path(client)

    assert new != old
    assert Client().get(old).status_code == 404
    assert len(events(Client().get(new))) == 1


def test_a_forged_address_or_a_disabled_user_gets_nothing(submitted) -> None:
    dprd = personas.dprd_kota_yogyakarta()
    path = feed_path(logged_in(dprd))

    assert Client().get(path.replace(".ics", "x.ics")).status_code == 404
    assert Client().get("/kalender/bukan-alamat.ics").status_code == 404
    User.objects.filter(pk=dprd.pk).update(is_active=False)
    assert Client().get(path).status_code == 404


def test_an_operator_sees_its_agreements_end_dates() -> None:
    from ksd.cooperation import services

    operator = personas.operator_kota_yogyakarta()
    today = clock.today_in()
    now = clock.now()
    coop = services.make_offer(
        actor=operator, title="Kebersihan Malioboro", initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=today - dt.timedelta(days=400), now=now,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=personas.operator_sleman(), party_key="34.04",
                          on=today - dt.timedelta(days=390), now=now)  # fmt: skip
    services.sign_joint_agreement(coop.pk, actor=operator, number="KB/1",
                                  signed_on=today - dt.timedelta(days=380), now=now)  # fmt: skip
    # No cost to the APBD, no regional assets, nothing the public pays: no DPRD approval.
    budgeted = {"apbd_cost": False, "budgeted_current_year": False,
                "uses_regional_assets": False, "public_pays": False,
                "within_skpd_duties": False}  # fmt: skip
    services.draft_agreement(
        coop.pk, actor=operator, contents=["subjek", "objek", "ruang_lingkup", "hak_kewajiban",
        "jangka_waktu", "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan", "sanksi"],
        term_years=1, on=today - dt.timedelta(days=370),
        burdens={"34.71": budgeted, "34.04": budgeted}, now=now,
    )  # fmt: skip
    services.sign_agreement(coop.pk, actor=operator, number="PKS/1",
                            signed_on=today - dt.timedelta(days=300), term_years=1, now=now)  # fmt: skip

    found = events(Client().get(feed_path(logged_in(operator))))

    assert any("Kebersihan Malioboro" in str(e["summary"]) for e in found)


def test_the_account_page_needs_a_login() -> None:
    response = Client().get("/akun/saya/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/")

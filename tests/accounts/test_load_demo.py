"""`ksd load_demo`: a newcomer's first run gets users for every role and the seed's real
cooperations across the lifecycle, with real events; a second run changes nothing."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import transaction
from django.db.models import ProtectedError
from django.test import Client

from ksd.accounts.demo import DEMO_COOPERATIONS, DEMO_USERS
from ksd.accounts.models import Membership, Role
from ksd.cooperation.models import Cooperation, Event, EventKind, Stage
from ksd.core.access import PUBLIC_STAGES, visible_cooperations

pytestmark = pytest.mark.usefixtures("regions_loaded")


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts() -> tuple[int, int, int, int]:
    return (
        User.objects.count(),
        Membership.objects.count(),
        Cooperation.objects.count(),
        Event.objects.count(),
    )


def test_the_demo_has_twelve_cooperations_across_the_lifecycle_all_marked_demo() -> None:
    load_demo()

    demo = Cooperation.objects.filter(is_demo=True)
    assert demo.count() == len(DEMO_COOPERATIONS) >= 12
    assert Cooperation.objects.filter(is_demo=False).count() == 0
    assert all("(demo)" in title for title in demo.values_list("title", flat=True))
    stages = set(demo.values_list("stage", flat=True))
    assert len(stages) >= 6
    assert {Stage.OFFERED, Stage.DPRD_REVIEW, Stage.SIGNED, Stage.IMPLEMENTING} <= stages
    assert set(demo.values_list("regime", flat=True)) == {"pp50-2007", "pp28-2018"}


def test_only_signed_demo_cooperations_are_published() -> None:
    load_demo()

    for coop in Cooperation.objects.filter(is_demo=True):
        assert coop.is_published == (coop.stage in PUBLIC_STAGES), coop.title


def test_the_demo_steps_are_real_events_with_their_articles() -> None:
    load_demo()

    kartamantul = Cooperation.objects.get(title__startswith="KARTAMANTUL")
    kinds = list(kartamantul.events.values_list("kind", flat=True))
    assert kinds[0] == EventKind.OFFERED
    assert EventKind.DPRD_DEEMED_APPROVED in kinds
    assert kinds[-1] == EventKind.SIGNED
    deemed = kartamantul.events.get(kind=EventKind.DPRD_DEEMED_APPROVED)
    assert deemed.citation == "PP 50/2007 Pasal 12 ayat (4)"
    assert kartamantul.events.get(kind=EventKind.OFFERED).actor.username == (
        "demo_operator_yogyakarta"
    )
    assert Cooperation.objects.filter(is_demo=True, events__isnull=True).count() == 0


def test_one_user_per_role_with_one_password_printed_once() -> None:
    output = load_demo()

    match = re.search(r": (\S+)\s*$", output.split("\n")[1])
    assert match is not None, output
    password = match.group(1)
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {r.value for r in Role}
    for username in DEMO_USERS:
        assert User.objects.get(username=username).check_password(password)
    assert User.objects.get(username="demo_admin").is_superuser

    again = load_demo()

    assert password not in again
    assert "demo_admin" in again


def test_a_second_run_changes_nothing_and_loses_nothing() -> None:
    load_demo()
    before = counts()
    stages = dict(Cooperation.objects.values_list("title", "stage"))

    load_demo()

    assert counts() == before
    assert dict(Cooperation.objects.values_list("title", "stage")) == stages


def test_a_demo_cooperation_cannot_be_lost_since_its_events_protect_it() -> None:
    load_demo()
    before = counts()

    with pytest.raises(ProtectedError), transaction.atomic():
        Cooperation.objects.get(title__startswith="SUSI").delete()

    assert counts() == before


def test_a_newcomer_logs_in_with_the_printed_password_and_sees_kartamantul(
    client: Client,
) -> None:
    password = load_demo().split("\n")[1].rsplit(": ", 1)[1].strip()

    response = client.post(
        "/akun/masuk/", {"username": "demo_operator_yogyakarta", "password": password}
    )

    assert response.status_code == 302
    user = User.objects.get(username="demo_operator_yogyakarta")
    titles = list(visible_cooperations(user).values_list("title", flat=True))
    assert [t.split(":")[0] for t in titles] == ["KARTAMANTUL"]


def test_yogyakarta_and_sleman_each_have_a_regional_administrator() -> None:
    load_demo()

    admins = Membership.objects.filter(is_regional_admin=True)
    assert sorted(admins.values_list("user__username", "region_id")) == [
        ("demo_admin_sleman", "34.04"),
        ("demo_admin_yogyakarta", "34.71"),
    ]
    assert {m.role for m in admins} == {Role.OPERATOR}

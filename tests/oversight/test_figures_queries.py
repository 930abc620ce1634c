"""The oversight dashboard costs the same number of queries whatever the size of the register:
each figure is one GROUP BY, never a query per record, province or region."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import personas
from ksd.dataset.generator import generate
from ksd.regions.services import load_affairs
from oversight.figures_world import NOW, build, headline

pytestmark = pytest.mark.usefixtures("regions_loaded")
# The session and user, the membership and its region, one aggregate for the three totals, one
# GROUP BY per chart, the provinces' (and the bureau's regions') names, and the menu's reads.
MOST_QUERIES = 16


@pytest.fixture(autouse=True)
def frozen(regions_loaded: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    load_affairs()


def _queries(user: User) -> tuple[int, list[int]]:
    client = Client()
    client.force_login(user)
    client.get("/pengawasan/")  # warm: the first request loads the content types and the like
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/pengawasan/")
    assert response.status_code == 200
    return len(captured), [link.count for link in headline(response.content.decode())]


@pytest.mark.parametrize("who", ["kemendagri", "biro_pemerintahan_diy", "operator_kota_yogyakarta"])
def test_the_query_count_does_not_grow_with_the_register(who: str) -> None:
    user = getattr(personas, who)()
    build()
    small, small_totals = _queries(user)

    build(copies=8)
    large, large_totals = _queries(user)

    assert large_totals[0] == 9 * small_totals[0] > 0  # the register did grow for this user
    assert large == small
    assert small <= MOST_QUERIES


def test_the_query_count_holds_on_a_generated_national_register() -> None:
    today = dt.date(2026, 6, 15)
    kemendagri = personas.kemendagri()
    generate(40, seed=3, today=today, now=NOW)
    small, small_totals = _queries(kemendagri)

    generate(200, seed=4, today=today, now=NOW)
    large, large_totals = _queries(kemendagri)

    assert large_totals[0] > small_totals[0]
    assert large == small

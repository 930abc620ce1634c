"""Lists cost the same number of queries with few rows or many (STYLE §5.6): the register and a
cooperation's events are read a page at a time, parties in one query for the page."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

import personas
from api.conftest import ApiClient, token_for
from ksd.cooperation import services
from pages.records import NOW, offer


def queries_for(client: ApiClient, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_register_costs_the_same_queries_for_2_or_8_cooperations(regions_loaded: None) -> None:
    operator = personas.operator_kota_yogyakarta()
    client = ApiClient(token_for(operator))
    client.get("/api/regions/34")  # the token's last use is written once a minute, not here
    for n in range(2):
        offer(operator, title=f"Kerja sama {n}")
    few = queries_for(client, "/api/cooperations")
    for n in range(6):
        offer(operator, title=f"Kerja sama lagi {n}", regions=("34.71", "34.04", "34.02", "34.03"))
    assert client.get("/api/cooperations").json()["count"] == 8
    assert queries_for(client, "/api/cooperations") == few


def test_the_events_cost_the_same_queries_for_few_or_many(regions_loaded: None) -> None:
    operator = personas.operator_kota_yogyakarta()
    client = ApiClient(token_for(operator))
    client.get("/api/regions/34")
    cooperation = offer(operator)
    few = queries_for(client, f"/api/cooperations/{cooperation.pk}/events")
    for code in ("34.04", "34.02"):
        services.accept_offer(cooperation.pk, actor=operator, party_key=code,
                              on=NOW.date(), now=NOW)  # fmt: skip
    assert client.get(f"/api/cooperations/{cooperation.pk}/events").json()["count"] == 3
    assert queries_for(client, f"/api/cooperations/{cooperation.pk}/events") == few

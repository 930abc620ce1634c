"""Searching the register as of a past date reads the values of that day (issue 11 point 7).

The waste agreement of test_register_as_of (signed 1 February 2016, title corrected on
10 March) is published on 5 February; its number, sector and government affair are corrected
later. The bus offer (15 February) gains a party in Central Java on 1 March and loses Sleman on
2 March. Searched as of a day, a record is found by the values it had then, never by the ones
entered after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import test_register_as_of as base
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from test_register_as_of import CORRECTED, TITLE, at_ten, register, rows, titles, waste_agreement

from ksd.cooperation import services
from ksd.cooperation.corrections import services as corrections
from ksd.cooperation.models import Cooperation

D = dt.date
BUS = "Angkutan perkotaan Trans Jogja"
# The neighbour's fixtures: its records on known days, a user, and today (1 June 2016).
as_user, operator, records, today = base.as_user, base.operator, base.records, base.today


def correct(coop: Cooperation, actor: User, fact: str, value: str, day: dt.date) -> None:
    corrections.correct_fact(
        coop.pk, actor=actor, fact=fact, value=value, reason="Salah tulis.", today=day,
        now=at_ten(day),
    )  # fmt: skip


def public_rows(query: dict[str, str]) -> list[str]:
    response = Client().get("/publik/", query)
    assert response.status_code == 200, response.content[:400]
    return rows(response.content.decode())


@pytest.fixture
def agreement(
    records: tuple[Cooperation, Cooperation], operator: User
) -> tuple[Cooperation, Cooperation]:
    """Published 5 February; sector "Persampahan" from the start, "Kebersihan kota" from
    12 March; number PKS/01/2016 until 15 March, then PKS/99/2016; affair "lingkungan hidup"
    from 20 March (none before)."""
    from ksd.regions.services import load_affairs

    load_affairs()
    waste, bus = records
    services.publish(waste.pk, actor=operator, now=at_ten(D(2016, 2, 5)))
    Cooperation.objects.filter(pk=waste.pk).update(sector="Persampahan")
    correct(waste, operator, "sector", "Kebersihan kota", D(2016, 3, 12))
    correct(waste, operator, "agreement_number", "PKS/99/2016", D(2016, 3, 15))
    correct(waste, operator, "affair", "wajib_non_pd.lingkungan_hidup", D(2016, 3, 20))
    return waste, bus


# ----- The public register -----


@pytest.mark.parametrize(
    ("per", "query", "found"),
    [
        ("2016-03-14", "PKS/01", True),  # the number of the day
        ("2016-03-14", "PKS/99", False),  # entered on 15 March
        ("2016-03-15", "PKS/99", True),
        ("2016-03-15", "PKS/01", False),
        ("", "PKS/99", True),  # today
        ("", "PKS/01", False),
        ("2016-03-11", "Persampahan", True),
        ("2016-03-11", "Kebersihan", False),
        ("2016-03-12", "Kebersihan", True),
        ("2016-03-12", "Persampahan", False),
        ("2016-03-19", "lingkungan hidup", False),  # the affair came on 20 March
        ("2016-03-20", "lingkungan hidup", True),
        ("2016-03-09", "Baru", False),  # the title's new word came on 10 March
        ("2016-03-10", "Baru", True),
        ("2016-03-09", "Piyungan", True),
        ("2016-03-09", "Sleman", True),  # a party all along
        ("2016-02-04", "PKS/01", False),  # not yet published
    ],
)
def test_the_public_search_as_of_a_date_reads_the_values_of_that_day(
    agreement: tuple[Cooperation, Cooperation], per: str, query: str, found: bool
) -> None:
    params = {"q": query, **({"per": per} if per else {})}

    assert len(public_rows(params)) == (1 if found else 0)


def test_the_row_found_by_its_old_number_shows_that_number(
    agreement: tuple[Cooperation, Cooperation],
) -> None:
    (row,) = public_rows({"per": "2016-03-14", "q": "PKS/01"})

    assert row.startswith(CORRECTED + " |")  # the title was corrected on 10 March
    assert "PKS/01/2016" in row
    assert "PKS/99/2016" not in row


def test_the_page_as_of_a_day_names_the_government_affair_of_that_day(
    agreement: tuple[Cooperation, Cooperation], operator: User, as_user: Callable[[User], Client]
) -> None:
    """The affair, none until 20 March, became "Pendidikan" on 25 March: as of 21 March the page
    names "Lingkungan hidup" (a correction names the affair it replaced by its code)."""
    waste, _bus = agreement
    correct(waste, operator, "affair", "wajib_pd.pendidikan", D(2016, 3, 25))
    client = as_user(operator)

    response = client.get(f"/kerja-sama/{waste.pk}/per/2016-03-21/")
    assert response.status_code == 200
    main = response.content.decode().split("<main", 1)[1]
    assert "Lingkungan hidup" in main
    assert "Pendidikan" not in main
    assert public_rows({"per": "2016-03-19", "q": "lingkungan hidup"}) == []
    assert len(public_rows({"per": "2016-03-21", "q": "lingkungan hidup"})) == 1
    assert public_rows({"per": "2016-03-21", "q": "pendidikan"}) == []
    assert len(public_rows({"q": "pendidikan"})) == 1


# ----- The internal register: title search and the parties of the day -----


@pytest.fixture
def bus_parties(records: tuple[Cooperation, Cooperation], operator: User) -> Cooperation:
    """The bus offer (Kota Yogyakarta and Sleman, 15 February) gains Kabupaten Magelang
    (33.08, Central Java) on 1 March and loses Sleman (34.04) on 2 March."""
    _waste, bus = records
    corrections.correct_parties(
        bus.pk, actor=operator, add=services.PartySpec(region="33.08"), reason="Terlupa.",
        now=at_ten(D(2016, 3, 1)),
    )  # fmt: skip
    corrections.correct_parties(
        bus.pk, actor=operator, remove="34.04", reason="Salah pilih.", now=at_ten(D(2016, 3, 2))
    )
    return bus


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("per=2016-02-29&region=33.08", []),  # added on 1 March
        ("per=2016-03-01&region=33.08", [BUS]),
        ("region=33.08", [BUS]),
        ("per=2016-02-29&region=Magelang", []),
        ("per=2016-03-01&region=Magelang", [BUS]),
        ("per=2016-02-29&province=33", []),
        ("per=2016-03-01&province=33", [BUS]),
        ("per=2016-03-01&region=34.04", [BUS, TITLE]),  # removed on 2 March
        ("per=2016-03-02&region=34.04", [TITLE]),
        ("region=34.04", [CORRECTED]),
        ("per=2016-03-01&region=Sleman", [BUS, TITLE]),
        ("per=2016-03-02&region=Sleman", [TITLE]),
        ("per=2016-03-01&region=34.71&region=34.04", [BUS, TITLE]),  # both, repeated
        ("per=2016-03-02&region=34.71&region=34.04", [TITLE]),
        ("per=2016-03-01&province=34&province=33", [BUS]),
        ("per=2016-02-29&province=34&province=33", []),
        # The title as it stood: "Baru" came with the correction of 10 March.
        ("per=2016-03-09&q=Baru", []),
        ("per=2016-03-09&q=Piyungan", [TITLE]),
        ("per=2016-03-10&q=Baru", [CORRECTED]),
    ],
)
def test_the_register_as_of_a_date_filters_by_the_parties_and_title_of_that_day(
    bus_parties: Cooperation, operator: User, as_user: Callable[[User], Client],
    query: str, expected: list[str],
) -> None:  # fmt: skip
    assert titles(register(as_user(operator), query)) == expected


def test_a_row_as_of_a_date_names_the_parties_of_that_day(
    bus_parties: Cooperation, operator: User, as_user: Callable[[User], Client]
) -> None:
    def bus_row(query: str) -> str:
        found = [r for r in rows(register(as_user(operator), query)) if r.startswith(BUS)]
        assert len(found) == 1, found
        return found[0]

    before = bus_row("per=2016-02-29")  # Kota Yogyakarta and Sleman
    assert "Sleman" in before
    assert "Magelang" not in before
    between = bus_row("per=2016-03-01")  # Magelang added, Sleman not yet removed
    assert "Sleman" in between
    assert "Magelang" in between
    now = bus_row("")
    assert "Sleman" not in now
    assert "Magelang" in now


# ----- Constant queries -----


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_searching_as_of_a_date_runs_the_same_queries_at_two_sizes(
    operator: User, as_user: Callable[[User], Client]
) -> None:
    """Each size has corrected numbers and offers whose parties changed since the day."""
    client = as_user(operator)

    def grow(n: int) -> list[int]:
        for i in range(n):
            coop = waste_agreement(operator, title=f"Sampah {i}")
            services.publish(coop.pk, actor=operator, now=at_ten(D(2016, 2, 5)))
            correct(coop, operator, "agreement_number", f"PKS/9{i}/2016", D(2016, 3, 15))
            bus = services.make_offer(
                actor=operator, title=f"Bus {i}", initiator="34.71",
                parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
                offered_on=D(2016, 2, 15), now=at_ten(D(2016, 2, 15)),
            )  # fmt: skip
            corrections.correct_parties(
                bus.pk, actor=operator, add=services.PartySpec(region="33.08"),
                reason="Terlupa.", now=at_ten(D(2016, 3, 1)),
            )  # fmt: skip
        urls = ["/kerja-sama/?per=2016-02-20&region=33.08&province=33&q=Bus",
                "/publik/?per=2016-03-01&q=PKS"]  # fmt: skip
        for url in urls:
            client.get(url)  # warm the session alike at both sizes
        return [_queries(client, url) for url in urls]

    assert grow(1) == grow(3)

"""A withdrawal or a cancellation racing a step on the same cooperation: the row lock lets one
finish first and the other sees its result (PostgreSQL, two real connections)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection

from ksd.cooperation import services
from ksd.cooperation.corrections import services as corrections
from ksd.cooperation.models import Cooperation, EventKind, Stage
from ksd.core.errors import StepRefused
from ksd.regions.services import load_regions

NOW = dt.datetime(2016, 1, 4, 2, 0, tzinfo=dt.UTC)
TODAY = dt.date(2016, 1, 20)

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs PostgreSQL's concurrent connections; CI runs it with KSD_DB=postgres",
    ),
]


def race(steps: dict[str, Callable[[User], object]]) -> list[str]:
    start = threading.Barrier(len(steps))
    outcomes: list[str] = []

    def run(name: str) -> None:
        actor = User.objects.get(username="operator_kota_yogyakarta")
        start.wait()
        try:
            steps[name](actor)
            outcomes.append(f"{name}: ok")
        except StepRefused as refused:
            outcomes.append(f"{name}: refused: {refused.message}")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in steps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return outcomes


def an_offer() -> Cooperation:
    load_regions()
    actor = User.objects.create_user("operator_kota_yogyakarta")
    return services.make_offer(
        actor=actor, title="Kartamantul", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
        offered_on=dt.date(2016, 1, 4), now=NOW,
    )  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_withdrawing_an_offer_while_it_is_accepted_lets_exactly_one_succeed() -> None:
    coop = an_offer()

    outcomes = race({
        "accept": lambda actor: services.accept_offer(
            coop.pk, actor=actor, party_key="34.04", on=dt.date(2016, 1, 11), now=NOW),
        "withdraw": lambda actor: corrections.withdraw_offer(
            coop.pk, actor=actor, on=dt.date(2016, 1, 11), reason="", today=TODAY, now=NOW),
    })  # fmt: skip

    assert len(outcomes) == 2, outcomes
    assert sum(o.endswith(": ok") for o in outcomes) == 1, outcomes
    coop.refresh_from_db()
    accepted = coop.events.filter(kind=EventKind.OFFER_ACCEPTED).count()
    withdrawn = coop.events.filter(kind=EventKind.OFFER_WITHDRAWN).count()
    assert (accepted, withdrawn) in ((1, 0), (0, 1))
    assert coop.stage == (Stage.ACCEPTED if accepted else Stage.WITHDRAWN)


@pytest.mark.django_db(transaction=True)
def test_two_corrections_of_one_fact_at_once_each_keep_the_value_they_replaced() -> None:
    coop = an_offer()

    outcomes = race({
        f"title {n}": lambda actor, n=n: corrections.correct_fact(
            coop.pk, actor=actor, fact="title", value=f"Kartamantul {n}", reason="Salah ketik",
            today=TODAY, now=NOW)
        for n in (1, 2)
    })  # fmt: skip

    assert sorted(outcomes) == ["title 1: ok", "title 2: ok"]
    events = list(coop.events.filter(kind=EventKind.RECORD_CORRECTED).order_by("id"))
    # The second correction saw the first one's result: the trail has no gap.
    assert events[0].changes["old"] == "Kartamantul"
    assert events[1].changes["old"] == events[0].changes["new"]
    coop.refresh_from_db()
    assert coop.title == events[1].changes["new"]

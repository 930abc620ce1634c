"""Two users taking conflicting steps on one cooperation at the same moment: one wins, the
other is refused with a clear message, and the record stays whole. Needs real concurrent
connections, so it runs on PostgreSQL (CI's second pass, KSD_DB=postgres)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection

from ksd.cooperation import services
from ksd.cooperation.models import EventKind, Stage
from ksd.core.errors import StepRefused
from ksd.regions.services import load_regions

# When the steps are recorded: after every legal date they carry (none is in the future).
NOW = dt.datetime(2024, 1, 2, 2, 0, tzinfo=dt.UTC)

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs PostgreSQL's concurrent connections; CI runs it with KSD_DB=postgres",
    ),
]


@pytest.mark.django_db(transaction=True)
def test_accepting_and_declining_the_same_offer_at_once_lets_exactly_one_succeed() -> None:
    load_regions()
    wonogiri = User.objects.create_user("operator_wonogiri")
    coop = services.make_offer(
        actor=wonogiri, title="Pawonsari", initiator="33.12",
        parties=[services.PartySpec(region=c) for c in ("33.12", "35.01", "34.03")],
        offered_on=dt.date(2011, 3, 1), now=NOW,
    )  # fmt: skip
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def step(name: str) -> None:
        operator = User.objects.get(username="operator_wonogiri")
        start.wait()
        try:
            if name == "accept":
                services.accept_offer(
                    coop.pk, actor=operator, party_key="35.01", on=dt.date(2011, 3, 7), now=NOW
                )
            else:
                services.decline_offer(
                    coop.pk, actor=operator, party_key="35.01", on=dt.date(2011, 3, 7), now=NOW
                )
            outcomes.append(f"{name}: ok")
        except StepRefused as refused:
            outcomes.append(f"{name}: refused: {refused.message}")
        finally:
            connection.close()

    threads = [threading.Thread(target=step, args=(n,)) for n in ("accept", "decline")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert len(outcomes) == 2, outcomes
    assert sum(o.endswith(": ok") for o in outcomes) == 1, outcomes
    # The loser is told why (the party has answered, or the offer is already declined), in
    # whatever language is active.
    refused = [o for o in outcomes if ": refused: " in o]
    assert len(refused) == 1, outcomes
    assert len(refused[0].split(": refused: ", 1)[1]) > 10, outcomes
    coop.refresh_from_db()
    party = coop.parties.get(region_id="35.01")
    assert (party.accepted_on is None) != (party.declined_on is None)
    answers = coop.events.filter(kind__in=[EventKind.OFFER_ACCEPTED, EventKind.OFFER_DECLINED])
    assert answers.count() == 1
    assert coop.stage in (Stage.OFFERED, Stage.DECLINED)

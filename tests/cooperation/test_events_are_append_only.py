"""The event log is append-only, enforced by the database (cooperation/append_only.py): an event
cannot be changed or deleted through the ORM, a raw SQL session or the admin's queryset, and a
cooperation with events cannot be deleted. On SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import ProtectedError

from ksd.cooperation import services
from ksd.cooperation.models import Cooperation, Event, EventKind

# When the steps are recorded: after every legal date they carry (none is in the future).
NOW = dt.datetime(2024, 1, 2, 2, 0, tzinfo=dt.UTC)


def offered(actor: User) -> Cooperation:
    return services.make_offer(
        actor=actor,
        title="Pengelolaan sampah regional TPST Piyungan",
        initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
        offered_on=dt.date(2016, 1, 4),
        offer_number="415.4/001",
        now=NOW,
    )


def the_offer_event(cooperation: Cooperation) -> Event:
    return Event.objects.get(cooperation=cooperation, kind=EventKind.OFFERED)


def refused(statement: object) -> str:
    """Run `statement` in a savepoint; the database's refusal, as text."""
    with pytest.raises(IntegrityError) as refusal, transaction.atomic():
        statement()  # type: ignore[operator]
    return str(refusal.value)


def test_saving_a_changed_event_is_refused_and_the_event_stays_as_recorded(
    operator_kota_yogyakarta: User,
) -> None:
    event = the_offer_event(offered(operator_kota_yogyakarta))
    event.reason = "rewritten"

    message = refused(event.save)

    assert "append-only" in message
    event.refresh_from_db()
    assert event.reason == ""


def test_a_queryset_update_of_events_is_refused(operator_kota_yogyakarta: User) -> None:
    offered(operator_kota_yogyakarta)

    refused(lambda: Event.objects.update(on=dt.date(2015, 1, 1)))

    assert not Event.objects.filter(on=dt.date(2015, 1, 1)).exists()


def test_deleting_an_event_is_refused(operator_kota_yogyakarta: User) -> None:
    event = the_offer_event(offered(operator_kota_yogyakarta))

    refused(event.delete)
    refused(lambda: Event.objects.all().delete())

    assert Event.objects.filter(pk=event.pk).exists()


def test_raw_sql_can_neither_update_nor_delete_an_event(operator_kota_yogyakarta: User) -> None:
    event = the_offer_event(offered(operator_kota_yogyakarta))

    def run(sql: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])

    assert "append-only" in refused(
        lambda: run("UPDATE cooperation_event SET reason = 'x' WHERE id = %s")
    )
    assert "append-only" in refused(lambda: run("DELETE FROM cooperation_event WHERE id = %s"))
    event.refresh_from_db()
    assert event.reason == ""


def test_new_events_are_still_appended(operator_kota_yogyakarta: User) -> None:
    coop = offered(operator_kota_yogyakarta)

    services.accept_offer(
        coop.pk, actor=operator_kota_yogyakarta, party_key="34.04", on=dt.date(2016, 1, 11),
        now=NOW,
    )  # fmt: skip

    assert list(coop.events.values_list("kind", flat=True)) == [
        EventKind.OFFERED,
        EventKind.OFFER_ACCEPTED,
    ]


def test_a_cooperation_with_events_cannot_be_deleted(operator_kota_yogyakarta: User) -> None:
    coop = offered(operator_kota_yogyakarta)

    with pytest.raises(ProtectedError), transaction.atomic():
        coop.delete()

    def raw_delete() -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM cooperation_party WHERE cooperation_id = %s", [coop.pk])
            cursor.execute("DELETE FROM cooperation_cooperation WHERE id = %s", [coop.pk])
        # Django's foreign keys are checked at commit; ask for the check now.
        connection.check_constraints(table_names=["cooperation_event"])

    refused(raw_delete)
    assert Cooperation.objects.filter(pk=coop.pk).exists()
    assert coop.parties.count() == 2


@pytest.mark.django_db(transaction=True)
def test_migrate_puts_the_triggers_back_if_a_table_rebuild_dropped_them(
    regions_loaded: None,
) -> None:
    from ksd.cooperation.append_only import uninstall

    actor = User.objects.create_user("operator")
    uninstall(connection)

    call_command("migrate", verbosity=0)

    event = the_offer_event(offered(actor))
    refused(event.delete)


@pytest.mark.django_db(transaction=True)
def test_after_migrate_the_triggers_are_there_exactly_when_their_migration_is_applied(
    regions_loaded: None,
) -> None:
    """What `ensure_installed` does after every migrate: a migration unapplied on purpose
    (`ksd migrate cooperation 0008`) leaves no trigger behind, and an applied one has them."""
    from ksd.cooperation.append_only import MIGRATION, ensure_installed, uninstall

    event = the_offer_event(offered(User.objects.create_user("operator")))
    recorder = MigrationRecorder(connection)
    uninstall(connection)
    recorder.record_unapplied(*MIGRATION)
    try:
        ensure_installed(using="default")
        event.reason = "changed while the migration was unapplied"
        event.save()
    finally:
        recorder.record_applied(*MIGRATION)

    ensure_installed(using="default")

    refused(event.delete)
    assert Event.objects.get(pk=event.pk).reason == "changed while the migration was unapplied"


@pytest.mark.django_db(transaction=True)
def test_flushing_the_whole_database_still_empties_it_and_keeps_the_triggers(
    regions_loaded: None,
) -> None:
    """What the test suite does between transactional tests and `ksd flush` does on purpose:
    PostgreSQL truncates (no row trigger fires); KSD's SQLite backend lifts the triggers for the
    flush only."""
    offered(User.objects.create_user("operator"))

    call_command("flush", interactive=False, verbosity=0)

    assert not Event.objects.exists()
    assert not Cooperation.objects.exists()
    call_command("load_reference_data", verbosity=0)
    event = the_offer_event(offered(User.objects.create_user("operator")))
    refused(event.delete)

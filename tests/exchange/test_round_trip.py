"""Export the register, import the file into an empty instance, export again: the same file,
byte for byte, as XLSX and as CSV (issue 10 point 4)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client

from ksd.cooperation.models import Cooperation, Event, EventKind
from ksd.exchange.importing import batches

from .records import imported, through_services
from .sheets import NOW, TODAY


def _exports(user: User) -> tuple[bytes, bytes]:
    client = Client()
    client.force_login(user)
    xlsx = client.get("/kerja-sama/ekspor.xlsx")
    assert xlsx.status_code == 200
    csv = b"".join(client.get("/kerja-sama/ekspor.csv").streaming_content)
    return xlsx.content, csv


@pytest.mark.usefixtures("reference_loaded")
def test_export_import_into_an_empty_instance_and_export_again_gives_the_same_file(
    kemendagri: User, operator_kota_yogyakarta: User
) -> None:
    import personas

    admin = personas.administrator()
    # The first instance: records made through the lifecycle and through an import. It is
    # rolled back after its export, which leaves the database as empty as a new instance.
    with transaction.atomic():
        through_services(operator_kota_yogyakarta)
        imported(operator_kota_yogyakarta)
        first_xlsx, first_csv = _exports(kemendagri)
        transaction.set_rollback(True)
    assert Cooperation.objects.count() == 0
    assert first_csv.count(b"\n") == 6  # the header and five agreements

    batch = batches.start(first_xlsx, file_name="register.xlsx", user=admin, region=None, now=NOW)
    batch = batches.run_to_end(batch, today=TODAY, now=NOW)
    assert (batch.valid_rows, batch.error_rows) == (5, 0), batch.results
    batches.run_to_end(batches.confirm(batch.pk, now=NOW), today=TODAY, now=NOW)
    assert Event.objects.filter(kind=EventKind.IMPORTED, actor=admin).count() == 5

    second_xlsx, second_csv = _exports(kemendagri)
    assert second_csv == first_csv
    assert second_xlsx == first_xlsx

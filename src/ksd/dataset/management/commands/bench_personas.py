"""`ksd bench_personas`: the people and pages `make bench-web` measures, as JSON.

Creates (or reuses) one user per role for the busiest region of a generated dataset, logs each in
(a session row the load tool sends as its cookie), and counts the SQL queries of every page for
its persona in-process. Refuses a database with real records, as generate_dataset does.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ksd.accounts.models import Membership, Role
from ksd.cooperation.models import Cooperation, Party

ROLES = {
    "kemendagri": (Role.PEMBINA_PUSAT, None),
    "operator": (Role.OPERATOR, "region"),
    "dprd": (Role.DPRD, "region"),
    "biro": (Role.PEMBINA_PROVINSI, "province"),
}


def busiest_region() -> dict[str, str] | None:
    """The kabupaten or kota that is party to the most cooperations, and its province (None on
    a database without a generated dataset). bench/oversight.py measures the same region."""
    busiest = (
        Party.objects.filter(region__level__in=("kabupaten", "kota"))
        .values("region_id", "region__province_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    if busiest is None:
        return None
    return {"region": busiest["region_id"], "province": busiest["region__province_id"]}


def _targets() -> dict[str, Any]:
    busiest = busiest_region()
    if busiest is None:
        raise CommandError("No generated dataset: run `ksd generate_dataset` first.")
    largest = (
        Cooperation.objects.annotate(n=Count("parties")).order_by("-n", "id").values("id").first()
    )
    return {**busiest, "cooperation": largest["id"] if largest else None}


def pages(targets: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(page, persona, path) in the order of the issue's table; persona "" is anonymous."""
    coop = targets["cooperation"]
    return [
        ("bare view", "", "/healthz/"),
        ("bare view", "kemendagri", "/healthz/"),
        ("register", "kemendagri", "/kerja-sama/"),
        ("register, page 2000", "kemendagri", "/kerja-sama/?page=2000"),
        # The deepest page the register numbers (core/paging.py: the first 2,000 rows).
        ("register, page 80", "kemendagri", "/kerja-sama/?page=80"),
        ("register", "operator", "/kerja-sama/"),
        ("register", "biro", "/kerja-sama/"),
        ("cooperation page", "kemendagri", f"/kerja-sama/{coop}/"),
        ("cooperation history", "kemendagri", f"/kerja-sama/{coop}/riwayat/"),
        ("dashboard", "operator", "/dasbor/"),
        ("dashboard", "dprd", "/dasbor/"),
        ("dashboard", "biro", "/dasbor/"),
        ("dashboard", "kemendagri", "/dasbor/"),
        ("public register", "", "/publik/"),
        *oversight_pages(targets),
    ]


def oversight_pages(targets: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The oversight pages (issue 11) of each role that opens them: the Ministry, the busiest
    region's provincial bureau and the region's operator. An operator's scorecard is its own
    region's card (its table redirects there)."""
    region = targets["region"]
    rows = []
    for persona in ("kemendagri", "biro", "operator"):
        rows += [
            ("oversight figures", persona, "/pengawasan/"),
            ("oversight map", persona, "/pengawasan/peta/"),
            ("oversight network", persona, "/pengawasan/jaringan/"),
            ("oversight affairs", persona, "/pengawasan/urusan/"),
            ("oversight monev", persona, "/pengawasan/monev/"),
        ]
        if persona != "operator":
            rows.append(("oversight scorecard", persona, "/pengawasan/rapor/"))
        rows.append(("oversight region card", persona, f"/pengawasan/rapor/{region}/"))
    return rows


class Command(BaseCommand):
    help = "Create the benchmark's users and sessions; print them and each page's query count."

    def handle(self, *args: Any, **options: Any) -> None:
        if Cooperation.objects.filter(is_demo=False).exists():
            raise CommandError("This database holds real records; benchmark users stay out of it.")
        targets = _targets()
        cookies: dict[str, str] = {}
        clients: dict[str, Client] = {"": Client(SERVER_NAME="localhost")}
        for name, (role, where) in ROLES.items():
            user, _created = User.objects.get_or_create(username=f"bench_{name}")
            Membership.objects.update_or_create(
                user=user, defaults={"role": role, "region_id": targets[where] if where else None}
            )
            client = Client(SERVER_NAME="localhost")
            client.force_login(user)
            clients[name] = client
            cookies[name] = client.cookies["sessionid"].value
        rows = []
        for page, persona, path in pages(targets):
            with CaptureQueriesContext(connection) as queries:
                status = clients[persona].get(path).status_code
            rows.append(
                {"page": page, "persona": persona, "path": path, "status": status,
                 "queries": len(queries)}
            )  # fmt: skip
        self.stdout.write(json.dumps({"targets": targets, "cookies": cookies, "pages": rows}))

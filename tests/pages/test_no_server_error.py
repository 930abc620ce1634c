"""No server error from input (issue 6 point 9).

Every page of the permission matrix (tests/pages/test_permission_matrix.py), and every admin list
and add form, is sent hostile input as the persona who may use it: a NUL character, a
100,000-character string, integers far beyond any column, dates in year 1 and 9999. Each GET page
gets them in every query parameter its forms and links use; each form is filled as a patient user
would fill it and then gets them in one field at a time, and in all fields at once. No answer may
be a server error, and no text longer than its column may be stored (SQLite would keep it
silently). Each request runs in a savepoint that is rolled back, so every request meets the same
world. Run on SQLite and on PostgreSQL (KSD_DB=postgres).

The same step form shown on several cooperations (a correction form on each of every_stage's) is
sent the one-field-at-a-time values on the first of them only; on the others it gets the filled
and the all-at-once requests, which reach each cooperation's own stage. This keeps the walk
within CI's time (docs/testing.md) without leaving out a form, a field or a kind of value.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
import traceback
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models, transaction
from django.db.models import Q
from django.db.models.functions import Length
from django.test import Client

import personas
from ksd.cooperation import services
from ksd.cooperation.disputes import services as disputes
from ksd.cooperation.models import Cooperation
from ksd.monitoring import services as monev
from monitoring.records import implemented
from pages import records
from pages import test_permission_matrix as matrix
from pages.html_forms import Form, read
from pages.test_permission_matrix import MATRIX, PDF_BYTES, PERSONAS, World, client_for

world = matrix.world  # the permission matrix's world, as a fixture of this module too

NUL = "\x00"
LONG = "x" * 100_000
HUGE = "9" * 40
HUGE_NEGATIVE = "-" + "9" * 40
YEAR_1 = "0001-01-01"
YEAR_9999 = "9999-12-31"
# One value at a time in each field (so that the rest of the form is valid and the value reaches
# the step behind it), and every value in all fields at once. NUL is refused for the whole
# request at the door, so the all-at-once request shows it.
# What each kind of field gets on its own: a date the years at the calendar's ends, a number or
# an id the largest integers, a text the longest string, a choice a value it does not offer.
EACH_FIELD = {
    "date": (YEAR_1, YEAR_9999, HUGE),
    "number": (HUGE, HUGE_NEGATIVE),
    "hidden": (HUGE, HUGE_NEGATIVE, LONG),
    "text": (LONG, HUGE, YEAR_9999),
    "textarea": (LONG,),
}
EACH_CHOICE = (LONG, HUGE)
ALL_FIELDS = (NUL, LONG, HUGE, HUGE_NEGATIVE, YEAR_1, YEAR_9999, "9999", "1e400", "31/12/9999")
EACH_PARAM = (LONG, HUGE, YEAR_9999)
# Query parameters every list may read, whether or not a link on the page shows them.
COMMON_PARAMS = ("q", "page", "sort", "year", "o", "p", "e", "region", "all")

# Who exercises a row: the first of these whose cell says they may see (200) or act (400), and
# the public too where it may.
ORDER = ("operator_kota_yogyakarta", "operator_sleman", "dprd_kota_yogyakarta",
         "biro_pemerintahan_diy", "administrator")  # fmt: skip


class _Rollback(Exception):  # noqa: N818 - control flow, not an error
    pass


def actors(cells: tuple[Any, ...]) -> Iterator[str]:
    def allowed(name: str) -> bool:
        return matrix.expected_code(cells[PERSONAS.index(name)]) in (200, 400)

    yield from [name for name in ORDER if allowed(name)][:1]
    if allowed("public"):
        yield "public"


@functools.cache
def text_columns() -> dict[type[models.Model], list[tuple[str, int]]]:
    columns: dict[type[models.Model], list[tuple[str, int]]] = {}
    for model in apps.get_models():
        for f in model._meta.get_fields():
            if isinstance(f, models.CharField) and f.max_length and not f.primary_key:
                columns.setdefault(model, []).append((f.name, f.max_length))
    return columns


def overlong() -> list[str]:
    """Text stored beyond its column's max_length. Only SQLite keeps such text; PostgreSQL
    refuses it (DataError, which the request's check reports), so there is nothing to look for.
    One query per table finds whether any of its columns overflows; only then each is read."""
    if connection.vendor != "sqlite":
        return []
    found = []
    for model, columns in text_columns().items():
        lengths = {f"length_{name}": Length(name) for name, _limit in columns}
        too_long = functools.reduce(
            operator.or_, (Q(**{f"length_{name}__gt": limit}) for name, limit in columns)
        )
        if not model._default_manager.alias(**lengths).filter(too_long).exists():
            continue
        for name, limit in columns:
            longest = (
                model._default_manager.annotate(length=Length(name))
                .filter(length__gt=limit)
                .values_list("length", flat=True)
                .first()
            )
            if longest is not None:
                found.append(f"{model.__name__}.{name}: {longest} > {limit}")
    return found


class Fuzzer:
    def __init__(self) -> None:
        self.failures: list[str] = []
        self.requests = 0

    def send(self, client: Client, method: str, url: str, data: Any, note: str,
             check_lengths: bool = False) -> int | None:  # fmt: skip
        """One request in a savepoint rolled back afterwards; a server error is recorded."""
        self.requests += 1
        status = None
        try:
            with transaction.atomic():
                response = client.get(url, data) if method == "GET" else client.post(url, data)
                if response.streaming:
                    b"".join(response.streaming_content)  # type: ignore[attr-defined]
                status = response.status_code
                if status >= 500:
                    self.failures.append(f"{method} {url} [{note}]: HTTP {status}")
                elif check_lengths and (too_long := overlong()):
                    self.failures.append(f"{method} {url} [{note}]: stored {too_long}")
                raise _Rollback
        except _Rollback:
            pass
        except Exception as error:
            where = traceback.extract_tb(error.__traceback__)[-1]
            self.failures.append(
                f"{method} {url} [{note}]: {type(error).__name__}: {str(error)[:120]} "
                f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
            )
        return status

    def get_page(self, client: Client, url: str) -> tuple[list[Form], set[str]]:
        response = client.get(url)
        html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code != 200 or response.streaming or not html:
            if response.streaming:
                b"".join(response.streaming_content)  # type: ignore[attr-defined]
            return [], set()
        return read(response.content.decode(), url)

    def fuzz_get(self, client: Client, url: str) -> None:
        forms, params = self.get_page(client, url)
        names = set(COMMON_PARAMS) | params
        for form in forms:
            if form.method == "get":
                names |= set(form.names())
        names.discard("csrfmiddlewaretoken")
        for value in ALL_FIELDS:
            short = repr(value[:12])
            self.send(client, "GET", url, dict.fromkeys(names, value), f"all={short}")
        for name in sorted(names):
            for value in EACH_PARAM:
                self.send(client, "GET", url, {name: value}, f"{name}={value[:12]!r}")

    def fuzz_form(self, client: Client, form: Form, baseline: dict[str, Any],
                  one_field_at_a_time: bool = True) -> None:  # fmt: skip
        data: dict[str, Any] = {**form.filled(), **baseline}
        names = [n for n in form.names() if n != "csrfmiddlewaretoken"]
        files = {name: SimpleUploadedFile("dokumen.pdf", PDF_BYTES, "application/pdf")
                 for name in form.file_fields()}  # fmt: skip
        self.send(client, "POST", form.action, {**data, **files}, "filled")
        for value in ALL_FIELDS if names else (NUL,):
            files = {name: SimpleUploadedFile("dokumen.pdf", PDF_BYTES, "application/pdf")
                     for name in form.file_fields()}  # fmt: skip
            everything = {**dict.fromkeys(names, value), **files}
            self.send(client, "POST", form.action, everything, f"all={value[:12]!r}",
                      check_lengths=value is LONG)  # fmt: skip
        if not one_field_at_a_time:
            return
        kinds = {f.name: f.kind for f in form.fields}
        for name in names:
            for value in EACH_FIELD.get(kinds.get(name, ""), EACH_CHOICE):
                files = {n: SimpleUploadedFile("dokumen.pdf", PDF_BYTES, "application/pdf")
                         for n in form.file_fields()}  # fmt: skip
                self.send(client, "POST", form.action, {**data, **files, name: value},
                          f"{name}={value[:12]!r}", check_lengths=value is LONG)  # fmt: skip
        for file_name in ("x" * 300 + ".pdf", "a\x00b.pdf", "x" * 5000):
            for field_name in form.file_fields():
                upload = SimpleUploadedFile(file_name, PDF_BYTES, "application/pdf")
                self.send(client, "POST", form.action, {**data, field_name: upload},
                          f"file name {file_name[:12]!r}", check_lengths=True)  # fmt: skip


@pytest.fixture
def every_stage(world: World) -> list[Cooperation]:
    """Cooperations at each step, so that every step's form is shown filled as its actor sees
    it: an offer Sleman made to Kota Yogyakarta, one accepted, one with its KB, a draft that
    needs no DPRD (ready to sign), a draft that does (ready for the DPRD), and a dispute on the
    signed cooperation for the governor's bureau to settle."""
    yogyakarta, sleman = personas.operator_kota_yogyakarta(), personas.operator_sleman()
    offered = records.offer(sleman, title="Penawaran dari Sleman", regions=("34.04", "34.71"))
    accepted = records.offer(yogyakarta, title="Diterima", regions=("34.71", "34.04"))
    services.accept_offer(accepted.pk, actor=yogyakarta, party_key="34.04",
                          on=dt.date(2016, 1, 11), now=records.NOW)  # fmt: skip
    with_kb = records.offer(yogyakarta, title="Dengan KB", regions=("34.71", "34.04"))
    services.accept_offer(with_kb.pk, actor=yogyakarta, party_key="34.04",
                          on=dt.date(2016, 1, 11), now=records.NOW)  # fmt: skip
    services.sign_joint_agreement(with_kb.pk, actor=yogyakarta, number="KB/09/2016",
                                  signed_on=dt.date(2016, 1, 18), now=records.NOW)  # fmt: skip
    to_sign = records.offer(yogyakarta, title="Siap ditandatangani", regions=("34.71", "34.04"))
    services.accept_offer(to_sign.pk, actor=yogyakarta, party_key="34.04",
                          on=dt.date(2016, 1, 11), now=records.NOW)  # fmt: skip
    services.sign_joint_agreement(to_sign.pk, actor=yogyakarta, number="KB/10/2016",
                                  signed_on=dt.date(2016, 1, 18), now=records.NOW)  # fmt: skip
    skpd = {**records.BUDGETED, "within_skpd_duties": True}
    services.draft_agreement(
        to_sign.pk, actor=yogyakarta, contents=records.ALL_CONTENTS, term_years=5,
        on=dt.date(2016, 1, 25), burdens={"34.71": skpd, "34.04": skpd}, now=records.NOW,
    )  # fmt: skip
    for_dprd = records.drafted(yogyakarta, title="Untuk DPRD")
    disputes.raise_dispute(
        world.signed.pk, actor=yogyakarta, between=["34.71", "34.04"],
        raised_on=dt.date(2016, 3, 1), description="Pembagian biaya", now=records.NOW,
    )  # fmt: skip
    # A cooperation being implemented and monitored: its monev page shows every form
    # (monitoring/), a report and an obligation with their correction and completion forms.
    monitored = implemented(yogyakarta, title="Dipantau")
    monev.set_schedule(monitored.pk, actor=yogyakarta, period="quarterly",
                       first_due_on=dt.date(2016, 2, 29), now=records.NOW)  # fmt: skip
    monev.file_report(
        monitored.pk, actor=yogyakarta, due_on=dt.date(2016, 2, 29), now=records.NOW,
        agency_id=monitored.implementing_agencies.get(region_id="34.71").pk,
        facts=monev.ReportFacts("Berjalan", "", "", 1_000_000, dt.date(2016, 3, 1)),
    )  # fmt: skip
    monev.add_obligation(
        monitored.pk, actor=yogyakarta, party_id=monitored.parties.get(region_id="34.04").pk,
        kind="milestone", description="Halte", due_on=dt.date(2016, 3, 1), now=records.NOW,
    )  # fmt: skip
    return [offered, accepted, with_kb, to_sign, for_dprd, monitored]


def pages_with_forms(world: World, every_stage: list[Cooperation]) -> list[str]:
    """Where the step forms are shown: a cooperation's page, its documents, the body."""
    pages = [world.url(p) for p in ("/kerja-sama/{R}/", "/kerja-sama/{S}/",
                                    "/dokumen/kerja-sama/{R}/", "/dokumen/kerja-sama/{S}/",
                                    "/badan/{B}/")]  # fmt: skip
    return pages + [f"/kerja-sama/{c.pk}/{end}" for c in every_stage for end in ("", "monev/")]


def admin_pages() -> list[str]:
    pages = []
    for model in admin.site._registry:
        meta = model._meta
        pages.append(f"/admin/{meta.app_label}/{meta.model_name}/")
        pages.append(f"/admin/{meta.app_label}/{meta.model_name}/add/")
    return pages


@pytest.mark.parametrize(
    "persona",
    [p for p in (*ORDER, "public") if any(p in actors(c) for _m, _u, c in MATRIX)
     or p == "biro_pemerintahan_diy"],
)  # fmt: skip
def test_no_page_or_form_answers_hostile_input_with_a_server_error(
    world: World, every_stage: list[Cooperation], persona: str
) -> None:
    fuzzer = Fuzzer()
    client = client_for(persona)
    rows = [(m, world.url(p), p) for m, p, cells in MATRIX if persona in actors(cells)]
    if persona == "administrator":
        rows += [("GET", url, url) for url in admin_pages()]
    forms: dict[str, Form] = {}
    for page in [url for m, url, _p in rows if m == "GET"] + pages_with_forms(world, every_stage):
        for form in fuzzer.get_page(client, page)[0]:
            if form.method == "post":
                forms.setdefault(form.action.split("?")[0], form)
    for method, url, pattern in rows:
        if method == "GET":
            fuzzer.fuzz_get(client, url)
            continue
        if pattern in ("/akun/keluar/", "/i18n/setlang/"):
            continue  # logging out would end the walk; the language switch has no input to store
        form = forms.get("http://testserver" + url) or forms.get(url) or Form(url, "post")
        fuzzer.fuzz_form(client, form, matrix.BODIES.get(pattern, {}))
    posted = {url for m, url, _p in rows if m == "POST"}
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for action, form in forms.items():
        path = action.replace("http://testserver", "")
        if path in posted or path.startswith(("/akun/", "/i18n/")):
            continue
        if not path.startswith("/admin/") or persona == "administrator":
            # A step form on a cooperation of every_stage. The same form (same route, same
            # fields) on another cooperation gets the filled and the all-at-once requests, which
            # reach that cooperation's stage; one value at a time in each field is sent once.
            same_form = (re.sub(r"/\d+/", "/N/", path), tuple(sorted(form.names())))
            fuzzer.fuzz_form(client, form, {}, one_field_at_a_time=same_form not in seen)
            seen.add(same_form)
    assert fuzzer.requests > 0
    assert not fuzzer.failures, f"{len(fuzzer.failures)} of {fuzzer.requests}:\n" + "\n".join(
        fuzzer.failures[:60]
    )

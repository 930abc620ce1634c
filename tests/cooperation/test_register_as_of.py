"""The register and a cooperation's page as they stood on a past date (issue 11 point 7).

Kartamantul's waste agreement is taken through its steps on known days, each entered on its own
day at 10:00 WIB, and its title is corrected on 10 March 2016; a second record is offered on
15 February. As of each day the register and the page show exactly that day's stage and values.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import personas
from ksd.cooperation import services
from ksd.cooperation.corrections import services as corrections
from ksd.cooperation.models import Cooperation
from pages.records import ALL_CONTENTS, BUDGETED

TITLE = "Pengelolaan sampah regional TPST Piyungan"
CORRECTED = "Pengelolaan sampah regional TPST Piyungan Baru"
KARTAMANTUL = ("34.71", "34.04", "34.02")
TODAY = dt.datetime(2016, 6, 1, 3, 0, tzinfo=dt.UTC)


def at_ten(day: dt.date) -> dt.datetime:
    """10:00 WIB on `day`: when that day's step was entered."""
    return dt.datetime.combine(day, dt.time(3, 0), tzinfo=dt.UTC)


D = dt.date
SIGNED_ON = D(2016, 2, 1)


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ksd.core.clock.now", lambda: TODAY)


@pytest.fixture
def operator(regions_loaded: None) -> User:
    return personas.operator_kota_yogyakarta()


@pytest.fixture
def as_user() -> Callable[[User], Client]:
    def login(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return login


def waste_agreement(
    actor: User, *, title: str = TITLE, term_years: int = 5,
    signed_on: dt.date = SIGNED_ON, signing_entered: dt.datetime | None = None,
) -> Cooperation:  # fmt: skip
    """Offered 4 Jan, accepted 11 Jan, KB 18 Jan, drafted 25 Jan, signed 1 Feb 2016 (budgeted
    SKPD work: no DPRD), each entered that day unless the signing's entry is given."""
    skpd = {**BUDGETED, "within_skpd_duties": True}
    coop = services.make_offer(
        actor=actor, title=title, initiator="34.71",
        parties=[services.PartySpec(region=c) for c in KARTAMANTUL],
        offered_on=D(2016, 1, 4), offer_number="415.4/001", now=at_ten(D(2016, 1, 4)),
    )  # fmt: skip
    for code in KARTAMANTUL[1:]:
        services.accept_offer(coop.pk, actor=actor, party_key=code, on=D(2016, 1, 11),
                              now=at_ten(D(2016, 1, 11)))  # fmt: skip
    services.sign_joint_agreement(coop.pk, actor=actor, number="KB/01/2016",
                                  signed_on=D(2016, 1, 18), now=at_ten(D(2016, 1, 18)))  # fmt: skip
    services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, term_years=term_years, on=D(2016, 1, 25),
        burdens=dict.fromkeys(KARTAMANTUL, skpd), now=at_ten(D(2016, 1, 25)),
    )  # fmt: skip
    services.sign_agreement(coop.pk, actor=actor, number="PKS/01/2016", signed_on=signed_on,
                            now=signing_entered or at_ten(signed_on))  # fmt: skip
    return coop


def bus_offer(actor: User, title: str = "Angkutan perkotaan Trans Jogja") -> Cooperation:
    return services.make_offer(
        actor=actor, title=title, initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
        offered_on=D(2016, 2, 15), offer_number="415.4/002", now=at_ten(D(2016, 2, 15)),
    )  # fmt: skip


@pytest.fixture
def records(operator: User) -> tuple[Cooperation, Cooperation]:
    waste = waste_agreement(operator)
    bus = bus_offer(operator)
    corrections.correct_fact(
        waste.pk, actor=operator, fact="title", value=CORRECTED, reason="Salah ketik.",
        today=D(2016, 3, 10), now=at_ten(D(2016, 3, 10)),
    )  # fmt: skip
    return waste, bus


def rows(page: str) -> list[str]:
    """The register's rows, their cells' text joined by " | "."""
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        found.append(" | ".join(re.sub(r"<[^>]+>|\s+", " ", c).strip() for c in cells))
    return found


def register(client: Client, query: str) -> str:
    response = client.get(f"/kerja-sama/?{query}")
    assert response.status_code == 200, response.content[:400]
    return response.content.decode()


# ----- The register, day by day -----


@pytest.mark.parametrize(
    ("day", "stage"),
    [
        ("2016-01-04", "Penawaran disampaikan"),
        ("2016-01-11", "Penawaran diterima"),
        ("2016-01-20", "Kesepakatan bersama ditandatangani"),
        ("2016-01-25", "Penyusunan rancangan PKS"),
        ("2016-02-01", "Ditandatangani"),
    ],
)
def test_the_register_as_of_each_day_shows_that_days_stage_and_no_later_record(
    records: tuple[Cooperation, Cooperation], operator: User,
    as_user: Callable[[User], Client], day: str, stage: str,
) -> None:  # fmt: skip
    page = register(as_user(operator), f"per={day}")

    assert len(rows(page)) == 1  # the bus offer came on 15 February
    (row,) = rows(page)
    assert row.startswith(TITLE + " |")  # the title before its correction
    assert f"| {stage} |" in row
    assert "Register per" in page
    assert "koreksi sesudahnya tidak diterapkan" in page
    assert "Trans Jogja" not in page


def test_the_signing_date_appears_from_the_day_it_was_entered(
    records: tuple[Cooperation, Cooperation], operator: User, as_user: Callable[[User], Client]
) -> None:
    client = as_user(operator)
    before = client.get(f"/kerja-sama/{records[0].pk}/per/2016-01-31/").content.decode()
    after = client.get(f"/kerja-sama/{records[0].pk}/per/2016-02-01/").content.decode()

    assert "PKS/01/2016" not in before
    assert "PKS/01/2016" in after
    assert "1 Februari 2016" in after.split('id="dates"', 1)[1].split("</section>", 1)[0]


def test_the_corrected_title_shows_its_old_value_before_the_correction_was_entered(
    records: tuple[Cooperation, Cooperation], operator: User, as_user: Callable[[User], Client]
) -> None:
    client = as_user(operator)
    day_before = rows(register(client, "per=2016-03-09"))
    that_day = rows(register(client, "per=2016-03-10"))

    assert [r.split(" | ")[0] for r in day_before] == [
        "Angkutan perkotaan Trans Jogja", TITLE
    ]  # fmt: skip
    assert [r.split(" | ")[0] for r in that_day] == ["Angkutan perkotaan Trans Jogja", CORRECTED]
    # The search reads the title as it stood.
    assert rows(register(client, "per=2016-03-09&q=Baru")) == []
    assert len(rows(register(client, "per=2016-03-10&q=Baru"))) == 1
    page = client.get(f"/kerja-sama/{records[0].pk}/per/2016-03-09/").content.decode()
    assert f"<h1>{TITLE}</h1>" in page
    assert "Dikoreksi sesudah tanggal itu" in page


def test_the_stage_filter_reads_the_stage_of_the_day(
    records: tuple[Cooperation, Cooperation], operator: User, as_user: Callable[[User], Client]
) -> None:
    client = as_user(operator)

    assert len(rows(register(client, "per=2016-01-20&stage=joint_agreement"))) == 1
    assert rows(register(client, "per=2016-01-20&stage=signed")) == []
    assert len(rows(register(client, "per=2016-02-20&stage=signed"))) == 1
    assert len(rows(register(client, "per=2016-02-20&stage=offered"))) == 1  # the bus offer
    assert len(rows(register(client, "per=2016-02-20&year=2016"))) == 2
    # Today the agreement is signed: the filter without a date reads today's stage.
    assert rows(register(client, "stage=joint_agreement")) == []


def test_a_record_entered_late_is_absent_before_the_day_it_was_entered(
    operator: User, as_user: Callable[[User], Client]
) -> None:
    """Its offer is dated 4 January, but it was entered on 15 January: as of 10 January the
    register did not hold it."""
    services.make_offer(
        actor=operator, title="Entered late", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
        offered_on=D(2016, 1, 4), now=at_ten(D(2016, 1, 15)),
    )  # fmt: skip
    client = as_user(operator)

    assert rows(register(client, "per=2016-01-10")) == []
    assert len(rows(register(client, "per=2016-01-15"))) == 1


def test_the_page_as_of_a_day_is_read_only_with_the_assessment_of_that_day(
    records: tuple[Cooperation, Cooperation], operator: User, as_user: Callable[[User], Client]
) -> None:
    client = as_user(operator)
    response = client.get(f"/kerja-sama/{records[0].pk}/per/2016-01-20/")
    page = response.content.decode()

    assert response.status_code == 200
    assert "Kesepakatan bersama ditandatangani" in page
    assert "Penilaian per 20 Januari 2016" in page
    assert "<form" not in page.split("<main", 1)[1]  # no step forms
    history = page.split('id="timeline"', 1)[1]
    assert "Penawaran disampaikan" in history
    assert "Perjanjian ditandatangani" not in history  # signed on 1 February
    assert f'href="/kerja-sama/{records[0].pk}/"' in page  # back to today


def test_a_page_as_of_a_day_before_the_record_was_entered_is_not_found(
    records: tuple[Cooperation, Cooperation], operator: User, as_user: Callable[[User], Client]
) -> None:
    client = as_user(operator)

    assert client.get(f"/kerja-sama/{records[1].pk}/per/2016-02-14/").status_code == 404
    assert client.get(f"/kerja-sama/{records[1].pk}/per/2016-02-15/").status_code == 200


# ----- Who sees what -----


def test_scope_per_role_holds_as_of_a_date(
    records: tuple[Cooperation, Cooperation], regions_loaded: None,
    as_user: Callable[[User], Client],
) -> None:  # fmt: skip
    waste, _bus = records
    outsider = as_user(personas.outsider())
    bureau = as_user(personas.biro_pemerintahan_diy())
    bantul_dprd = as_user(personas.persona("dprd_bantul", personas.Role.DPRD, "34.02"))

    assert rows(register(outsider, "per=2016-03-01")) == []
    assert outsider.get(f"/kerja-sama/{waste.pk}/per/2016-03-01/").status_code == 404
    assert len(rows(register(bureau, "per=2016-03-01"))) == 2
    # Bantul's DPRD received no draft: it sees neither, as today.
    assert rows(register(bantul_dprd, "per=2016-03-01")) == []


# ----- Bad dates -----


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2016-13-01", "bukan tanggal"),
        ("kemarin", "bukan tanggal"),
        ("2006-12-31", "1 Januari 2007"),
        ("2016-06-02", "belum tiba"),
    ],
)
def test_a_bad_date_gets_a_clear_message_and_no_error(
    records: tuple[Cooperation, Cooperation], operator: User,
    as_user: Callable[[User], Client], value: str, words: str,
) -> None:  # fmt: skip
    client = as_user(operator)
    response = client.get("/kerja-sama/", {"per": value})
    page = response.content.decode()

    assert response.status_code == 400
    assert words in page
    assert "koreksi sesudahnya tidak diterapkan" not in page  # today's register, with the message
    detail = client.get(f"/kerja-sama/{records[0].pk}/per/{value}/")
    assert detail.status_code == 400
    assert words in detail.content.decode()


# ----- Constant queries -----


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_register_and_the_page_as_of_a_date_run_the_same_queries_at_two_sizes(
    operator: User, as_user: Callable[[User], Client]
) -> None:
    client = as_user(operator)
    first = waste_agreement(operator)

    def grow(n: int) -> list[int]:
        for i in range(n):
            coop = waste_agreement(operator, title=f"Sampah {i}")
            corrections.correct_fact(
                coop.pk, actor=operator, fact="title", value=f"Sampah {i} (koreksi)",
                reason="Salah ketik.", today=D(2016, 3, 10), now=at_ten(D(2016, 3, 10)),
            )  # fmt: skip
        urls = ["/kerja-sama/?per=2016-02-20", "/kerja-sama/?per=2016-02-20&stage=signed",
                f"/kerja-sama/{first.pk}/per/2016-02-20/"]  # fmt: skip
        for url in urls:
            client.get(url)  # warm the session alike at both sizes
        return [_queries(client, url) for url in urls]

    small = grow(1)
    large = grow(4)

    assert small == large


# ----- Events recorded before Event.stage was kept (migration 0024) -----


def test_the_migration_gives_old_events_the_stage_each_step_left(operator: User) -> None:
    """A log copied without its stages gets back the stages the steps recorded: a DPRD approval
    leaves the draft ready to sign only once every DPRD it was submitted to has approved."""
    from importlib import import_module
    from types import SimpleNamespace

    from django.apps import apps

    from ksd.cooperation.models import Event
    from ksd.dprd import services as dprd
    from pages.records import NOW, in_dprd_review

    fill = import_module("ksd.cooperation.migrations.0026_asof_fill_event_stage").fill
    waste = waste_agreement(operator)
    waiting = in_dprd_review(operator)
    for code in ("34.04", "34.71"):
        dprd.record_dprd_decision(waiting.pk, actor=operator, region_code=code, approved=True,
                                  on=D(2016, 3, 2), now=NOW)  # fmt: skip
    expected, copies = [], []
    for original in (waste, waiting):
        original.refresh_from_db()
        events = list(original.events.order_by("at", "id"))
        expected.append([e.stage for e in events])
        twin = Cooperation.objects.get(pk=original.pk)
        twin.pk = None
        twin.save()
        Event.objects.bulk_create(
            Event(cooperation=twin, kind=e.kind, at=e.at, on=e.on, region_id=e.region_id,
                  changes=e.changes, stage="")
            for e in events
        )  # fmt: skip
        copies.append(twin)

    fill(apps, SimpleNamespace(connection=connection))

    filled = [[e.stage for e in c.events.order_by("at", "id")] for c in copies]
    assert filled == expected
    assert expected[1][-3:] == ["dprd_review", "dprd_review", "ready_to_sign"]


# ----- The himpunan as of a date -----


def test_the_himpunan_as_of_a_date_holds_what_was_signed_by_then_with_its_values_then(
    records: tuple[Cooperation, Cooperation], operator: User, as_user: Callable[[User], Client]
) -> None:
    client = as_user(operator)

    def himpunan(per: str = "") -> str:
        query = {"region": "34.71", "year": "2016", **({"per": per} if per else {})}
        response = client.get("/kerja-sama/himpunan/", query)
        assert response.status_code == 200, response.content[:300]
        return response.content.decode()

    assert "PKS/01/2016" not in himpunan("2016-01-31")  # signed on 1 February
    before = himpunan("2016-03-09")
    assert "Tahun 2016 (per 9 Maret 2016)" in before
    assert "PKS/01/2016" in before
    assert TITLE in before
    assert CORRECTED not in before
    assert "koreksi sesudahnya tidak diterapkan" in before
    assert CORRECTED in himpunan()
    bad = client.get(
        "/kerja-sama/himpunan/", {"region": "34.71", "year": "2016", "per": "2099-01-01"}
    )
    assert bad.status_code == 400
    assert "belum tiba" in bad.content.decode()


def test_an_offer_date_corrected_later_is_read_as_it_stood(
    operator: User, as_user: Callable[[User], Client]
) -> None:
    """The bus offer, entered on 15 February, has its date corrected on 10 March to 5 March:
    as of 20 February it is still listed, dated 15 February, in the offers of 2016."""
    bus = bus_offer(operator)
    corrections.correct_fact(
        bus.pk, actor=operator, fact="offered_on", value="2016-03-05", reason="Salah tanggal.",
        today=D(2016, 3, 10), now=at_ten(D(2016, 3, 10)),
    )  # fmt: skip
    client = as_user(operator)

    (row,) = rows(register(client, "per=2016-02-20&year=2016"))
    assert "15 Februari 2016" in row
    (row,) = rows(register(client, "per=2016-03-10&year=2016"))
    assert "5 Maret 2016" in row


def test_a_withdrawn_offer_is_listed_until_the_day_it_was_withdrawn(
    records: tuple[Cooperation, Cooperation], operator: User, as_user: Callable[[User], Client]
) -> None:
    _waste, bus = records
    corrections.withdraw_offer(
        bus.pk, actor=operator, on=D(2016, 2, 20), reason="Tidak jadi.",
        today=D(2016, 2, 20), now=at_ten(D(2016, 2, 20)),
    )  # fmt: skip
    client = as_user(operator)

    assert len(rows(register(client, "per=2016-02-19"))) == 2
    assert [r.split(" | ")[0] for r in rows(register(client, "per=2016-02-20"))] == [TITLE]
    assert len(rows(register(client, "per=2016-02-19&stage=offered"))) == 1


# ----- Every sort reads the values of the day -----


def titles(page: str) -> list[str]:
    """The rows' titles (today's register adds stalled marks after the title: left out)."""
    return [r.split(" | ")[0].split("   ")[0] for r in rows(page)]


def test_the_sort_by_stage_reads_the_stage_of_the_day(
    records: tuple[Cooperation, Cooperation], operator: User, as_user: Callable[[User], Client]
) -> None:
    """On 20 February the agreement was signed and the bus offered ("signed" after "offered");
    its implementation started on 1 March ("implementing" comes before "offered")."""
    from ksd.cooperation.after_signing import services as after_signing

    waste, _bus = records
    after_signing.start_implementation(
        waste.pk, actor=operator, on=D(2016, 3, 1), agencies={}, now=at_ten(D(2016, 3, 1))
    )
    client = as_user(operator)

    assert titles(register(client, "per=2016-02-20&sort=stage")) == [
        "Angkutan perkotaan Trans Jogja", TITLE
    ]  # fmt: skip
    assert titles(register(client, "per=2016-03-01&sort=stage")) == [
        TITLE, "Angkutan perkotaan Trans Jogja"
    ]  # fmt: skip


def test_the_sort_by_title_and_offer_date_reads_the_values_before_later_corrections(
    records: tuple[Cooperation, Cooperation], operator: User, as_user: Callable[[User], Client]
) -> None:
    """On 11 March the bus offer's title became "Zona ..." and its date moved from 15 February
    to 1 January, before the agreement's 4 January: today both sorts put it the other way."""
    _waste, bus = records
    for fact, value in (("title", "Zona angkutan Trans Jogja"), ("offered_on", "2016-01-01")):
        corrections.correct_fact(
            bus.pk, actor=operator, fact=fact, value=value, reason="Salah tulis.",
            today=D(2016, 3, 11), now=at_ten(D(2016, 3, 11)),
        )  # fmt: skip
    client = as_user(operator)
    bus_then, bus_now = "Angkutan perkotaan Trans Jogja", "Zona angkutan Trans Jogja"

    assert titles(register(client, "per=2016-03-10&sort=title")) == [bus_then, CORRECTED]
    assert titles(register(client, "sort=title")) == [CORRECTED, bus_now]
    assert titles(register(client, "per=2016-03-10&sort=offered_on")) == [CORRECTED, bus_then]
    assert titles(register(client, "per=2016-03-10&sort=-offered_on")) == [bus_then, CORRECTED]
    assert titles(register(client, "sort=offered_on")) == [bus_now, CORRECTED]


def test_the_sort_by_end_date_reads_the_end_date_before_a_later_extension(
    operator: User, as_user: Callable[[User], Client]
) -> None:
    """Both agreements end on the same day; the first was extended to 2030 on 1 March. As of
    20 February they tie (newest record first); from 1 March the extended one ends last."""
    from ksd.cooperation.after_signing import services as after_signing

    first = waste_agreement(operator, title="Sampah A")
    waste_agreement(operator, title="Sampah B")
    after_signing.amend(
        first.pk, actor=operator, number="ADD/01/2016", signed_on=D(2016, 3, 1),
        summary="Perpanjangan.", new_ends_on=D(2030, 12, 31), now=at_ten(D(2016, 3, 1)),
    )  # fmt: skip
    client = as_user(operator)

    assert titles(register(client, "per=2016-02-20&sort=-ends_on")) == ["Sampah B", "Sampah A"]
    assert titles(register(client, "per=2016-02-20&sort=ends_on")) == ["Sampah B", "Sampah A"]
    assert titles(register(client, "per=2016-03-01&sort=-ends_on")) == ["Sampah A", "Sampah B"]
    assert titles(register(client, "per=2016-03-01&sort=ends_on")) == ["Sampah B", "Sampah A"]


def test_the_sort_by_end_date_leaves_out_a_signing_entered_after_the_day(
    operator: User, as_user: Callable[[User], Client]
) -> None:
    """All three agreements are dated 1 February; "Sampah B" (2 years: it ends between C's one
    and A's five) was entered only on 1 March: as of 20 February it had no end date, sorted
    where the database sorts an empty one (first ascending on SQLite, last on PostgreSQL)."""
    waste_agreement(operator, title="Sampah A")
    waste_agreement(operator, title="Sampah B", term_years=2,
                    signing_entered=at_ten(D(2016, 3, 1)))  # fmt: skip
    waste_agreement(operator, title="Sampah C", term_years=1)
    client = as_user(operator)
    empty_first = connection.vendor == "sqlite"

    ascending = titles(register(client, "per=2016-02-20&sort=ends_on"))
    assert ascending == (["Sampah B", "Sampah C", "Sampah A"] if empty_first
                         else ["Sampah C", "Sampah A", "Sampah B"])  # fmt: skip
    descending = titles(register(client, "per=2016-02-20&sort=-ends_on"))
    assert descending == list(reversed(ascending))
    assert titles(register(client, "per=2016-03-01&sort=ends_on")) == [
        "Sampah C", "Sampah B", "Sampah A"
    ]  # fmt: skip


def test_a_step_dated_the_next_day_in_eastern_indonesia_counts_for_the_day_it_was_entered(
    operator: User, as_user: Callable[[User], Client]
) -> None:
    """At 23:30 WIB on 20 February it is already 21 February in Papua (WIT): an offer, and a
    signing, entered then may bear the 21st and belong to the register as of the 20th."""
    late_evening = dt.datetime(2016, 2, 20, 16, 30, tzinfo=dt.UTC)  # 23:30 WIB
    services.make_offer(
        actor=operator, title="Dated the next day", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
        offered_on=D(2016, 2, 21), now=late_evening,
    )  # fmt: skip
    waste_agreement(operator, title="Sampah A", term_years=2, signed_on=D(2016, 2, 21),
                    signing_entered=late_evening)  # fmt: skip
    waste_agreement(operator, title="Sampah B")
    waste_agreement(operator, title="Sampah C", term_years=1)
    client = as_user(operator)

    assert "Dated the next day" in titles(register(client, "per=2016-02-20"))
    # Signed then, so with its end date (between C's and B's), whichever way empty ones sort.
    signed = titles(register(client, "per=2016-02-20&stage=signed&sort=ends_on"))
    assert signed == ["Sampah C", "Sampah A", "Sampah B"]
    assert "Dated the next day" not in titles(register(client, "per=2016-02-19"))


def test_pages_follow_the_offer_dates_of_the_day(
    operator: User, as_user: Callable[[User], Client]
) -> None:
    """26 offers, one a day from 1 to 26 February; the last one's date was corrected on
    10 March to 1 January. As of 1 March it is the only row of page 2, sorted by offer date;
    today it leads page 1."""
    for n in range(1, 27):
        services.make_offer(
            actor=operator, title=f"Penawaran {n:02d}", initiator="34.71",
            parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")],
            offered_on=D(2016, 2, n), now=at_ten(D(2016, 2, n)),
        )  # fmt: skip
    last = Cooperation.objects.get(title="Penawaran 26")
    corrections.correct_fact(
        last.pk, actor=operator, fact="offered_on", value="2016-01-01", reason="Salah tanggal.",
        today=D(2016, 3, 10), now=at_ten(D(2016, 3, 10)),
    )  # fmt: skip
    client = as_user(operator)

    first_page = titles(register(client, "per=2016-03-01&sort=offered_on"))
    assert first_page == [f"Penawaran {n:02d}" for n in range(1, 26)]
    assert titles(register(client, "per=2016-03-01&sort=offered_on&page=2")) == ["Penawaran 26"]
    assert titles(register(client, "per=2016-03-01&sort=-offered_on"))[0] == "Penawaran 26"
    assert titles(register(client, "sort=offered_on"))[0] == "Penawaran 26"


# ----- The public register as of a date -----


def public(query: dict[str, str], *, status: int = 200) -> str:
    response = Client().get("/publik/", query)
    assert response.status_code == status, response.content[:400]
    return response.content.decode()


@pytest.fixture
def published(
    records: tuple[Cooperation, Cooperation], operator: User
) -> tuple[Cooperation, Cooperation]:
    """The agreement (signed 1 February) is published on 5 February; a second one, "Sampah B",
    signed and published the same days, is cancelled as entered by mistake on 1 April."""
    waste, _bus = records
    services.publish(waste.pk, actor=operator, now=at_ten(D(2016, 2, 5)))
    mistake = waste_agreement(operator, title="Sampah B")
    services.publish(mistake.pk, actor=operator, now=at_ten(D(2016, 2, 5)))
    corrections.cancel_record(
        mistake.pk, actor=operator, reason="Salah entri.", now=at_ten(D(2016, 4, 1))
    )
    return records


def test_the_public_register_as_of_a_date_holds_what_was_published_by_then(
    published: tuple[Cooperation, Cooperation],
) -> None:
    before = public({"per": "2016-02-04"})  # signed, not yet published
    assert rows(before) == []
    assert "Belum ada kerja sama yang diterbitkan dalam register sampai akhir" in before
    assert "Register per 4 Februari 2016" in before

    (row,) = rows(public({"per": "2016-03-09"}))
    assert row.startswith(TITLE + " |")  # corrected on 10 March: the title then
    assert "PKS/01/2016" in row
    assert "1 Februari 2016" in row
    # Cancelled on 1 April as entered by mistake: never shown again, even as of before then;
    # the bus offer was never signed.
    page = public({"per": "2016-03-09"})
    assert "Sampah B" not in page
    assert "Trans Jogja" not in page
    (row,) = rows(public({}))
    assert row.startswith(CORRECTED + " |")


def test_the_public_register_as_of_a_date_has_the_banner_a_way_back_and_keeps_the_date(
    published: tuple[Cooperation, Cooperation],
) -> None:
    page = public({"per": "2016-03-09", "q": "Piyungan"})

    assert "koreksi sesudahnya tidak diterapkan" in page
    assert 'href="/publik/?q=Piyungan"' in page  # back to today, with the search
    assert '<input type="hidden" name="per" value="2016-03-09">' in page
    assert len(rows(page)) == 1
    # The search reads the title as it stood: "Baru" came with the correction of 10 March.
    assert rows(public({"per": "2016-03-09", "q": "Baru"})) == []
    assert len(rows(public({"per": "2016-03-10", "q": "Baru"}))) == 1
    assert "koreksi sesudahnya" not in public({"q": "Piyungan"})


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2016-13-01", "bukan tanggal"),
        ("kemarin", "bukan tanggal"),
        ("2006-12-31", "1 Januari 2007"),
        ("2016-06-02", "belum tiba"),
    ],
)
def test_the_public_register_answers_a_bad_date_with_a_message(
    published: tuple[Cooperation, Cooperation], value: str, words: str
) -> None:
    page = public({"per": value}, status=400)

    assert words in page
    assert "koreksi sesudahnya tidak diterapkan" not in page  # today's register, with the message
    assert len(rows(page)) == 1


def test_the_public_register_as_of_a_date_runs_the_same_queries_at_two_sizes(
    operator: User,
) -> None:
    def grow(n: int) -> int:
        for i in range(n):
            coop = waste_agreement(operator, title=f"Sampah {i}")
            services.publish(coop.pk, actor=operator, now=at_ten(D(2016, 2, 5)))
            corrections.correct_fact(
                coop.pk, actor=operator, fact="title", value=f"Sampah {i} (koreksi)",
                reason="Salah ketik.", today=D(2016, 3, 10), now=at_ten(D(2016, 3, 10)),
            )  # fmt: skip
        return _queries(Client(), "/publik/?per=2016-02-20")

    assert grow(1) == grow(3)


def test_the_public_himpunan_as_of_a_date_holds_what_was_published_by_then(
    published: tuple[Cooperation, Cooperation],
) -> None:
    def himpunan(per: str = "", *, status: int = 200) -> str:
        query = {"region": "34.71", "year": "2016", **({"per": per} if per else {})}
        response = Client().get("/publik/himpunan/", query)
        assert response.status_code == status, response.content[:300]
        return response.content.decode()

    assert "PKS/01/2016" not in himpunan("2016-02-04")  # signed 1 February, published the 5th
    before = himpunan("2016-03-09")
    assert "Tahun 2016 (per 9 Maret 2016)" in before
    assert "PKS/01/2016" in before
    assert TITLE in before
    assert CORRECTED not in before
    assert "Sampah B" not in before  # cancelled since, as entered by mistake
    assert "koreksi sesudahnya tidak diterapkan" in before
    assert CORRECTED in himpunan()
    assert "belum tiba" in himpunan("2099-01-01", status=400)


def test_the_signed_agreement_is_downloadable_as_of_the_day_it_was_published(
    published: tuple[Cooperation, Cooperation], operator: User,
    settings: pytest.FixtureRequest, tmp_path: Path,
) -> None:  # fmt: skip
    """Uploaded on 10 February, published in the public register on 1 March."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ksd.documents.models import DocumentKind
    from ksd.documents.services import attach_document
    from ksd.documents.sharing import publish_document

    settings.VAR_DIR = tmp_path  # type: ignore[attr-defined]
    waste, _bus = published
    upload = SimpleUploadedFile(
        "PKS.pdf", b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
        content_type="application/pdf",
    )  # fmt: skip
    pks = attach_document(
        waste.pk, actor=operator, region_code="34.71", upload=upload,
        kind=DocumentKind.SIGNED_AGREEMENT, now=at_ten(D(2016, 2, 10)),
    )  # fmt: skip
    publish_document(pks.pk, actor=operator, now=at_ten(D(2016, 3, 1)))
    link = f'href="/publik/dokumen/{pks.pk}/"'

    assert link not in public({"per": "2016-02-29"})
    assert link in public({"per": "2016-03-01"})
    assert link in public({})

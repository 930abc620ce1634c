"""The public himpunan on a page anyone can reach: an answer already computed is kept until a
step is recorded, and a visitor who is not logged in builds only so many files a minute.

The tests that read a kept answer commit what they write (transactional_db), as the app does
between requests: on PostgreSQL nothing is kept inside an open transaction, whose own writes the
change stamp does not count (core/change_stamp.py)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth.models import User
from django.test import Client
from openpyxl import load_workbook

from ksd.cooperation import services
from ksd.core import clock
from ksd.exchange import public_downloads
from ksd.exchange.exporting.himpunan import pdf_available

from .records import imported, through_services
from .sheets import NOW

PROVINCE_2020 = {"region": "34", "year": "2020"}


@pytest.fixture
def records(operator_kota_yogyakarta: User, reference_loaded: None) -> int:
    """The imported agreements (published) and Kota Yogyakarta's 2016 one (not yet)."""
    imported()
    return through_services(operator_kota_yogyakarta).pk


@pytest.fixture
def minute(monkeypatch: pytest.MonkeyPatch) -> list[dt.datetime]:
    """The clock stands still at the start of a minute until a test moves it (the limit counts
    per clock minute)."""
    start = clock.now().replace(second=1, microsecond=0)
    moment = [start]
    monkeypatch.setattr(clock, "now", lambda: moment[0])
    return moment


def _numbers(response: object) -> set[str]:
    sheet = load_workbook(io.BytesIO(response.content))["Himpunan"]  # type: ignore[attr-defined]
    return {row[1].value for row in sheet.iter_rows(min_row=5)}


def _from(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


@pytest.mark.usefixtures("minute", "transactional_db")
def test_the_same_request_is_answered_from_the_cache_until_a_step_is_recorded(
    records: int, operator_kota_yogyakarta: User
) -> None:
    visitor = _from("203.0.113.7")
    built = dict(public_downloads.built)
    first = visitor.get("/publik/himpunan/", {**PROVINCE_2020, "format": "xlsx"})
    assert first.status_code == 200
    assert _numbers(first) == {"PKS/1/2015", "PKS/2/2015"}  # the 2016 one is not published yet
    assert public_downloads.built["xlsx"] == built.get("xlsx", 0) + 1
    again = _from("198.51.100.9").get("/publik/himpunan/", {**PROVINCE_2020, "format": "xlsx"})
    assert again.content == first.content
    assert public_downloads.built["xlsx"] == built.get("xlsx", 0) + 1  # not built again
    assert public_downloads.built["compiled"] == built.get("compiled", 0) + 1

    page = visitor.get("/publik/himpunan/", PROVINCE_2020)  # the page reuses the compilation
    assert "PKS/2/2015" in page.content.decode()
    assert public_downloads.built["compiled"] == built.get("compiled", 0) + 1

    services.publish(records, actor=operator_kota_yogyakarta, now=NOW)
    current = visitor.get("/publik/himpunan/", {**PROVINCE_2020, "format": "xlsx"})
    assert _numbers(current) == {"PKS/1/2015", "PKS/2/2015", "PKS/T/2016"}
    assert public_downloads.built["xlsx"] == built.get("xlsx", 0) + 2
    assert "PKS/T/2016" in visitor.get("/publik/himpunan/", PROVINCE_2020).content.decode()


@pytest.mark.skipif(not pdf_available(), reason="WeasyPrint is not installed")
@pytest.mark.usefixtures("records", "transactional_db")
def test_a_visitor_builds_at_most_the_limit_of_files_a_minute(
    minute: list[dt.datetime], settings: pytest.FixtureRequest
) -> None:
    settings.HIMPUNAN_DOWNLOADS_PER_MINUTE = 3  # type: ignore[attr-defined]
    visitor = _from("203.0.113.7")
    years = iter(range(2010, 2030))
    for _ in range(3):
        response = visitor.get("/publik/himpunan/", {"region": "34", "year": next(years),
                                                     "format": "pdf"})  # fmt: skip
        assert response.content.startswith(b"%PDF")
    built = public_downloads.built["pdf"]
    refused = visitor.get("/publik/himpunan/", {"region": "34", "year": next(years),
                                                "format": "pdf"})  # fmt: skip
    assert refused.status_code == 429
    assert refused["Retry-After"] == "59"  # the clock stands at the minute's first second
    page = refused.content.decode()
    assert "Terlalu banyak unduhan" in page
    assert "Coba lagi dalam 59 detik" in page
    assert public_downloads.built["pdf"] == built  # nothing was built for it
    # A file already built is sent, not counted; another address has its own count.
    kept = visitor.get("/publik/himpunan/", {"region": "34", "year": 2010, "format": "pdf"})
    assert kept.content.startswith(b"%PDF")
    other = _from("198.51.100.9").get("/publik/himpunan/", {"region": "34", "year": 2025,
                                                            "format": "xlsx"})  # fmt: skip
    assert other.status_code == 200
    # The page itself is never refused; in English the refusal is in English.
    assert visitor.get("/publik/himpunan/", {"region": "34", "year": 2026}).status_code == 200
    visitor.cookies["django_language"] = "en"
    english = visitor.get("/publik/himpunan/", {"region": "34", "year": 2027, "format": "xlsx"})
    assert english.status_code == 429
    assert "Try again in 59 seconds" in english.content.decode()

    minute[0] += dt.timedelta(minutes=1)  # the next minute
    assert visitor.get("/publik/himpunan/", {"region": "34", "year": 2028,
                                             "format": "pdf"}).status_code == 200  # fmt: skip


@pytest.mark.usefixtures("records", "minute")
def test_logged_in_users_are_not_rationed(
    biro_pemerintahan_diy: User, settings: pytest.FixtureRequest
) -> None:
    settings.HIMPUNAN_DOWNLOADS_PER_MINUTE = 1  # type: ignore[attr-defined]
    officer = Client(REMOTE_ADDR="203.0.113.7")
    officer.force_login(biro_pemerintahan_diy)
    for year in range(2015, 2020):
        internal = officer.get("/kerja-sama/himpunan/", {"region": "34", "year": year,
                                                         "format": "xlsx"})  # fmt: skip
        assert internal.status_code == 200
        public = officer.get("/publik/himpunan/", {"region": "34", "year": year,
                                                   "format": "xlsx"})  # fmt: skip
        assert public.status_code == 200
    assert (
        _from("203.0.113.7")
        .get("/publik/himpunan/", {"region": "34", "year": 2021, "format": "xlsx"})
        .status_code
        == 200
    )


@pytest.mark.usefixtures("records", "minute")
def test_hostile_parameters_cost_no_file_and_no_server_error(
    settings: pytest.FixtureRequest,
) -> None:
    settings.HIMPUNAN_DOWNLOADS_PER_MINUTE = 1  # type: ignore[attr-defined]
    visitor = _from("203.0.113.7")
    built = dict(public_downloads.built)
    for params in (
        {"region": "34", "year": "9" * 400, "format": "pdf"},
        {"region": "34", "year": "99999", "format": "pdf"},
        {"region": "99.99", "year": "2020", "format": "pdf"},
        {"region": "3\x004", "year": "2020", "format": "pdf"},
        {"region": "34", "year": "2020\x00", "format": "xlsx"},
        {"region": "34", "year": "2020", "per": "2020-01-01\x00", "format": "xlsx"},
        {"region": "34", "year": "2020", "per": "9999-12-31", "format": "xlsx"},
        {"region": "34", "year": "2020", "format": "pdf\x00"},
        {"region": "x" * 600, "year": "2020", "format": "xlsx"},
    ):
        assert visitor.get("/publik/himpunan/", params).status_code == 400, params
    assert dict(public_downloads.built) == built
    # None of them used up the visitor's one file of the minute.
    assert visitor.get("/publik/himpunan/", {**PROVINCE_2020, "format": "xlsx"}).status_code == 200

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from pytest_django import DjangoAssertNumQueries


def _text(client: Client, path: str = "/") -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def _count(page: str, label: str) -> int:
    match = re.search(rf"<dt>{re.escape(label)}</dt><dd>(\d+)</dd>", page)
    assert match, f"no count labelled {label!r} on the page"
    return int(match.group(1))


@pytest.mark.usefixtures("regions_loaded")
def test_home_page_speaks_indonesian_by_default(client: Client) -> None:
    page = _text(client)

    assert '<html lang="id">' in page
    assert "KSD — Sistem Informasi Kerja Sama Daerah" in page
    assert "Data referensi" in page
    assert "Reference data" not in page


@pytest.mark.usefixtures("regions_loaded")
def test_home_page_shows_how_many_regions_are_loaded(client: Client) -> None:
    page = _text(client)

    assert _count(page, "Provinsi") == 38
    assert _count(page, "Kabupaten") == 416
    assert _count(page, "Kota") == 98


@pytest.mark.usefixtures("regions_loaded")
def test_switching_to_english_shows_the_page_in_english(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"

    page = _text(client)

    assert '<html lang="en">' in page
    assert "KSD — Sistem Informasi Kerja Sama Daerah" in page
    assert _count(page, "Provinces") == 38
    assert _count(page, "Regencies (kabupaten)") == 416
    assert _count(page, "Cities (kota)") == 98
    assert "Data referensi" not in page


@pytest.mark.usefixtures("regions_loaded")
def test_switching_back_to_indonesian_works(client: Client) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})

    assert "Data referensi" in _text(client)


@pytest.mark.usefixtures("no_regions")
def test_home_page_before_loading_tells_how_to_load_regions(client: Client) -> None:
    page = _text(client)

    assert _count(page, "Provinsi") == 0
    assert "Belum ada data wilayah" in page
    assert "ksd load_reference_data" in page


@pytest.mark.usefixtures("regions_loaded")
def test_a_browser_asking_for_english_still_gets_indonesian(client: Client) -> None:
    """Office computers are often set up in English; only the language switch changes it."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    page = response.content.decode()
    assert '<html lang="id">' in page
    assert "Data referensi" in page
    assert response["Content-Language"] == "id"


@pytest.mark.usefixtures("regions_loaded")
def test_the_language_chosen_is_kept_for_a_year(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    cookie = response.cookies["django_language"]
    assert cookie.value == "en"
    assert int(cookie["max-age"]) >= 365 * 24 * 60 * 60


@pytest.mark.django_db
def test_the_home_page_shows_no_command_line_to_anyone(client: Client) -> None:
    page = _text(client)

    assert "ksd assess" not in page
    assert "ksd workdays" not in page


@pytest.mark.django_db
def test_the_favicon_is_served_from_ksds_own_static_files(client: Client) -> None:
    page = _text(client)
    response = client.get("/favicon.ico")

    assert 'rel="icon" href="/static/core/favicon.svg"' in page
    assert response.status_code == 301
    assert response["Location"] == "/static/core/favicon.ico"
    for name in ("core/favicon.svg", "core/favicon.ico", "core/favicon-32.png"):
        assert finders.find(name) is not None


@pytest.mark.django_db
def test_home_page_loads_its_stylesheet_locally_and_nothing_from_elsewhere(client: Client) -> None:
    page = _text(client)

    assert 'href="/static/core/ksd.css"' in page
    assert 'href="/static/vendor/pico/pico.min.css"' in page
    assert finders.find("core/ksd.css") is not None
    assert finders.find("vendor/pico/pico.min.css") is not None
    assert finders.find("vendor/pico/LICENSE.md") is not None
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)


@pytest.mark.usefixtures("regions_loaded")
@pytest.mark.usefixtures("page_cache_off")
def test_home_page_counts_regions_in_one_query(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    with django_assert_num_queries(1):
        client.get("/")

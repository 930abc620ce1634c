"""No server error from input (issue 6 point 9): NUL characters, values too long for their
column, impossible numbers in an admin filter, and the 400, 403, 404 and 500 pages in the
visitor's language with the site's navigation. The walk over every page and form is
tests/pages/test_no_server_error.py."""

from __future__ import annotations

import datetime as dt
import inspect
from importlib import import_module
from pathlib import Path

import pytest
from django import forms
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext

import personas
from ksd.cooperation.models import Cooperation, ImplementingAgency
from ksd.core.error_pages import server_error
from ksd.core.middleware import MAX_QUERY_VALUE
from ksd.regions.models import Official
from pages.records import signed_and_published

NUL_REFUSED = (
    "The request contains a NUL character (\\0), which KSD cannot accept, so nothing was "
    "changed. Remove it from what you typed or pasted and try again."
)
NAVIGATION = 'href="/publik/"'


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


# ----- NUL -----


@pytest.mark.parametrize("url", ["/publik/?q=%00", "/publik/?page=1%002", "/publik/%00/"])
def test_a_nul_in_the_address_is_refused_with_a_page_in_indonesian(
    db: None, client: Client, url: str
) -> None:
    response = client.get(url)
    assert response.status_code == 400
    page = response.content.decode()
    assert '<html lang="id">' in page
    assert gettext(NUL_REFUSED).replace("'", "&#x27;") in page
    assert "karakter NUL" in page
    assert NAVIGATION in page


def test_a_nul_in_a_form_field_changes_nothing(operator_kota_yogyakarta: User) -> None:
    response = logged_in(operator_kota_yogyakarta).post(
        "/kerja-sama/baru/", {"title": "Sampah\x00", "offered_on": "2016-01-04"}
    )
    assert response.status_code == 400
    assert "karakter NUL" in response.content.decode()
    assert not Cooperation.objects.exists()


def test_a_nul_in_the_session_cookie_is_refused_without_looking_it_up(db: None) -> None:
    client = Client()
    client.cookies["sessionid"] = "abcdefgh\x00ijk"
    response = client.get("/kerja-sama/")
    assert response.status_code == 400
    assert gettext("Log in") in response.content.decode()  # an anonymous page


def test_a_nul_in_an_admin_search_or_filter_is_refused(regions_loaded: None) -> None:
    client = logged_in(personas.administrator())
    for url in ("/admin/documents/document/?q=%00", "/admin/documents/document/?kind=%00",
                "/admin/regions/region/%00/change/"):  # fmt: skip
        assert client.get(url).status_code == 400


# ----- Too long, too large -----


def test_a_search_term_too_long_for_a_search_is_refused(db: None, client: Client) -> None:
    response = client.get("/publik/", {"q": "x" * (MAX_QUERY_VALUE + 1)})
    assert response.status_code == 400
    assert str(MAX_QUERY_VALUE) in response.content.decode()
    assert client.get("/publik/", {"q": "x" * MAX_QUERY_VALUE}).status_code == 200


def test_numbers_beyond_any_column_in_an_address_find_nothing(
    operator_kota_yogyakarta: User,
) -> None:
    huge = "9" * 30
    client = logged_in(operator_kota_yogyakarta)
    for url in (f"/publik/{huge}/", f"/publik/dokumen/{huge}/", f"/kerja-sama/{huge}/",
                f"/dokumen/{huge}/", f"/dokumen/kerja-sama/{huge}/", f"/badan/{huge}/"):  # fmt: skip
        assert client.get(url).status_code == 404, url
    assert client.get("/publik/", {"page": huge}).status_code == 200
    assert client.get("/kerja-sama/", {"page": huge, "year": "9999"}).status_code == 200


def test_an_implementing_agency_name_longer_than_its_column_is_refused_with_its_limit(
    operator_kota_yogyakarta: User,
) -> None:
    signed = signed_and_published(operator_kota_yogyakarta)
    response = logged_in(operator_kota_yogyakarta).post(
        f"/kerja-sama/{signed.pk}/pelaksanaan/",
        {"agencies": "Dinas " + "x" * 294, "on": "2016-03-01"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "200" in page  # the limit
    assert "300" in page  # the length
    assert not ImplementingAgency.objects.exists()
    signed.refresh_from_db()
    assert signed.stage == "signed"


def test_an_impossible_year_in_an_admin_date_filter_shows_the_list_again(
    regions_loaded: None,
) -> None:
    Official.objects.create(
        region_id="34.71", name="Sri Rahayu", position="Kepala Dinas",
        term_start_on=dt.date(2015, 1, 2),
    )  # fmt: skip
    client = logged_in(personas.administrator())
    for year in ("9" * 30, "9999", "0"):
        response = client.get("/admin/regions/official/", {"term_start_on__year": year})
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            assert "e=1" in response["Location"]


def test_every_text_field_of_every_form_has_a_length_limit() -> None:
    """A field without max_length lets 100,000 characters through to a column (PostgreSQL
    answers with an error, SQLite stores them)."""
    unlimited = []
    source = Path(__file__).resolve().parents[2] / "src" / "ksd"
    modules = sorted(
        ".".join(path.relative_to(source).with_suffix("").parts)
        for path in source.glob("**/*forms.py")
    )
    assert "cooperation.after_signing.forms" in modules
    for module_name in modules:
        module = import_module(f"ksd.{module_name}")
        for name, form in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form, forms.BaseForm) or form.__module__ != module.__name__:
                continue
            try:
                fields = form().fields  # some set their limits when made (the login form)
            except TypeError:  # needs arguments: its declared fields
                fields = form.base_fields
            unlimited += [
                f"{name}.{field_name}"
                for field_name, field in fields.items()
                if isinstance(field, forms.CharField)
                and not field.max_length
                and not isinstance(field.widget, forms.PasswordInput)
            ]
    assert unlimited == []


# ----- The error pages -----


def test_the_404_page_speaks_the_visitors_language_with_the_navigation(
    operator_kota_yogyakarta: User,
) -> None:
    client = logged_in(operator_kota_yogyakarta)
    page = client.get("/tidak-ada/").content.decode()
    assert "Halaman tidak ditemukan" in page
    assert 'href="/dasbor/"' in page
    assert NAVIGATION in page

    client.cookies["django_language"] = "en"
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert '<html lang="en">' in response.content.decode()


def test_the_403_page_says_why_in_indonesian(operator_kota_yogyakarta: User) -> None:
    response = logged_in(personas.dprd_kota_yogyakarta()).get("/kerja-sama/baru/")
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="id">' in page
    with translation.override("id"):
        assert gettext("Not allowed") in page
    assert NAVIGATION in page


@pytest.mark.urls("core.boom_urls")
def test_a_server_error_shows_ksds_500_page_in_the_visitors_language(db: None) -> None:
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert '<html lang="id">' in page
    assert "Kesalahan server" in page or "kesalahan" in page.lower()
    assert NAVIGATION in page
    client.cookies["django_language"] = "en"
    assert "Server error" in client.get("/boom/").content.decode()


def test_the_500_page_renders_without_the_database() -> None:
    """No `db` fixture: any query here fails the test (pytest-django blocks the database)."""
    request = RequestFactory().get("/")
    request.user = SimpleLazyObject(lambda: 1 / 0)  # reading the user would fail
    response = server_error(request)
    assert response.status_code == 500
    assert NAVIGATION in response.content.decode()
    assert "Log in" in response.content.decode() or "Masuk" in response.content.decode()


def test_a_form_sent_without_its_security_token_gets_a_page_that_says_why(db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/akun/masuk/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "pemeriksaan keamanannya gagal" in page
    assert NAVIGATION in page


def test_impossible_filters_on_the_audit_trail_show_the_list_again(regions_loaded: None) -> None:
    client = logged_in(personas.administrator())
    for params in ({"timestamp__year": "9" * 30}, {"resource_type": "9" * 30},
                   {"resource_type": "9999-12-31"},
                   {"resource_type": "9" * 30, "_facets": "1"}, {"_facets": "9" * 30}):  # fmt: skip
        response = client.get("/admin/auditlog/logentry/", params)
        assert response.status_code in (200, 302), params  # the list, or it again with ?e=1
        if response.status_code == 302:
            assert "e=1" in response["Location"]

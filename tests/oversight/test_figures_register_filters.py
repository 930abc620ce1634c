"""The two register filters the oversight figures link to: agreements in force (signed or being
implemented) and the year of signing. Bad values are told in Indonesian, never a 500."""

from __future__ import annotations

import re

import pytest
from django.test import Client

import personas
from ksd.regions.services import load_affairs
from oversight.figures_world import NOW, build

pytestmark = pytest.mark.usefixtures("regions_loaded")


@pytest.fixture
def client(regions_loaded: None, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setattr("ksd.core.clock.now", lambda: NOW)
    load_affairs()
    build()
    client = Client()
    client.force_login(personas.kemendagri())
    return client


def _titles(client: Client, query: str) -> list[str]:
    response = client.get("/kerja-sama/" + query)
    assert response.status_code == 200
    return sorted(re.findall(r'<a href="/kerja-sama/\d+/">([^<]+)</a>', response.content.decode()))


def test_in_force_lists_the_signed_and_the_implemented_only(client: Client) -> None:
    assert _titles(client, "?in_force=on") == [
        "A Sampah Kartamantul", "B Trans Jogja", "D Semarang-Magelang"
    ]  # fmt: skip


def test_the_year_of_signing_lists_that_years_agreements_and_not_a_cancelled_record(
    client: Client,
) -> None:
    assert _titles(client, "?signed_year=2026") == ["A Sampah Kartamantul", "D Semarang-Magelang"]
    assert _titles(client, "?signed_year=2010") == ["H Medan-Binjai"]
    assert _titles(client, "?signed_year=2026&in_force=on&province=34") == ["A Sampah Kartamantul"]


@pytest.mark.parametrize("year", ["abc", "99999", "1900", "-1", "9" * 40])
def test_a_bad_year_of_signing_is_told_and_filters_nothing(client: Client, year: str) -> None:
    response = client.get(f"/kerja-sama/?signed_year={year}")

    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="errorlist' in page
    assert "7 kerja sama" in page


def test_not_recorded_lists_the_records_without_an_affair_or_a_model(client: Client) -> None:
    # G (cancelled as entered by mistake) leaves the models empty too but is not in the register.
    assert _titles(client, "?affair=tanpa") == ["E Sleman dengan PT Resik"]
    assert _titles(client, "?management_model=tanpa") == [
        "C Borobudur-Prambanan", "E Sleman dengan PT Resik", "H Medan-Binjai",
        "I DIY dengan Bantul",
    ]  # fmt: skip
    assert _titles(client, "?institution_model=tanpa") == [
        "B Trans Jogja", "D Semarang-Magelang", "E Sleman dengan PT Resik", "H Medan-Binjai",
    ]  # fmt: skip
    assert _titles(client, "?management_model=tanpa&institution_model=tanpa") == [
        "E Sleman dengan PT Resik", "H Medan-Binjai"
    ]  # fmt: skip

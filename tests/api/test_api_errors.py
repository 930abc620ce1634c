"""Refusals in one shape {code, message, citations, errors}, in the caller's language; the
browser's session works for the docs page, and a change through it needs the CSRF token."""

from __future__ import annotations

from django.test import Client

import personas
from api.conftest import ApiClient, token_for
from pages.test_permission_matrix import World


def test_a_refused_step_names_its_article_in_indonesian_and_in_english(world: World) -> None:
    token = token_for(personas.operator_kota_yogyakarta())
    url = f"/api/cooperations/{world.review.pk}/steps/sign"
    body = {"number": "PKS/09/2016", "signed_on": "2016-03-01"}
    indonesian = ApiClient(token).post(url, body).json()
    english = ApiClient(token, language="en").post(url, body).json()
    assert indonesian["code"] == english["code"] == "step_refused"
    assert indonesian["citations"] == english["citations"] == ["Penjelasan PP 50/2007 Pasal 9"]
    assert "belum memberikan persetujuan" in indonesian["message"]
    assert "has not approved" in english["message"] or "not yet approved" in english["message"]


def test_invalid_values_are_named_field_by_field(world: World) -> None:
    client = ApiClient(token_for(personas.operator_kota_yogyakarta()))
    url = f"/api/cooperations/{world.review.pk}/steps/sign"
    response = client.post(url, {"number": "x" * 101, "signed_on": "kemarin"})
    assert response.status_code == 422
    data = response.json()
    assert data["code"] == "invalid"
    fields = {e["field"]: e["message"] for e in data["errors"]}
    assert set(fields) == {"number", "signed_on"}
    assert "TTTT-BB-HH" in fields["signed_on"]
    broken = client.client.post(url, "{not json", content_type="application/json",
                                headers=client.headers)  # fmt: skip
    assert broken.status_code == 400
    assert broken.json()["code"] == "invalid_body"


def test_the_register_filters_are_checked_as_on_the_register_page(world: World) -> None:
    client = ApiClient(token_for(personas.kemendagri()))
    data = client.get("/api/cooperations", {"year": "dua", "stage": "nope"}).json()
    assert {e["field"] for e in data["errors"]} == {"year", "stage"}


def test_the_browser_session_reads_and_a_change_needs_its_csrf_token(world: World) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(personas.operator_kota_yogyakarta())
    assert browser.get(f"/api/cooperations/{world.review.pk}").status_code == 200
    url = f"/api/cooperations/{world.review.pk}/steps/publish"
    refused = browser.post(url, {}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["code"] == "forbidden"
    page = browser.get("/api/docs")
    token = page.content.decode().split('data-csrf-token="')[1].split('"')[0]
    allowed = browser.post(url, {}, content_type="application/json",
                           headers={"X-CSRFToken": token})  # fmt: skip
    assert allowed.status_code == 400  # through the door to the service, which refuses
    assert allowed.json()["code"] == "step_refused"


def test_the_schema_and_the_docs_page_are_served_without_a_login(db: None) -> None:
    schema = Client().get("/api/openapi.json").json()
    assert schema["info"]["title"] == "KSD API"
    assert "/api/cooperations/{pk}/dprd/decision" in schema["paths"]
    docs = Client().get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs
    assert '"validatorUrl": null' in docs  # no badge fetched from validator.swagger.io
    assert "cdn" not in docs.lower()

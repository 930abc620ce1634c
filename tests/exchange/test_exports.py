"""The register as CSV and XLSX with its filters and its access; the himpunan; the open data."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.test import Client
from openpyxl import load_workbook

from ksd.cooperation.models import Cooperation
from ksd.exchange.exporting.himpunan import pdf_available

from .records import imported, through_services


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _csv_rows(client: Client, query: str = "") -> list[dict[str, str]]:
    response = client.get(f"/kerja-sama/ekspor.csv{query}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def records(operator_kota_yogyakarta: User, reference_loaded: None) -> None:
    through_services(operator_kota_yogyakarta)
    imported()


@pytest.mark.usefixtures("records")
def test_the_register_exports_what_the_user_sees_with_the_filters(
    kemendagri: User, operator_sleman: User, operator_kota_semarang: User
) -> None:
    everything = _csv_rows(_client(kemendagri))
    assert len(everything) == 5
    first = everything[0]
    assert list(first)[:4] == ["Nomor perjanjian", "Judul", "Daerah pemrakarsa", "Daerah mitra"]
    by_number = {r["Nomor perjanjian"]: r for r in everything}
    assert by_number["PKS/T/2016"]["Daerah mitra"] == "34.04 — Kabupaten Sleman"
    assert by_number["PKS/1/2015"]["Peraturan"].startswith("Sebelum PP 50/2007")
    assert by_number["PKS/2/2015"]["Pihak ketiga"] == "PT Bersih Jaya | perseroan_terbatas"
    assert by_number["PKS/3/2015"]["Persetujuan DPRD"] == "34.04=2009-03-02/2009-04-20"
    assert by_number["PKS/3/2015"]["Status"] == "berakhir"

    # Sleman is a party to three of them; Semarang to its own only.
    sleman = {r["Nomor perjanjian"] for r in _csv_rows(_client(operator_sleman))}
    assert sleman == {"PKS/T/2016", "PKS/3/2015"}
    semarang = {r["Nomor perjanjian"] for r in _csv_rows(_client(operator_kota_semarang))}
    assert semarang == {"PKS/4/2015"}
    # The register's filters apply.
    third = _csv_rows(_client(kemendagri), "?kind=third_party")
    assert [r["Nomor perjanjian"] for r in third] == ["PKS/2/2015"]
    # The public is sent to log in.
    assert Client().get("/kerja-sama/ekspor.csv").status_code == 302

    response = _client(operator_sleman).get("/kerja-sama/ekspor.xlsx?q=Kartamantul")
    sheet = load_workbook(io.BytesIO(response.content))["Kerja sama"]
    assert [c.value for c in sheet[2]][:2] == ["PKS/T/2016", "Kartamantul: transportasi"]
    assert sheet.max_row == 2


@pytest.mark.usefixtures("records")
def test_the_register_page_links_to_its_exports_with_its_filters(kemendagri: User) -> None:
    page = _client(kemendagri).get("/kerja-sama/?kind=third_party").content.decode()
    assert 'href="/kerja-sama/ekspor.csv?kind=third_party"' in page
    assert 'href="/kerja-sama/ekspor.xlsx?kind=third_party"' in page


@pytest.mark.usefixtures("records")
def test_the_himpunan_of_a_region_and_of_a_province(
    operator_sleman: User, biro_pemerintahan_diy: User
) -> None:
    client = _client(operator_sleman)
    page = client.get("/kerja-sama/himpunan/?region=34.04&year=2010").content.decode()
    assert "Himpunan Kerja Sama Daerah Kabupaten Sleman Tahun 2010" in page
    assert "PKS/3/2015" in page
    assert "disetujui 2009-04-20" in page
    assert "PKS/T/2016" not in page  # signed later

    response = _client(biro_pemerintahan_diy).get(
        "/kerja-sama/himpunan/?region=34&year=2020&format=xlsx"
    )
    sheet = load_workbook(io.BytesIO(response.content))["Himpunan"]
    assert sheet["A1"].value == "Himpunan Kerja Sama Daerah Daerah Istimewa Yogyakarta Tahun 2020"
    numbers = {r[1].value for r in sheet.iter_rows(min_row=5)}
    # In force in 2020: the 2005, 2016 and 2019 agreements of DIY's regions; not Semarang's
    # (another province) nor the one that ended in 2014.
    assert numbers == {"PKS/1/2015", "PKS/T/2016", "PKS/2/2015"}

    response = client.get("/kerja-sama/himpunan/?region=34.04&year=2010&format=pdf")
    if pdf_available():
        assert response.content.startswith(b"%PDF")
    else:
        assert response.status_code == 503
        assert "PDF belum tersedia" in response.content.decode()
    bad = client.get("/kerja-sama/himpunan/?region=99.99&year=2010")
    assert bad.status_code == 400
    assert "99.99" in bad.content.decode()


@pytest.mark.usefixtures("records")
def test_open_data_lists_only_published_signed_cooperation() -> None:
    Cooperation.objects.filter(agreement_number="PKS/T/2016").update(is_published=True)
    response = Client().get("/data-terbuka/kerja-sama.json")
    assert response.status_code == 200
    data = json.loads(b"".join(response.streaming_content))
    assert data["schema"] == "ksd.open-data/1"
    by_number = {c["agreement_number"]: c for c in data["cooperations"]}
    assert set(by_number) == {"PKS/T/2016", "PKS/1/2015", "PKS/2/2015", "PKS/4/2015"}
    company = by_number["PKS/2/2015"]
    assert company["ocid"] == f"ocds-ksd000-{company['id']}"
    assert company["parties"][0] == {
        "type": "region", "role": "initiator", "kemendagri_code": "34.71",
        "name": "Kota Yogyakarta", "level": "kota",
    }  # fmt: skip
    assert company["parties"][1]["legal_form"] == "perseroan_terbatas"
    assert company["affair"]["code"] == "wajib_non_pd.lingkungan_hidup"
    assert "ocid" not in by_number["PKS/T/2016"]
    assert by_number["PKS/1/2015"]["before_pp50"] is True
    assert by_number["PKS/1/2015"]["agreement_key"] == "34.71/PKS/1/2015"


@pytest.mark.usefixtures("records")
def test_open_data_follows_the_schema_its_documentation_gives() -> None:
    import re
    from pathlib import Path

    jsonschema = pytest.importorskip("jsonschema")  # arrives with moto[server] (dev)
    doc = (Path(__file__).parents[2] / "docs" / "open-data.md").read_text(encoding="utf-8")
    schema = json.loads(re.search(r"## JSON Schema\n\n```json\n(.*?)\n```", doc, re.S)[1])
    data = json.loads(b"".join(Client().get("/data-terbuka/kerja-sama.json").streaming_content))
    assert len(data["cooperations"]) == 3
    jsonschema.validate(data, schema)
    broken = {**data, "cooperations": [{**data["cooperations"][0], "id": 7}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


@pytest.mark.usefixtures("records")
def test_a_title_that_looks_like_a_formula_is_exported_as_text(kemendagri: User) -> None:
    hostile = '=HYPERLINK("http://example.invalid","klik")'
    Cooperation.objects.filter(agreement_number="PKS/T/2016").update(title=hostile)
    client = _client(kemendagri)
    rows = _csv_rows(client, "?q=HYPERLINK")
    assert [r["Judul"] for r in rows] == ["'" + hostile]
    response = client.get("/kerja-sama/ekspor.xlsx?q=HYPERLINK")
    cell = load_workbook(io.BytesIO(response.content))["Kerja sama"]["B2"]
    assert (cell.value, cell.data_type) == (hostile, "s")


@pytest.mark.usefixtures("records")
def test_hostile_parameters_get_a_clear_answer_never_a_server_error(kemendagri: User) -> None:
    client = _client(kemendagri)
    # Longer query strings are refused at the door with 400 (core/request_limits.py).
    long, huge = "x" * 1000, "9" * 40
    for params in ({"region": long, "year": huge}, {"region": "34", "year": "0001-01-01"},
                   {"region": "34", "year": "2020", "format": long}):  # fmt: skip
        response = client.get("/kerja-sama/himpunan/", params)
        assert response.status_code == 400
    for params in ({"sort": long, "year": huge, "province": huge, "page": huge},
                   {"region": "\u202e34", "expiring_within": "-1"}):  # fmt: skip
        assert len(_csv_rows(client, "?" + urlencode(params))) == 5  # bad filters: none applied
        assert client.get("/kerja-sama/ekspor.xlsx", params).status_code == 200
    assert client.get("/data-terbuka/kerja-sama.json", {"q": long}).status_code == 200

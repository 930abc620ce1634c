"""Kota Yogyakarta's operator records its agency's quarterly report on the cooperation's
monitoring page and attaches the report document, and DIY's provincial bureau sees its late list
shrink (before, both agencies' reports due on 31 March 2016 are late; after, only Sleman's) and
downloads the attached file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

import personas
from browser.people import People, Screenshot
from ksd.monitoring import services as monev
from ksd.monitoring.models import PeriodicReport
from monitoring.records import SLEMAN_AGENCY, YK_AGENCY, at, implemented

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("regions_loaded")]

TODAY = dt.date(2016, 5, 2)
PDF = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"


def _open(people: People, user: User, path: str) -> Page:
    page = people.page(user)
    page.set_default_timeout(20_000)  # the machine is shared; nothing here waits on purpose
    page.goto(people.live_server.url + path)
    return page


def _late_reports(page: Page):  # type: ignore[no-untyped-def]
    return page.locator('section[aria-labelledby="late-reports"] tbody tr')


def test_an_operator_records_a_report_and_the_bureaus_late_list_changes(
    browser: Browser, live_server: LiveServer, screenshot: Screenshot,
    monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path,
) -> None:  # fmt: skip
    monkeypatch.setattr("ksd.core.clock.now", lambda: at(TODAY))
    settings.VAR_DIR = tmp_path  # the attached file is stored there
    yogya = personas.operator_kota_yogyakarta()
    coop = implemented(yogya)
    monev.set_schedule(coop.pk, actor=yogya, period="quarterly", first_due_on=dt.date(2016, 3, 31),
                       now=at(TODAY))  # fmt: skip

    with People(browser, live_server) as people:
        bureau = _open(people, personas.biro_pemerintahan_diy(), "/pengawasan/monev/")
        expect(_late_reports(bureau)).to_have_count(2)
        expect(bureau.get_by_text("2 laporan terlambat")).to_be_visible()
        screenshot(bureau, "monev-late-list")

        operator = _open(people, yogya, f"/kerja-sama/{coop.pk}/")
        operator.get_by_role("link", name="Pemantauan dan evaluasi").click()
        form = operator.locator('form[action$="/monev/laporan/"]')
        # Only its own region's agency is offered.
        expect(form.locator('select[name="agency"] option')).to_have_count(1)
        form.locator('select[name="due_on"]').select_option("2016-03-31")
        form.locator('textarea[name="progress"]').fill("Koridor 5 Trans Jogja beroperasi penuh.")
        form.locator('textarea[name="problems"]').fill("Empat bus menunggu perbaikan.")
        form.locator('input[name="money_spent"]').fill("125000000")
        form.locator('input[name="submitted_on"]').fill("2016-04-08")
        form.get_by_role("button", name="Catat laporan").click()

        expect(operator.get_by_text("Laporan telah dicatat.")).to_be_visible()
        agency = coop.implementing_agencies.get(region_id="34.71").pk
        row = operator.locator(f"#report-{agency}-2016-03-31")
        expect(row).to_contain_text("Disampaikan terlambat")
        expect(row).to_contain_text("Koridor 5")

        # A wrong kind of file is refused with a message, and nothing is attached.
        report_id = PeriodicReport.objects.get().pk
        attach = operator.locator(f"#attachments-{report_id} details", has_text="Lampirkan berkas")
        attach.locator("summary").click()
        attach.locator('input[name="attachments"]').set_input_files(
            files=[{"name": "catatan.txt", "mimeType": "text/plain", "buffer": b"catatan"}]
        )
        attach.get_by_role("button", name="Lampirkan").click()
        expect(
            operator.get_by_text("catatan.txt: Hanya berkas PDF, DOCX, XLSX, JPEG, PNG")
        ).to_be_visible()
        # The report document, attached as a PDF.
        attach = operator.locator(f"#attachments-{report_id} details", has_text="Lampirkan berkas")
        attach.locator("summary").click()
        attach.locator('input[name="attachments"]').set_input_files(
            files=[{"name": "Laporan Triwulan I.pdf", "mimeType": "application/pdf",
                    "buffer": PDF}]
        )  # fmt: skip
        attach.get_by_role("button", name="Lampirkan").click()
        expect(operator.get_by_text("Berkas telah dilampirkan pada laporan.")).to_be_visible()
        expect(operator.get_by_role("link", name="Laporan Triwulan I.pdf")).to_be_visible()
        screenshot(operator, "monev-cooperation")

        bureau.reload()
        expect(_late_reports(bureau)).to_have_count(1)
        expect(_late_reports(bureau)).to_contain_text(SLEMAN_AGENCY)
        expect(_late_reports(bureau)).not_to_contain_text(YK_AGENCY)
        expect(bureau.get_by_text("1 laporan terlambat")).to_be_visible()
        # The bureau reads the report but gets no form to record one.
        bureau.get_by_role("link", name=coop.title).click()
        expect(bureau.locator('form[action$="/monev/laporan/"]')).to_have_count(0)
        expect(bureau.get_by_text("Koridor 5 Trans Jogja beroperasi penuh.")).to_be_visible()
        # The bureau downloads the attached report, byte for byte.
        with bureau.expect_download() as download:
            bureau.get_by_role("link", name="Laporan Triwulan I.pdf").click()
        assert download.value.suggested_filename == "Laporan Triwulan I.pdf"
        assert Path(download.value.path()).read_bytes() == PDF

    report = PeriodicReport.objects.get()
    assert (report.implementing_agency.agency_name, report.money_spent) == (YK_AGENCY, 125_000_000)

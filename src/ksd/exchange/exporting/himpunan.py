"""The himpunan: a region's (or a province's) annual compilation of its cooperation, with the
parties, objects, terms and DPRD decisions (PP 50/2007 Pasal 21 huruf b).

An agreement belongs to a year's himpunan when it was in force at some time in that year:
signed by 31 December, and not ended before 1 January. A province's himpunan holds the
cooperation of the province and of its kabupaten and kota. Rows come from the access door: a
user compiles only what they may see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Prefetch, Q, QuerySet

from ksd.cooperation.models import Cooperation, Party, Stage
from ksd.core.access import visible_cooperations
from ksd.dprd.models import DprdReview
from ksd.exchange.exporting.register import regulation_label
from ksd.regions.models import Region

Visitor = AbstractBaseUser | AnonymousUser
SIGNED_STAGES = (Stage.SIGNED, Stage.IMPLEMENTING, Stage.TERMINATED, Stage.EXPIRED)
ARTICLE = "PP 50/2007 Pasal 21 huruf b"
HEADERS = (
    "No.", "Nomor perjanjian", "Tanggal penandatanganan", "Judul", "Para pihak", "Objek",
    "Jangka waktu", "Status", "Persetujuan DPRD", "Peraturan",
)  # fmt: skip


@dataclass
class Himpunan:
    region: Region
    year: int
    rows: list[list[Any]]

    @property
    def title(self) -> str:
        return f"Himpunan Kerja Sama Daerah {self.region.name} Tahun {self.year}"


def cooperations(user: Visitor, region: Region, year: int) -> QuerySet[Cooperation]:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    codes = Region.objects.filter(Q(code=region.code) | Q(province_id=region.code)).values("code")
    if region.level != Region.Level.PROVINSI:
        codes = Region.objects.filter(code=region.code).values("code")
    return (
        visible_cooperations(user)
        .filter(stage__in=SIGNED_STAGES, signed_on__lte=last)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=first))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=first))
        .filter(pk__in=Party.objects.filter(region_id__in=codes).values("cooperation_id"))
        .select_related("affair")
        .prefetch_related(
            Prefetch("parties", queryset=Party.objects.select_related("region").order_by("id")),
            Prefetch(
                "dprd_reviews",
                queryset=DprdReview.objects.select_related("region").order_by("region_id"),
            ),
        )
        .order_by("signed_on", "agreement_number", "id")
    )


def _term(c: Cooperation) -> str:
    start = c.starts_on.isoformat() if c.starts_on else "?"
    end = c.ends_on.isoformat() if c.ends_on else "tidak ditentukan"
    years = f" ({c.term_years} tahun)" if c.term_years else ""
    return f"{start} s.d. {end}{years}"


def _dprd(c: Cooperation) -> str:
    decided = []
    for review in c.dprd_reviews.all():
        if review.approved_on:
            decided.append(f"DPRD {review.region.name}: disetujui {review.approved_on.isoformat()}")
        elif review.deemed_approved_on:
            decided.append(
                f"DPRD {review.region.name}: dianggap menyetujui "
                f"{review.deemed_approved_on.isoformat()}"
            )
        elif review.rejected_on:
            decided.append(f"DPRD {review.region.name}: menolak {review.rejected_on.isoformat()}")
    return "; ".join(decided) or "-"


def _party(p: Party) -> str:
    if p.region:
        return f"{p.region.name} ({p.region_id})"
    return p.third_party_name


def compile_himpunan(user: Visitor, region: Region, year: int) -> Himpunan:
    rows = []
    for n, c in enumerate(cooperations(user, region, year), start=1):
        objects = "; ".join(x for x in (c.affair.name if c.affair else "", c.sector) if x)
        rows.append([
            n, c.agreement_number, c.signed_on.isoformat() if c.signed_on else "", c.title,
            "; ".join(_party(p) for p in c.parties.all()), objects or "-", _term(c),
            str(Stage(c.stage).label), _dprd(c), regulation_label(c),
        ])  # fmt: skip
    return Himpunan(region, year, rows)


def xlsx_bytes(himpunan: Himpunan) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from ksd.exchange.exporting.xlsx import workbook_bytes

    book = Workbook()
    sheet = book.active
    sheet.title = "Himpunan"
    sheet.append([himpunan.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([f"Disusun menurut {ARTICLE}; {len(himpunan.rows)} perjanjian."])
    sheet.append([])
    sheet.append(list(HEADERS))
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in himpunan.rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even when it starts with "=": never a formula
    for letter, width in zip("ABCDEFGHIJ", (5, 22, 14, 40, 40, 30, 30, 16, 40, 22), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return workbook_bytes(book)


def pdf_available() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # missing, or its system libraries are
        return False
    return True


# The page style of the PDF, a static file (no inline style: core/content_security.py).
PDF_STYLE = Path(__file__).resolve().parents[1] / "static" / "exchange" / "himpunan-pdf.css"


def pdf_bytes(html: str) -> bytes:
    import weasyprint

    style = weasyprint.CSS(filename=str(PDF_STYLE))
    return weasyprint.HTML(string=html).write_pdf(stylesheets=[style])  # type: ignore[no-any-return]

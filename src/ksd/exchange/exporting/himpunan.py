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
    # The himpunan as the register stood at the end of this day (cooperation/as_of.py), or today's.
    as_of: dt.date | None = None

    @property
    def title(self) -> str:
        title = f"Himpunan Kerja Sama Daerah {self.region.name} Tahun {self.year}"
        if self.as_of is not None:
            day = self.as_of
            title += f" (per {day.day} {MONTHS[day.month - 1]} {day.year})"
        return title


MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")  # fmt: skip


def _of_region(user: Visitor, region: Region) -> QuerySet[Cooperation]:
    codes = Region.objects.filter(Q(code=region.code) | Q(province_id=region.code)).values("code")
    if region.level != Region.Level.PROVINSI:
        codes = Region.objects.filter(code=region.code).values("code")
    return visible_cooperations(user).filter(
        pk__in=Party.objects.filter(region_id__in=codes).values("cooperation_id")
    )


def _in_force(c: Cooperation, year: int) -> bool:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return (
        c.stage in SIGNED_STAGES
        and c.signed_on is not None
        and c.signed_on <= last
        and (c.ends_on is None or c.ends_on >= first)
        and (c.ended_on is None or c.ended_on >= first)
    )


def _with_rows(rows: QuerySet[Cooperation]) -> QuerySet[Cooperation]:
    return (
        rows.select_related("affair")
        .prefetch_related(
            Prefetch("parties", queryset=Party.objects.select_related("region").order_by("id")),
            Prefetch(
                "dprd_reviews",
                queryset=DprdReview.objects.select_related("region").order_by("region_id"),
            ),
        )
        .order_by("signed_on", "agreement_number", "id")
    )


def cooperations_then(
    user: Visitor, region: Region, year: int, day: dt.date
) -> list[tuple[Cooperation, list[Party], list[DprdReview]]]:
    """The year's agreements as the register stood at the end of `day`: signed by then (and, for
    the public, published by then) and in force in `year` by the values recorded by then
    (corrections after `day` not applied), with the parties and DPRD decisions of that day. The records of the region come in a fixed number
    of queries, their events in one."""
    from ksd.cooperation import as_of
    from ksd.cooperation.models import Event

    rows = _of_region(user, region)
    if user.is_authenticated:
        rows = as_of.annotate_then(rows, day).filter(stage_then__in=SIGNED_STAGES)
    else:  # the public: what had been published by then (its stage then was a signed one)
        rows = as_of.public_as_of(rows, day)
    candidates = list(_with_rows(rows))
    events: dict[int, list[Event]] = {}
    for event in Event.objects.filter(cooperation__in=[c.pk for c in candidates]).order_by(
        "at", "id"
    ):
        events.setdefault(event.cooperation_id, []).append(event)
    found = []
    for c in candidates:
        then = as_of.cooperation_then(c, day, events.get(c.pk, []))
        if then is not None and _in_force(then.cooperation, year):
            found.append((then.cooperation, then.parties, then.reviews))
    found.sort(key=lambda t: (t[0].signed_on, t[0].agreement_number, t[0].pk))
    return found


def cooperations(user: Visitor, region: Region, year: int) -> QuerySet[Cooperation]:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return _with_rows(
        _of_region(user, region)
        .filter(stage__in=SIGNED_STAGES, signed_on__lte=last)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=first))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=first))
    )


def _term(c: Cooperation) -> str:
    start = c.starts_on.isoformat() if c.starts_on else "?"
    end = c.ends_on.isoformat() if c.ends_on else "tidak ditentukan"
    years = f" ({c.term_years} tahun)" if c.term_years else ""
    return f"{start} s.d. {end}{years}"


def _dprd(reviews: list[DprdReview]) -> str:
    decided = []
    for review in reviews:
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


def compile_himpunan(
    user: Visitor, region: Region, year: int, *, as_of: dt.date | None = None
) -> Himpunan:
    """The year's himpunan as the register stands today, or as it stood at the end of `as_of`."""
    if as_of is None:
        found = [(c, list(c.parties.all()), list(c.dprd_reviews.all()))
                 for c in cooperations(user, region, year)]  # fmt: skip
    else:
        found = cooperations_then(user, region, year, as_of)
    rows = []
    for n, (c, parties, reviews) in enumerate(found, start=1):
        objects = "; ".join(x for x in (c.affair.name if c.affair else "", c.sector) if x)
        rows.append([
            n, c.agreement_number, c.signed_on.isoformat() if c.signed_on else "", c.title,
            "; ".join(_party(p) for p in parties), objects or "-", _term(c),
            str(Stage(c.stage).label), _dprd(reviews), regulation_label(c),
        ])  # fmt: skip
    return Himpunan(region, year, rows, as_of)


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

"""The columns of the agreement sheet: the import template, the register's CSV and XLSX export
and the import read the same list, so an exported register imports again unchanged.

Headers are Indonesian and stable (a sheet is found by its header text, not its position);
the explanation of each column goes on the template's instructions sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # as it stands in row 1 of the sheet; never translated
    required: bool
    help: Promise
    imported: bool = True  # False: written by the export for readers, ignored by the import


COLUMNS: tuple[Column, ...] = (
    Column(
        "agreement_number",
        "Nomor perjanjian",
        True,
        _(
            "Number of the signed agreement (PKS). With the initiating region it identifies "
            "the agreement: a row whose number is already recorded for that region is skipped."
        ),
    ),
    Column("title", "Judul", True, _("Title of the cooperation.")),
    Column(
        "initiator",
        "Daerah pemrakarsa",
        True,
        _(
            "The region that made the offer: its Kemendagri code (34.71) or its exact name "
            "(Kota Yogyakarta)."
        ),
    ),
    Column(
        "regions",
        "Daerah mitra",
        False,
        _("The other regions, by code or exact name, separated by a semicolon (;)."),
    ),
    Column(
        "third_parties",
        "Pihak ketiga",
        False,
        _(
            "Third parties as “name | legal form”, separated by a semicolon. Legal forms: "
            "%(forms)s."
        ),
    ),
    Column(
        "affair",
        "Urusan pemerintahan",
        False,
        _("The government affair that is the object (code or name from KSD's list)."),
    ),
    Column("sector", "Sektor", False, _("Sector or object in the agreement's own words.")),
    Column("offer_number", "Nomor surat penawaran", False, _("Number of the offer letter.")),
    Column(
        "offered_on",
        "Tanggal penawaran",
        False,
        _(
            "Date of the offer. It chooses the regulation (PP 50/2007 or PP 28/2018); when "
            "empty, the date of the joint agreement or else of the signing is used."
        ),
    ),
    Column(
        "joint_agreement_number",
        "Nomor kesepakatan bersama",
        False,
        _("Number of the joint agreement (KB/MoU)."),
    ),
    Column(
        "joint_agreement_signed_on",
        "Tanggal kesepakatan bersama",
        False,
        _("Date of the joint agreement."),
    ),
    Column("signed_on", "Tanggal penandatanganan", True, _("Date the agreement was signed.")),
    Column(
        "starts_on",
        "Berlaku mulai",
        False,
        _("Date the agreement comes into force; the signing date when empty."),
    ),
    Column("term_years", "Jangka waktu (tahun)", False, _("Term in whole years, 1 to 100.")),
    Column(
        "ends_on",
        "Berlaku sampai",
        False,
        _("Last day in force. When empty and a term is given, it is computed from the term."),
    ),
    Column(
        "status",
        "Status",
        False,
        _(
            "One of: %(statuses)s. When empty: “berakhir” if the last day in force has "
            "passed, “dilaksanakan” if implementation started, else “ditandatangani”."
        ),
    ),
    Column(
        "implementation_started_on",
        "Pelaksanaan dimulai",
        False,
        _("Date implementation started (status “dilaksanakan”)."),
    ),
    Column(
        "dprd",
        "Persetujuan DPRD",
        False,
        _(
            "Only where known: for each region whose DPRD approved, “code=date received/date "
            "approved”, separated by a semicolon, e.g. 34.71=2015-02-02/2015-03-16."
        ),
    ),
    Column(
        "published",
        "Diterbitkan di register publik",
        False,
        _("“ya” to publish the agreement in the public register, else “tidak”."),
    ),
    Column(
        "regulation",
        "Peraturan",
        False,
        _("Written by the export for readers; the import chooses the regulation by date."),
        imported=False,
    ),
)
BY_KEY = {c.key: c for c in COLUMNS}
HEADERS = tuple(c.header for c in COLUMNS)
REQUIRED = tuple(c for c in COLUMNS if c.required)

# Statuses a row may have: the stages of a signed agreement (PP 50/2007 Pasal 5).
STATUSES = {"ditandatangani": "signed", "dilaksanakan": "implementing", "berakhir": "expired"}
STATUS_WORDS = {stage: word for word, stage in STATUSES.items()}
YES = frozenset({"ya", "y", "yes", "1", "true", "benar"})
NO = frozenset({"tidak", "t", "no", "n", "0", "false", "salah", ""})

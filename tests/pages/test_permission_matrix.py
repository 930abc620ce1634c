"""The permission matrix of issue 3 §4: every page and step endpoint against every role.

One world (built through the services, as users build it): KARTAMANTUL in DPRD review (Kota
Yogyakarta 34.71, Sleman 34.04, Bantul 34.02; both Kota Yogyakarta's and Sleman's DPRD tracks
exist), a signed and published cooperation of 34.71 and 34.04 without a DPRD, a private document
Kota Yogyakarta uploaded to KARTAMANTUL, the signed agreement it uploaded to the published
cooperation and shared with the parties, a cooperation body of the three regions, an agency and an
official of Kota Yogyakarta, and a third party.

MATRIX below has one row per URL and one column per persona; a cell is the status code the
rules (docs/permissions.md, the views' docstrings, STYLE §5.4) say that persona gets:

- 200: may see the page; 400: may act, and the empty (or minimal) form is refused;
- LOGIN: 302 to the login page (the public, and the Django admin for non-staff);
- 302: another redirect (logging out, the language switch, a logged-in user on the login page);
- 403: may see the record but may not take the step; 404: may not see it, as if it did not
  exist; 405: the method is not allowed.

Where the code differs from the rules the cell is `Differs(rule, code)`: the test holds the
code's answer (so a change is noticed) and test_the_cells_where_the_code_differs_from_the_rules
lists them for the report; app code is not changed here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import personas
from ksd.bodies.models import BodyKind, BodyMember, CooperationBody
from ksd.bodies.services import MemberSpec, form_body
from ksd.cooperation.models import Cooperation, Event
from ksd.documents.models import Document, DocumentKind, Visibility
from ksd.documents.services import attach_document
from ksd.monitoring.models import (
    Correction,
    Obligation,
    PeriodicReport,
    ReportAttachment,
    ReportingSchedule,
)
from ksd.regions.models import Agency, Official, PowerOfAttorney, ThirdParty
from pages.records import NOW, in_dprd_review, signed_and_published

PDF_BYTES = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
LOGIN = "login"


@dataclass(frozen=True)
class Differs:
    """A cell where the current code answers `code` but the rules say `rule`."""

    rule: int | str
    code: int | str
    why: str


# ----- The matrix -----

PERSONAS = (
    "public", "operator_kota_yogyakarta", "operator_sleman", "dprd_kota_yogyakarta",
    "dprd_sleman", "biro_pemerintahan_diy", "kemendagri", "administrator", "outsider",
)  # fmt: skip

# Placeholders in the URLs: {R} KARTAMANTUL in DPRD review, {S} the signed and published
# cooperation, {D} Kota Yogyakarta's private document, {P} the signed agreement it shared, {B} the body, {M} Sleman's membership of it,
# {A} the agency and {O} the official of Kota Yogyakarta, {T} the third party; {G}, {N} and {L}
# an obligation, a report and a report's attachment that do not exist.
# Bodies posted: {} unless a row names one (the DPRD steps need the region the step is for).
EMPTY_FORM_200 = "a refused form is shown again with 200, not 400"

# fmt: off
# method, url,                                   public, op_yk, op_sl, dprd_yk, dprd_sl, biro,  kemendagri, admin, outsider
MATRIX: list[tuple[str, str, tuple[Any, ...]]] = [
    # Home and accounts
    ("GET",  "/",                                (200,   200,   200,   200,   200,   200,   200,   200,   200)),
    ("GET",  "/healthz/",                        (200,   200,   200,   200,   200,   200,   200,   200,   200)),
    ("GET",  "/akun/masuk/",                     (200,   302,   302,   302,   302,   302,   302,   302,   302)),
    ("GET",  "/akun/keluar/",                    (405,   405,   405,   405,   405,   405,   405,   405,   405)),
    ("POST", "/akun/keluar/",                    (302,   302,   302,   302,   302,   302,   302,   302,   302)),
    ("POST", "/i18n/setlang/",                   (302,   302,   302,   302,   302,   302,   302,   302,   302)),
    # A region's people (accounts/people.py): its regional administrator (none of these
    # personas) and KSD's administrator; {C} is Sleman, {U} nobody, {K} a forged token
    ("GET",  "/akun/orang/",                     (LOGIN, 403,   403,   403,   403,   403,   403,   403,   403)),
    ("GET",  "/akun/daerah/{C}/orang/",          (LOGIN, 403,   403,   403,   403,   403,   403,   200,   403)),
    ("POST", "/akun/daerah/{C}/undang/",         (LOGIN, 403,   403,   403,   403,   403,   403,   400,   403)),
    ("POST", "/akun/daerah/{C}/undangan/{R}/batalkan/", (LOGIN, 403, 403, 403,  403,   403,   403,   302,   403)),
    ("POST", "/akun/daerah/{C}/orang/{U}/status/", (LOGIN, 403, 403,   403,   403,   403,   403,   403,   403)),
    ("GET",  "/akun/undangan/{K}/",              (404,   404,   404,   404,   404,   404,   404,   404,   404)),
    # Reminders: everyone with a role keeps their own settings and calendar address
    ("GET",  "/akun/saya/",                      (LOGIN, 200,   200,   200,   200,   200,   200,   200,   200)),
    ("POST", "/akun/saya/",                      (LOGIN, 400,   400,   400,   400,   400,   400,   400,   400)),
    ("POST", "/akun/saya/kalender-baru/",        (LOGIN, 302,   302,   302,   302,   302,   302,   302,   302)),
    ("GET",  "/kalender/{K}.ics",                (404,   404,   404,   404,   404,   404,   404,   404,   404)),
    # Cooperation pages
    ("GET",  "/kerja-sama/",                     (LOGIN, 200,   200,   200,   200,   200,   200,   200,   200)),
    ("GET",  "/kerja-sama/baru/",                (LOGIN, 200,   200,   403,   403,   403,   403,   403,   200)),
    ("POST", "/kerja-sama/baru/",                (LOGIN, 400,   400,   403,   403,   403,   403,   403,   400)),
    ("GET",  "/kerja-sama/{R}/",                 (LOGIN, 200,   200,   200,   200,   200,   200,   200,   404)),
    ("GET",  "/kerja-sama/{S}/",                 (LOGIN, 200,   200,   404,   404,   200,   200,   200,   404)),
    ("GET",  "/kerja-sama/{R}/riwayat/",         (LOGIN, 200,   200,   200,   200,   200,   200,   200,   404)),
    ("GET",  "/kerja-sama/{S}/riwayat/",         (LOGIN, 200,   200,   404,   404,   200,   200,   200,   404)),
    ("POST", "/kerja-sama/{R}/riwayat/",         (LOGIN, 405,   405,   405,   405,   405,   405,   405,   405)),
    # The record and the register as they stood on a past date (cooperation/as_of.py); both
    # records were entered on 2 March 2016, so on 1 March they did not exist yet
    ("GET",  "/kerja-sama/?per=2016-03-02",      (LOGIN, 200,   200,   200,   200,   200,   200,   200,   200)),
    ("GET",  "/kerja-sama/{R}/per/2016-03-02/",  (LOGIN, 200,   200,   200,   200,   200,   200,   200,   404)),
    ("GET",  "/kerja-sama/{S}/per/2016-03-02/",  (LOGIN, 200,   200,   404,   404,   200,   200,   200,   404)),
    ("GET",  "/kerja-sama/{R}/per/2016-03-01/",  (LOGIN, 404,   404,   404,   404,   404,   404,   404,   404)),
    ("POST", "/kerja-sama/{R}/per/2016-03-02/",  (LOGIN, 405,   405,   405,   405,   405,   405,   405,   405)),
    ("GET",  "/dasbor/",                         (LOGIN, 200,   200,   200,   200,   200,   200,   200,   200)),
    # Oversight (issue 11): supervisors their area, a region's own users their region
    ("GET",  "/pengawasan/urusan/",              (LOGIN, 200,   200,   200,   200,   200,   200,   200,   200)),
    ("GET",  "/publik/",                         (200,   200,   200,   200,   200,   200,   200,   200,   200)),
    ("GET",  "/publik/{S}/",                     (200,   200,   200,   200,   200,   200,   200,   200,   200)),
    ("GET",  "/publik/{R}/",                     (404,   404,   404,   404,   404,   404,   404,   404,   404)),
    # Oversight: the map and the network of active cooperation, each scoped to what the role
    # oversees (an operator or a DPRD its own region's partners; outsiders an empty map)
    ("GET",  "/pengawasan/peta/",                (LOGIN, 200,   200,   200,   200,   200,   200,   200,   200)),
    ("GET",  "/pengawasan/jaringan/",            (LOGIN, 200,   200,   200,   200,   200,   200,   200,   200)),
    # Steps before the DPRD (operators of a party region act)
    ("GET",  "/kerja-sama/{R}/jawab-penawaran/", (LOGIN, 405,   405,   405,   405,   405,   405,   405,   405)),
    ("POST", "/kerja-sama/{R}/jawab-penawaran/", (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{R}/kesepakatan-bersama/", (LOGIN, 400, 400, 403,   403,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{R}/rancangan/",       (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{R}/tanda-tangan/",    (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{R}/pendapat/",        (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{R}/penanda-tangan/",  (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    # Disputes: a party's operator raises one; the supervisors (and, for a deliberation, the
    # parties' operators) record the settlement
    ("POST", "/kerja-sama/{R}/perselisihan/",    (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{R}/perselisihan/putusan/", (LOGIN, 400, 400, 403,  403,   400,   400,   403,   404)),
    # Steps after signing (cooperation/after_signing/views.py), posted to both cooperations
    ("POST", "/kerja-sama/{R}/salinan/",         (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{R}/pelaksanaan/",     (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{R}/adendum/",         (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{R}/pengakhiran/",     (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{R}/terbitkan/",       (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{S}/salinan/",         (LOGIN, 400,   400,   404,   404,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{S}/pelaksanaan/",     (LOGIN, 400,   400,   404,   404,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{S}/adendum/",         (LOGIN, 400,   400,   404,   404,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{S}/pengakhiran/",     (LOGIN, 400,   400,   404,   404,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{S}/terbitkan/",       (LOGIN, 400,   400,   404,   404,   403,   403,   403,   404)),
    # DPRD steps for Kota Yogyakarta's track (region=34.71 posted): its operator submits and
    # resubmits, its operator or DPRD records the opinion, only its DPRD decides
    ("POST", "/dprd/kerja-sama/{R}/ajukan/",     (LOGIN, 400,   403,   403,   403,   403,   403,   403,   404)),
    ("POST", "/dprd/kerja-sama/{R}/pendapat/",   (LOGIN, 400,   403,   400,   403,   403,   403,   403,   404)),
    ("POST", "/dprd/kerja-sama/{R}/penyampaian-kembali/", (LOGIN, 400, 403, 403, 403, 403, 403,   403,   404)),
    ("POST", "/dprd/kerja-sama/{R}/keputusan/",  (LOGIN, 403,   403,   400,   403,   403,   403,   403,   404)),
    # Record keeping (issue 6 point 4): a party's operator corrects the shared facts, its own
    # region's burden facts and DPRD dates (region=34.71 posted), Kota Yogyakarta's DPRD its
    # own track's dates; the offering region's operator (34.71) corrects the parties, withdraws
    # and cancels; an administrator may do all; supervisors read the audit list
    ("POST", "/kerja-sama/{R}/koreksi/",         (LOGIN, 400,   400,   403,   403,   403,   403,   400,   404)),
    ("POST", "/kerja-sama/{S}/koreksi/",         (LOGIN, 400,   400,   404,   404,   403,   403,   400,   404)),
    ("POST", "/kerja-sama/{R}/koreksi/jawaban/", (LOGIN, 403,   400,   403,   403,   403,   403,   400,   404)),
    ("POST", "/kerja-sama/{R}/koreksi/dprd/",    (LOGIN, 400,   403,   400,   403,   403,   403,   400,   404)),
    ("POST", "/kerja-sama/{R}/koreksi/beban/",   (LOGIN, 400,   403,   403,   403,   403,   403,   400,   404)),
    ("POST", "/kerja-sama/{R}/koreksi/pihak/",   (LOGIN, 400,   403,   403,   403,   403,   403,   400,   404)),
    ("POST", "/kerja-sama/{R}/tarik-penawaran/", (LOGIN, 400,   403,   403,   403,   403,   403,   400,   404)),
    ("POST", "/kerja-sama/{R}/batalkan/",        (LOGIN, 400,   403,   403,   403,   403,   403,   400,   404)),
    ("POST", "/kerja-sama/{S}/batalkan/",        (LOGIN, 400,   403,   404,   404,   403,   403,   400,   404)),
    ("GET",  "/kerja-sama/audit/",               (LOGIN, 403,   403,   403,   403,   200,   200,   200,   403)),
    # Cooperation abroad (PP 28/2018 Pasal 28-43): a party's operator records the central steps
    ("POST", "/kerja-sama/{R}/luar-negeri/",     (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{R}/luar-negeri/persyaratan/", (LOGIN, 400, 400, 403, 403, 403,   403,   403,   404)),
    # Monitoring and evaluation (monitoring/): whoever sees a cooperation reads its monev page;
    # the party regions' operators record (an agency's report: its own region's operator);
    # supervisors read the late list of their scope; {G} is no obligation
    ("GET",  "/kerja-sama/{R}/monev/",           (LOGIN, 200,   200,   200,   200,   200,   200,   200,   404)),
    ("GET",  "/kerja-sama/{S}/monev/",           (LOGIN, 200,   200,   404,   404,   200,   200,   200,   404)),
    ("POST", "/kerja-sama/{S}/monev/jadwal/",    (LOGIN, 400,   400,   404,   404,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{S}/monev/laporan/",   (LOGIN, 400,   400,   404,   404,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{S}/monev/kewajiban/", (LOGIN, 400,   400,   404,   404,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{S}/monev/kewajiban/{G}/selesai/", (LOGIN, 400, 400, 404, 404, 403, 403,   403,   404)),
    ("POST", "/kerja-sama/{S}/monev/koreksi/",   (LOGIN, 400,   400,   404,   404,   403,   403,   403,   404)),
    ("POST", "/kerja-sama/{S}/monev/laporan/{N}/lampiran/", (LOGIN, 400, 400, 404, 404, 403, 403, 403, 404)),
    ("POST", "/kerja-sama/{S}/monev/lampiran/{L}/tarik/", (LOGIN, 400, 400, 404, 404, 403, 403, 403, 404)),
    # An attachment that does not exist, or of a cooperation one may not see: 404 alike.
    ("GET",  "/kerja-sama/{S}/monev/lampiran/{L}/", (LOGIN, 404, 404,   404,   404,   404,   404,   404,   404)),
    ("POST", "/kerja-sama/{R}/monev/jadwal/",    (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    ("GET",  "/pengawasan/monev/",               (LOGIN, 200,   200,   200,   200,   200,   200,   200,   200)),
    # PP 28/2018's DPRD clocks (Pasal 6 ayat (4)): the administrator alone enters or withdraws them
    ("GET",  "/pengaturan/batas-waktu-dprd/",    (LOGIN, 403,   403,   403,   403,   403,   403,   200,   403)),
    ("POST", "/pengaturan/batas-waktu-dprd/",    (LOGIN, 403,   403,   403,   403,   403,   403,   400,   403)),
    ("POST", "/pengaturan/batas-waktu-dprd/{R}/cabut/", (LOGIN, 403, 403, 403, 403,   403,   403,   400,   403)),
    # Documents: each region's own documents; supervisors see all
    ("GET",  "/dokumen/kerja-sama/{R}/",         (LOGIN, 200,   200,   200,   200,   200,   200,   200,   404)),
    ("GET",  "/dokumen/kerja-sama/{R}/unggah/",  (LOGIN, 200,   200,   403,   403,   403,   403,   403,   404)),
    ("POST", "/dokumen/kerja-sama/{R}/unggah/",  (LOGIN, 400,
                                                                400,
                                                                       403,   403,   403,   403,   403,   404)),
    ("GET",  "/dokumen/{D}/",                    (LOGIN,
                                                        200,   404,   200,   404,   200,   200,   200,   404)),
    # Shared documents: every party reads them; its own region's operator shares a document,
    # a party's operator publishes a signed agreement (refused here: already shared, not one)
    ("GET",  "/dokumen/{P}/",                    (LOGIN, 200,   200,   404,   404,   200,   200,   200,   404)),
    ("POST", "/dokumen/{P}/bagikan/",            (LOGIN, 400,   403,   404,   404,   403,   403,   403,   404)),
    ("POST", "/dokumen/{D}/terbitkan/",          (LOGIN, 400,   404,   403,   404,   403,   403,   403,   404)),
    ("GET",  "/publik/dokumen/{D}/",             (404,   404,   404,   404,   404,   404,   404,   404,   404)),
    ("GET",  "/publik/dokumen/{P}/",             (404,   404,   404,   404,   404,   404,   404,   404,   404)),
    # Drafting from the record: a party's operator drafts for its own region; the text check
    # of a document is read by whoever may read the document; templates: the administrator
    ("GET",  "/dokumen/kerja-sama/{R}/susun/",   (LOGIN, 200,   200,   403,   403,   403,   403,   403,   404)),
    ("POST", "/dokumen/kerja-sama/{R}/susun/",   (LOGIN, 400,   400,   403,   403,   403,   403,   403,   404)),
    ("GET",  "/dokumen/{D}/pemeriksaan-isi/",    (LOGIN, 200,   404,   200,   404,   200,   200,   200,   404)),
    ("GET",  "/dokumen/templat/",                (LOGIN, 403,   403,   403,   403,   403,   403,   200,   403)),
    ("POST", "/dokumen/templat/",                (LOGIN, 403,   403,   403,   403,   403,   403,   400,   403)),
    # Cooperation bodies: kept by the member regions' operators and administrators
    ("GET",  "/badan/",                          (LOGIN, 200,   200,   200,   200,   200,   200,   200,   200)),
    ("GET",  "/badan/{B}/",                      (LOGIN, 200,   200,   200,   200,   200,   200,   200,   404)),
    ("POST", "/badan/{B}/anggota/",              (LOGIN, 400,
                                                                400,
                                                                       403,   403,   403,   403,
                                                                                    400,
                                                                                           404)),
    ("POST", "/badan/{B}/anggota/{M}/keluar/",   (LOGIN, 400,
                                                                400,
                                                                       403,   403,   403,   403,
                                                                                    400,
                                                                                           404)),
    ("POST", "/badan/{B}/laporan/",              (LOGIN, 400,
                                                                400,
                                                                       403,   403,   403,   403,
                                                                                    400,
                                                                                           404)),
    # Reference pages: third parties are shared; agencies and officials are read for the
    # user's own region(s) and added by an operator for its own region
    ("GET",  "/pihak-ketiga/",                   (LOGIN, 200,   200,   200,   200,   200,   200,   200,   200)),
    ("GET",  "/pihak-ketiga/{T}/",               (LOGIN, 200,   200,   200,   200,   200,   200,   200,   200)),
    ("GET",  "/pihak-ketiga/baru/",              (LOGIN, 200,   200,   403,   403,   403,   403,   200,   200)),
    ("POST", "/pihak-ketiga/baru/",              (LOGIN, 400,   400,   403,   403,   403,   403,   400,   400)),
    ("GET",  "/perangkat-daerah/",               (LOGIN, 200,   200,   200,   200,   200,   200,   200,   200)),
    ("GET",  "/perangkat-daerah/{A}/",           (LOGIN, 200,   404,   200,   404,   200,   200,   200,   404)),
    ("GET",  "/perangkat-daerah/baru/",          (LOGIN, 200,   200,   403,   403,   403,   403,   403,   200)),
    ("POST", "/perangkat-daerah/baru/",          (LOGIN, 400,   400,   403,   403,   403,   403,   403,   400)),
    ("GET",  "/pejabat/",                        (LOGIN, 200,   200,   200,   200,   200,   200,   200,   200)),
    ("GET",  "/pejabat/{O}/",                    (LOGIN, 200,   404,   200,   404,   200,   200,   200,   404)),
    ("GET",  "/pejabat/baru/",                   (LOGIN, 200,   200,   403,   403,   403,   403,   403,   200)),
    ("POST", "/pejabat/baru/",                   (LOGIN, 400,   400,   403,   403,   403,   403,   403,   400)),
    ("GET",  "/pejabat/surat-kuasa/baru/",       (LOGIN, 200,   200,   403,   403,   403,   403,   403,   200)),
    ("POST", "/pejabat/surat-kuasa/baru/",       (LOGIN, 400,   400,   403,   403,   403,   403,   403,   400)),
    # Oversight figures (ksd.oversight): the Ministry and administrators the country, the
    # bureau its province, an operator its own region; a DPRD secretariat oversees no one
    ("GET",  "/pengawasan/",                     (LOGIN, 200,   200,   403,   403,   200,   200,   200,   200)),
    ("POST", "/pengawasan/",                     (LOGIN, 405,   405,   405,   405,   405,   405,   405,   405)),
    # Oversight: the scorecard (the Ministry the country, the bureau its province, an operator
    # its own region's card, where the table sends it; a DPRD secretariat has none)
    ("GET",  "/pengawasan/rapor/",               (LOGIN, 302,   302,   403,   403,   200,   200,   200,   302)),
    ("GET",  "/pengawasan/rapor/{C}/",           (LOGIN, 404,   200,   403,   403,   200,   200,   200,   404)),
    ("GET",  "/pengawasan/rapor/unduh.csv",      (LOGIN, 200,   200,   403,   403,   200,   200,   200,   200)),
    ("GET",  "/pengawasan/rapor/unduh.xlsx",     (LOGIN, 200,   200,   403,   403,   200,   200,   200,   200)),
    # Django admin: the administrator only (others are sent to the admin's login)
    ("GET",  "/admin/",                          (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 200,   LOGIN)),
    ("GET",  "/admin/accounts/membership/",      (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 200,   LOGIN)),
    ("GET",  "/admin/bodies/cooperationbody/",   (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 200,   LOGIN)),
    ("GET",  "/admin/documents/document/",       (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 200,   LOGIN)),
    ("GET",  "/admin/auditlog/logentry/",        (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 200,   LOGIN)),
    ("GET",  "/admin/regions/agency/{A}/auditlog/", (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 200, LOGIN)),
    ("GET",  "/admin/axes/accessattempt/",       (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 200,   LOGIN)),
]
# fmt: on
# What is posted: nothing, except where an empty POST would not even bind the form (views
# written `Form(request.POST or None)` show a fresh form with 200 for an empty POST) and the
# DPRD steps, which need the region whose track the step is for.
BODIES: dict[str, dict[str, str]] = {
    "/kerja-sama/baru/": {"title": ""},
    "/dokumen/kerja-sama/{R}/unggah/": {"kind": ""},
    "/dokumen/kerja-sama/{R}/susun/": {"kind": ""},
    "/dokumen/templat/": {"name": ""},
    "/pengaturan/batas-waktu-dprd/": {"decree_number": ""},
    "/pihak-ketiga/baru/": {"name": ""},
    "/perangkat-daerah/baru/": {"name": ""},
    "/pejabat/baru/": {"name": ""},
    "/pejabat/surat-kuasa/baru/": {"number": ""},
    "/dprd/kerja-sama/{R}/ajukan/": {"region": "34.71"},
    "/dprd/kerja-sama/{R}/pendapat/": {"region": "34.71"},
    "/dprd/kerja-sama/{R}/penyampaian-kembali/": {"region": "34.71"},
    "/dprd/kerja-sama/{R}/keputusan/": {"region": "34.71"},
    "/kerja-sama/{R}/koreksi/dprd/": {"region": "34.71"},
    "/kerja-sama/{R}/koreksi/beban/": {"region": "34.71"},
}


# ----- The world -----


@pytest.fixture(autouse=True)
def var_dir(settings: Any, tmp_path: Path) -> Path:
    settings.VAR_DIR = tmp_path
    return tmp_path


@dataclass
class World:
    review: Cooperation
    signed: Cooperation
    document: Document
    pks: Document
    body: CooperationBody
    sleman_member: BodyMember
    agency: Agency
    official: Official
    third_party: ThirdParty

    def url(self, pattern: str) -> str:
        return pattern.format(
            R=self.review.pk, S=self.signed.pk, D=self.document.pk, P=self.pks.pk, B=self.body.pk,
            M=self.sleman_member.pk, A=self.agency.pk, O=self.official.pk, T=self.third_party.pk,
            C="34.04", U=999_999, K="bukan-tautan", G=999_999, N=999_999, L=999_999,
        )  # fmt: skip


@pytest.fixture
def world(regions_loaded: None) -> World:
    actor = personas.operator_kota_yogyakarta()
    review = in_dprd_review(actor)
    signed = signed_and_published(actor)
    document = attach_document(
        review.pk, actor=actor, region_code="34.71", kind=DocumentKind.OFFER_LETTER, now=NOW,
        upload=SimpleUploadedFile("Surat Penawaran.pdf", PDF_BYTES, "application/pdf"),
        visibility=Visibility.PRIVATE,
    )  # fmt: skip
    pks = attach_document(
        signed.pk, actor=actor, region_code="34.71", kind=DocumentKind.SIGNED_AGREEMENT, now=NOW,
        upload=SimpleUploadedFile("PKS 02-2016.pdf", PDF_BYTES, "application/pdf"),
    )  # fmt: skip
    body = form_body(
        actor=actor, name="Sekretariat Bersama Kartamantul", kind=BodyKind.SEKRETARIAT,
        decision_number="KB/03/2016", decided_on=dt.date(2016, 2, 1), now=NOW,
        members=[MemberSpec("34.71", "Ir. Suyana", "Asisten Sekretaris Daerah"),
                 MemberSpec("34.04", "Drs. Sutrisna", "Kepala Bappeda"),
                 MemberSpec("34.02", "Dra. Endang", "Kepala Bagian Kerja Sama")],
    )  # fmt: skip
    agency = Agency.objects.create(region_id="34.71", name="Dinas Lingkungan Hidup")
    official = Official.objects.create(
        region_id="34.71", agency=agency, name="Sri Rahayu", nip="198001012005012001",
        position="Kepala Dinas Lingkungan Hidup", term_start_on=dt.date(2015, 1, 2),
    )  # fmt: skip
    third_party = ThirdParty.objects.create(
        name="PT Pengolah Sampah Mandiri", form=ThirdParty.Form.PERSEROAN_TERBATAS
    )
    return World(
        review=review, signed=signed, document=document, pks=pks, body=body,
        sleman_member=body.members.get(region_id="34.04"), agency=agency, official=official,
        third_party=third_party,
    )  # fmt: skip


def client_for(name: str) -> Client:
    client = Client()
    if name != "public":
        user: User = personas.ALL[name]()
        client.force_login(user)
    return client


def expected_code(cell: Any) -> int | str:
    return cell.code if isinstance(cell, Differs) else cell


def answer(client: Client, method: str, url: str, body: dict[str, str]) -> int | str:
    """The status code, or LOGIN for a redirect to a login page."""
    response = client.get(url) if method == "GET" else client.post(url, body)
    if response.streaming:  # a download: reading it to the end closes the file
        b"".join(response.streaming_content)  # type: ignore[attr-defined]
    location = response.headers.get("Location", "")
    if response.status_code == 302 and ("/akun/masuk/" in location or "/admin/login/" in location):
        return LOGIN
    return response.status_code


def snapshot(world: World) -> dict[str, object]:
    """What no refused or 404 step (nor an empty form) may change."""
    review = Cooperation.objects.get(pk=world.review.pk)
    signed = Cooperation.objects.get(pk=world.signed.pk)
    return {
        "review stage": review.stage,
        "review events": Event.objects.filter(cooperation=review).count(),
        "signed stage": signed.stage,
        "signed published": signed.is_published,
        "signed events": Event.objects.filter(cooperation=signed).count(),
        "cooperations": Cooperation.objects.count(),
        "documents": Document.objects.count(),
        "shared documents": Document.objects.exclude(visibility=Visibility.PRIVATE).count(),
        "body members": BodyMember.objects.filter(body=world.body, left_on__isnull=True).count(),
        "body reports": world.body.reports.count(),
        "third parties": ThirdParty.objects.count(),
        "agencies": Agency.objects.count(),
        "officials": Official.objects.count(),
        "powers of attorney": PowerOfAttorney.objects.count(),
        "monev rows": (
            ReportingSchedule.objects.count(),
            PeriodicReport.objects.count(),
            Obligation.objects.count(),
            Correction.objects.count(),
            ReportAttachment.objects.count(),
        ),
    }


# ----- The tests -----


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_and_step_answers_each_persona_as_the_matrix_says(
    world: World, persona: str
) -> None:
    column = PERSONAS.index(persona)
    before = snapshot(world)
    wrong = []
    for method, pattern, cells in MATRIX:
        expected = expected_code(cells[column])
        got = answer(client_for(persona), method, world.url(pattern), BODIES.get(pattern, {}))
        if got != expected:
            wrong.append(f"{method} {pattern}: expected {expected}, got {got}")
    assert not wrong, "\n".join(wrong)
    assert snapshot(world) == before


def test_the_matrix_has_a_cell_for_every_persona_and_a_row_for_every_url_pattern() -> None:
    assert all(len(cells) == len(PERSONAS) for _m, _u, cells in MATRIX)
    named = {
        re.sub(r"\{[RSDPBAOT]\}", "<int:pk>", pattern)
        .replace("{M}", "<int:member_pk>")
        .replace("{C}", "<str:code>")
        .replace("{U}", "<int:user_id>")
        .replace("{K}", "<str:token>")
        .replace("{G}", "<int:obligation_pk>")
        .replace("{N}", "<int:report_pk>")
        .replace("{L}", "<int:attachment_pk>")
        .replace("/per/2016-03-02/", "/per/<str:day>/")
        for _m, pattern, _c in MATRIX
    }
    routes = {"/", "/healthz/"} | {
        "/" + str(url.pattern)
        for app in (
            "accounts",
            "cooperation",
            "dprd",
            "documents",
            "bodies",
            "regions",
            "reminders",
            "oversight",
            "monitoring",
        )
        for url in import_module(f"ksd.{app}.urls").urlpatterns
    }
    assert routes - named == set()


def test_the_cells_where_the_code_differs_from_the_rules() -> None:
    differing = [
        (method, pattern, PERSONAS[i], cell.rule, cell.code, cell.why)
        for method, pattern, cells in MATRIX
        for i, cell in enumerate(cells)
        if isinstance(cell, Differs)
    ]
    # Every cell follows the rules now; a Differs cell would mark a known departure.
    assert differing == []


@pytest.mark.usefixtures("page_cache_off")  # reads the view's context on repeated visits
def test_the_outsider_finds_the_cooperation_in_no_list_count_or_search(world: World) -> None:
    client = client_for("outsider")
    title = world.review.title
    links = (f"/kerja-sama/{world.review.pk}/", f"/publik/{world.review.pk}/")
    for url in ("/kerja-sama/", f"/kerja-sama/?q={title}", "/dasbor/", f"/publik/?q={title}"):
        page = client.get(url).content.decode()
        assert not any(link in page for link in links)
    assert title not in client.get("/kerja-sama/").content.decode()
    assert title not in client.get("/dasbor/").content.decode()
    assert client.get("/kerja-sama/").context["page"].paginator.count == 0
    assert client.get("/kerja-sama/", {"q": title}).context["page"].paginator.count == 0
    assert list(client.get("/dasbor/").context["tasks"]) == []
    assert client.get("/publik/", {"q": title}).context["page"].paginator.count == 0


def test_the_party_operator_finds_the_cooperation_in_the_register_search(world: World) -> None:
    """The counterpart of the outsider's test: the same search finds it for its operator."""
    response = client_for("operator_sleman").get("/kerja-sama/", {"q": world.review.title})
    assert response.context["page"].paginator.count == 1
    assert world.review.title in response.content.decode()


@pytest.mark.parametrize(
    ("step", "persona"),
    [("ajukan", "operator_kota_yogyakarta"), ("pendapat", "dprd_kota_yogyakarta"),
     ("penyampaian-kembali", "operator_kota_yogyakarta"), ("keputusan", "dprd_kota_yogyakarta")],
)  # fmt: skip
def test_a_dprd_step_posted_without_its_region_gives_its_actor_the_form_back(
    world: World, step: str, persona: str
) -> None:
    """An allowed actor's empty form is answered 400 (the form with its errors), as every other
    step; dprd/views.py judges the actor by their own region when the form names none."""
    before = snapshot(world)
    response = client_for(persona).post(f"/dprd/kerja-sama/{world.review.pk}/{step}/", {})
    assert response.status_code == 400
    assert snapshot(world) == before

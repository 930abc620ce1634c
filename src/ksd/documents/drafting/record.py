"""What a drafted document says, read from the cooperation's record and from ksd.law: the
parties and who signs for each on the day, the object, the term, the required contents of the
record's own regulation as numbered articles, the recipients the law names.

Nothing is made up: where the record lacks a fact, the text holds a marked gap
(parts.missing), which the user fills in before signing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import translation

from ksd.cooperation.after_signing.forms import GROUND_LABELS
from ksd.cooperation.articles import article_of, signing_article
from ksd.cooperation.law import assessment_for
from ksd.cooperation.models import (
    Amendment,
    Cooperation,
    CopySent,
    EventKind,
    InstitutionModel,
    ManagementModel,
    Party,
    Signatory,
)
from ksd.documents.drafting.kinds import DraftKind
from ksd.documents.drafting.parts import Part, Section, Signer, missing
from ksd.dprd.models import DprdReview
from ksd.law.assessment import RULES, copies_to_send
from ksd.law.citations import long_date
from ksd.law.facts import DRAFT_CONTENT_CODES
from ksd.law.regimes import Regime
from ksd.law.region_history import region_on
from ksd.regions.models import Official, PowerOfAttorney, Region
from ksd.regions.services import who_may_sign

CONTENT_TITLES = {
    "subjek": "SUBJEK KERJA SAMA",
    "objek": "OBJEK KERJA SAMA",
    "ruang_lingkup": "RUANG LINGKUP",
    "hak_kewajiban": "HAK DAN KEWAJIBAN PARA PIHAK",
    "jangka_waktu": "JANGKA WAKTU",
    "pengakhiran": "PENGAKHIRAN KERJA SAMA",
    "keadaan_memaksa": "KEADAAN MEMAKSA",
    "penyelesaian_perselisihan": "PENYELESAIAN PERSELISIHAN",
    "sanksi": "SANKSI",
}
ORDINALS = ("PERTAMA", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH",
            "KEDELAPAN", "KESEMBILAN", "KESEPULUH")  # fmt: skip
REGULATION_TITLES = {
    Regime.PP50_2007: "Peraturan Pemerintah Nomor 50 Tahun 2007 tentang Tata Cara Pelaksanaan "
    "Kerja Sama Daerah",
    Regime.PP28_2018: "Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah",
}
UU23_TITLE = "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"
UU23_IN_FORCE = dt.date(2014, 10, 2)
RECIPIENTS = {
    "menteri": "Menteri Dalam Negeri",
    "menteri_lpnd_terkait": "Menteri/Pimpinan Lembaga Pemerintah Non Departemen terkait",
}


def day(value: dt.date | None, what: str) -> str:
    return long_date(value).id if value else missing(what)


def government(region: Region) -> str:
    """ "Pemerintah Kota Yogyakarta", "Pemerintah Provinsi Jawa Tengah"."""
    if region.level == Region.Level.PROVINSI and not region.name.startswith("Daerah "):
        return f"Pemerintah Provinsi {region.name}"
    return f"Pemerintah {region.name}"


def head_title(region: Region) -> str:
    """The office of the region's head: Gubernur, Bupati or Wali Kota, with the region's name."""
    if region.level == Region.Level.PROVINSI:
        return f"Gubernur {region.name}"
    if region.level == Region.Level.KABUPATEN:
        return f"Bupati {region.name.removeprefix('Kabupaten ')}"
    return f"Wali Kota {region.name.removeprefix('Kota ')}"


def ordinal(index: int) -> str:
    return f"PIHAK {ORDINALS[index]}" if index < len(ORDINALS) else f"PIHAK KE-{index + 1}"


class Record:
    """One cooperation's record, read once, with what every drafted document asks of it."""

    def __init__(self, cooperation: Cooperation, *, today: dt.date) -> None:
        self.cooperation = cooperation
        self.today = today
        self.regime = Regime(cooperation.regime)
        self.parties: list[Party] = list(
            cooperation.parties.select_related("region", "third_party")
        )
        self.signatories = {
            s.region_id: s
            for s in Signatory.objects.filter(cooperation=cooperation).select_related(
                "official", "power_of_attorney"
            )
        }
        self.assessment = assessment_for(cooperation, as_of=today)
        self.with_third_party = any(not p.region_id for p in self.parties)

    # --- the parties and who acts for them -------------------------------------------------

    def name_of(self, party: Party) -> str:
        if party.region is not None:
            return government(party.region)
        return party.third_party_name

    def signer_for(self, party: Party, on: dt.date, role: str) -> tuple[Signer, str]:
        """Who signs for `party` on `on`, and in what capacity (one sentence): the signatory
        recorded for the region, else its head in office that day, else the holder of a Surat
        Kuasa valid that day; a marked gap when the record names nobody."""
        name = self.name_of(party)
        if party.region is None:
            who = missing(f"nama dan jabatan wakil sah {name}")
            return Signer(role, name, who, ""), f"bertindak untuk dan atas nama {name}"
        signatory = self.signatories.get(party.region_id)
        official: Official | None = None
        power: PowerOfAttorney | None = None
        if signatory is not None and signatory.signed_on == on:
            official, power = signatory.official, signatory.power_of_attorney
        else:
            signers = who_may_sign(party.region, on)
            if signers:
                official, authority = signers[0]
                power = authority.power_of_attorney
        if official is None:
            who = missing(
                f"{head_title(party.region)} atau pemegang Surat Kuasa pada {day(on, '')}"
            )
            return Signer(
                role, name, who, head_title(party.region)
            ), f"bertindak untuk dan atas nama {name}"
        article = signing_article(self.cooperation, power_of_attorney=power is not None)
        if power is None:
            capacity = f"dalam jabatannya sebagai {official.position}, bertindak untuk dan atas nama {name} ({article})"
        else:
            capacity = (
                f"{official.position}, berdasarkan Surat Kuasa {head_title(party.region)} "
                f"Nomor {power.number} tanggal {day(power.issued_on, '')}, bertindak untuk dan "
                f"atas nama {name} ({article})"
            )
        return Signer(role, name, official.name, official.position), capacity

    def signers_on(self, on: dt.date) -> tuple[list[Signer], list[str]]:
        signers, lines = [], []
        for index, party in enumerate(self.parties):
            signer, capacity = self.signer_for(party, on, ordinal(index))
            signers.append(signer)
            lines.append(
                f"{index + 1}. {signer.name}, {capacity}, selanjutnya disebut {ordinal(index)};"
            )
        return signers, lines

    def region_party(self, code: str) -> Party:
        return next(p for p in self.parties if p.region_id == code)

    def others(self, code: str | None) -> list[Party]:
        return [p for p in self.parties if p.region_id != code]

    # --- facts of the object and the term --------------------------------------------------

    def object_text(self) -> list[str]:
        coop = self.cooperation
        lines = [f"Objek kerja sama adalah {coop.title}."]
        if coop.affair_id:
            lines.append(
                f"Objek ini termasuk urusan pemerintahan {coop.affair.name} "
                f"({coop.affair.citation})."
            )
        else:
            lines.append(missing("urusan pemerintahan yang menjadi objek kerja sama"))
        if coop.sector:
            lines.append(f"Sektor: {coop.sector}.")
        return lines

    def scope_text(self) -> list[str]:
        coop = self.cooperation
        lines = []
        if coop.management_model:
            lines.append(
                "Kerja sama dilaksanakan dalam bentuk "
                f"{ManagementModel(coop.management_model).label}."
            )
        if coop.institution_model:
            lines.append(f"Kelembagaan: {InstitutionModel(coop.institution_model).label}.")
        if coop.object_count and coop.object_count > 1:
            lines.append(f"Kerja sama ini meliputi {coop.object_count} objek.")
        for agency in coop.implementing_agencies.all():
            lines.append(
                f"Bagian {government(agency.region)} dilaksanakan oleh {agency.agency_name}."
            )
        lines.append(missing("rincian kegiatan dalam ruang lingkup kerja sama"))
        return lines

    def term_text(self) -> list[str]:
        coop = self.cooperation
        if coop.is_continuous:
            first = "Kerja sama ini dilaksanakan secara berkelanjutan"
        elif coop.term_years:
            first = f"Perjanjian ini berlaku untuk jangka waktu {coop.term_years} tahun"
        else:
            return [missing("jangka waktu kerja sama")]
        if coop.starts_on and coop.ends_on:
            first += (
                f", terhitung sejak {day(coop.starts_on, '')} sampai dengan {day(coop.ends_on, '')}"
            )
        elif coop.starts_on:
            first += f", terhitung sejak {day(coop.starts_on, '')}"
        else:
            first += ", terhitung sejak tanggal ditandatangani"
        return [first + "."]

    def burden_text(self) -> list[str]:
        lines = []
        for party in self.parties:
            if party.region is None:
                continue
            burden = party.burden or {}
            name = government(party.region)
            if burden.get("apbd_cost") is True:
                budgeted = burden.get("budgeted_current_year")
                note = {True: ", yang telah dianggarkan pada tahun anggaran berjalan",
                        False: ", yang belum dianggarkan pada tahun anggaran berjalan"}.get(
                    budgeted, "")  # fmt: skip
                lines.append(f"{name} membiayai bagiannya dari APBD{note}.")
            if burden.get("uses_regional_assets") is True:
                lines.append(f"{name} menggunakan atau memanfaatkan aset daerah.")
            if burden.get("public_pays") is True:
                lines.append(
                    f"Kerja sama ini membebankan pembayaran kepada masyarakat di {party.region.name}."
                )
        lines.append(missing("rincian hak dan kewajiban masing-masing pihak"))
        return lines

    def termination_text(self) -> list[str]:
        grounds = RULES[self.regime].termination_grounds(self.with_third_party)
        lines = ["Perjanjian ini berakhir apabila:"]
        lines += [
            f"{letter}. {GROUND_LABELS[g]};" for letter, g in zip("abcdefghijk", grounds, strict=False)
            if g in GROUND_LABELS
        ]  # fmt: skip
        return lines

    def dispute_text(self) -> list[str]:
        lines = [
            "Perselisihan yang timbul dari Perjanjian ini diselesaikan lebih dahulu secara musyawarah untuk mufakat."
        ]
        routes = {}
        for _pair, route in self.assessment.dispute_pairs:
            routes.setdefault((route.message_id, str(route.citation)), route)
        for message, citation in routes:
            lines.append(f"{message} ({citation})")
        return lines

    def required_contents(self) -> list[tuple[str, str]]:
        """The contents the record's regulation requires, in the order of PP 50/2007 Pasal 7
        huruf b, each with its article; for a PP 28/2018 record only PP 28/2018's."""
        required = {r.code: str(r.citation) for r in self.assessment.required_contents}
        return [(code, required[code]) for code in DRAFT_CONTENT_CODES if code in required]

    def legal_basis(self) -> list[str]:
        basis = []
        if self.cooperation.governing_on >= UU23_IN_FORCE:
            basis.append(UU23_TITLE)
        basis.append(REGULATION_TITLES[self.regime])
        return [f"{i}. {text};" for i, text in enumerate(basis, start=1)]


# --- the documents ---------------------------------------------------------------------------


def _agreement_title(kind: str, record: Record) -> str:
    names = [record.name_of(p) for p in record.parties]
    between = "\nDAN\n".join(n.upper() for n in names)
    return f"{kind}\nANTARA\n{between}\nTENTANG\n{record.cooperation.title.upper()}"


def _content_sections(record: Record, on: dt.date) -> tuple[list[Section], list[str], list[Signer]]:
    builders: dict[str, Callable[[], list[str]]] = {
        "objek": record.object_text,
        "ruang_lingkup": record.scope_text,
        "hak_kewajiban": record.burden_text,
        "jangka_waktu": record.term_text,
        "pengakhiran": record.termination_text,
        "keadaan_memaksa": lambda: [
            missing(
                "peristiwa yang disepakati sebagai keadaan memaksa dan kewajiban pemberitahuannya"
            )
        ],
        "penyelesaian_perselisihan": record.dispute_text,
        "sanksi": lambda: [missing("sanksi bagi pihak yang tidak memenuhi perjanjian")],
    }
    signers, party_lines = record.signers_on(on)
    builders["subjek"] = lambda: ["Para pihak dalam Perjanjian ini adalah:", *party_lines]
    sections, annex = [], []
    for number, (code, citation) in enumerate(record.required_contents(), start=1):
        sections.append(Section(builders[code](), CONTENT_TITLES[code], number))
        annex.append(f"Pasal {number} ({CONTENT_TITLES[code].lower()}): {citation}")
    return sections, annex, signers


def agreement(record: Record, region_code: str | None) -> list[Part]:
    coop = record.cooperation
    on = coop.signed_on or record.today
    sections, annex, signers = _content_sections(record, on)
    closing_number = len(sections) + 1
    sections.append(Section(
        [f"Perjanjian ini dibuat dalam rangkap {len(record.parties)}, masing-masing bermeterai "
         "cukup dan mempunyai kekuatan hukum yang sama, dan berlaku sejak tanggal ditandatangani."],
        "PENUTUP", closing_number,
    ))  # fmt: skip
    opening = [
        f"Pada hari ini, tanggal {day(coop.signed_on, 'tanggal penandatanganan')}, yang bertanda tangan di bawah ini:",
        *[f"{s.name} ({s.role.title()}: {s.party})" for s in signers],
        "Dengan memperhatikan:",
        *record.legal_basis(),
    ]
    if coop.joint_agreement_number or coop.joint_agreement_signed_on:
        opening.append(
            f"Kesepakatan Bersama Nomor {coop.joint_agreement_number or missing('nomor')} "
            f"tanggal {day(coop.joint_agreement_signed_on, 'tanggal kesepakatan bersama')};"
        )
    opening.append(
        "para pihak sepakat mengadakan Perjanjian Kerja Sama dengan ketentuan sebagai berikut:"
    )
    return [Part(
        title=_agreement_title("PERJANJIAN KERJA SAMA", record),
        number=f"Nomor: {coop.agreement_number or missing('nomor perjanjian kerja sama')}",
        opening=opening, sections=sections, signers=signers,
        annex_title="Muatan wajib menurut peraturan yang berlaku bagi kerja sama ini",
        annex=annex,
    )]  # fmt: skip


def joint_agreement(record: Record, region_code: str | None) -> list[Part]:
    coop = record.cooperation
    on = coop.joint_agreement_signed_on or record.today
    signers, party_lines = record.signers_on(on)
    contents = record.required_contents()
    follow_up = [
        "Para pihak menyiapkan rancangan perjanjian kerja sama yang paling sedikit memuat:",
        *[f"{i}. {CONTENT_TITLES[c].lower()} ({cite});" for i, (c, cite) in enumerate(contents, 1)],
    ]
    sections = [
        Section(
            ["Para pihak dalam Kesepakatan Bersama ini adalah:", *party_lines], "PARA PIHAK", 1
        ),
        Section([missing("maksud dan tujuan kerja sama")], "MAKSUD DAN TUJUAN", 2),
        Section(record.object_text(), "OBJEK", 3),
        Section(record.scope_text(), "RUANG LINGKUP", 4),
        Section(follow_up, "TINDAK LANJUT", 5),
        Section([missing("jangka waktu berlakunya kesepakatan bersama")], "JANGKA WAKTU", 6),
    ]
    article = article_of(coop, EventKind.JOINT_AGREEMENT_SIGNED)
    return [Part(
        title=_agreement_title("KESEPAKATAN BERSAMA", record),
        number=f"Nomor: {coop.joint_agreement_number or missing('nomor kesepakatan bersama')}",
        opening=[f"Pada tanggal {day(coop.joint_agreement_signed_on, 'tanggal penandatanganan')}, "
                 f"para pihak membuat Kesepakatan Bersama ({article}) sebagai berikut:"],
        sections=sections, signers=signers,
    )]  # fmt: skip


def offer_letter(record: Record, region_code: str | None) -> list[Part]:
    coop = record.cooperation
    initiator = next((p for p in record.parties if p.is_initiator), record.parties[0])
    signer, _capacity = record.signer_for(initiator, coop.offered_on, "")
    signer.role = head_title(initiator.region) if initiator.region else signer.party
    recipients = [
        head_title(p.region) if p.region else f"Pimpinan {p.third_party_name}"
        for p in record.others(initiator.region_id)
    ]
    contents = record.required_contents()
    sections = [
        Section(record.object_text(), "1. Objek kerja sama"),
        Section(record.scope_text(), "2. Ruang lingkup"),
        Section(record.term_text(), "3. Jangka waktu"),
        Section([f"{i}. {CONTENT_TITLES[c].lower()} ({cite})" for i, (c, cite) in enumerate(contents, 1)],
                "4. Muatan rancangan perjanjian yang diusulkan"),
    ]  # fmt: skip
    article = article_of(coop, EventKind.OFFERED)
    return [Part(
        title="SURAT PENAWARAN KERJA SAMA",
        number=f"Nomor: {coop.offer_number or missing('nomor surat penawaran')}",
        place_date=day(coop.offered_on, "tanggal surat"),
        recipient=["Kepada Yth.", *[f"{i}. {r}" for i, r in enumerate(recipients, 1)]],
        subject=f"Penawaran Kerja Sama {coop.title}",
        opening=[f"Dengan hormat, berdasarkan {article}, {record.name_of(initiator)} menawarkan "
                 "rencana kerja sama dengan uraian sebagai berikut:"],
        sections=sections,
        closing=["Kami mengharapkan jawaban atas penawaran ini. Atas perhatian dan kerja samanya "
                 "kami ucapkan terima kasih."],
        signers=[signer],
    )]  # fmt: skip


def _letter_facts(record: Record, party: Party) -> list[Section]:
    burden = party.burden or {}
    apbd = {True: [f"Kerja sama ini dibiayai dari APBD {party.region.name}; besarnya: "
                   + missing("besarnya kontribusi APBD yang dibutuhkan")],
            False: ["Kerja sama ini tidak membutuhkan biaya dari APBD."]}.get(
        burden.get("apbd_cost"), [missing("apakah dan berapa kontribusi APBD yang dibutuhkan")])  # fmt: skip
    public = {True: ["Kerja sama ini membebani masyarakat: "
                     + missing("besarnya dan jenis pembebanan kepada masyarakat")],
              False: ["Kerja sama ini tidak membebankan pembayaran kepada masyarakat."]}.get(
        burden.get("public_pays"), [missing("besarnya dan jenis pembebanan kepada masyarakat")])  # fmt: skip
    return [
        Section([missing("tujuan kerja sama")], "a. Tujuan kerja sama"),
        Section(record.object_text(), "b. Objek yang akan dikerjasamakan"),
        Section([f"1. {apbd[0]}", f"2. Keuntungan yang akan diperoleh: "
                 f"{missing('keuntungan berupa barang, uang, atau jasa')}"],
                "c. Hak dan kewajiban"),
        Section(record.term_text(), "d. Jangka waktu kerja sama"),
        Section(public, "e. Pembebanan kepada masyarakat"),
    ]  # fmt: skip


def dprd_letter(record: Record, region_code: str | None) -> list[Part]:
    coop = record.cooperation
    party = record.region_party(region_code or record.parties[0].region_id)
    region = party.region
    review = DprdReview.objects.filter(cooperation=coop, region_id=region.code).first()
    on = review.received_on if review else record.today
    signer, _capacity = record.signer_for(party, on, head_title(region))
    rules = RULES[record.regime]
    contents = rules.letter_contents()
    article = article_of(coop, EventKind.DPRD_SUBMITTED)
    basis = (
        f"{article} dan {contents[0].citation.regulation} Pasal 11 ayat (1)"
        if contents
        else article
    )
    copy_rule = rules.dprd_letter_copies(region_on(region.code, coop.governing_on))
    return [Part(
        title="SURAT",
        number=f"Nomor: {missing('nomor surat')}",
        place_date=missing("tanggal surat"),
        recipient=["Kepada Yth.", f"Ketua Dewan Perwakilan Rakyat Daerah {region.name}"],
        subject=f"Permohonan Persetujuan Rancangan Perjanjian Kerja Sama {coop.title}",
        opening=[f"Dengan hormat, bersama ini kami sampaikan rancangan perjanjian kerja sama "
                 f"{coop.title} untuk mendapatkan persetujuan Dewan Perwakilan Rakyat Daerah "
                 f"({basis}), dengan penjelasan sebagai berikut:"],
        sections=_letter_facts(record, party),
        closing=["Demikian kami sampaikan. Atas perhatian dan persetujuannya kami ucapkan terima kasih."],
        signers=[signer],
        copies=[_recipient(r, region) for r in copy_rule.recipients] if copy_rule else [],
        annex_title="Tembusan disampaikan menurut" if copy_rule else "",
        annex=[str(copy_rule.citation)] if copy_rule else [],
    )]  # fmt: skip


def _recipient(code: str, region: Region) -> str:
    if code == "gubernur":
        province = region.province if region.province_id else region
        return f"Gubernur {province.name}"
    if code == "dprd":
        return f"Ketua Dewan Perwakilan Rakyat Daerah {region.name}"
    return RECIPIENTS.get(code, code)


def power_of_attorney(record: Record, region_code: str | None) -> list[Part]:
    coop = record.cooperation
    party = record.region_party(region_code or record.parties[0].region_id)
    region = party.region
    signatory = record.signatories.get(region.code)
    power = signatory.power_of_attorney if signatory else None
    if power is None:
        power = (
            PowerOfAttorney.objects.filter(region=region, valid_from__lte=record.today)
            .select_related("grantor", "grantee").order_by("-valid_from", "-pk").first()
        )  # fmt: skip
    article = article_of(coop, EventKind.POWER_OF_ATTORNEY_ISSUED)
    others = ", ".join(record.name_of(p) for p in record.others(region.code))
    if power is None:
        heads = [o for o, a in who_may_sign(region, record.today) if o.is_head]
        grantor = (
            (heads[0].name, heads[0].position)
            if heads
            else (missing(f"nama {head_title(region)}"), head_title(region))
        )
        grantee = (
            missing("nama penerima kuasa"),
            missing("NIP"),
            missing("jabatan penerima kuasa"),
        )
        number, issued, scope = (
            missing("nomor surat kuasa"),
            missing("tanggal surat kuasa"),
            missing("lingkup kuasa"),
        )
        valid = missing("masa berlaku kuasa")
    else:
        grantor = (power.grantor.name, power.grantor.position)
        grantee = (power.grantee.name, power.grantee.nip or "-", power.grantee.position)
        number, issued, scope = power.number, day(power.issued_on, ""), power.scope
        valid = f"sejak {day(power.valid_from, '')}" + (
            f" sampai dengan {day(power.valid_until, '')}" if power.valid_until else ""
        )
    sections = [
        Section([f"Nama: {grantor[0]}", f"Jabatan: {grantor[1]}",
                 "selanjutnya disebut PEMBERI KUASA."], "Yang bertanda tangan di bawah ini:"),
        Section([f"Nama: {grantee[0]}", f"NIP: {grantee[1]}", f"Jabatan: {grantee[2]}",
                 "selanjutnya disebut PENERIMA KUASA."], "Memberi kuasa kepada:"),
        Section([f"Untuk dan atas nama {government(region)}: {scope}, dalam rangka kerja sama "
                 f"{coop.title} dengan {others}.", f"Kuasa ini berlaku {valid}."], "KHUSUS"),
    ]  # fmt: skip
    return [Part(
        title="SURAT KUASA", number=f"Nomor: {number}", place_date=issued,
        opening=[f"Berdasarkan {article}:"], sections=sections,
        signers=[Signer("PENERIMA KUASA", "", grantee[0], grantee[2]),
                 Signer("PEMBERI KUASA", "", grantor[0], grantor[1])],
    )]  # fmt: skip


def cover_letters(record: Record, region_code: str | None) -> list[Part]:
    """One cover letter per recipient the law names: of the letter to the DPRD (PP 50/2007
    Pasal 11 ayat (2)-(3), when the region's DPRD reviews the draft) and of the signed
    agreement (Pasal 12 ayat (5)-(6)); under PP 28/2018, which names none, those KSD advises
    (the supervisors of Pasal 44)."""
    coop = record.cooperation
    party = record.region_party(region_code or record.parties[0].region_id)
    region = party.region
    law_region = region_on(region.code, coop.governing_on)
    rules = RULES[record.regime]
    sent = {
        c.recipient: c.sent_on for c in CopySent.objects.filter(cooperation=coop, region=region)
    }
    signer, _capacity = record.signer_for(party, record.today, head_title(region))
    wanted = []
    if DprdReview.objects.filter(cooperation=coop, region_id=region.code).exists():
        rule = rules.dprd_letter_copies(law_region)
        if rule is not None:
            wanted += [(r, rule, "tembusan surat kepada Ketua Dewan Perwakilan Rakyat Daerah "
                        f"{region.name} tentang rancangan perjanjian kerja sama {coop.title}") for r in rule.recipients]  # fmt: skip
    rule = copies_to_send(record.regime, law_region)
    agreement = (f"salinan Perjanjian Kerja Sama {coop.title} Nomor "
                 f"{coop.agreement_number or missing('nomor perjanjian')} tanggal "
                 f"{day(coop.signed_on, 'tanggal penandatanganan')}")  # fmt: skip
    if rule is not None:
        wanted += [(r, rule, agreement) for r in rule.recipients]
    parts = []
    for code, rule, what in wanted:
        advised = rules.agreement_copies(law_region) is None and rule.citation.pasal == "44"
        why = ("sebagai bahan pembinaan dan pengawasan kerja sama daerah" if advised
               else "sebagaimana diwajibkan")  # fmt: skip
        parts.append(Part(
            title="SURAT PENGANTAR", number=f"Nomor: {missing('nomor surat')}",
            place_date=day(sent.get(code), "tanggal pengiriman"),
            recipient=["Kepada Yth.", _recipient(code, region)],
            subject=f"Penyampaian {what.split(' tentang')[0].split(' Nomor')[0]}",
            opening=[f"Dengan hormat, bersama ini kami sampaikan {what}, {why} oleh "
                     f"{rule.citation}."],
            closing=["Demikian kami sampaikan untuk dipergunakan sebagaimana mestinya."],
            signers=[signer],
        ))  # fmt: skip
    return parts


def addendum(record: Record, region_code: str | None) -> list[Part]:
    coop = record.cooperation
    change = Amendment.objects.filter(cooperation=coop).order_by("-signed_on", "-pk").first()
    on = change.signed_on if change else record.today
    signers, party_lines = record.signers_on(on)
    article = article_of(coop, EventKind.AMENDED, change.signed_on if change else None)
    what = [change.summary] if change and change.summary else [missing("ketentuan yang diubah")]
    if change and change.new_ends_on:
        what.append(
            f"Jangka waktu Perjanjian diubah sehingga berakhir pada {day(change.new_ends_on, '')}."
        )
    sections = [
        Section(["Para pihak dalam Adendum ini adalah:", *party_lines], "PARA PIHAK", 1),
        Section(what, "PERUBAHAN", 2),
        Section(["Ketentuan Perjanjian yang tidak diubah dengan Adendum ini tetap berlaku.",
                 "Adendum ini merupakan bagian yang tidak terpisahkan dari Perjanjian dan berlaku "
                 "sejak tanggal ditandatangani."], "PENUTUP", 3),
    ]  # fmt: skip
    return [Part(
        title=_agreement_title("ADENDUM PERJANJIAN KERJA SAMA", record),
        number=f"Nomor: {change.number if change else missing('nomor adendum')}",
        opening=[f"Pada tanggal {day(change.signed_on if change else None, 'tanggal penandatanganan')}, "
                 f"para pihak mengubah Perjanjian Kerja Sama Nomor "
                 f"{coop.agreement_number or missing('nomor perjanjian')} tanggal "
                 f"{day(coop.signed_on, 'tanggal penandatanganan perjanjian')} "
                 f"dalam perjanjian yang setingkat dengan perjanjian induknya ({article}):"],
        sections=sections, signers=signers,
    )]  # fmt: skip


BUILDERS: dict[str, Callable[[Record, str | None], list[Part]]] = {
    DraftKind.OFFER_LETTER: offer_letter,
    DraftKind.JOINT_AGREEMENT: joint_agreement,
    DraftKind.AGREEMENT: agreement,
    DraftKind.DPRD_LETTER: dprd_letter,
    DraftKind.POWER_OF_ATTORNEY: power_of_attorney,
    DraftKind.COVER_LETTERS: cover_letters,
    DraftKind.ADDENDUM: addendum,
}


def parts_for(cooperation: Cooperation, kind: str, *, region_code: str | None,
              today: dt.date) -> list[Part]:  # fmt: skip
    """The parts of the document `kind` for `cooperation`, as `region_code` sends it (the
    letters of one region: to its DPRD, its Surat Kuasa, its cover letters). Always in
    Bahasa Indonesia, whatever the page's language."""
    with translation.override("id"):
        return BUILDERS[kind](Record(cooperation, today=today), region_code)

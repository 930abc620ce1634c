"""Demo data for a newcomer's first run (`ksd load_demo`): one user per role and the seed's real
cooperations (DESIGN.md, "Reference data"), each built through the lifecycle services so its
events are real, then marked `is_demo`.

Idempotent: users are found by username and cooperations by title, so a second run changes
nothing and loses nothing. Legal dates are fixed, plausible dates; only the audit timestamps
come from the clock (`now`, passed in).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import transaction

from ksd.accounts.models import Membership, Role
from ksd.cooperation import services
from ksd.cooperation.models import Cooperation
from ksd.core.access import PUBLIC_STAGES
from ksd.dprd import services as dprd
from ksd.dprd.models import DprdReview
from ksd.regions.models import Region

D = dt.date

# username: (role, region code or None)
DEMO_USERS: dict[str, tuple[Role, str | None]] = {
    "demo_admin": (Role.ADMINISTRATOR, None),
    "demo_operator_yogyakarta": (Role.OPERATOR, "34.71"),
    "demo_operator_sleman": (Role.OPERATOR, "34.04"),
    "demo_dprd_yogyakarta": (Role.DPRD, "34.71"),
    "demo_biro_diy": (Role.PEMBINA_PROVINSI, "34"),
    "demo_kemendagri": (Role.PEMBINA_PUSAT, None),
    # Regional administrators: they invite their region's operators and DPRD secretariat.
    "demo_admin_yogyakarta": (Role.OPERATOR, "34.71"),
    "demo_admin_sleman": (Role.OPERATOR, "34.04"),
}
REGIONAL_ADMINS = frozenset({"demo_admin_yogyakarta", "demo_admin_sleman"})

ALL_CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan", "sanksi",
]  # fmt: skip
# PP 50/2007 Pasal 9-10: a cost to the APBD not yet budgeted this year needs the DPRD.
UNBUDGETED = {
    "apbd_cost": True, "budgeted_current_year": False, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": False,
}  # fmt: skip
BUDGETED = {
    "apbd_cost": True, "budgeted_current_year": True, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": True,
}  # fmt: skip


@dataclass
class DemoResult:
    password: str | None = None
    users_created: list[str] = field(default_factory=list)
    cooperations_created: list[str] = field(default_factory=list)
    cooperations_existing: list[str] = field(default_factory=list)


def create_demo_users() -> tuple[dict[str, User], list[str], str | None]:
    """The demo users, created with one fresh random password if none exists yet; existing
    users are left exactly as they are (their password is never touched or shown again)."""
    existing = {u.username: u for u in User.objects.filter(username__in=DEMO_USERS)}
    missing = [name for name in DEMO_USERS if name not in existing]
    if not missing:
        return existing, [], None
    password = secrets.token_urlsafe(12)
    hashed = make_password(password)  # once: hashing is slow on purpose
    with transaction.atomic():
        for name in missing:
            role, region = DEMO_USERS[name]
            is_admin = role == Role.ADMINISTRATOR
            # A reserved domain (RFC 2606): `make run` prints their reminders on its console.
            user = User.objects.create(
                username=name,
                password=hashed,
                is_staff=is_admin,
                is_superuser=is_admin,
                email=f"{name}@ksd.invalid",
            )
            Membership.objects.create(
                user=user, role=role, region_id=region, is_regional_admin=name in REGIONAL_ADMINS
            )
            existing[name] = user
    return existing, missing, password


class Builder:
    """Runs the lifecycle services for one demo cooperation with fixed legal dates."""

    def __init__(self, title: str, actor: User, now: dt.datetime) -> None:
        self.title = title
        self.actor = actor
        self.now = now
        self.pk = 0

    def offer(
        self, initiator: str, regions: list[str], on: dt.date, number: str,
        third_parties: tuple[tuple[str, str], ...] = (),
    ) -> Builder:  # fmt: skip
        parties = [services.PartySpec(region=code) for code in regions]
        parties += [
            services.PartySpec(third_party_name=name, third_party_form=form)
            for name, form in third_parties
        ]
        self.pk = services.make_offer(
            actor=self.actor, title=self.title, initiator=initiator, parties=parties,
            offered_on=on, offer_number=number, now=self.now,
        ).pk  # fmt: skip
        return self

    def accept_all(self, on: dt.date) -> Builder:
        for party in Cooperation.objects.get(pk=self.pk).parties.filter(is_initiator=False):
            services.accept_offer(
                self.pk, actor=self.actor, party_key=party.key, on=on, now=self.now
            )
        return self

    def joint_agreement(self, number: str, on: dt.date) -> Builder:
        services.sign_joint_agreement(
            self.pk, actor=self.actor, number=number, signed_on=on, now=self.now
        )
        return self

    def burdens(self, burdens: dict[str, dict[str, bool]]) -> Builder:
        services.record_burdens(self.pk, actor=self.actor, burdens=burdens, now=self.now)
        return self

    def draft(self, on: dt.date, burdens: dict[str, dict[str, bool]], years: int) -> Builder:
        services.draft_agreement(
            self.pk, actor=self.actor, contents=ALL_CONTENTS, burdens=burdens,
            term_years=years, on=on, now=self.now,
        )  # fmt: skip
        return self

    def submit(self, regions: list[str], on: dt.date) -> Builder:
        for code in regions:
            dprd.submit_to_dprd(
                self.pk, actor=self.actor, region_code=code, received_on=on, now=self.now
            )
        return self

    def opinion(self, region: str, on: dt.date, summary: str) -> Builder:
        dprd.record_dprd_opinion(
            self.pk, actor=self.actor, region_code=region, sent_on=on, received_on=on,
            summary=summary, now=self.now,
        )  # fmt: skip
        return self

    def resubmit(self, region: str, on: dt.date) -> Builder:
        dprd.record_resubmission(
            self.pk, actor=self.actor, region_code=region, received_on=on, now=self.now
        )
        return self

    def approve(self, regions: list[str], on: dt.date) -> Builder:
        for code in regions:
            dprd.record_dprd_decision(
                self.pk, actor=self.actor, region_code=code, approved=True, on=on, now=self.now
            )
        return self

    def deemed(self, region: str, as_of: dt.date) -> Builder:
        review = DprdReview.objects.get(cooperation_id=self.pk, region_id=region)
        dprd.apply_deemed_approval(review.pk, as_of=as_of, now=self.now)
        return self

    def sign(self, number: str, on: dt.date, years: int | None = None) -> Builder:
        services.sign_agreement(
            self.pk, actor=self.actor, number=number, signed_on=on, term_years=years,
            now=self.now,
        )  # fmt: skip
        return self

    def implement(self, on: dt.date, agencies: dict[str, list[str]]) -> Builder:
        services.start_implementation(
            self.pk, actor=self.actor, on=on, agencies=agencies, now=self.now
        )
        return self

    def expire(self, as_of: dt.date) -> Builder:
        services.expire(self.pk, as_of=as_of, now=self.now)
        return self


JABODETABEKJUR = ["31", "32", "36", "32.01", "32.71", "32.76", "32.75", "32.16", "36.03",
                  "36.71", "36.74", "32.03"]  # fmt: skip
MITRA_PRAJA_UTAMA = ["18", "31", "32", "33", "34", "35", "36", "51", "52", "53"]
SULAWESI = ["71", "72", "73", "74", "75", "76"]
SUBOSUKAWONOSRATEN = ["33.72", "33.09", "33.11", "33.13", "33.12", "33.14", "33.10"]
JALUR_SUTRA = ["12", "12.06", "12.11", "12.16"]
BARLINGMASCAKEB = ["33.04", "33.03", "33.02", "33.01", "33.05"]


def _jabodetabekjur(b: Builder) -> None:
    b.offer("31", JABODETABEKJUR, D(2016, 2, 1), "119/-075.1")
    b.accept_all(D(2016, 2, 15)).joint_agreement("KB/01/BKSP/2016", D(2016, 3, 1))
    b.draft(D(2016, 3, 14), dict.fromkeys(JABODETABEKJUR, BUDGETED), years=20)
    b.sign("PKS/01/BKSP/2016", D(2016, 4, 4))
    b.implement(D(2016, 5, 2), {"31": ["Dinas Sumber Daya Air"], "32": ["Dinas PSDA"],
                                "36": ["Dinas PUPR"]})  # fmt: skip


def _mitra_praja_utama(b: Builder) -> None:
    b.offer("34", MITRA_PRAJA_UTAMA, D(2011, 3, 1), "130/0412")
    b.accept_all(D(2011, 3, 21)).joint_agreement("KB/FMPU/2011", D(2011, 4, 11))
    b.draft(D(2011, 5, 2), dict.fromkeys(MITRA_PRAJA_UTAMA, BUDGETED), years=5)
    b.sign("PKS/FMPU/01/2011", D(2011, 6, 6))
    b.expire(D(2016, 6, 6))


def _bkprs(b: Builder) -> None:
    b.offer("73", SULAWESI, D(2024, 8, 5), "050/2871/Bappelitbangda")
    b.accept_all(D(2024, 9, 2))


def _susi(b: Builder) -> None:
    b.offer("35.78", ["35.78", "35.15"], D(2024, 10, 7), "415.4/1207/436.1.2/2024")
    b.accept_all(D(2024, 10, 28)).joint_agreement("KB/SUSI/03/2024", D(2024, 11, 18))


def _kartamantul(b: Builder) -> None:
    b.offer("34.71", ["34.71", "34.04", "34.02"], D(2016, 1, 4), "415.4/001")
    b.accept_all(D(2016, 1, 11)).joint_agreement("KB/01/2016", D(2016, 1, 18))
    b.draft(D(2016, 1, 25), {"34.71": UNBUDGETED, "34.04": UNBUDGETED, "34.02": BUDGETED},
            years=20)  # fmt: skip
    b.submit(["34.71", "34.04"], D(2016, 2, 1))
    b.opinion("34.71", D(2016, 2, 15), "Pembagian biaya antardaerah belum dirinci.")
    b.resubmit("34.71", D(2016, 3, 1)).approve(["34.04"], D(2016, 3, 2))
    # 15 working days after 1 March 2016, Nyepi (9 March) skipped: deemed approved.
    b.deemed("34.71", D(2016, 3, 24))
    b.sign("PKS/07/2016", D(2016, 3, 28))


def _subosukawonosraten(b: Builder) -> None:
    b.offer("33.72", SUBOSUKAWONOSRATEN, D(2025, 1, 13), "556/0045/2025")
    b.accept_all(D(2025, 2, 3)).joint_agreement("KB/SUBOSUKA/01/2025", D(2025, 2, 24))
    # PP 28/2018 Pasal 6 ayat (1) huruf e: the DPRD after the joint agreement.
    b.burdens(dict.fromkeys(SUBOSUKAWONOSRATEN, UNBUDGETED))
    b.submit(["33.72", "33.10"], D(2025, 3, 10))


def _pawonsari(b: Builder) -> None:
    b.offer("34.03", ["35.01", "33.12", "34.03"], D(2017, 9, 4), "556/1730")
    b.accept_all(D(2017, 9, 25)).joint_agreement("KB/PAWONSARI/2017", D(2017, 10, 16))
    b.draft(D(2017, 11, 6), {"35.01": BUDGETED, "33.12": BUDGETED, "34.03": UNBUDGETED},
            years=3)  # fmt: skip


def _barlingmascakeb(b: Builder) -> None:
    b.offer("33.02", BARLINGMASCAKEB, D(2017, 5, 8), "050/0917")
    b.accept_all(D(2017, 5, 22)).joint_agreement("KB/BARLING/2017", D(2017, 6, 12))
    b.draft(D(2017, 7, 10), dict.fromkeys(BARLINGMASCAKEB, UNBUDGETED), years=5)
    b.submit(BARLINGMASCAKEB, D(2017, 7, 17)).approve(BARLINGMASCAKEB, D(2017, 8, 7))


def _bkks(b: Builder) -> None:
    # Described as a provincial forum; its members here are illustrative.
    b.offer("13", ["13", "14", "15"], D(2025, 4, 14), "120/0311/Pem-2025")


def _jalur_sutra(b: Builder) -> None:
    # Members illustrative: Sumatera Utara with kabupaten along the route.
    b.offer("12", JALUR_SUTRA, D(2023, 6, 5), "130/4471")
    b.accept_all(D(2023, 6, 26)).joint_agreement("KB/JALURSUTRA/2023", D(2023, 7, 17))
    b.burdens(dict.fromkeys(JALUR_SUTRA, UNBUDGETED))
    b.submit(JALUR_SUTRA, D(2023, 7, 31)).approve(JALUR_SUTRA, D(2023, 8, 21))
    b.draft(D(2023, 9, 4), {}, years=5)


def _ntb(b: Builder) -> None:
    partner = (("PT Sarana Infrastruktur Nusa", "perseroan_terbatas"),)
    b.offer("52", ["52"], D(2020, 2, 3), "050/112/Bappeda", partner)
    b.accept_all(D(2020, 2, 24)).joint_agreement("KB/NTB-SIN/2020", D(2020, 3, 16))
    b.burdens({"52": UNBUDGETED}).submit(["52"], D(2020, 3, 23)).approve(["52"], D(2020, 4, 20))
    b.draft(D(2020, 5, 4), {}, years=10)
    b.sign("PKS/NTB-SIN/2020", D(2020, 6, 8))


def _batam(b: Builder) -> None:
    partner = (("PT Batam Bersih Lestari", "perseroan_terbatas"),)
    b.offer("21.71", ["21.71"], D(2015, 8, 3), "658/DKP/VIII/2015", partner)
    b.accept_all(D(2015, 8, 17)).joint_agreement("KB/DKP-BBL/2015", D(2015, 9, 7))
    b.draft(D(2015, 9, 21), {"21.71": BUDGETED}, years=15)
    b.sign("PKS/DKP-BBL/2015", D(2015, 10, 5))
    b.implement(D(2015, 11, 2), {"21.71": ["Dinas Kebersihan dan Pertamanan"]})


# Every region a demo user or cooperation names; the reference data must hold them.
DEMO_REGIONS = frozenset(
    [*JABODETABEKJUR, *MITRA_PRAJA_UTAMA, *SULAWESI, *SUBOSUKAWONOSRATEN, *JALUR_SUTRA,
     *BARLINGMASCAKEB, "35.78", "35.15", "34.71", "34.04", "34.02", "35.01", "33.12", "34.03",
     "13", "14", "15", "52", "21.71"]
)  # fmt: skip

# (title, the user who records it, the steps). Titles identify the demo rows across runs.
DEMO_COOPERATIONS: list[tuple[str, str, Callable[[Builder], None]]] = [
    ("BKSP Jabodetabekjur: penanganan banjir dan tata ruang (demo)", "demo_admin",
     _jabodetabekjur),
    ("Forum Mitra Praja Utama: kerja sama pembangunan sepuluh provinsi (demo)", "demo_admin",
     _mitra_praja_utama),
    ("BKPRS: konektivitas dan pembangunan regional Sulawesi (demo)", "demo_admin", _bkprs),
    ("SUSI: transportasi dan air bersih Surabaya-Sidoarjo (demo)", "demo_admin", _susi),
    ("KARTAMANTUL: pengelolaan sampah regional TPST Piyungan (demo)",
     "demo_operator_yogyakarta", _kartamantul),
    ("SUBOSUKAWONOSRATEN: promosi pariwisata dan investasi bersama (demo)", "demo_admin",
     _subosukawonosraten),
    ("PAWONSARI: jalur wisata pantai selatan Pacitan-Wonogiri-Gunungkidul (demo)",
     "demo_admin", _pawonsari),
    ("BARLINGMASCAKEB: pemasaran produk unggulan bersama (demo)", "demo_admin",
     _barlingmascakeb),
    ("BKKS: forum kerja sama antarprovinsi Sumatera, anggota ilustratif (demo)", "demo_admin",
     _bkks),
    ("Jalur Sutra: Merpati bersama Sumatera Utara, anggota ilustratif (demo)", "demo_admin",
     _jalur_sutra),
    ("NTB dengan PT Sarana Infrastruktur Nusa: jalan dan air baku (demo)", "demo_admin", _ntb),
    ("Kota Batam dengan PT Batam Bersih Lestari: kebersihan kota (demo)", "demo_admin", _batam),
]  # fmt: skip


def regions_missing() -> bool:
    """Whether the regions the demo needs are not in the database yet."""
    return Region.objects.filter(code__in=DEMO_REGIONS).count() != len(DEMO_REGIONS)


def load_demo(*, now: dt.datetime) -> DemoResult:
    """Create whatever demo users and cooperations are missing; touch nothing that exists."""
    users, created, password = create_demo_users()
    result = DemoResult(password=password, users_created=created)
    existing = set(
        Cooperation.objects.filter(is_demo=True, title__in=[t for t, _, _ in DEMO_COOPERATIONS])
        .values_list("title", flat=True)
    )  # fmt: skip
    for title, actor, steps in DEMO_COOPERATIONS:
        if title in existing:
            result.cooperations_existing.append(title)
            continue
        builder = Builder(title, users[actor], now)
        with transaction.atomic():
            steps(builder)
            stage = Cooperation.objects.values_list("stage", flat=True).get(pk=builder.pk)
            Cooperation.objects.filter(pk=builder.pk).update(
                is_demo=True, is_published=stage in PUBLIC_STAGES
            )
        result.cooperations_created.append(title)
    return result

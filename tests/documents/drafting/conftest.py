"""Cooperations with a full record (officials, a Surat Kuasa, a signed PKS, an amendment) for
the drafting tests: one under PP 50/2007, one under PP 28/2018 with a third party."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from ksd.cooperation import services
from ksd.cooperation.models import Cooperation
from ksd.regions.models import Official, PowerOfAttorney

NOW = dt.datetime(2024, 1, 2, 2, 0, tzinfo=dt.UTC)
ALL_CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip
BUDGETED = {
    "apbd_cost": True, "budgeted_current_year": True, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": True,
}  # fmt: skip


def officials() -> None:
    """The heads of Kota Yogyakarta and Sleman, and a Surat Kuasa of Sleman's head."""
    Official.objects.create(
        region_id="34.71", name="Haryadi Suyuti", position="Wali Kota Yogyakarta",
        is_head=True, term_start_on=dt.date(2011, 12, 1),
    )  # fmt: skip
    head = Official.objects.create(
        region_id="34.04", name="Sri Purnomo", position="Bupati Sleman", is_head=True,
        term_start_on=dt.date(2010, 8, 1),
    )  # fmt: skip
    holder = Official.objects.create(
        region_id="34.04", name="Sumadi", position="Sekretaris Daerah Kabupaten Sleman",
        nip="196001011985031001", term_start_on=dt.date(2010, 1, 1),
    )  # fmt: skip
    PowerOfAttorney.objects.create(
        region_id="34.04", grantor=head, grantee=holder, number="SK/180/2016",
        issued_on=dt.date(2016, 1, 20), valid_from=dt.date(2016, 1, 20),
        scope="menandatangani perjanjian kerja sama pengelolaan sampah",
    )  # fmt: skip


@pytest.fixture
def kartamantul(operator_kota_yogyakarta: User) -> Cooperation:
    """Kota Yogyakarta and Sleman under PP 50/2007, drafted; no DPRD needed."""
    actor = operator_kota_yogyakarta
    officials()
    coop = services.make_offer(
        actor=actor, title="Pengelolaan sampah regional TPST Piyungan", initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=dt.date(2016, 1, 4), offer_number="415.4/001", now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=dt.date(2016, 1, 11), now=NOW)
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB/01/2016", signed_on=dt.date(2016, 1, 18), now=NOW
    )
    return services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, term_years=5, on=dt.date(2016, 1, 25),
        burdens={"34.71": BUDGETED, "34.04": BUDGETED}, now=NOW,
    )  # fmt: skip


@pytest.fixture
def batam_contract(regions_loaded: None) -> Cooperation:
    """Kota Batam with a company under PP 28/2018 (a KSDPK: sanctions required)."""
    import personas

    actor = personas.operator_kota_batam()
    return services.make_offer(
        actor=actor, title="Kebersihan kota Batam", initiator="21.71",
        parties=[services.PartySpec(region="21.71"),
                 services.PartySpec(third_party_name="PT Bersih Jaya", third_party_form="perseroan_terbatas")],
        offered_on=dt.date(2020, 3, 2), offer_number="OFF/2020/7", now=NOW,
    )  # fmt: skip


def _pdf_missing() -> bool:
    import os

    from ksd.documents.drafting.render import _weasyprint_error

    return _weasyprint_error() is not None and not os.environ.get("CI")


# PDF needs Pango and HarfBuzz (.ci/run installs them; CI set: the tests fail without them).
needs_pdf = pytest.mark.skipif(_pdf_missing(), reason="Pango/HarfBuzz missing: no PDF here")

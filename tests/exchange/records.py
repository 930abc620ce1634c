"""Records for the export tests: one cooperation taken through the lifecycle services, and
agreements imported from a sheet (before PP 50/2007, with a company, ended with a DPRD's
approval, of another province)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from ksd.cooperation import services
from ksd.cooperation.models import Cooperation
from ksd.exchange.importing import batches
from ksd.law.facts import BURDEN_FIELDS

from .sheets import NOW, TODAY, good_row, sheet_bytes

NOT_BURDENED = {**dict.fromkeys(BURDEN_FIELDS, False), "within_skpd_duties": True,
                "budgeted_current_year": True}  # fmt: skip
CONTENTS = ["subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu", "pengakhiran",
            "keadaan_memaksa", "penyelesaian_perselisihan"]  # fmt: skip


def through_services(actor: User) -> Cooperation:
    """Kota Yogyakarta and Sleman's 2016 agreement, offered, accepted, drafted and signed."""
    made = dt.date(2016, 3, 1)
    coop = services.make_offer(
        actor=actor, title="Kartamantul: transportasi", initiator="34.71",
        parties=[services.PartySpec(region=c) for c in ("34.71", "34.04")], offered_on=made,
        offer_number="SP/1/2016", now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=made, now=NOW)
    services.sign_joint_agreement(coop.pk, actor=actor, number="KB/T/2016", signed_on=made,
                                  now=NOW)  # fmt: skip
    services.draft_agreement(
        coop.pk, actor=actor, contents=CONTENTS, on=made,
        burdens={"34.71": NOT_BURDENED, "34.04": NOT_BURDENED}, now=NOW,
    )  # fmt: skip
    services.sign_agreement(coop.pk, actor=actor, number="PKS/T/2016", signed_on=made,
                            term_years=15, now=NOW)  # fmt: skip
    return Cooperation.objects.get(pk=coop.pk)


ROWS = [
    good_row(1, offered_on=dt.date(2005, 3, 1), joint_agreement_signed_on=None,
             signed_on=dt.date(2005, 6, 1), regions="34.02", term_years=30, status=""),
    good_row(2, regions="", third_parties="PT Bersih Jaya | perseroan_terbatas",
             offered_on=dt.date(2019, 2, 1), joint_agreement_signed_on=None, affair="wajib_non_pd.lingkungan_hidup",
             signed_on=dt.date(2019, 8, 1), status="dilaksanakan", sector="Kebersihan kota",
             implementation_started_on=dt.date(2019, 9, 2)),
    good_row(3, offered_on=dt.date(2009, 1, 5), joint_agreement_signed_on=None,
             signed_on=dt.date(2009, 6, 1), term_years=5, published="tidak",
             dprd="34.04=2009-03-02/2009-04-20", status="berakhir"),
    good_row(4, initiator="33.74", regions="33.22", published="ya"),
]  # fmt: skip


def imported(actor: User | None = None) -> None:
    batch = batches.start(sheet_bytes(ROWS), file_name="r.xlsx", user=actor, region=None, now=NOW)
    batch = batches.run_to_end(batch, today=TODAY, now=NOW)
    assert batch.valid_rows == len(ROWS), batch.results
    batch = batches.confirm(batch.pk, now=NOW)
    batches.run_to_end(batch, today=TODAY, now=NOW)

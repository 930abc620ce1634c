"""Cooperations with a DPRD track waiting, built through the lifecycle services."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from ksd.cooperation import services
from ksd.cooperation.models import Cooperation
from ksd.dprd import services as dprd

CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip
UNBUDGETED = {"apbd_cost": True, "budgeted_current_year": False, "uses_regional_assets": False,
              "public_pays": False, "within_skpd_duties": False}  # fmt: skip
TITLE = "Penanganan banjir Sungai Code"
TITLE_PP28 = "Promosi pariwisata bersama Kartamantul"


def submitted_pp50(operator: User, sleman: User, *, regions: tuple[str, ...] = ("34.71",),
                   received_on: dt.date = dt.date(2016, 2, 1)) -> Cooperation:  # fmt: skip
    """Kota Yogyakarta and Sleman under PP 50/2007; both burdened; the draft reached the DPRD of
    each region in `regions` on `received_on`."""
    now = dt.datetime(2016, 2, 1, 3, 0, tzinfo=dt.UTC)
    coop = services.make_offer(
        actor=operator, title=TITLE, initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=dt.date(2016, 1, 4), now=now,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=sleman, party_key="34.04", on=dt.date(2016, 1, 8),
                          now=now)  # fmt: skip
    services.sign_joint_agreement(coop.pk, actor=operator, number="KB/03/2016",
                                  signed_on=dt.date(2016, 1, 15), now=now)  # fmt: skip
    services.draft_agreement(
        coop.pk, actor=operator, contents=CONTENTS, term_years=3, on=dt.date(2016, 1, 22),
        burdens={"34.71": UNBUDGETED, "34.04": UNBUDGETED}, now=now,
    )  # fmt: skip
    for code in regions:
        dprd.submit_to_dprd(coop.pk, actor=operator, region_code=code, received_on=received_on,
                            now=now)  # fmt: skip
    return Cooperation.objects.get(pk=coop.pk)


def submitted_pp28(operator: User, sleman: User) -> Cooperation:
    """The same two regions under PP 28/2018 (offered in 2025): the DPRD after the joint
    agreement (Pasal 6 ayat (1) huruf e); Kota Yogyakarta's DPRD received it on 10 March 2025."""
    now = dt.datetime(2025, 3, 10, 3, 0, tzinfo=dt.UTC)
    coop = services.make_offer(
        actor=operator, title=TITLE_PP28, initiator="34.71",
        parties=[services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        offered_on=dt.date(2025, 1, 13), now=now,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=sleman, party_key="34.04", on=dt.date(2025, 2, 3),
                          now=now)  # fmt: skip
    services.sign_joint_agreement(coop.pk, actor=operator, number="KB/PAR/2025",
                                  signed_on=dt.date(2025, 2, 24), now=now)  # fmt: skip
    services.record_burdens(coop.pk, actor=operator,
                            burdens={"34.71": UNBUDGETED, "34.04": UNBUDGETED}, now=now)  # fmt: skip
    dprd.submit_to_dprd(coop.pk, actor=operator, region_code="34.71",
                        received_on=dt.date(2025, 3, 10), now=now)  # fmt: skip
    return Cooperation.objects.get(pk=coop.pk)

"""Records for the page tests, made through the services as users make them."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from ksd.cooperation import services
from ksd.cooperation.models import Cooperation
from ksd.dprd import services as dprd

# 2 March 2016, 10:00 WIB: a week before Nyepi (9 March 2016).
NOW = dt.datetime(2016, 3, 2, 3, 0, tzinfo=dt.UTC)
TODAY = dt.date(2016, 3, 2)
ALL_CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip
UNBUDGETED = {  # every burden fact recorded: a fact left out is unknown, never "no"
    "apbd_cost": True, "budgeted_current_year": False, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": False,
}  # fmt: skip
BUDGETED = {  # every burden fact recorded: a fact left out is unknown, never "no"
    "apbd_cost": True, "budgeted_current_year": True, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": False,
}  # fmt: skip
KARTAMANTUL = ("34.71", "34.04", "34.02")  # Kota Yogyakarta, Sleman, Bantul


def offer(actor: User, *, title: str = "Pengelolaan sampah regional TPST Piyungan",
          regions: tuple[str, ...] = KARTAMANTUL) -> Cooperation:  # fmt: skip
    return services.make_offer(
        actor=actor, title=title, initiator=regions[0],
        parties=[services.PartySpec(region=c) for c in regions],
        offered_on=dt.date(2016, 1, 4), offer_number="415.4/001", now=NOW,
    )  # fmt: skip


def drafted(actor: User, **kwargs: object) -> Cooperation:
    coop = offer(actor, **kwargs)  # type: ignore[arg-type]
    codes = [p.region_id for p in coop.parties.all()]
    for code in codes[1:]:
        services.accept_offer(coop.pk, actor=actor, party_key=code, on=dt.date(2016, 1, 11),
                              now=NOW)  # fmt: skip
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB/01/2016", signed_on=dt.date(2016, 1, 18), now=NOW
    )
    burdens = {code: (UNBUDGETED if i < 2 else BUDGETED) for i, code in enumerate(codes)}
    return services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, term_years=5, on=dt.date(2016, 1, 25),
        burdens=burdens, now=NOW,
    )  # fmt: skip


def in_dprd_review(actor: User) -> Cooperation:
    """Kartamantul with Kota Yogyakarta's DPRD holding a resubmitted draft: its 15 working days
    of Pasal 12 ayat (4) run from 1 March 2016 across Nyepi to 23 March."""
    coop = drafted(actor)
    for code in ("34.71", "34.04"):
        dprd.submit_to_dprd(coop.pk, actor=actor, region_code=code,
                            received_on=dt.date(2016, 2, 1), now=NOW)  # fmt: skip
    dprd.record_dprd_opinion(coop.pk, actor=actor, region_code="34.71",
                             sent_on=dt.date(2016, 2, 15), now=NOW)  # fmt: skip
    dprd.record_resubmission(coop.pk, actor=actor, region_code="34.71",
                             received_on=dt.date(2016, 3, 1), now=NOW)  # fmt: skip
    coop.refresh_from_db()
    return coop


def signed_and_published(
    actor: User, *, title: str = "Angkutan perkotaan Trans Jogja"
) -> Cooperation:
    """A signed agreement needing no DPRD (budgeted SKPD work, Pasal 10), published."""
    coop = offer(actor, title=title, regions=("34.71", "34.04"))
    services.accept_offer(coop.pk, actor=actor, party_key="34.04", on=dt.date(2016, 1, 11), now=NOW)
    services.sign_joint_agreement(coop.pk, actor=actor, number="KB/02/2016",
                                  signed_on=dt.date(2016, 1, 18), now=NOW)  # fmt: skip
    skpd = {**BUDGETED, "within_skpd_duties": True}
    services.draft_agreement(
        coop.pk, actor=actor, contents=ALL_CONTENTS, term_years=5, on=dt.date(2016, 1, 25),
        burdens={"34.71": skpd, "34.04": skpd}, now=NOW,
    )  # fmt: skip
    services.sign_agreement(coop.pk, actor=actor, number="PKS/02/2016",
                            signed_on=dt.date(2016, 2, 1), now=NOW)  # fmt: skip
    return services.publish(coop.pk, actor=actor, now=NOW)

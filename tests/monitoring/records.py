"""A signed cooperation being implemented, for the monitoring tests: Trans Jogja between Kota
Yogyakarta (34.71) and Sleman (34.04), signed 1 February 2016, in force five years, carried out
from 15 February 2016 by one agency of each region."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from ksd.cooperation import services
from ksd.cooperation.models import Cooperation
from pages.records import NOW, signed_and_published

IMPLEMENTED_ON = dt.date(2016, 2, 15)
YK_AGENCY = "Dinas Perhubungan Kota Yogyakarta"
SLEMAN_AGENCY = "Dinas Perhubungan Kabupaten Sleman"


def implemented(actor: User, *, title: str = "Angkutan perkotaan Trans Jogja") -> Cooperation:
    coop = signed_and_published(actor, title=title)
    return services.start_implementation(
        coop.pk, actor=actor, on=IMPLEMENTED_ON, now=NOW,
        agencies={"34.71": [YK_AGENCY], "34.04": [SLEMAN_AGENCY]},
    )  # fmt: skip


def at(day: dt.date) -> dt.datetime:
    """10:00 WIB on `day`."""
    return dt.datetime(day.year, day.month, day.day, 3, 0, tzinfo=dt.UTC)

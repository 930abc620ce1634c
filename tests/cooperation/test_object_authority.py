"""The object's affair of a recorded cooperation reaches ksd.law, which warns where a region's
level holds no authority over it (UU 23/2014 Pasal 14 ayat (1); Lampiran huruf BB)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from ksd.accounts.models import Membership, Role
from ksd.cooperation import services
from ksd.cooperation.law import assessment_for

NOW = dt.datetime(2019, 3, 4, 2, 0, tzinfo=dt.UTC)


@pytest.mark.usefixtures("regions_loaded")
@pytest.mark.parametrize(
    ("affair", "warned"), [("pilihan.kehutanan", True), ("wajib_non_pd.lingkungan_hidup", False)]
)
def test_a_kabupaten_is_warned_on_forestry_not_on_the_environment(
    affair: str, warned: bool
) -> None:
    from ksd.regions.services import load_affairs

    load_affairs()
    actor = User.objects.create_user("operator_sleman")
    Membership.objects.create(user=actor, role=Role.OPERATOR, region_id="34.04")
    coop = services.make_offer(
        actor=actor, title="Kerja sama", initiator="34.04",
        parties=[services.PartySpec(region=c) for c in ("34.04", "34.03")],
        offered_on=dt.date(2019, 3, 4), affair=affair, now=NOW,
    )  # fmt: skip
    assessment = assessment_for(coop, as_of=dt.date(2019, 3, 4))
    outside = {f.subject for f in assessment.findings if f.code == "object_outside_authority"}
    assert outside == ({"34.04", "34.03"} if warned else set())

"""Who may sign for a region: its head in office, or the holder of a valid Surat Kuasa."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from ksd.cooperation import services
from ksd.cooperation.models import EventKind
from ksd.core.errors import StepRefused
from ksd.regions.models import Agency, Official

# When the steps are recorded: after every legal date they carry (none is in the future).
NOW = dt.datetime(2024, 1, 2, 2, 0, tzinfo=dt.UTC)
ALL_CONTENTS = [
    "subjek", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
    "pengakhiran", "keadaan_memaksa", "penyelesaian_perselisihan",
]  # fmt: skip
BUDGETED = {  # every burden fact recorded: a fact left out is unknown, never "no"
    "apbd_cost": True, "budgeted_current_year": True, "uses_regional_assets": False,
    "public_pays": False, "within_skpd_duties": True,
}  # fmt: skip


@pytest.mark.usefixtures("regions_loaded")
def test_a_surat_kuasa_lets_its_holder_sign_and_an_official_without_one_is_refused(
    db: None,
) -> None:
    actor = User.objects.create_user("operator_kota_surabaya")
    wali_kota = Official.objects.create(region_id="35.78", name="Wali Kota Surabaya", position="Wali Kota",
                                        is_head=True, term_start_on=dt.date(2010, 9, 28))  # fmt: skip
    bagian = Agency.objects.create(region_id="35.78", name="Bagian Kerja Sama", short_name="BKS")
    kabag = Official.objects.create(region_id="35.78", agency=bagian, name="Kepala Bagian Kerja Sama",
                                    position="Kepala Bagian", term_start_on=dt.date(2013, 1, 2))  # fmt: skip
    staff = Official.objects.create(region_id="35.78", agency=bagian, name="Staf", position="Analis",
                                    term_start_on=dt.date(2013, 1, 2))  # fmt: skip
    bupati = Official.objects.create(region_id="35.15", name="Bupati Sidoarjo", position="Bupati",
                                     is_head=True, term_start_on=dt.date(2010, 9, 13))  # fmt: skip

    coop = services.make_offer(
        actor=actor, title="SUSI", initiator="35.78",
        parties=[services.PartySpec(region="35.78"), services.PartySpec(region="35.15")],
        offered_on=dt.date(2015, 1, 5), now=NOW,
    )  # fmt: skip
    services.accept_offer(coop.pk, actor=actor, party_key="35.15", on=dt.date(2015, 1, 12), now=NOW)
    services.sign_joint_agreement(
        coop.pk, actor=actor, number="KB", signed_on=dt.date(2015, 1, 19), now=NOW
    )
    services.draft_agreement(coop.pk, actor=actor, contents=ALL_CONTENTS, on=dt.date(2015, 2, 2),
                             burdens={"35.78": BUDGETED, "35.15": BUDGETED}, now=NOW)  # fmt: skip
    with pytest.raises(StepRefused):  # the grantee must be an agency official, not the head
        services.issue_power_of_attorney(
            coop.pk, actor=actor, region_code="35.78", grantor_id=wali_kota.pk, grantee_id=bupati.pk,
            number="SK/1", issued_on=dt.date(2015, 2, 9), scope="Menandatangani PKS SUSI", now=NOW,
        )  # fmt: skip
    services.issue_power_of_attorney(
        coop.pk, actor=actor, region_code="35.78", grantor_id=wali_kota.pk, grantee_id=kabag.pk,
        number="SK/1", issued_on=dt.date(2015, 2, 9), scope="Menandatangani PKS SUSI", now=NOW,
    )  # fmt: skip
    services.sign_agreement(
        coop.pk, actor=actor, number="PKS/3/2015", signed_on=dt.date(2015, 3, 2), now=NOW
    )

    with pytest.raises(StepRefused) as refused:
        services.record_signatory(
            coop.pk, actor=actor, region_code="35.78", official_id=staff.pk, now=NOW
        )
    assert "Surat Kuasa" in refused.value.message
    signatory = services.record_signatory(
        coop.pk, actor=actor, region_code="35.78", official_id=kabag.pk, now=NOW
    )
    assert signatory.power_of_attorney is not None
    assert signatory.power_of_attorney.number == "SK/1"
    services.record_signatory(
        coop.pk, actor=actor, region_code="35.15", official_id=bupati.pk, now=NOW
    )
    assert coop.signatories.count() == 2
    assert coop.events.filter(kind=EventKind.POWER_OF_ATTORNEY_ISSUED).count() == 1

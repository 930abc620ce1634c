"""Surat Kuasa (PP 50/2007 Pasal 1 angka 5, Pasal 7 huruf d; PP 28/2018 Pasal 2 ayat (2)): who may
issue one, to whom, for which dates, and who may sign for a region on a given day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ksd.regions.models import PowerOfAttorney
from ksd.regions.services import AuthorityKind, who_may_sign

from .records import (
    KOTA_YOGYAKARTA,
    SLEMAN,
    make_agency,
    make_head,
    make_official,
    power_of_attorney,
)

pytestmark = pytest.mark.usefixtures("regions_loaded")


def _errors(power: PowerOfAttorney) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        power.full_clean()
    return caught.value.message_dict


def test_the_head_in_office_may_grant_a_surat_kuasa_to_a_head_of_agency() -> None:
    head = make_head()
    kepala_dlh = make_official(make_agency())
    power = power_of_attorney(head, kepala_dlh)

    power.full_clean()
    power.save()

    assert PowerOfAttorney.objects.get(number="180/001/SK/2025").grantee == kepala_dlh


def test_an_official_who_is_not_the_head_cannot_grant_one() -> None:
    agency = make_agency()
    sekretaris = make_official(agency, name="Agus Prasetyo")
    kepala_dlh = make_official(agency)

    errors = _errors(power_of_attorney(sekretaris, kepala_dlh))

    assert errors["grantor"] == [
        "Hanya kepala daerah (gubernur, bupati, atau wali kota) yang menerbitkan Surat Kuasa."
    ]


def test_a_head_whose_term_had_ended_on_the_day_of_issue_cannot_grant_one() -> None:
    former = make_head(
        name="Joko Widodo Susanto", start=dt.date(2017, 5, 22), end=dt.date(2022, 5, 22)
    )
    kepala_dlh = make_official(make_agency())

    errors = _errors(power_of_attorney(former, kepala_dlh, issued_on=dt.date(2025, 3, 3)))

    assert errors["grantor"] == [
        "Joko Widodo Susanto tidak sedang menjabat sebagai kepala daerah pada 3 Maret 2025, "
        "tanggal penerbitan."
    ]


def test_the_grantee_must_be_an_official_of_a_perangkat_daerah() -> None:
    head = make_head()
    vice = make_head(name="Wakil yang Salah Dicatat")

    errors = _errors(power_of_attorney(head, vice))

    assert errors["grantee"] == [
        "Penerima kuasa harus pejabat perangkat daerah di daerah yang sama."
    ]


def test_a_surat_kuasa_between_officials_of_different_regions_is_refused() -> None:
    head = make_head()
    kepala_dlh_sleman = make_official(make_agency(region=SLEMAN))

    errors = _errors(power_of_attorney(head, kepala_dlh_sleman))

    assert errors["grantee"] == ["Penerima kuasa adalah pejabat daerah lain."]


def test_a_surat_kuasa_recorded_for_another_region_than_its_grantor_is_refused() -> None:
    head = make_head()
    kepala_dlh = make_official(make_agency())

    errors = _errors(power_of_attorney(head, kepala_dlh, region=SLEMAN))

    assert errors["grantor"] == ["Pemberi kuasa adalah pejabat daerah lain."]
    assert errors["grantee"] == ["Penerima kuasa adalah pejabat daerah lain."]


def test_a_surat_kuasa_cannot_end_before_it_takes_effect() -> None:
    power = power_of_attorney(
        make_head(),
        make_official(make_agency()),
        valid_from=dt.date(2025, 4, 1),
        valid_until=dt.date(2025, 3, 31),
    )

    errors = _errors(power)

    assert errors["__all__"] == ["Surat Kuasa tidak dapat berakhir sebelum mulai berlaku."]


def test_a_surat_kuasa_cannot_take_effect_before_it_is_issued() -> None:
    power = power_of_attorney(
        make_head(), make_official(make_agency()), valid_from=dt.date(2025, 3, 1)
    )

    errors = _errors(power)

    assert errors["__all__"] == [
        "Surat Kuasa tidak dapat mulai berlaku sebelum tanggal penerbitannya."
    ]


def test_the_database_itself_refuses_dates_out_of_order() -> None:
    power = power_of_attorney(
        make_head(),
        make_official(make_agency()),
        valid_from=dt.date(2025, 4, 1),
        valid_until=dt.date(2025, 3, 31),
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        power.save()


def test_two_letters_of_one_region_cannot_share_a_number() -> None:
    head = make_head()
    kepala_dlh = make_official(make_agency())
    power_of_attorney(head, kepala_dlh).save()

    errors = _errors(power_of_attorney(head, kepala_dlh))

    assert errors["__all__"] == ["Daerah ini sudah memiliki Surat Kuasa dengan nomor ini."]


# --- who may sign ------------------------------------------------------------------------------


def test_without_a_surat_kuasa_only_the_head_in_office_may_sign() -> None:
    make_head(name="Mantan Wali Kota", start=dt.date(2017, 5, 22), end=dt.date(2022, 5, 22))
    head = make_head()

    signers = who_may_sign(KOTA_YOGYAKARTA, dt.date(2025, 6, 2))

    assert [(official, authority.kind) for official, authority in signers] == [
        (head, AuthorityKind.HEAD)
    ]
    assert "PP 50/2007 Pasal 3" in signers[0][1].citation


def test_the_holder_of_a_valid_surat_kuasa_may_sign_besides_the_head() -> None:
    head = make_head()
    kepala_dlh = make_official(make_agency())
    power = power_of_attorney(head, kepala_dlh)
    power.save()

    signers = who_may_sign(KOTA_YOGYAKARTA, dt.date(2025, 6, 2))

    assert [official for official, _ in signers] == [head, kepala_dlh]
    authority = signers[1][1]
    assert authority.kind is AuthorityKind.POWER_OF_ATTORNEY
    assert authority.power_of_attorney == power
    assert "PP 50/2007 Pasal 1 angka 5 dan Pasal 7 huruf d" in authority.citation
    assert "PP 28/2018 Pasal 2 ayat (2)" in authority.citation


@pytest.mark.parametrize(
    ("day", "holder_may_sign"),
    [
        (dt.date(2025, 3, 2), False),  # the day before it takes effect
        (dt.date(2025, 3, 3), True),  # its first day
        (dt.date(2025, 12, 31), True),  # its last day
        (dt.date(2026, 1, 1), False),  # the day after
    ],
)
def test_a_surat_kuasa_counts_only_from_its_first_to_its_last_day(
    day: dt.date, holder_may_sign: bool
) -> None:
    head = make_head()
    kepala_dlh = make_official(make_agency())
    power_of_attorney(head, kepala_dlh).save()

    signers = [official for official, _ in who_may_sign(KOTA_YOGYAKARTA, day)]

    assert (kepala_dlh in signers) is holder_may_sign
    assert head in signers


def test_a_surat_kuasa_without_an_end_date_stays_valid() -> None:
    head = make_head()
    kepala_dlh = make_official(make_agency())
    power_of_attorney(head, kepala_dlh, valid_until=None).save()

    signers = [official for official, _ in who_may_sign(KOTA_YOGYAKARTA, dt.date(2029, 1, 2))]

    assert kepala_dlh in signers


def test_a_holder_who_left_office_no_longer_signs_under_the_letter() -> None:
    head = make_head()
    kepala_dlh = make_official(make_agency(), end=dt.date(2025, 6, 30))
    power_of_attorney(head, kepala_dlh).save()

    assert kepala_dlh in [o for o, _ in who_may_sign(KOTA_YOGYAKARTA, dt.date(2025, 6, 30))]
    assert kepala_dlh not in [o for o, _ in who_may_sign(KOTA_YOGYAKARTA, dt.date(2025, 7, 1))]


def test_another_regions_signers_are_not_listed() -> None:
    make_head()
    bupati_sleman = make_head(region=SLEMAN, name="Harda Kiswaya")

    signers = [official for official, _ in who_may_sign(SLEMAN, dt.date(2025, 6, 2))]

    assert signers == [bupati_sleman]

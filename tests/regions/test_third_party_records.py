"""Third parties: their form from ksd.law, their NPWP stored in one form, and the NIK of an
individual kept only for individuals."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from ksd.law.facts import ThirdPartyForm
from ksd.regions.models import ThirdParty

pytestmark = pytest.mark.django_db


def _saved(**fields: object) -> ThirdParty:
    party = ThirdParty(**fields)
    party.full_clean()
    party.save()
    party.refresh_from_db()
    return party


def test_the_forms_are_those_of_the_law() -> None:
    assert ThirdParty.Form.values == [form.value for form in ThirdPartyForm]


def test_the_forms_have_indonesian_labels() -> None:
    assert ThirdParty.Form.PERSEROAN_TERBATAS.label == "perusahaan swasta berbadan hukum"


def test_an_npwp_typed_with_dots_is_stored_in_its_16_digit_form() -> None:
    party = _saved(
        name="PT Kebersihan Batam Sejahtera",
        form=ThirdParty.Form.PERSEROAN_TERBATAS,
        npwp="01.234.567.8-901.000",
        nib="9120 0000 00017",
    )

    assert party.npwp == "0012345678901000"
    assert party.nib == "9120000000017"


def test_a_company_with_a_malformed_npwp_is_refused_in_indonesian() -> None:
    party = ThirdParty(name="PT Contoh", form=ThirdParty.Form.PERSEROAN_TERBATAS, npwp="12345")

    with pytest.raises(ValidationError) as caught:
        party.full_clean()

    assert caught.value.message_dict["npwp"] == [
        "NPWP terdiri atas 15 digit (bentuk lama, 01.234.567.8-901.000) atau 16 digit."
    ]
    assert not ThirdParty.objects.exists()


def test_an_individual_may_be_recorded_with_a_nik() -> None:
    party = _saved(name="Siti Aminah", form=ThirdParty.Form.PERSEORANGAN, nik="3471 0141 0180 0003")

    assert party.nik == "3471014101800003"
    assert party.masked_nik == "3471********0003"


def test_a_company_cannot_carry_a_nik() -> None:
    party = ThirdParty(
        name="PT Contoh", form=ThirdParty.Form.PERSEROAN_TERBATAS, nik="3471014101800003"
    )

    with pytest.raises(ValidationError) as caught:
        party.full_clean()

    assert caught.value.message_dict["nik"] == [
        "Hanya perseorangan yang memiliki NIK; kosongkan untuk bentuk ini."
    ]


def test_an_individual_with_a_malformed_nik_is_refused() -> None:
    party = ThirdParty(name="Siti Aminah", form=ThirdParty.Form.PERSEORANGAN, nik="3471")

    with pytest.raises(ValidationError) as caught:
        party.full_clean()

    assert caught.value.message_dict["nik"] == ["NIK terdiri atas tepat 16 digit."]

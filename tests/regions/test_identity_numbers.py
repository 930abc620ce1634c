"""NIP, NPWP, NIK and NIB: accepted when well formed, refused with an Indonesian message."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from ksd.regions.validators import (
    mask_nik,
    normalise_npwp,
    validate_nib,
    validate_nik,
    validate_nip,
    validate_npwp,
)


def _message(validator: object, value: str) -> str:
    with pytest.raises(ValidationError) as caught:
        validator(value)  # type: ignore[operator]
    return " ".join(caught.value.messages)


@pytest.mark.parametrize("nip", ["198001012005012001", "19800101 200501 2 001"])
def test_a_nip_of_18_digits_starting_with_a_birth_date_is_accepted(nip: str) -> None:
    validate_nip(nip)


def test_a_nip_of_17_digits_is_refused() -> None:
    assert _message(validate_nip, "19800101200501200") == "NIP terdiri atas tepat 18 digit."


def test_a_nip_with_letters_is_refused() -> None:
    assert _message(validate_nip, "19800101200501200A") == "NIP terdiri atas tepat 18 digit."


def test_a_nip_whose_first_digits_are_no_date_is_refused() -> None:
    message = _message(validate_nip, "198013012005012001")

    assert "tanggal lahir" in message
    assert "19801301" in message


@pytest.mark.parametrize(
    ("npwp", "stored"),
    [
        ("01.234.567.8-901.000", "0012345678901000"),  # the old 15-digit form, with dots
        ("012345678901000", "0012345678901000"),
        ("0012345678901000", "0012345678901000"),  # the 16-digit form of a company
        ("3471014101800003", "3471014101800003"),  # a NIK as NPWP (PMK 112/2022)
    ],
)
def test_a_valid_npwp_is_accepted_and_kept_in_its_16_digit_form(npwp: str, stored: str) -> None:
    validate_npwp(npwp)

    assert normalise_npwp(npwp) == stored


def test_an_npwp_of_the_wrong_length_is_refused() -> None:
    assert _message(validate_npwp, "01.234.567.8-901") == (
        "NPWP terdiri atas 15 digit (bentuk lama, 01.234.567.8-901.000) atau 16 digit."
    )


def test_a_16_digit_npwp_that_is_no_valid_nik_is_refused() -> None:
    message = _message(validate_npwp, "1234567890123456")

    assert message == ("NPWP 16 digit yang tidak diawali 0 adalah NIK, dan NIK ini tidak sah.")


def test_a_valid_nik_is_accepted() -> None:
    validate_nik("3471014101800003")


def test_a_nik_that_is_too_short_is_refused() -> None:
    assert _message(validate_nik, "347101410180000") == "NIK terdiri atas tepat 16 digit."


def test_a_nik_with_an_unknown_province_is_refused() -> None:
    message = _message(validate_nik, "9901011505900001")

    assert message == "Dua digit pertama NIK adalah kode provinsi; 99 bukan kode provinsi."


def test_a_nik_with_an_impossible_birth_date_is_refused() -> None:
    message = _message(validate_nik, "3471013213800003")

    assert "tanggal lahir" in message


def test_a_nib_of_13_digits_is_accepted() -> None:
    validate_nib("9120000000017")


@pytest.mark.parametrize("nib", ["912000000001", "91200000000170", "912000000001A"])
def test_a_nib_that_is_not_13_digits_is_refused(nib: str) -> None:
    assert _message(validate_nib, nib) == "NIB terdiri atas tepat 13 digit."


def test_a_masked_nik_keeps_only_its_first_and_last_four_digits() -> None:
    assert mask_nik("3471014101800003") == "3471********0003"

"""Checks of the identity numbers kept in the reference records: NIP, NPWP, NIK and NIB.

NPWP and NIK are checked by `lokal-id` (structure only: no check can prove that a number is
registered at DJP or Dukcapil). Its own messages exist only in Indonesian, so KSD writes its own,
translatable ones and keeps lokal's error code to choose among them.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from lokal import parse_nik, parse_npwp

_SEPARATORS = re.compile(r"[\s.\-]")


def digits_only(value: str) -> str:
    """`value` without the spaces, dots and dashes people type between digit groups."""
    return _SEPARATORS.sub("", value)


def normalise_nip(value: str) -> str:
    """The 18 digits of a NIP written with or without spaces ("19800101 200501 1 001")."""
    return digits_only(value)


def validate_nip(value: str) -> None:
    """NIP of a civil servant: 18 digits, the first eight the holder's date of birth (YYYYMMDD),
    as every NIP is laid out by the BKN."""
    digits = normalise_nip(value)
    if not (digits.isdigit() and digits.isascii() and len(digits) == 18):
        raise ValidationError(_("A NIP has exactly 18 digits."), code="nip_format")
    try:
        dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise ValidationError(
            _("The first eight digits of a NIP are a date of birth (YYYYMMDD); %(digits)s is not."),
            code="nip_birth_date",
            params={"digits": digits[0:8]},
        ) from None


def normalise_npwp(value: str) -> str:
    """The NPWP in its 16-digit form, the one DJP uses today (a 15-digit NPWP gains a leading 0).
    Call only on a value `validate_npwp` accepted."""
    info = parse_npwp(value)
    if not info.valid or info.npwp16 is None:
        raise ValueError(f"not a valid NPWP: {value!r}")
    return info.npwp16


def validate_npwp(value: str) -> None:
    """NPWP: 15 digits (the old form, XX.XXX.XXX.X-XXX.XXX) or 16; a 16-digit one that does not
    start with 0 is a NIK (PMK 112/2022) and must be a valid NIK."""
    info = parse_npwp(value)
    if info.valid:
        return
    codes = {issue.code for issue in info.errors}
    if "nik" in codes:
        raise ValidationError(
            _(
                "A 16-digit NPWP that does not start with 0 is a NIK, and this one is not a "
                "valid NIK."
            ),
            code="npwp_nik",
        )
    raise ValidationError(
        _("An NPWP has 15 digits (the old form, 01.234.567.8-901.000) or 16 digits."),
        code="npwp_format",
    )


def validate_nik(value: str) -> None:
    """NIK (Nomor Induk Kependudukan): 16 digits, PP KK CC DDMMYY SSSS, with a known province
    code and a real date of birth (plus 40 on the day for women)."""
    info = parse_nik(digits_only(value))
    if info.valid:
        return
    codes = {issue.code for issue in info.errors}
    if "format" in codes:
        raise ValidationError(_("A NIK has exactly 16 digits."), code="nik_format")
    if "province" in codes:
        raise ValidationError(
            _("The first two digits of a NIK are a province code; %(code)s is not one."),
            code="nik_province",
            params={"code": (info.nik or "")[0:2]},
        )
    if "birth_date" in codes:
        raise ValidationError(
            _("Digits 7 to 12 of a NIK are a date of birth (DDMMYY); these are not."),
            code="nik_birth_date",
        )
    raise ValidationError(_("This is not a valid NIK."), code="nik_invalid")


def validate_nib(value: str) -> None:
    """NIB (Nomor Induk Berusaha, issued through OSS): 13 digits."""
    digits = digits_only(value)
    if not (digits.isdigit() and digits.isascii() and len(digits) == 13):
        raise ValidationError(_("A NIB has exactly 13 digits."), code="nib_format")


def mask_nik(nik: str) -> str:
    """Enough of a NIK to recognise it, not to use it: 3471********0003."""
    digits = digits_only(nik)
    if len(digits) < 8:
        return "*" * len(digits)
    return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]

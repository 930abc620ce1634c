from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from lokal import parse_npwp

from ksd.core.dates import show
from ksd.law.calendar import FIRST_DAY, LAST_DAY, OverrideAction
from ksd.law.calendar import HolidayOverride as LawHolidayOverride
from ksd.regions.names import region_name
from ksd.regions.validators import (
    digits_only,
    mask_nik,
    normalise_nip,
    normalise_npwp,
    validate_nib,
    validate_nik,
    validate_nip,
    validate_npwp,
)


class Region(models.Model):
    """A province, kabupaten or kota, by its Kemendagri code, as ksd.law.regions lists it.

    Rows are reference data: `load_reference_data` writes them and nothing else should.
    """

    class Level(models.TextChoices):
        # Same values as ksd.law.regions.Level.
        PROVINSI = "provinsi", _("Province")
        KABUPATEN = "kabupaten", _("Regency (kabupaten)")
        KOTA = "kota", _("City (kota)")

    class TimeZone(models.TextChoices):
        WIB = "Asia/Jakarta", _("WIB (Asia/Jakarta)")
        WITA = "Asia/Makassar", _("WITA (Asia/Makassar)")
        WIT = "Asia/Jayapura", _("WIT (Asia/Jayapura)")

    code = models.CharField(_("code"), max_length=5, primary_key=True)  # "34" or "34.71"
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=9, choices=Level.choices)
    province = models.ForeignKey(
        "self",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kabkota",
        limit_choices_to={"level": Level.PROVINSI},
    )
    is_autonomous = models.BooleanField(
        _("autonomous region"),
        default=True,
        help_text=_(
            "Only autonomous regions may be parties to a cooperation. DKI Jakarta's "
            "administrative cities and regency are not."
        ),
    )
    timezone = models.CharField(_("time zone"), max_length=32, choices=TimeZone.choices)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ("code",)
        constraints = (
            models.CheckConstraint(
                condition=(
                    models.Q(level="provinsi", province__isnull=True)
                    | (~models.Q(level="provinsi") & models.Q(province__isnull=False))
                ),
                name="region_has_province_unless_province",
                violation_error_message=_(
                    "A province has no parent province; a kabupaten or kota must have one."
                ),
            ),
        )

    def __str__(self) -> str:
        return self.name


class Agency(models.Model):
    """A perangkat daerah (SKPD/OPD) of one region: the dinas, badan or bagian that carries out
    a cooperation (PP 50/2007 Pasal 8) and whose officials may hold a Surat Kuasa."""

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="agencies"
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("For example: Dinas Lingkungan Hidup.")
    )
    short_name = models.CharField(
        _("short name"), max_length=30, blank=True, help_text=_("For example: DLH.")
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Clear it when the agency is dissolved or merged; its records are kept."),
    )

    class Meta:
        verbose_name = _("regional agency")
        verbose_name_plural = _("regional agencies")
        ordering = ("region", "name")
        constraints = (
            models.UniqueConstraint(
                fields=("region", "name"),
                name="agency_name_unique_in_region",
                violation_error_message=_("This region already has an agency with this name."),
            ),
        )

    def __str__(self) -> str:
        return f"{self.short_name or self.name} ({region_name(self.region_id)})"


class Official(models.Model):
    """A person holding one office in one region for one term: the regional head (gubernur,
    bupati, wali kota) or an official of a perangkat daerah. A new office is a new row."""

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="officials"
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officials",
        help_text=_("The perangkat daerah the official works in; empty for the regional head."),
    )
    name = models.CharField(_("name"), max_length=200)
    nip = models.CharField(
        _("NIP"),
        max_length=24,
        blank=True,
        validators=[validate_nip],
        help_text=_("18 digits; optional (a regional head has no NIP)."),
    )
    position = models.CharField(
        _("position"), max_length=200, help_text=_("For example: Kepala Dinas Lingkungan Hidup.")
    )
    is_head = models.BooleanField(
        _("regional head"),
        default=False,
        help_text=_("The gubernur, bupati or wali kota of the region."),
    )
    term_start_on = models.DateField(_("term starts on"))
    term_end_on = models.DateField(
        _("term ends on"), null=True, blank=True, help_text=_("Empty while still in office.")
    )

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering = ("region", "-is_head", "name")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(term_end_on__isnull=True)
                | models.Q(term_end_on__gte=models.F("term_start_on")),
                name="official_term_ends_after_it_starts",
                violation_error_message=_("The term cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(is_head=False) | models.Q(agency__isnull=True),
                name="official_head_has_no_agency",
                violation_error_message=_(
                    "The regional head does not belong to a perangkat daerah."
                ),
            ),
        )

    def __str__(self) -> str:
        return f"{self.name}, {self.position}"

    def in_office_on(self, day: dt.date) -> bool:
        return self.term_start_on <= day and (self.term_end_on is None or day <= self.term_end_on)

    def clean(self) -> None:
        errors: dict[str, list[ValidationError]] = {}
        if self.nip:
            self.nip = normalise_nip(self.nip)
        if self.agency_id is not None and self.region_id is not None:
            agency = self.agency
            if agency is not None and agency.region_id != self.region_id:
                errors.setdefault("agency", []).append(
                    ValidationError(
                        _("The agency belongs to another region."), code="agency_other_region"
                    )
                )
        if errors:
            raise ValidationError(errors)


class PowerOfAttorney(models.Model):
    """A Surat Kuasa: the regional head's written mandate to an official of a perangkat daerah to
    act for the head in making a cooperation (PP 50/2007 Pasal 1 angka 5 and Pasal 7 huruf d;
    PP 28/2018 Pasal 2 ayat (2) and Pasal 13 ayat (2))."""

    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="powers_of_attorney",
    )
    grantor = models.ForeignKey(
        Official,
        verbose_name=_("grantor (regional head)"),
        on_delete=models.PROTECT,
        related_name="powers_granted",
    )
    grantee = models.ForeignKey(
        Official,
        verbose_name=_("grantee"),
        on_delete=models.PROTECT,
        related_name="powers_received",
    )
    number = models.CharField(_("number"), max_length=100)
    issued_on = models.DateField(_("issued on"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty when the letter sets no end.")
    )
    scope = models.TextField(
        _("scope"),
        help_text=_("What the grantee may do for the head, in the words of the letter."),
    )

    class Meta:
        verbose_name = _("power of attorney (Surat Kuasa)")
        verbose_name_plural = _("powers of attorney (Surat Kuasa)")
        ordering = ("region", "-valid_from")
        constraints = (
            models.UniqueConstraint(
                fields=("region", "number"),
                name="power_of_attorney_number_unique_in_region",
                violation_error_message=_(
                    "This region already has a Surat Kuasa with this number."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(valid_from__gte=models.F("issued_on")),
                name="power_of_attorney_valid_from_after_issue",
                violation_error_message=_(
                    "A Surat Kuasa cannot take effect before the day it is issued."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="power_of_attorney_valid_until_after_valid_from",
                violation_error_message=_("A Surat Kuasa cannot end before it takes effect."),
            ),
        )

    def __str__(self) -> str:
        return self.number

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def clean(self) -> None:
        errors: dict[str, list[ValidationError]] = {}

        def add(field: str, message: str, code: str, **params: object) -> None:
            errors.setdefault(field, []).append(
                ValidationError(message, code=code, params=params or None)
            )

        grantor = self.grantor if self.grantor_id is not None else None
        grantee = self.grantee if self.grantee_id is not None else None
        if grantor is not None:
            if self.region_id is not None and grantor.region_id != self.region_id:
                add("grantor", _("The grantor is an official of another region."), "other_region")
            elif not grantor.is_head:
                add(
                    "grantor",
                    _(
                        "Only the regional head (gubernur, bupati or wali kota) issues a Surat Kuasa."
                    ),
                    "grantor_not_head",
                )
            elif self.issued_on is not None and not grantor.in_office_on(self.issued_on):
                add(
                    "grantor",
                    _("%(name)s was not in office as regional head on %(day)s, the day of issue."),
                    "grantor_not_in_office",
                    name=grantor.name,
                    day=show(self.issued_on),
                )
        if grantee is not None:
            if self.region_id is not None and grantee.region_id != self.region_id:
                add("grantee", _("The grantee is an official of another region."), "other_region")
            elif grantee.is_head or grantee.agency_id is None:
                add(
                    "grantee",
                    _("The grantee must be an official of a perangkat daerah of the region."),
                    "grantee_not_agency_official",
                )
        if errors:
            raise ValidationError(errors)


class ThirdParty(models.Model):
    """A third party (pihak ketiga) that may cooperate with a region (PP 50/2007 Pasal 1 angka 3;
    PP 28/2018 Pasal 1 angka 6). Whether its form may take part is a rule of ksd.law, asked per
    cooperation and date; this record only describes it."""

    class Form(models.TextChoices):
        # Same values as ksd.law.facts.ThirdPartyForm; a test keeps the two equal.
        KEMENTERIAN_LPND = "kementerian_lpnd", _("ministry or non-ministerial agency")
        PERSEROAN_TERBATAS = "perseroan_terbatas", _("private company with legal-entity status")
        BUMN = "bumn", _("state-owned enterprise (BUMN)")
        BUMD = "bumd", _("regionally-owned enterprise (BUMD)")
        KOPERASI = "koperasi", _("cooperative (koperasi)")
        YAYASAN = "yayasan", _("foundation (yayasan)")
        BADAN_HUKUM_LAIN = "badan_hukum_lain", _("other legal entity")
        PERSEORANGAN = "perseorangan", _("individual")
        ORGANISASI_NON_BADAN_HUKUM = (
            "organisasi_non_badan_hukum",
            _("organisation without legal-entity status"),
        )

    name = models.CharField(_("name"), max_length=200)
    form = models.CharField(_("form"), max_length=32, choices=Form.choices)
    is_domestic = models.BooleanField(
        _("domestic"), default=True, help_text=_("Established or resident in Indonesia.")
    )
    npwp = models.CharField(
        _("NPWP"),
        max_length=24,
        blank=True,
        validators=[validate_npwp],
        help_text=_("15 or 16 digits; stored in the 16-digit form."),
    )
    nib = models.CharField(
        _("NIB"),
        max_length=20,
        blank=True,
        validators=[validate_nib],
        help_text=_("Nomor Induk Berusaha from OSS: 13 digits."),
    )
    nik = models.CharField(
        _("NIK"),
        max_length=24,
        blank=True,
        validators=[validate_nik],
        help_text=_("Only for an individual: 16 digits. Shown masked in lists."),
    )
    address = models.TextField(_("address"), blank=True)
    contact = models.CharField(
        _("contact"), max_length=200, blank=True, help_text=_("Person, telephone or e-mail.")
    )

    class Meta:
        verbose_name = _("third party")
        verbose_name_plural = _("third parties")
        ordering = ("name",)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(nik="") | models.Q(form="perseorangan"),
                name="third_party_nik_only_for_individuals",
                violation_error_message=_("Only an individual has a NIK."),
            ),
        )

    def __str__(self) -> str:
        return self.name

    @property
    def masked_nik(self) -> str:
        return mask_nik(self.nik) if self.nik else ""

    def clean(self) -> None:
        if self.npwp and parse_npwp(self.npwp).valid:
            self.npwp = normalise_npwp(self.npwp)
        if self.nib:
            self.nib = digits_only(self.nib)
        if self.nik:
            self.nik = digits_only(self.nik)
            if self.form != self.Form.PERSEORANGAN:
                raise ValidationError(
                    {"nik": _("Only an individual has a NIK; leave it empty for this form.")},
                    code="nik_not_individual",
                )


class HolidayOverride(models.Model):
    """The administrator's override table for the working-day calendar: a day off added, or a
    listed holiday made a working day, nationwide or for one region, each with its decree.
    `calendar_for_region` adds these rows to the bundled ones (ksd.law.calendar)."""

    class Action(models.TextChoices):
        # Same values as ksd.law.calendar.OverrideAction; a test keeps the two equal.
        ADD = "add", _("add a day off")
        REMOVE = "remove", _("make a listed holiday a working day")

    day = models.DateField(_("day"))
    action = models.CharField(_("action"), max_length=6, choices=Action.choices)
    decree = models.CharField(
        _("decree"),
        max_length=300,
        help_text=_("The legal basis, e.g. the number of the joint ministerial decree (SKB)."),
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("The name of the day, in Bahasa Indonesia.")
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="holiday_overrides",
        help_text=_(
            "Empty for a nationwide override. A region's override applies to exactly that "
            "region: a province's does not reach its kabupaten and kota."
        ),
    )
    source = models.CharField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_("Where anyone can read the decree, e.g. its web address."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), editable=False)

    class Meta:
        verbose_name = _("holiday override")
        verbose_name_plural = _("holiday overrides")
        ordering = ("-day",)
        constraints = (
            # Two partial constraints, since a plain unique (day, region) lets NULL regions repeat.
            models.UniqueConstraint(
                fields=("day", "region"),
                condition=models.Q(region__isnull=False),
                name="holiday_override_unique_day_in_region",
                violation_error_message=_("This region already has an override for this day."),
            ),
            models.UniqueConstraint(
                fields=("day",),
                condition=models.Q(region__isnull=True),
                name="holiday_override_unique_day_nationwide",
                violation_error_message=_("There is already a nationwide override for this day."),
            ),
        )

    def __str__(self) -> str:
        return f"{self.day.isoformat()} {self.name}"

    def clean(self) -> None:
        if self.day is not None and not FIRST_DAY <= self.day <= LAST_DAY:
            raise ValidationError(
                {
                    "day": _("The working-day calendar covers %(first)s to %(last)s.")
                    % {"first": show(FIRST_DAY), "last": show(LAST_DAY)}
                },
                code="day_out_of_range",
            )

    def to_law(self) -> LawHolidayOverride:
        return LawHolidayOverride(
            self.day, OverrideAction(self.action), self.decree, self.name, self.region_id
        )


class Affair(models.Model):
    """A government affair (urusan pemerintahan konkuren) of UU 23/2014 Pasal 12, the object of a
    cooperation (PP 50/2007 Pasal 4). Reference data: `load_reference_data` writes the rows from
    regions/data/affairs.yaml."""

    class Category(models.TextChoices):
        WAJIB_PD = "wajib_pd", _("mandatory, basic services")
        WAJIB_NON_PD = "wajib_non_pd", _("mandatory, not basic services")
        PILIHAN = "pilihan", _("optional")

    code = models.CharField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name (Indonesian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    citation = models.CharField(_("legal basis"), max_length=100)
    position = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        verbose_name = _("government affair")
        verbose_name_plural = _("government affairs")
        ordering = ("position",)

    def __str__(self) -> str:
        return self.name

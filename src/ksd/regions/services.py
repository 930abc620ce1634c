"""Reference data: the regions table follows ksd.law.regions, the affairs table follows
regions/data/affairs.yaml; who may sign for a region; the working-day calendar of a region with
the administrator's overrides."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources

import yaml
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q

from ksd.core.audit import acting_as
from ksd.law import regions as law_regions
from ksd.law.calendar import WorkingCalendar, calendar_for
from ksd.regions.models import Affair, HolidayOverride, Official, PowerOfAttorney, Region

# The columns that follow the law's list; `code` is the key.
_SYNCED_FIELDS = ("name", "level", "province_id", "is_autonomous", "timezone")


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    unchanged: int
    # Rows whose code is no longer in the list (a region merged or renumbered). They are kept,
    # since cooperation records may point at them; an administrator decides what to do.
    not_in_list: int


def _row(region: law_regions.Region) -> Region:
    is_province = region.level is law_regions.Level.PROVINSI
    return Region(
        code=region.code,
        name=region.name,
        level=Region.Level(region.level.value),
        province_id=None if is_province else region.province_code,
        is_autonomous=region.is_autonomous,
        timezone=region.timezone,
    )


@dataclass(frozen=True)
class ReferenceLoadResult:
    regions: LoadResult
    affairs: LoadResult


@transaction.atomic
def load_reference_data() -> ReferenceLoadResult:
    """Regions, then affairs, in one transaction: what `ksd load_reference_data` runs. Costs one
    SELECT per table when nothing changed."""
    return ReferenceLoadResult(regions=_sync_regions(None), affairs=_sync_affairs(None))


@transaction.atomic
def load_regions(source: Iterable[law_regions.Region] | None = None) -> LoadResult:
    """Insert or update every region of `source` (default: the whole Kemendagri list) in one
    transaction. Costs one SELECT when nothing changed, a few bulk statements otherwise."""
    return _sync_regions(source)


def _sync_regions(source: Iterable[law_regions.Region] | None) -> LoadResult:
    wanted = [_row(r) for r in (law_regions.all_regions().values() if source is None else source)]
    existing = {row.code: row for row in Region.objects.all()}

    to_create: list[Region] = []
    to_update: list[Region] = []
    for row in wanted:
        current = existing.get(row.code)
        if current is None:
            to_create.append(row)
        elif any(getattr(current, f) != getattr(row, f) for f in _SYNCED_FIELDS):
            to_update.append(row)

    # Provinces before their kabupaten and kota, so no foreign key points at a missing row.
    to_create.sort(key=lambda row: row.province_id is not None)
    Region.objects.bulk_create(to_create, batch_size=500)
    Region.objects.bulk_update(to_update, _SYNCED_FIELDS, batch_size=200)

    wanted_codes = {row.code for row in wanted}
    return LoadResult(
        created=len(to_create),
        updated=len(to_update),
        unchanged=len(wanted) - len(to_create) - len(to_update),
        not_in_list=sum(1 for code in existing if code not in wanted_codes),
    )


# --- affairs (urusan pemerintahan, UU 23/2014 Pasal 12) ------------------------------------

_AFFAIR_FIELDS = ("name", "name_en", "category", "citation", "position")
_AFFAIR_KEYS = frozenset(("code", "name", "name_en", "category", "citation"))
_AFFAIR_CITATION = re.compile(r"^UU 23/2014 Pasal 12 ayat \((\d)\) huruf ([a-z])$")


def _affair_rows(data: object) -> list[Affair]:
    """The rows of affairs.yaml, checked: every entry has all keys, a known category and a
    citation of the form "UU 23/2014 Pasal 12 ayat (N) huruf x"."""
    entries = data.get("affairs") if isinstance(data, Mapping) else None
    if not isinstance(entries, list) or not entries:
        raise ValueError("affairs.yaml must hold a non-empty list under 'affairs'")
    rows: list[Affair] = []
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, Mapping) or set(entry) != _AFFAIR_KEYS:
            raise ValueError(f"affairs.yaml entry {position}: keys must be {sorted(_AFFAIR_KEYS)}")
        if entry["category"] not in Affair.Category.values:
            raise ValueError(f"affairs.yaml entry {position}: unknown category")
        if not _AFFAIR_CITATION.match(str(entry["citation"])):
            raise ValueError(f"affairs.yaml entry {position}: malformed citation")
        if not str(entry["code"]).startswith(f"{entry['category']}."):
            raise ValueError(f"affairs.yaml entry {position}: code must start with its category")
        rows.append(
            Affair(
                code=str(entry["code"]),
                name=str(entry["name"]),
                name_en=str(entry["name_en"]),
                category=str(entry["category"]),
                citation=str(entry["citation"]),
                position=position,
            )
        )
    return rows


def bundled_affairs() -> list[Affair]:
    """Unsaved Affair rows for every entry of regions/data/affairs.yaml, in the law's order."""
    text = resources.files("ksd.regions").joinpath("data/affairs.yaml").read_text("utf-8")
    return _affair_rows(yaml.safe_load(text))


@transaction.atomic
def load_affairs(source: Iterable[Affair] | None = None) -> LoadResult:
    """Insert or update every affair of `source` (default: affairs.yaml), keyed by code, in one
    transaction, as load_regions does for regions."""
    return _sync_affairs(source)


def _sync_affairs(source: Iterable[Affair] | None) -> LoadResult:
    wanted = list(bundled_affairs() if source is None else source)
    existing = {row.code: row for row in Affair.objects.all()}

    to_create: list[Affair] = []
    to_update: list[Affair] = []
    for row in wanted:
        current = existing.get(row.code)
        if current is None:
            to_create.append(row)
        elif any(getattr(current, f) != getattr(row, f) for f in _AFFAIR_FIELDS):
            for field in _AFFAIR_FIELDS:
                setattr(current, field, getattr(row, field))
            to_update.append(current)

    Affair.objects.bulk_create(to_create, batch_size=500)
    Affair.objects.bulk_update(to_update, _AFFAIR_FIELDS, batch_size=200)

    wanted_codes = {row.code for row in wanted}
    return LoadResult(
        created=len(to_create),
        updated=len(to_update),
        unchanged=len(wanted) - len(to_create) - len(to_update),
        not_in_list=sum(1 for code in existing if code not in wanted_codes),
    )


# --- who may sign for a region ----------------------------------------------------------------


class AuthorityKind(StrEnum):
    HEAD = "head"
    POWER_OF_ATTORNEY = "power_of_attorney"


HEAD_CITATION = "PP 50/2007 Pasal 3; PP 28/2018 Pasal 2 ayat (1) dan Pasal 13 ayat (1)"
POWER_OF_ATTORNEY_CITATION = (
    "PP 50/2007 Pasal 1 angka 5 dan Pasal 7 huruf d; PP 28/2018 Pasal 2 ayat (2) dan "
    "Pasal 13 ayat (2)"
)


@dataclass(frozen=True)
class SigningAuthority:
    """Why an official may sign for a region: as its head, or under a Surat Kuasa."""

    kind: AuthorityKind
    citation: str
    power_of_attorney: PowerOfAttorney | None = None


def _in_office_on(on: dt.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}term_start_on__lte": on}) & (
        Q(**{f"{prefix}term_end_on__isnull": True}) | Q(**{f"{prefix}term_end_on__gte": on})
    )


def who_may_sign(region: Region | str, on: dt.date) -> list[tuple[Official, SigningAuthority]]:
    """Who may act and sign for `region` on `on`: the regional head in office that day
    (PP 50/2007 Pasal 3), then every official holding a Surat Kuasa valid that day (Pasal 1
    angka 5, Pasal 7 huruf d; PP 28/2018 Pasal 2 ayat (2)), in order of the letter's start.

    Choices: a Surat Kuasa counts by its own dates, so it outlives the term of the head who
    issued it unless the letter (valid_until) says otherwise; its holder must still be in office
    on `on`, since the mandate goes to the official in that position."""
    code = region.code if isinstance(region, Region) else region
    heads = Official.objects.filter(_in_office_on(on), region_id=code, is_head=True).order_by(
        "term_start_on", "pk"
    )
    powers = (
        PowerOfAttorney.objects.filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=on),
            _in_office_on(on, "grantee__"),
            region_id=code,
            valid_from__lte=on,
        )
        .select_related("grantee", "grantee__agency")
        .order_by("valid_from", "pk")
    )
    signers: list[tuple[Official, SigningAuthority]] = [
        (head, SigningAuthority(AuthorityKind.HEAD, HEAD_CITATION)) for head in heads
    ]
    signers.extend(
        (
            power.grantee,
            SigningAuthority(AuthorityKind.POWER_OF_ATTORNEY, POWER_OF_ATTORNEY_CITATION, power),
        )
        for power in powers
    )
    return signers


# --- the working-day calendar with the administrator's overrides ------------------------------


def calendar_for_region(code: str | None) -> WorkingCalendar:
    """The working-day calendar of region `code` (None: nationwide): the bundled overrides, then
    the administrator's nationwide rows, then those of exactly that region. One query; the
    calendar itself is cached by ksd.law for as long as the rows stay the same."""
    rows = HolidayOverride.objects.filter(
        Q(region__isnull=True) if code is None else Q(region__isnull=True) | Q(region_id=code)
    ).order_by("day", "pk")
    return calendar_for(code, [row.to_law() for row in rows])


@transaction.atomic
def record_holiday_override(
    override: HolidayOverride, *, actor: AbstractBaseUser, now: dt.datetime
) -> HolidayOverride:
    """Save a new override, recording who entered it and when; the audit trail (ksd.core.audit)
    records it, and every later change or deletion, with its actor."""
    override.created_by = actor
    override.created_at = now
    override.full_clean()
    with acting_as(actor):
        override.save()
    return override

"""What part of the country a user's map and network show (interfaces brief: the Ministry the
country, the governor's bureau its province, a region its own partners), and the register links
behind every figure."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext as _

from ksd.accounts.models import Role
from ksd.core.access import membership_of, sees_everything
from ksd.oversight.shapes import provinces
from ksd.regions.flags import Flag, flags_of

Visitor = AbstractBaseUser | AnonymousUser
COUNTRY, PROVINCE, REGION = "country", "province", "region"


@dataclass(frozen=True)
class Scope:
    kind: str  # COUNTRY, PROVINCE (its kab/kota) or REGION (its partners)
    code: str = ""  # the province or the region
    error: str = ""  # why the requested province was not shown


def scope_for(user: Visitor, requested: str | None) -> Scope:
    """The Ministry: the country, or one province's kab/kota (?provinsi=34); the governor's
    bureau: its province; anyone else with a region: that region and its partners."""
    requested = (requested or "").strip()
    membership = membership_of(user)
    if sees_everything(user):
        if not requested:
            return Scope(COUNTRY)
        if requested in provinces():
            return Scope(PROVINCE, requested)
        return Scope(COUNTRY, error=_unknown(requested))
    region = membership.region_id if membership else None
    if membership is not None and membership.role == Role.PEMBINA_PROVINSI and region:
        error = ""
        if requested and requested != region:
            error = _("You oversee %(province)s only; the map shows that province.") % {
                "province": provinces()[region].name if region in provinces() else region
            }
        return Scope(PROVINCE, region, error)
    return Scope(REGION, region or "")


def _unknown(requested: str) -> str:
    # Show the bad value shortened; the template escapes it.
    return _("There is no province with the code “%(code)s”; the map shows all of Indonesia.") % {
        "code": requested[:20]
    }


def register_link(*, regions: tuple[str, ...] = (), in_provinces: tuple[str, ...] = ()) -> str:
    """The register filtered to exactly the active records of a figure: every region (or a
    party in every province) given, in force (signed or being implemented)."""
    params = [("region", code) for code in regions] + [("province", code) for code in in_provinces]
    params.append(("in_force", "on"))
    return _register() + "?" + urlencode(params)


@functools.cache
def _register() -> str:
    """The register's address, looked up once: a national network links a thousand times."""
    return reverse("cooperation:register")


# ----- Classes of the choropleth -----

# Sequential and readable with every common colour-vision deficiency (light to dark along one
# hue ramp, from yellow-green to deep blue); class 0 is "no active cooperation".
PALETTE = ("#edf0f3", "#d9f0a3", "#78c679", "#2c7fb8", "#253494")


@dataclass(frozen=True)
class Band:
    index: int  # 0: none
    low: int
    high: int

    @property
    def label(self) -> str:
        if self.index == 0:
            return _("none")
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


def bands(counts: list[int], classes: int = 4) -> list[Band]:
    """Up to `classes` bands by quantiles of the non-zero counts (each band's upper bound is a
    count that occurs), after band 0 for none: a few busy regions do not squeeze all others
    into the lowest band as equal intervals would."""
    values = sorted(c for c in counts if c > 0)
    result = [Band(0, 0, 0)]
    low = 1
    for k in range(1, classes + 1):
        if not values:
            break
        high = values[math.ceil(k * len(values) / classes) - 1]
        if high >= low:
            result.append(Band(len(result), low, high))
            low = high + 1
    return result


def band_of(count: int, all_bands: list[Band]) -> int:
    for band in all_bands:
        if band.low <= count <= band.high:
            return band.index
    return all_bands[-1].index


# ----- Flags (ksd.regions.flags; empty until the data is filled) -----

FLAG_ORDER = (Flag.BORDER, Flag.OUTERMOST, Flag.DISADVANTAGED)


@dataclass
class Flagged:
    codes: dict[str, list[Flag]] = field(default_factory=dict)

    def of(self, code: str) -> list[Flag]:
        return self.codes.get(code, [])


def flagged(codes: list[str]) -> Flagged:
    found = flags_of(codes)
    return Flagged({c: [f for f in FLAG_ORDER if f in flags] for c, flags in found.items()})

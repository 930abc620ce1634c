"""KSD's own template filters, for every app: `{% load ksd %}`.

- `{{ code|region_name }}`: "34.71" -> "Kota Yogyakarta" (ksd.regions.names; no query per row).
- `{{ codes|region_names }}`: a list of codes -> "Kota Yogyakarta, Kabupaten Sleman".

Dates need no filter of ours: `{{ day|date }}` and `{{ moment|date:"DATETIME_FORMAT" }}` read
ksd/formats ("1 Desember 2026", "1 Desember 2026 pukul 20.26").
"""

from __future__ import annotations

from collections.abc import Iterable

from django import template

from ksd.regions.names import join_region_names
from ksd.regions.names import region_name as name_of

register = template.Library()


@register.filter
def region_name(code: str | None) -> str:
    return name_of(code)


@register.filter
def region_names(codes: Iterable[str] | None) -> str:
    return join_region_names(codes or ())


@register.filter
def finding_subject(subject: str | None) -> str:
    """What a finding of ksd.law is about, in words: a region's name, a content of the draft
    agreement, a burden fact. Other subjects are internal keys (a parameter's name, a step's
    code) that the finding's message already explains: they are not shown."""
    if not subject:
        return ""
    from ksd.cooperation.offer.forms import BURDEN_LABELS, CONTENT_LABELS

    names = name_of(subject)
    if names != subject:
        return names
    label = CONTENT_LABELS.get(subject) or BURDEN_LABELS.get(subject)
    return str(label) if label else ""


@register.filter
def authority_label(authority: str | None) -> str:
    """Who settles a dispute or receives a copy, in words ("gubernur" -> "Gubernur provinsi")."""
    if not authority:
        return ""
    from ksd.cooperation.after_signing.forms import RECIPIENT_LABELS

    return str(RECIPIENT_LABELS.get(authority, authority))

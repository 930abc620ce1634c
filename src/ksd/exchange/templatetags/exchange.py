"""`{% may_import user as can_import %}`: whether to offer the import link (exchange/access.py)."""

from __future__ import annotations

from typing import Any

from django import template

from ksd.exchange.access import may_import as _may_import

register = template.Library()


@register.simple_tag
def may_import(user: Any) -> bool:
    return _may_import(user)

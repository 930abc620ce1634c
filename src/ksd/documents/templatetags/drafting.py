"""Template tags of drafted documents: the marked gaps, and the drafts a step needs."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ksd.documents.drafting.parts import PLACEHOLDER_PATTERN

register = template.Library()


@register.filter
def gaps(text: str) -> SafeString:
    """`text` escaped, with each "[belum dicatat: ...]" highlighted, so no gap goes unseen."""
    escaped = str(escape(text))
    return mark_safe(  # noqa: S308 (escaped above; the pattern matches no markup)
        PLACEHOLDER_PATTERN.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)
    )

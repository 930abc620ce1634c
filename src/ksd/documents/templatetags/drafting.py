"""Template tags of drafted documents: the marked gaps, and the drafts a step needs."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ksd.cooperation.models import Cooperation
from ksd.documents.drafting.kinds import STEP_DRAFTS, DraftKind
from ksd.documents.drafting.parts import PLACEHOLDER_PATTERN
from ksd.documents.queries import visible_documents

register = template.Library()


@register.filter
def gaps(text: str) -> SafeString:
    """`text` escaped, with each "[belum dicatat: ...]" highlighted, so no gap goes unseen."""
    escaped = str(escape(text))
    return mark_safe(  # noqa: S308 (escaped above; the pattern matches no markup)
        PLACEHOLDER_PATTERN.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)
    )


@register.inclusion_tag("documents/drafting/_step_drafts.html", takes_context=True)
def drafts_for_step(context: dict[str, Any], cooperation: Cooperation, step: str) -> dict[str, Any]:
    """For the step form `step` of the cooperation's page: the newest drafted document of each
    kind the step needs that the user may see, and the link to draft it from the record."""
    kinds = STEP_DRAFTS.get(step, ())
    if not kinds:
        return {"rows": []}
    request = context["request"]
    # One query per page, however many steps it shows: the newest drafted document of every
    # kind, read once and kept on the request.
    cache: dict[int, dict[str, Any]] = request.__dict__.setdefault("_ksd_step_drafts", {})
    if cooperation.pk not in cache:
        latest: dict[str, Any] = {}
        drafted = (
            visible_documents(request.user, cooperation)
            .filter(drafted__isnull=False)
            .order_by("-uploaded_at", "-id")
        )
        for document in drafted[:50]:
            latest.setdefault(document.drafted.draft_kind, document)
        cache[cooperation.pk] = latest
    latest = cache[cooperation.pk]
    return {
        "cooperation": cooperation,
        "rows": [(kind, DraftKind(kind).label, latest.get(kind)) for kind in kinds],
    }

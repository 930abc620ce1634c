"""`{% documents_of cooperation %}`: the documents fragment, for the cooperation's page."""

from __future__ import annotations

from typing import Any

from django import template

from ksd.accounts.models import Role
from ksd.cooperation.models import Cooperation
from ksd.core.access import acts_for, membership_of
from ksd.documents.queries import public_documents, visible_documents
from ksd.documents.sharing import with_actions

register = template.Library()


@register.inclusion_tag("documents/_list.html", takes_context=True)
def documents_of(context: dict[str, Any], cooperation: Cooperation) -> dict[str, Any]:
    """The documents of `cooperation` that the request's user may see. The cooperation must
    already come through core/access.py."""
    user = context["request"].user
    membership = membership_of(user)
    region = membership.region_id if membership else None
    may_upload = bool(
        region
        and acts_for(user, region, Role.OPERATOR)
        and any(p.region_id == region for p in cooperation.parties.all())
    )
    return {
        "cooperation": cooperation,
        "documents": with_actions(user, visible_documents(user, cooperation)),
        "may_upload": may_upload,
    }


@register.inclusion_tag("documents/_public_list.html")
def public_documents_of(cooperation: Cooperation) -> dict[str, Any]:
    """The signed agreement a party published, for the public page of `cooperation`."""
    return {"documents": list(public_documents(cooperation))}

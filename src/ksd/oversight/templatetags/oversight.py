"""`{% oversight_tabs %}`: the bar that links the oversight pages to one another, each page
offered only to the roles that may open it (tests/pages/test_permission_matrix.py)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ksd.accounts.models import Role
from ksd.core.access import membership_of

register = template.Library()

# (label, url name, open to a DPRD secretariat)
TABS = (
    (_("Figures"), "oversight:dashboard", False),
    (_("Map"), "oversight:map", True),
    (_("Network"), "oversight:network", True),
    (_("Affairs and gaps"), "oversight:affairs", True),
    (_("Scorecard"), "oversight:scorecard", False),
    (_("Monitoring reports"), "monitoring:late", True),
)


@register.inclusion_tag("oversight/_tabs.html", takes_context=True)
def oversight_tabs(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    membership = membership_of(request.user)
    dprd = membership is not None and membership.role == Role.DPRD
    tabs = []
    for label, name, for_dprd in TABS:
        if dprd and not for_dprd:
            continue
        url = reverse(name)
        current = request.path == url or (url != "/pengawasan/" and request.path.startswith(url))
        tabs.append({"label": label, "url": url, "current": current})
    return {"tabs": tabs}

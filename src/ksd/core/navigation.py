"""The site menu for the request's user, by role (a context processor for base.html).

Each role sees what its day needs, tasks first: an operator its tasks, the register and a new
offer; a DPRD secretariat its tasks; a supervisor the register and its dashboard; operators and
supervisors the oversight figures (/pengawasan/); an administrator the admin. Reference data (bodies, third parties, agencies, officials) sits in a
second menu for those who keep it or read it. Visitors and accounts without a role see the
public register.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ksd.accounts.models import Role
from ksd.core.access import is_administrator, membership_of

# A menu's entries: (label, address).
Items = list[tuple[str | Promise, str]]


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url: str
    current: bool = False


def _links(items: Items, path: str) -> list[Link]:
    """Marks as current the link whose address is the longest prefix of `path`."""
    best = max((url for _label, url in items if path.startswith(url) and url != "/"), key=len,
               default=None)  # fmt: skip
    return [Link(label, url, url == best) for label, url in items]


def _menus(user: Any) -> tuple[Items, Items]:
    membership = membership_of(user)
    role = membership.role if membership else None
    tasks = (_("My tasks"), reverse("cooperation:dashboard"))
    register = (_("Register"), reverse("cooperation:register"))
    public = (_("Public register"), reverse("cooperation:public_register"))
    # The figures and charts (ksd.oversight): a region's own, a province's, the country's.
    oversight = (_("Oversight"), reverse("oversight:dashboard"))
    reference: Items = [
        (_("Cooperation bodies"), reverse("bodies:list")),
        (_("Third parties"), reverse("regions:third_parties")),
        (_("Agencies"), reverse("regions:agencies")),
        (_("Officials"), reverse("regions:officials")),
    ]
    if is_administrator(user):
        return [register, (_("Administration"), reverse("admin:index"))], [
            *reference,
            (_("DPRD time limits"), reverse("dprd:clock_settings")),
        ]
    if role == Role.OPERATOR:
        return [
            tasks, register, (_("New cooperation"), reverse("cooperation:new")), oversight
        ], reference  # fmt: skip
    if role == Role.DPRD:
        return [tasks], []
    if role in (Role.PEMBINA_PROVINSI, Role.PEMBINA_PUSAT):
        return [register, (_("Dashboard"), reverse("cooperation:dashboard")), oversight], reference
    return [public], []


def navigation(request: HttpRequest) -> dict[str, Any]:
    """`nav_links` and `nav_reference` for the header; nothing is queried beyond the user's
    membership, which the header reads anyway."""
    user = getattr(request, "user", None)
    if user is None:
        return {}
    main, reference = _menus(user)
    path = request.path
    return {"nav_links": _links(main, path), "nav_reference": _links(reference, path)}

"""The reference pages: third parties, regional agencies (perangkat daerah), officials and who
may sign for a region today, and the forms that add them.

Who reads what: third parties are one shared list; agencies and officials are read for the
user's own region (a provincial supervisor: its province's regions; central supervisors and
administrators: all) and added by an operator for its own region only. A record of another
region answers 404, exactly as if it did not exist.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ksd.accounts.models import Role
from ksd.cooperation.models import CLOSED_BY_RECORD_KEEPING
from ksd.core import clock
from ksd.core.access import (
    acts_for,
    member_required,
    membership_of,
    sees_everything,
    visible_cooperations,
)
from ksd.regions.forms import (
    AgencyForm,
    OfficialForm,
    PowerOfAttorneyForm,
    RegionFilterForm,
    ThirdPartyFilterForm,
    ThirdPartyForm,
)
from ksd.regions.models import Agency, Official, PowerOfAttorney, Region, ThirdParty
from ksd.regions.services import AuthorityKind, who_may_sign
from ksd.regions.validators import digits_only

LOGIN_URL = "/akun/masuk/"
PAGE_SIZE = 25
logged_in = member_required  # logged in, with a role (core/access.py)


# ----- Who may read and add -----


def readable_regions(user: Any) -> QuerySet[Region]:
    """The regions whose agencies and officials `user` may read."""
    if sees_everything(user):
        return Region.objects.all()
    membership = membership_of(user)
    if membership is None or membership.region_id is None:
        return Region.objects.none()
    code = membership.region_id
    if membership.role == Role.PEMBINA_PROVINSI:
        return Region.objects.filter(Q(code=code) | Q(province_id=code))
    return Region.objects.filter(code=code)


def operator_region(user: Any) -> str | None:
    """The region an operator adds records for; None for every other role."""
    membership = membership_of(user)
    code = membership.region_id if membership else None
    return code if code is not None and acts_for(user, code, Role.OPERATOR) else None


def may_add_third_party(user: Any) -> bool:
    membership = membership_of(user)
    is_admin = getattr(user, "is_superuser", False) or (
        membership is not None and membership.role == Role.ADMINISTRATOR
    )
    return is_admin or operator_region(user) is not None


def _own_region_or_403(user: Any) -> str:
    own = operator_region(user)
    if own is None:
        raise PermissionDenied
    return own


def _page(request: HttpRequest, rows: QuerySet[Any]) -> Any:
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


def _query(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _scoped(request: HttpRequest, rows: QuerySet[Any]) -> tuple[QuerySet[Any], RegionFilterForm]:
    """`rows` of the regions the user reads, narrowed to the region chosen in the filter."""
    regions = readable_regions(request.user)
    form = RegionFilterForm(request.GET, regions=regions.order_by("code"))
    rows = rows.filter(region__in=regions)
    if form.is_valid() and form.cleaned_data["region"] is not None:
        rows = rows.filter(region=form.cleaned_data["region"])
    return rows, form


def _single_region(user: Any) -> bool:
    membership = membership_of(user)
    return membership is not None and membership.role in (Role.OPERATOR, Role.DPRD)


# ----- Third parties -----


@logged_in
@require_safe
def third_parties(request: HttpRequest) -> HttpResponse:
    form = ThirdPartyFilterForm(request.GET)
    rows = ThirdParty.objects.order_by("name", "pk")
    if form.is_valid():
        q, legal_form = form.cleaned_data["q"].strip(), form.cleaned_data["form"]
        digits = digits_only(q)
        if q:
            match = Q(name__icontains=q)
            rows = rows.filter(match | Q(npwp__contains=digits) if digits.isdigit() else match)
        if legal_form:
            rows = rows.filter(form=legal_form)
    return render(
        request,
        "regions/third_parties.html",
        {"form": form, "page": _page(request, rows), "query": _query(request),
         "can_add": may_add_third_party(request.user)},
    )  # fmt: skip


@logged_in
@require_safe
def third_party(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(ThirdParty, pk=pk)
    cooperations = (
        visible_cooperations(request.user)
        .filter(parties__third_party=record)
        .exclude(stage__in=CLOSED_BY_RECORD_KEEPING)
        .distinct()
        .order_by("title", "pk")
    )
    return render(
        request, "regions/third_party.html", {"record": record, "cooperations": cooperations}
    )


@logged_in
@require_http_methods(["GET", "HEAD", "POST"])
def new_third_party(request: HttpRequest) -> HttpResponse:
    if not may_add_third_party(request.user):
        raise PermissionDenied
    form = ThirdPartyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record = form.save()
        messages.success(request, _("The third party has been recorded."))
        return redirect("regions:third_party", pk=record.pk)
    status = 400 if form.is_bound else 200
    return render(request, "regions/new_third_party.html", {"form": form}, status=status)


# ----- Agencies -----


@logged_in
@require_safe
def agencies(request: HttpRequest) -> HttpResponse:
    rows, form = _scoped(request, Agency.objects.select_related("region"))
    return render(
        request,
        "regions/agencies.html",
        {"form": form, "page": _page(request, rows.order_by("region", "name", "pk")),
         "query": _query(request), "single_region": _single_region(request.user),
         "can_add": operator_region(request.user) is not None},
    )  # fmt: skip


@logged_in
@require_safe
def agency(request: HttpRequest, pk: int) -> HttpResponse:
    """An agency of a region the user reads, with its officials; any other answers 404."""
    record = get_object_or_404(
        Agency.objects.filter(region__in=readable_regions(request.user)).select_related("region"),
        pk=pk,
    )
    officials = record.officials.order_by("-term_start_on", "name", "pk")
    return render(request, "regions/agency.html", {"record": record, "officials": officials})


@logged_in
@require_http_methods(["GET", "HEAD", "POST"])
def new_agency(request: HttpRequest) -> HttpResponse:
    own = _own_region_or_403(request.user)
    form = AgencyForm(request.POST or None, instance=Agency(region_id=own))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The agency has been recorded."))
        return redirect("regions:agencies")
    status = 400 if form.is_bound else 200
    return render(request, "regions/new_agency.html", {"form": form}, status=status)


# ----- Officials and who may sign -----


def _signers(regions: list[Region]) -> list[dict[str, Any]]:
    """For each region, who may sign for it today (its own zone's today): two queries each."""
    found = []
    for region in regions:
        today = clock.today_in(region.timezone)
        rows = [
            {"official": official, "authority": authority,
             "is_head": authority.kind is AuthorityKind.HEAD}
            for official, authority in who_may_sign(region, today)
        ]  # fmt: skip
        found.append({"region": region, "today": today, "signers": rows})
    return found


@logged_in
@require_safe
def officials(request: HttpRequest) -> HttpResponse:
    rows, form = _scoped(request, Official.objects.select_related("region", "agency"))
    page = _page(request, rows.order_by("region", "-is_head", "name", "pk"))
    if _single_region(request.user):  # its own region, even before any official is recorded
        regions = list(readable_regions(request.user))
    else:  # the regions on this page
        regions = list({official.region_id: official.region for official in page}.values())
    return render(
        request,
        "regions/officials.html",
        {"form": form, "page": page, "query": _query(request), "signing": _signers(regions),
         "single_region": _single_region(request.user),
         "can_add": operator_region(request.user) is not None},
    )  # fmt: skip


@logged_in
@require_safe
def official(request: HttpRequest, pk: int) -> HttpResponse:
    """An official of a region the user reads, with the Surat Kuasa given or received."""
    record = get_object_or_404(
        Official.objects.filter(region__in=readable_regions(request.user)).select_related(
            "region", "agency"
        ),
        pk=pk,
    )
    powers = (
        PowerOfAttorney.objects.filter(Q(grantor=record) | Q(grantee=record))
        .select_related("grantor", "grantee")
        .order_by("-valid_from", "pk")
    )
    return render(request, "regions/official.html", {"record": record, "powers": powers})


@logged_in
@require_http_methods(["GET", "HEAD", "POST"])
def new_official(request: HttpRequest) -> HttpResponse:
    own = _own_region_or_403(request.user)
    form = OfficialForm(request.POST or None, instance=Official(region_id=own))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The official has been recorded."))
        return redirect("regions:officials")
    status = 400 if form.is_bound else 200
    return render(request, "regions/new_official.html", {"form": form}, status=status)


@logged_in
@require_http_methods(["GET", "HEAD", "POST"])
def new_power_of_attorney(request: HttpRequest) -> HttpResponse:
    """An operator records a Surat Kuasa its regional head issued (PP 50/2007 Pasal 1 angka 5);
    the model refuses a grantor who was not the head in office that day, or a grantee who is
    not an agency official of the region, and nothing is saved."""
    own = _own_region_or_403(request.user)
    form = PowerOfAttorneyForm(request.POST or None, instance=PowerOfAttorney(region_id=own))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The Surat Kuasa has been recorded."))
        return redirect("regions:officials")
    status = 400 if form.is_bound else 200
    return render(request, "regions/new_power_of_attorney.html", {"form": form}, status=status)

"""Pages of the bodies app: the bodies a user may see, one body's members and reports, and the
forms a member region's officers use to keep them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ksd.bodies import services
from ksd.bodies.forms import LeaveForm, MemberForm, ReportForm, region_choices
from ksd.bodies.models import CooperationBody
from ksd.bodies.queries import get_body_for, visible_bodies
from ksd.core import clock
from ksd.core.access import member_required
from ksd.core.errors import StepRefused


@member_required
@require_safe
def body_list(request: HttpRequest) -> HttpResponse:
    bodies = visible_bodies(request.user).annotate(
        member_count=Count("members", filter=Q(members__left_on__isnull=True), distinct=True),
        report_count=Count("reports", distinct=True),
    )
    return render(request, "bodies/body_list.html", {"bodies": bodies})


def _forms(body: CooperationBody, **bound: Any) -> dict[str, Any]:
    members = region_choices(services.current_member_codes(body))
    if body.cooperation_id:
        parties = set(body.cooperation.parties.values_list("region_id", flat=True))  # type: ignore[union-attr]
        candidates = region_choices(parties)
    else:
        candidates = region_choices()
    return {
        "member_form": MemberForm(regions=candidates),
        "report_form": ReportForm(regions=members),
        "leave_form": LeaveForm(),
        **bound,
    }


def _render_detail(request: HttpRequest, body: CooperationBody, **bound: Any) -> HttpResponse:
    may_manage = services.may_manage(request.user, services.current_member_codes(body))
    context = {"body": body, "may_manage": may_manage}
    if may_manage:
        context |= _forms(body, **bound)
    # A form handed back here was refused: nothing changed.
    status = 400 if bound else 200
    return render(request, "bodies/body_detail.html", context, status=status)


@member_required
@require_safe
def body_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, get_body_for(request.user, pk))


def _managed_body(request: HttpRequest, pk: int) -> CooperationBody:
    body = get_body_for(request.user, pk)
    if not services.may_manage(request.user, services.current_member_codes(body)):
        raise PermissionDenied
    return body


@member_required
@require_POST
def add_member(request: HttpRequest, pk: int) -> HttpResponse:
    body = _managed_body(request, pk)
    form = MemberForm(request.POST, regions=region_choices())
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_member(
                body.pk, actor=request.user,  # type: ignore[arg-type]
                member=services.MemberSpec(
                    data["region"], data["representative_name"], data["representative_position"]
                ),
                joined_on=data["joined_on"], now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The member was added."))
            return redirect("bodies:detail", pk=body.pk)
    return _render_detail(request, body, member_form=form)


@member_required
@require_POST
def remove_member(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    body = _managed_body(request, pk)
    member = body.members.filter(pk=member_pk).first()
    form = LeaveForm(request.POST)
    if member is not None and form.is_valid():
        try:
            services.remove_member(
                member.pk, actor=request.user,  # type: ignore[arg-type]
                left_on=form.cleaned_data["left_on"], now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The member's departure was recorded."))
            return redirect("bodies:detail", pk=body.pk)
    return _render_detail(request, body, leave_form=form)


@member_required
@require_POST
def file_report(request: HttpRequest, pk: int) -> HttpResponse:
    body = _managed_body(request, pk)
    form = ReportForm(request.POST, regions=region_choices())
    if form.is_valid():
        try:
            services.file_report(
                body.pk, actor=request.user, now=clock.now(),  # type: ignore[arg-type]
                **form.cleaned_data,
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The report was filed."))
            return redirect("bodies:detail", pk=body.pk)
    return _render_detail(request, body, report_form=form)

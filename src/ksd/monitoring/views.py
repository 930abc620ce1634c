"""The monitoring pages: a cooperation's monev view with the forms of its party operators, and
the supervisors' list of late reports and obligations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ksd.cooperation.models import Cooperation
from ksd.core import clock
from ksd.core.access import member_required, visible_cooperations
from ksd.core.dates import show
from ksd.core.errors import StepRefused
from ksd.core.page_cache import cached_page
from ksd.documents.downloads import file_response
from ksd.monitoring import services
from ksd.monitoring.access import may_record, operator_region
from ksd.monitoring.forms import (
    AttachForm,
    CorrectionForm,
    DoneForm,
    ObligationForm,
    ReportForm,
    ScheduleForm,
    WithdrawForm,
)
from ksd.monitoring.models import Obligation, ReportAttachment
from ksd.monitoring.page import MonevPage, describe, monev_page
from ksd.monitoring.queries import (
    LIST_LIMIT,
    OBLIGATION_COLUMNS,
    REPORT_COLUMNS,
    late_obligations,
    late_reports,
)
from ksd.monitoring.services import OBLIGATION_LABELS, REPORT_LABELS, ReportFacts


def _party_label(party: Any) -> str:
    return party.region.name if party.region_id else party.third_party_name


def _forms(page: MonevPage, user: Any, **bound: Any) -> dict[str, Any]:
    region = operator_region(user)
    agencies = [(row.agency.pk, f"{row.agency.agency_name} ({row.agency.region.name})")
                for row in page.agencies if row.agency.region_id == region]  # fmt: skip
    dues = [(d.isoformat(), show(d)) for d in page.unreported_dues(region)]
    parties = [(p.pk, _party_label(p)) for p in page.cooperation.parties.all()]
    schedule = page.schedule
    initial = {"period": schedule.period, "first_due_on": schedule.first_due_on} if schedule else {}
    forms = {
        "schedule_form": ScheduleForm(initial=initial),
        "report_form": ReportForm(agencies=agencies, dues=dues),
        "obligation_form": ObligationForm(parties=parties),
        "done_form": DoneForm(),
        "attach_form": AttachForm(),
        "withdraw_form": WithdrawForm(),
        **bound,
    }
    # What every row's forms share, rendered once for the page rather than once per row.
    report_fields = [(f"report.{f}", str(REPORT_LABELS[f])) for f in services.REPORT_FIELDS]
    obligation_fields = [(f"obligation.{f}", str(OBLIGATION_LABELS[f]))
                         for f in services.OBLIGATION_FIELDS]  # fmt: skip
    attach = forms["attach_form"]["attachments"]
    return {
        **forms,
        "report_options": format_html_join("", '<option value="{}">{}</option>', report_fields),
        "obligation_options": format_html_join(
            "", '<option value="{}">{}</option>', obligation_fields
        ),
        "attach_widget": attach.as_widget(),
        "attach_help": attach.help_text,
        "correct_url": reverse("monitoring:correct", args=[page.cooperation.pk]),
    }


def _render(
    request: HttpRequest, cooperation: Cooperation, *, status: int = 200, **bound: Any
) -> HttpResponse:
    today = clock.today_in()
    page = monev_page(cooperation, today)
    every = request.GET.get("laporan") == "semua"
    for row in page.agencies:
        row.listed = row.shown(every)  # type: ignore[attr-defined]
        row.unlisted = len(row.slots) - len(row.listed)  # type: ignore[attr-defined]
    recorder = may_record(request.user, cooperation) and cooperation.signed_on is not None
    context: dict[str, Any] = {
        "cooperation": cooperation, "page": page, "today": today, "may_record": recorder,
        "summary": describe(page), "monitored": cooperation.stage in services.MONITORED_STAGES,
        "own_region": operator_region(request.user),
    }  # fmt: skip
    if recorder:
        context |= _forms(page, request.user, **bound)
    return render(request, "monitoring/cooperation.html", context, status=status)


@member_required
@require_safe
@cached_page
def cooperation_monev(request: HttpRequest, pk: int) -> HttpResponse:
    return _render(request, _visible(request, pk))


def _visible(request: HttpRequest, pk: int) -> Cooperation:
    """The cooperation if the user may see it (404 otherwise), with its parties read once for
    the access checks and the forms."""
    cooperation = (
        visible_cooperations(request.user).prefetch_related("parties__region").filter(pk=pk).first()
    )
    if cooperation is None:
        raise Http404
    return cooperation


def _recorder(request: HttpRequest, pk: int) -> Cooperation:
    cooperation = _visible(request, pk)
    if not may_record(request.user, cooperation):
        raise PermissionDenied(
            _("Only the cooperation officers of the party regions record monitoring.")
        )
    return cooperation


def _done(
    request: HttpRequest, cooperation: Cooperation, message: str, anchor: str
) -> HttpResponse:
    messages.success(request, message)
    return redirect(reverse("monitoring:cooperation", args=[cooperation.pk]) + anchor)


@member_required
@require_POST
def set_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = _recorder(request, pk)
    form = ScheduleForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.set_schedule(
                cooperation.pk, actor=request.user, period=data["period"],  # type: ignore[arg-type]
                first_due_on=data["first_due_on"], reason=data["reason"], now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            return _done(request, cooperation, _("The reporting schedule was saved."), "#schedule")
    return _render(request, cooperation, status=400, schedule_form=form)


@member_required
@require_POST
def file_report(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = _recorder(request, pk)
    page = monev_page(cooperation, clock.today_in())
    region = operator_region(request.user)
    form = ReportForm(
        request.POST, request.FILES,
        agencies=[(r.agency.pk, r.agency.agency_name) for r in page.agencies
                  if r.agency.region_id == region],
        dues=[(d.isoformat(), show(d)) for d in page.unreported_dues(region)],
    )  # fmt: skip
    if form.is_valid():
        data = form.cleaned_data
        facts = ReportFacts(data["progress"], data["problems"], data["benefits"],
                            data["money_spent"], data["submitted_on"])  # fmt: skip
        try:
            services.file_report(
                cooperation.pk, actor=request.user, agency_id=data["agency"],  # type: ignore[arg-type]
                due_on=dt.date.fromisoformat(data["due_on"]), facts=facts, now=clock.now(),
                uploads=data["attachments"],
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            return _done(request, cooperation, _("The report was recorded."), "#reports")
    return _render(request, cooperation, status=400, report_form=form)


@member_required
@require_POST
def attach(request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
    cooperation = _recorder(request, pk)
    form = AttachForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_to_report(
                cooperation.pk, report_pk, actor=request.user,  # type: ignore[arg-type]
                uploads=form.cleaned_data["attachments"], now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            return _done(request, cooperation, _("The files were attached to the report."),
                         "#reports")  # fmt: skip
    return _render(request, cooperation, status=400, attach_form=form)


@member_required
@require_POST
def withdraw_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    cooperation = _recorder(request, pk)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.withdraw_attachment(
                cooperation.pk, attachment_pk, actor=request.user,  # type: ignore[arg-type]
                reason=form.cleaned_data["reason"], now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            return _done(request, cooperation, _("The attachment was withdrawn; it stays listed "
                                                 "as withdrawn."), "#corrections")  # fmt: skip
    return _render(request, cooperation, status=400, withdraw_form=form)


@member_required
@require_safe
def download_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    """A report's attachment, to whoever may see the cooperation's monitoring (its reports);
    404 to anyone else, as if it did not exist."""
    cooperation = _visible(request, pk)
    attachment = ReportAttachment.objects.filter(cooperation=cooperation, pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    response = file_response(request, attachment)
    response["Cache-Control"] = "private, no-store"
    return response


@member_required
@require_POST
def add_obligation(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = _recorder(request, pk)
    parties = [(p.pk, _party_label(p)) for p in cooperation.parties.all()]
    form = ObligationForm(request.POST, parties=parties)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_obligation(
                cooperation.pk, actor=request.user, party_id=data["party"],  # type: ignore[arg-type]
                kind=data["kind"], description=data["description"], due_on=data["due_on"],
                now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            return _done(request, cooperation, _("The obligation was recorded."), "#obligations")
    return _render(request, cooperation, status=400, obligation_form=form)


@member_required
@require_POST
def mark_done(request: HttpRequest, pk: int, obligation_pk: int) -> HttpResponse:
    cooperation = _recorder(request, pk)
    form = DoneForm(request.POST)
    if form.is_valid():
        try:
            services.mark_done(
                cooperation.pk, obligation_pk, actor=request.user,  # type: ignore[arg-type]
                done_on=form.cleaned_data["done_on"], evidence=form.cleaned_data["evidence"],
                now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            return _done(request, cooperation, _("The completion was recorded."), "#obligations")
    return _render(request, cooperation, status=400, done_form=form)


@member_required
@require_POST
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = _recorder(request, pk)
    choices = [(f"{kind}.{name}", name) for kind in ("report", "obligation")
               for name in (services.REPORT_FIELDS if kind == "report"
                            else services.OBLIGATION_FIELDS)]  # fmt: skip
    form = CorrectionForm(request.POST, fields=choices)
    if form.is_valid():
        target = form.target_of()
        kind, _sep, name = form.cleaned_data["field"].partition(".")
        if target is None or target[0] != kind:
            form.add_error(None, _("Choose what to correct from the list."))
        else:
            step = services.correct_report if kind == "report" else services.correct_obligation
            try:
                step(cooperation.pk, target[1], actor=request.user, field=name,  # type: ignore[arg-type]
                     value=form.cleaned_data["value"], reason=form.cleaned_data["reason"],
                     now=clock.now())  # fmt: skip
            except StepRefused as refused:
                form.add_error(None, str(refused))
            else:
                return _done(request, cooperation, _("The correction was recorded."),
                             "#corrections")  # fmt: skip
    return _render(request, cooperation, status=400, correction_form=form)


@member_required
@require_safe
@cached_page
def late_list(request: HttpRequest) -> HttpResponse:
    """Late reports and late obligations in the user's scope: the Ministry all, a provincial
    bureau its province, a region's officers their own cooperations."""
    today = clock.today_in()
    reports = late_reports(request.user, today)
    obligations = late_obligations(request.user, today)
    kinds = dict(Obligation.Kind.choices)
    # One address reversed, each row's made from it: a reverse per row cost more than the rows.
    link = reverse("monitoring:cooperation", args=[0]).replace("/0/", "/{}/")
    context = {
        "today": today,
        "reports": [{**row, "url": link.format(row["cooperation_id"])}
                    for row in reports.values(*REPORT_COLUMNS)[:LIST_LIMIT]],
        "report_count": reports.count(),
        "obligations": [{**row, "url": link.format(row["cooperation_id"]),
                         "kind_label": kinds.get(row["kind"], row["kind"])}
                        for row in obligations.values(*OBLIGATION_COLUMNS)[:LIST_LIMIT]],
        "obligation_count": obligations.count(),
        "limit": LIST_LIMIT,
    }  # fmt: skip
    return render(request, "monitoring/late_list.html", context)

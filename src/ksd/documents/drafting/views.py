"""Pages of drafting: draft a document from the record, read the text check of an uploaded
draft agreement, and (administrators) keep a region's own DOCX template."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ksd.core import clock
from ksd.core.access import get_cooperation_for, is_administrator, member_required
from ksd.core.errors import StepRefused
from ksd.documents.drafting import render as rendering
from ksd.documents.drafting.check import report
from ksd.documents.drafting.forms import DraftForm, TemplateForm
from ksd.documents.drafting.kinds import DraftKind
from ksd.documents.drafting.services import generate_document, keep_template
from ksd.documents.models import DraftTemplate, TextCheck
from ksd.documents.queries import get_document_for
from ksd.documents.views import _uploading_region
from ksd.law.assessment import _CONTENT_NAMES


@member_required
@require_http_methods(["GET", "HEAD", "POST"])
def draft(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = get_cooperation_for(request.user, pk)
    region_code = _uploading_region(request, pk)
    if region_code is None:
        raise PermissionDenied
    unavailable = rendering.pdf_unavailable()
    initial = (
        {"kind": request.GET.get("jenis")} if request.GET.get("jenis") in DraftKind.values else {}
    )
    form = DraftForm(request.POST or None, initial=initial, pdf_unavailable=unavailable)
    if request.method == "POST" and form.is_valid():
        try:
            document = generate_document(
                cooperation.pk, actor=request.user, region_code=region_code,  # type: ignore[arg-type]
                kind=form.cleaned_data["kind"], file_format=form.cleaned_data["file_format"],
                visibility=form.cleaned_data["visibility"] or None, now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error(None, str(refused))
        else:
            gaps = document.drafted.placeholders
            messages.success(
                request,
                _("The document %(name)s was drafted from the record and kept as a new "
                  "document.") % {"name": document.original_name}
                + (" " + _("It has %(count)d marked gaps ([belum dicatat: …]) to fill in "
                           "before it is signed.") % {"count": gaps} if gaps else ""),
            )  # fmt: skip
            return redirect("documents:cooperation", pk=cooperation.pk)
    status = 400 if form.is_bound else 200
    return render(
        request, "documents/drafting/draft.html",
        {"cooperation": cooperation, "form": form, "pdf_unavailable": unavailable},
        status=status,
    )  # fmt: skip


@member_required
@require_safe
def text_check(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for(request.user, pk)
    check = TextCheck.objects.filter(document=document).first()
    rows = report(check, document.cooperation) if check else []
    named = [(row, _CONTENT_NAMES.get(row.code, (row.code,))[0]) for row in rows]
    return render(
        request, "documents/drafting/text_check.html",
        {"document": document, "check": check, "rows": named,
         "lacking": [r for r in rows if not r.found],
         "disagree": [r for r in rows if r.disagree],
         "ticked_recorded": bool(rows) and rows[0].ticked is not None},
    )  # fmt: skip


@member_required
@require_http_methods(["GET", "HEAD", "POST"])
def templates(request: HttpRequest) -> HttpResponse:
    if not is_administrator(request.user):
        raise PermissionDenied
    form = TemplateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            keep_template(
                region_code=form.cleaned_data["region"].code, name=form.cleaned_data["name"],
                upload=form.cleaned_data["file"], actor=request.user,  # type: ignore[arg-type]
                now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error("file", str(refused))
        else:
            messages.success(request, _("The template was checked and is now in use."))
            return redirect("documents:templates")
    return render(
        request, "documents/drafting/templates.html",
        {"form": form, "templates": DraftTemplate.objects.select_related("region")[:200]},
        status=400 if form.is_bound else 200,
    )  # fmt: skip

"""Pages of the documents app: a cooperation's documents, the upload form, the download."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from ksd.accounts.models import Role
from ksd.core import clock
from ksd.core.access import acts_for, get_cooperation_for, member_required, membership_of
from ksd.core.errors import StepRefused
from ksd.documents.forms import UploadForm
from ksd.documents.queries import get_document_for, visible_documents
from ksd.documents.services import attach_document
from ksd.documents.storage import open_stored


def _uploading_region(request: HttpRequest, cooperation_id: int) -> str | None:
    """The party region the user uploads for: an operator uploads for their own region."""
    membership = membership_of(request.user)
    if membership is None or membership.region_id is None:
        return None
    code = membership.region_id
    if not acts_for(request.user, code, Role.OPERATOR):
        return None
    cooperation = get_cooperation_for(request.user, cooperation_id)
    return code if cooperation.parties.filter(region_id=code).exists() else None


@member_required
@require_safe
def cooperation_documents(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = get_cooperation_for(request.user, pk)
    return render(
        request,
        "documents/cooperation_documents.html",
        {
            "cooperation": cooperation,
            "documents": visible_documents(request.user, cooperation),
            "may_upload": _uploading_region(request, pk) is not None,
        },
    )


@member_required
@require_http_methods(["GET", "HEAD", "POST"])
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = get_cooperation_for(request.user, pk)
    region_code = _uploading_region(request, pk)
    if region_code is None:
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attach_document(
                cooperation.pk, actor=request.user, region_code=region_code,  # type: ignore[arg-type]
                upload=form.cleaned_data["file"], kind=form.cleaned_data["kind"], now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error("file", str(refused))
        else:
            return redirect("documents:cooperation", pk=cooperation.pk)
    status = 400 if form.is_bound else 200  # a refused upload changed nothing
    return render(
        request, "documents/upload.html", {"cooperation": cooperation, "form": form}, status=status
    )


@member_required
@require_safe
def download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_document_for(request.user, pk)
    return FileResponse(
        open_stored(document.sha256),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )

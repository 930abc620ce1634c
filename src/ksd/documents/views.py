"""Pages of the documents app: a cooperation's documents, the upload form, the download, the
steps that share or publish a document, and the public download of a published agreement."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ksd.accounts.models import Role
from ksd.core import clock
from ksd.core.access import acts_for, get_cooperation_for, member_required, membership_of
from ksd.core.error_pages import bad_request
from ksd.core.errors import StepRefused
from ksd.documents.downloads import file_response
from ksd.documents.drafting.check import check_draft_text, needs_check
from ksd.documents.forms import UploadForm
from ksd.documents.models import Document
from ksd.documents.queries import get_document_for, get_public_document, visible_documents
from ksd.documents.services import attach_document
from ksd.documents.sharing import (
    may_publish_as,
    may_share,
    publish_document,
    share_document,
    with_actions,
)


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
    documents = with_actions(request.user, visible_documents(request.user, cooperation))
    return render(
        request,
        "documents/cooperation_documents.html",
        {
            "cooperation": cooperation,
            "documents": documents,
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
            document = attach_document(
                cooperation.pk, actor=request.user, region_code=region_code,  # type: ignore[arg-type]
                upload=form.cleaned_data["file"], kind=form.cleaned_data["kind"],
                visibility=form.cleaned_data["visibility"] or None, now=clock.now(),
            )  # fmt: skip
        except StepRefused as refused:
            form.add_error("file", str(refused))
        else:
            if needs_check(document):  # a draft PKS: read its text for the required contents
                check_draft_text(document, actor=request.user, now=clock.now())  # type: ignore[arg-type]
                return redirect("documents:text_check", pk=document.pk)
            return redirect("documents:cooperation", pk=cooperation.pk)
    status = 400 if form.is_bound else 200  # a refused upload changed nothing
    return render(
        request, "documents/upload.html", {"cooperation": cooperation, "form": form}, status=status
    )


@member_required
@require_safe
def download(request: HttpRequest, pk: int) -> HttpResponse:
    return file_response(request, get_document_for(request.user, pk))


@require_safe
def public_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The signed agreement a party published, from the public page of its cooperation."""
    return file_response(request, get_public_document(pk))


def _sharing_step(
    request: HttpRequest,
    document: Document,
    step: Callable[..., Document],
    done: str,
) -> HttpResponse:
    """Take the step; a refusal (already shared, not a signed agreement, the cooperation not yet
    in the public register) is answered 400 with its message and changes nothing."""
    try:
        step(document.pk, actor=request.user, now=clock.now())
    except StepRefused as refused:
        return bad_request(request, message=str(refused))
    messages.success(request, done)
    return redirect("documents:cooperation", pk=document.cooperation_id)


@member_required
@require_POST
def share(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for(request.user, pk)
    if not may_share(request.user, document):
        raise PermissionDenied
    return _sharing_step(
        request, document, share_document, _("The document is now shared with all parties.")
    )


@member_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for(request.user, pk)
    if not may_publish_as(request.user, document):
        raise PermissionDenied
    return _sharing_step(
        request, document, publish_document, _("The document is now in the public register.")
    )

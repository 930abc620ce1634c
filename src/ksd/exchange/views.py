"""Pages of the import and the exports. Views only translate: reading, checking and writing
live in exchange/importing, the rows of every export in exchange/exporting."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ksd.cooperation import as_of, queries
from ksd.cooperation.pages.forms import RegisterFilterForm
from ksd.core import clock
from ksd.core.access import member_required, membership_of
from ksd.core.dates import today_at
from ksd.core.errors import StepRefused
from ksd.core.page_cache import cached_page
from ksd.exchange import public_downloads
from ksd.exchange.access import get_batch_for, import_scope
from ksd.exchange.exporting import himpunan as himpunan_export
from ksd.exchange.exporting import open_data
from ksd.exchange.exporting import register as register_export
from ksd.exchange.importing import batches
from ksd.exchange.importing.reader import MAX_FILE_BYTES, SheetRefused
from ksd.exchange.importing.template import template_bytes
from ksd.exchange.models import ImportBatch
from ksd.regions.models import Region

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PREVIEW_PAGE = 200


def _download(data: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# ----- Import -----


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Agreement sheet (.xlsx)"))


@member_required
@require_safe
def import_template(request: HttpRequest) -> HttpResponse:
    import_scope(request.user)
    return _download(template_bytes(), "templat-impor-kerja-sama.xlsx", XLSX)


@member_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    region = import_scope(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            form.add_error("file", _("The file is larger than %(max)d MB; split it into several "
                                     "files.") % {"max": MAX_FILE_BYTES // (1024 * 1024)})  # fmt: skip
        else:
            try:
                batch = batches.start(
                    upload.read(), file_name=upload.name, user=request.user, region=region,
                    now=clock.now(),
                )  # fmt: skip
            except SheetRefused as refused:
                form.add_error("file", str(refused))
            else:
                return redirect("exchange:import_status", token=batch.token)
    scope = Region.objects.filter(code=region).first() if region else None
    recent = ImportBatch.objects.filter(user=request.user).defer("cells", "results")[:10]
    return render(
        request,
        "exchange/import_upload.html",
        {"form": form, "scope": scope, "recent": recent, "max_mb": MAX_FILE_BYTES // 2**20},
        status=400 if form.errors else 200,
    )


def _preview(request: HttpRequest, batch: ImportBatch) -> dict[str, Any]:
    only_errors = request.GET.get("tampil") == "galat"
    rows = [r for r in batch.results if r["state"] == "error"] if only_errors else batch.results
    try:
        page = max(1, int(request.GET.get("halaman", "1")))
    except ValueError:
        page = 1
    pages = max(1, (len(rows) + PREVIEW_PAGE - 1) // PREVIEW_PAGE)
    page = min(page, pages)
    return {
        "rows": rows[(page - 1) * PREVIEW_PAGE : page * PREVIEW_PAGE],
        "page_number": page, "pages": pages, "only_errors": only_errors,
        "previous_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if page < pages else None,
    }  # fmt: skip


@member_required
@require_safe
def import_status(request: HttpRequest, token: str) -> HttpResponse:
    batch = get_batch_for(request.user, token)
    working = batch.status in (ImportBatch.Status.CHECKING, ImportBatch.Status.IMPORTING)
    done = (
        batch.import_position
        if batch.status == ImportBatch.Status.IMPORTING
        else batch.checked_rows
    )
    total = len(batch.results) if batch.status == ImportBatch.Status.IMPORTING else batch.total_rows
    context = {
        "batch": batch, "working": working, "done": done, "total": total,
        "percent": 100 * done // total if total else 100,
        **(_preview(request, batch) if not working else {}),
    }  # fmt: skip
    return render(request, "exchange/import_status.html", context)


@member_required
@require_POST
def import_advance(request: HttpRequest, token: str) -> HttpResponse:
    batch = get_batch_for(request.user, token)
    now = clock.now()
    batches.advance(batch.pk, today=today_at(now), now=now)
    return redirect("exchange:import_status", token=batch.token)


@member_required
@require_POST
def import_confirm(request: HttpRequest, token: str) -> HttpResponse:
    batch = get_batch_for(request.user, token)
    try:
        batches.confirm(batch.pk, now=clock.now())
    except StepRefused as refused:
        messages.error(request, str(refused))
    return redirect("exchange:import_status", token=batch.token)


# ----- Register exports -----


def _register_rows(request: HttpRequest) -> Any:
    form = RegisterFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = queries.register(request.user, filters, today=clock.today_in())
    return register_export.export_rows(rows, filters.get("sort") or "-offered_on")


@member_required
@require_safe
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    rows = _register_rows(request).iterator(chunk_size=register_export.CHUNK)
    response = StreamingHttpResponse(
        register_export.csv_lines(rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="register-kerja-sama.csv"'
    return response


@member_required
@require_safe
def export_xlsx(request: HttpRequest) -> HttpResponse:
    rows = _register_rows(request)
    count = rows.count()
    if count > register_export.MAX_XLSX_ROWS:
        return render(
            request, "exchange/too_many.html",
            {"count": count, "max": register_export.MAX_XLSX_ROWS,
             "query": request.GET.urlencode()},
            status=400,
        )  # fmt: skip
    data = register_export.xlsx_bytes(rows.iterator(chunk_size=register_export.CHUNK))
    return _download(data, "register-kerja-sama.xlsx", XLSX)


# ----- Himpunan -----


class HimpunanForm(forms.Form):
    region = forms.CharField(label=gettext_lazy("Region or province (Kemendagri code)"),
                             max_length=5)  # fmt: skip
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=1945, max_value=2100)
    per = forms.CharField(
        label=gettext_lazy("As of (YYYY-MM-DD; empty for today)"), required=False, max_length=20
    )
    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[("html", gettext_lazy("Page")), ("xlsx", "XLSX"), ("pdf", "PDF")],
        required=False,
    )

    def clean_per(self) -> dt.date | None:
        value = self.cleaned_data["per"].strip()
        if not value:
            return None
        try:
            return as_of.parse_day(value, today=clock.today_in())
        except as_of.BadDayError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean_region(self) -> Region:
        code = self.cleaned_data["region"].strip()
        region = Region.objects.filter(code=code).first()
        if region is None:
            raise forms.ValidationError(_("Unknown region code “%(code)s”.") % {"code": code})
        return region


@member_required
@require_safe
def himpunan(request: HttpRequest) -> HttpResponse:
    membership = membership_of(request.user)
    return _himpunan(request, request.user, getattr(membership, "region_id", "") or "")


@require_safe
@cached_page
def public_himpunan(request: HttpRequest) -> HttpResponse:
    """The himpunan of the published register, for anyone: today's, or as the public register
    stood at the end of a past day (cooperation/as_of.py public_as_of). What it computes is kept
    until a step is recorded, and visitors who are not logged in may build only so many files a
    minute (exchange/public_downloads.py)."""
    return _himpunan(request, AnonymousUser(), "", public=True)


def _himpunan(
    request: HttpRequest, user: Any, region_code: str, *, public: bool = False
) -> HttpResponse:
    now = clock.now()
    today = clock.date_in(now)
    initial = {"region": region_code, "year": today.year}
    form = HimpunanForm(request.GET or None, initial=initial)
    if not form.is_bound or not form.is_valid():
        return render(request, "exchange/himpunan.html", {"form": form, "pdf": _pdf_state()},
                      status=400 if form.is_bound else 200)  # fmt: skip
    region, year = form.cleaned_data["region"], form.cleaned_data["year"]
    day = form.cleaned_data["per"]
    name = f"himpunan-{region.code}-{year}" + (f"-per-{day.isoformat()}" if day else "")
    fmt = form.cleaned_data["format"] or "html"
    files = {"xlsx": (f"{name}.xlsx", XLSX), "pdf": (f"{name}.pdf", "application/pdf")}
    kept = public_downloads.Kept(region.code, year, day, today=today) if public else None
    if fmt in files and kept is not None:
        data = kept.get(fmt)
        if data is not None:
            return _download(data, *files[fmt])
        if fmt == "xlsx" or _pdf_state():
            wait = public_downloads.wait_seconds(request, now)
            if wait:
                return _too_many_downloads(request, wait)
    compiled = kept.get("compiled") if kept is not None else None
    if compiled is None:
        compiled = himpunan_export.compile_himpunan(user, region, year, as_of=day)
        if kept is not None:
            kept.put("compiled", compiled)
    context = {"form": form, "himpunan": compiled, "headers": himpunan_export.HEADERS,
               "article": himpunan_export.ARTICLE, "pdf": _pdf_state(), "today": today,
               "banner": as_of.banner(day) if day else ""}  # fmt: skip
    if fmt == "pdf" and not _pdf_state():
        messages.error(request, _("PDF is not available yet: WeasyPrint is not installed "
                                  "on this server. Download the XLSX instead."))  # fmt: skip
        return render(request, "exchange/himpunan.html", context, status=503)
    if fmt in files:
        if fmt == "xlsx":
            data = himpunan_export.xlsx_bytes(compiled)
        else:
            html = render_to_string("exchange/himpunan_pdf.html", context, request=request)
            data = himpunan_export.pdf_bytes(html)
        if kept is not None:
            kept.put(fmt, data)
        return _download(data, *files[fmt])
    return render(request, "exchange/himpunan.html", context)


def _too_many_downloads(request: HttpRequest, wait: int) -> HttpResponse:
    """HTTP 429: this address built its files of the minute; the page says how long to wait."""
    page = request.GET.copy()
    page.pop("format", None)
    context = {"wait": wait, "page": page.urlencode(),
               "limit": settings.HIMPUNAN_DOWNLOADS_PER_MINUTE}  # fmt: skip
    response = render(request, "exchange/himpunan_throttled.html", context, status=429)
    response["Retry-After"] = str(wait)
    return response


def _pdf_state() -> bool:
    return himpunan_export.pdf_available()


# ----- Open data -----


@require_safe
def open_data_json(request: HttpRequest) -> StreamingHttpResponse:
    now = clock.now()
    response = StreamingHttpResponse(
        open_data.json_chunks(as_of=today_at(now)), content_type="application/json; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response

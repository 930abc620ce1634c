"""Read endpoints: the register with its filters, a cooperation with its parties, DPRD tracks,
events, documents and assessment, and the regions. Every row comes through the same door and
read models as the pages (core/access.py, cooperation/queries.py, documents/queries.py)."""

from __future__ import annotations

from typing import Any

from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from ksd.api import convert
from ksd.api.callers import member, viewer
from ksd.api.errors import COMMON
from ksd.api.schemas import (
    AssessmentOut,
    CooperationOut,
    CooperationPage,
    DocumentOut,
    DprdTrackOut,
    EventPage,
    PartyOut,
    RecordId,
    RegionOut,
    RegionPage,
)
from ksd.cooperation import queries
from ksd.cooperation.law import law_lang
from ksd.cooperation.models import Cooperation, Party
from ksd.cooperation.pages.forms import RegisterFilterForm
from ksd.core import clock
from ksd.core.access import get_cooperation_for, has_role
from ksd.core.paging import page_of
from ksd.documents.queries import (
    get_document_for,
    get_public_document,
    public_documents,
    visible_documents,
)
from ksd.regions.models import Region

router = Router()
MAX_PER_PAGE = 100
MAX_PAGE = 10_000


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    per_page: int = Field(25, ge=1, le=MAX_PER_PAGE)


class RegisterQuery(PageQuery):
    """The register's filters (cooperation/pages/forms.py RegisterFilterForm), by the same names."""

    q: str = Field("", max_length=100, description="Words in the title")
    region: str = Field("", max_length=100, description="A party region's code or name")
    province: str = Field("", max_length=5, description="Province code: its regions' cooperation")
    stage: str = Field("", max_length=20)
    kind: str = Field("", max_length=20)
    regime: str = Field("", max_length=12, description="pp50_2007 or pp28_2018")
    affair: str = Field("", max_length=20, description="Government affair code")
    management_model: str = Field("", max_length=30)
    institution_model: str = Field("", max_length=10)
    year: str = Field("", max_length=4, description="Year of the offer")
    expiring_within: str = Field("", max_length=5, description="Ends within this many days")
    stalled: str = Field(
        "", max_length=40, description="A rule of stalled work (its key), or 'any'"
    )
    sort: str = Field("", max_length=20, description="A column, '-' in front for descending")


def _form_errors(form: Any, source: str = "query") -> ValidationError:
    """A Django form's errors as ninja's validation error: our handler shapes the 422."""
    return ValidationError([
        {"type": "form", "loc": [source, name], "msg": str(message)}
        for name, messages in form.errors.items() for message in messages
    ])  # fmt: skip


def paged(rows: Any, query: PageQuery, convert_row: Any) -> dict[str, Any]:
    page = page_of(rows, query.page, query.per_page)
    return {
        "count": page.count, "count_capped": page.capped, "page": page.number,
        "per_page": page.per_page,
        "next_page": page.next_page_number() if page.has_next() and not page.beyond else None,
        "results": [convert_row(r) for r in page.object_list],
    }  # fmt: skip


@router.get("/cooperations", response={200: CooperationPage, **COMMON}, tags=["cooperations"])
def cooperations(request: HttpRequest, filters: Query[RegisterQuery]) -> Any:
    """The register: the cooperations you may see, with the register page's filters. Without
    a token (or with an account that has no role) it is the public register."""
    data = {k: v for k, v in filters.dict().items() if k not in ("page", "per_page")}
    form = RegisterFilterForm(data)
    if not form.is_valid():
        raise _form_errors(form)
    rows = queries.register(viewer(request), form.cleaned_data, today=clock.today_in())
    rows = rows.select_related("affair")
    return paged(rows, filters, convert.cooperation)


@router.get("/cooperations/{pk}", response={200: CooperationOut, **COMMON}, tags=["cooperations"])
def cooperation(request: HttpRequest, pk: RecordId) -> Any:
    found = _visible(request, pk)
    prefetch_related_objects([found], convert.PARTIES)
    return convert.cooperation(found)


def _visible(request: HttpRequest, pk: int) -> Cooperation:
    return get_cooperation_for(viewer(request), pk)


@router.get(
    "/cooperations/{pk}/parties", response={200: list[PartyOut], **COMMON}, tags=["cooperations"]
)
def parties(request: HttpRequest, pk: RecordId) -> Any:
    found = _visible(request, pk)
    return [convert.party(p) for p in Party.objects.filter(cooperation=found).select_related(
        "region")]  # fmt: skip


@router.get(
    "/cooperations/{pk}/dprd-tracks", response={200: list[DprdTrackOut], **COMMON}, tags=["dprd"]
)
def dprd_tracks(request: HttpRequest, pk: RecordId) -> Any:
    """Each burdened region's DPRD track, its deadlines in working days with their articles."""
    found = queries.load_page(get_cooperation_for(member(request), pk))
    today = clock.today_in()
    calendars = queries.calendars_of([found])
    assessment = queries.assessment_with(found, calendars, today=today)
    return [convert.track(t) for t in queries.dprd_tracks(found, assessment, calendars,
                                                          today=today)]  # fmt: skip


@router.get("/cooperations/{pk}/events", response={200: EventPage, **COMMON}, tags=["events"])
def events(request: HttpRequest, pk: RecordId, paging: Query[PageQuery]) -> Any:
    """The events you may see, oldest first (no event about another region's private
    document: core/access.py visible_events)."""
    user = member(request)
    rows = queries.history(user, get_cooperation_for(user, pk))

    def row(event: Any) -> dict[str, Any]:
        return convert.event(queries.with_kind_labels([event])[0])

    return paged(rows, paging, row)


@router.get(
    "/cooperations/{pk}/documents", response={200: list[DocumentOut], **COMMON},
    tags=["documents"],
)  # fmt: skip
def documents(request: HttpRequest, pk: RecordId) -> Any:
    """The metadata of the documents you may see (documents/queries.py); the public sees the
    published signed agreement of a cooperation in the public register."""
    user = viewer(request)
    found = get_cooperation_for(user, pk)
    if has_role(user):
        return [convert.document(d) for d in visible_documents(user, found)]
    return [convert.document(d, public=True) for d in public_documents(found)]


@router.get("/documents/{pk}", response={200: DocumentOut, **COMMON}, tags=["documents"])
def document(request: HttpRequest, pk: RecordId) -> Any:
    user = viewer(request)
    if has_role(user):
        return convert.document(get_document_for(user, pk))
    return convert.document(get_public_document(pk), public=True)


@router.get("/cooperations/{pk}/assessment", response={200: AssessmentOut, **COMMON}, tags=["law"])
def assessment(request: HttpRequest, pk: RecordId) -> Any:
    """ksd.law's assessment of the record today, each finding with its article, in the
    regulation that governs the cooperation (cooperation/law.py)."""
    found = queries.load_page(get_cooperation_for(member(request), pk))
    today = clock.today_in()
    verdict = queries.assessment_with(found, queries.calendars_of([found]), today=today)
    lang = law_lang()
    return {
        "as_of": today, "regime": found.regime,
        "findings": [f.to_json(lang) for f in verdict.findings],
        "details": verdict.to_json(lang),
    }  # fmt: skip


class RegionQuery(PageQuery):
    q: str = Field("", max_length=100, description="Words in the name")
    level: str = Field("", max_length=9, description="provinsi, kabupaten or kota")
    province: str = Field("", max_length=5, description="Province code")
    per_page: int = Field(100, ge=1, le=MAX_PER_PAGE)


@router.get("/regions", response={200: RegionPage, **COMMON}, tags=["regions"])
def regions(request: HttpRequest, filters: Query[RegionQuery]) -> Any:
    """Kemendagri's regions (reference data, public)."""
    rows = Region.objects.order_by("code")
    if filters.level:
        if filters.level not in Region.Level.values:
            raise ValidationError([{"type": "literal_error", "loc": ["query", "level"],
                                    "ctx": {"expected": ", ".join(Region.Level.values)}}])  # fmt: skip
        rows = rows.filter(level=filters.level)
    if filters.province:
        rows = rows.filter(province_id=filters.province)
    if filters.q:
        rows = rows.filter(name__icontains=filters.q)
    return paged(rows, filters, convert.region)


@router.get("/regions/{code}", response={200: RegionOut, **COMMON}, tags=["regions"])
def region(request: HttpRequest, code: str) -> Any:
    found = Region.objects.filter(code=code[:5]).first()
    if found is None:
        from django.http import Http404

        raise Http404(_("Unknown region code."))
    return convert.region(found)

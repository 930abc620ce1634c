"""The scorecard's pages and downloads: the table of the regions in the visitor's scope, one
region's card with the records behind each figure, and the table as CSV or XLSX."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ksd.accounts.models import Role
from ksd.cooperation.models import Stage
from ksd.cooperation.status import BEFORE_SIGNING, IN_FORCE
from ksd.core import clock
from ksd.core.access import member_required, membership_of, sees_everything
from ksd.core.page_cache import cached_page
from ksd.core.widgets import PlainSelect
from ksd.oversight import scorecard_export
from ksd.oversight.scorecard import (
    FIRST_YEAR,
    METHOD_VERSION,
    METRICS,
    Period,
    Rank,
    Row,
    Share,
    cached_records,
)
from ksd.oversight.scorecard import cached_scorecard as compute
from ksd.regions.flags import FLAG_LABELS, Flag
from ksd.regions.models import Region

SORTS = ("name", *(m.key for m in METRICS))


@dataclass(frozen=True)
class Scope:
    """Whose figures a visitor may read: every region, a province's, or one region's."""

    province: str | None = None
    region: str | None = None

    def covers(self, row: Row) -> bool:
        if self.region is not None:
            return row.code == self.region
        return self.province is None or row.province == self.province


def scope_of(request: HttpRequest) -> Scope:
    """The Ministry (and administrators) the country, the governor's bureau its province, an
    operator its own region; anyone else may not read the scorecard."""
    if sees_everything(request.user):
        return Scope()
    membership = membership_of(request.user)
    if membership is not None and membership.region_id:
        if membership.role == Role.PEMBINA_PROVINSI:
            return Scope(province=membership.region_id)
        if membership.role == Role.OPERATOR:
            return Scope(region=membership.region_id)
    raise PermissionDenied(_("The scorecard is for the regions' supervisors and operators."))


def _blank(choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", gettext_lazy("(all)")), *choices]


class ScorecardForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), required=False, min_value=FIRST_YEAR)
    province = forms.ModelChoiceField(
        label=gettext_lazy("Province"), required=False, empty_label=gettext_lazy("(all)"),
        queryset=Region.objects.filter(level=Region.Level.PROVINSI), to_field_name="code",
        widget=PlainSelect,
    )  # fmt: skip
    level = forms.ChoiceField(
        label=gettext_lazy("Level"), required=False, choices=_blank(Region.Level.choices)
    )
    flag = forms.ChoiceField(
        label=gettext_lazy("Region flag"), required=False,
        choices=_blank([(f.value, FLAG_LABELS[f]) for f in Flag]),
    )  # fmt: skip
    sort = forms.ChoiceField(
        required=False, widget=forms.HiddenInput,
        choices=[("", "")] + [(s, s) for s in SORTS] + [(f"-{s}", f"-{s}") for s in SORTS],
    )  # fmt: skip

    def __init__(self, *args: object, today_year: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.today_year = today_year
        self.fields["year"].widget.attrs.update(min=FIRST_YEAR, max=today_year)

    def clean_year(self) -> int | None:
        year: int | None = self.cleaned_data.get("year")
        if year is not None and year > self.today_year:
            raise forms.ValidationError(
                _("The figures of %(year)s do not exist yet: choose %(last)s or earlier.")
                % {"year": year, "last": self.today_year}
            )
        return year


def _share_html(share: Share, href: str, no_data: str) -> str:
    if not share.total:
        return f'<a href="{href}"><span class="note">{no_data}</span></a>'
    return f'<a href="{href}">{share.percent}% <span class="note">({share.met}/{share.total})</span></a>'


def rows_html(rows: list[Row], year: int, *, with_province: bool) -> SafeString:
    """The table's body, written here rather than by the template engine (or format_html): a
    national table has over 500 rows of ten cells, which those render several times slower.
    Every text from the database goes through html.escape."""
    register = escape(reverse("cooperation:register"))
    no_data = escape(_("no data"))
    base = reverse("oversight:scorecard_region", args=["CODE"])
    lines = []
    for row in rows:
        code = escape(row.code)
        card = escape(base.replace("CODE", row.code)) + f"?year={year}"
        flags = "".join(
            f' <span class="ksd-status">{escape(str(f.label))}</span>' for f in sorted(row.flags)
        )
        province = f"<td>{escape(row.province_name)}</td>" if with_province else ""
        lines.append(
            f'<tr><td><a href="{card}">{escape(row.name)}</a>{flags}</td>{province}'
            f'<td><a href="{card}#active">{row.active}</a></td>'
            f'<td><a href="{register}?region={code}&amp;signed_year={year}">{row.signed}</a></td>'
            f"<td>{_share_html(row.stalled, f'{card}#stalled', no_data)}</td>"
            f"<td>{_share_html(row.dprd, f'{card}#dprd', no_data)}</td>"
            f"<td>{_share_html(row.reports, f'{card}#reports', no_data)}</td>"
            f'<td><a href="{card}#disputes">{row.disputes_opened}</a></td>'
            f'<td><a href="{card}#disputes">{row.disputes_settled}</a></td></tr>'
        )
    return mark_safe("\n".join(lines))  # noqa: S308 - every database text escaped above


def _sorted(rows: list[Row], sort: str) -> list[Row]:
    key = sort.lstrip("-")
    descending = sort.startswith("-")
    if key == "name":
        return sorted(rows, key=lambda r: (r.name, r.code), reverse=descending)
    known = [r for r in rows if r.value(key) is not None]
    unknown = [r for r in rows if r.value(key) is None]  # no data: last either way
    known.sort(key=lambda r: (r.value(key), r.name), reverse=descending)
    return known + sorted(unknown, key=lambda r: r.name)


@dataclass
class Table:
    form: ScorecardForm
    period: Period
    rows: list[Row]
    sort: str
    valid: bool
    computed_at: dt.datetime | None = None


def _form(request: HttpRequest, today_year: int) -> ScorecardForm:
    """The filters, the current year filled in when none is given."""
    data = request.GET.copy()
    if not data.get("year"):
        data["year"] = str(today_year)
    return ScorecardForm(data, today_year=today_year)


def _table(request: HttpRequest, scope: Scope) -> Table:
    today = clock.today_in()
    form = _form(request, today.year)
    valid = form.is_valid()
    data = form.cleaned_data if valid else {}
    period = Period(data.get("year") or today.year, today)
    sort = data.get("sort") or "name"
    computed = compute(period) if valid else None
    rows = [r for r in computed.value if scope.covers(r)] if computed is not None else []
    if data.get("province"):
        rows = [r for r in rows if r.province == data["province"].code]
    if data.get("level"):
        rows = [r for r in rows if r.level == data["level"]]
    if data.get("flag"):
        rows = [r for r in rows if Flag(data["flag"]) in r.flags]
    return Table(form, period, _sorted(rows, sort), sort, valid,
                 computed.at if computed is not None else None)  # fmt: skip


@member_required
@require_safe
@cached_page
def table(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request)
    if scope.region is not None:
        return redirect("oversight:scorecard_region", code=scope.region)
    found = _table(request, scope)
    params = request.GET.copy()
    params.pop("sort", None)
    return render(
        request, "oversight/scorecard.html",
        {"form": found.form, "period": found.period, "rows": found.rows, "sort": found.sort,
         "rows_html": rows_html(found.rows, found.period.year,
                                with_province=scope.province is None),
         "query": params.urlencode(), "year_query": f"year={found.period.year}",
         "method_version": METHOD_VERSION, "is_bureau": scope.province is not None,
         "computed_at": found.computed_at},
        status=200 if found.valid else 400,
    )  # fmt: skip


@member_required
@require_safe
@cached_page
def region_card(request: HttpRequest, code: str) -> HttpResponse:
    scope = scope_of(request)
    today = clock.today_in()
    form = _form(request, today.year)
    if not form.is_valid():
        return render(request, "oversight/scorecard_region.html", {"form": form}, status=400)
    period = Period(form.cleaned_data.get("year") or today.year, today)
    computed = compute(period)
    row = next((r for r in computed.value if r.code == code), None)
    if row is None or not scope.covers(row):
        raise Http404
    records = cached_records(code, period, request.user)
    # Each stage's label translated once, not per row (get_stage_display builds every label).
    labels = {value: str(label) for value, label in Stage.choices}
    for listed in (records.active, records.signed, records.in_progress, records.stalled):
        for cooperation in listed:
            cooperation.stage_label = labels.get(cooperation.stage, cooperation.stage)  # type: ignore[attr-defined]
    return render(
        request, "oversight/scorecard_region.html",
        {"form": form, "row": row, "period": period, "records": records,
         "in_register": _register_links(code, period), "computed_at": computed.at,
         "dprd_decided": row.dprd.total + row.dprd_no_deadline,
         "figures": _figures(row), "is_kabkota": row.level != Region.Level.PROVINSI,
         "method_version": METHOD_VERSION, "year_query": f"year={period.year}",
         "back": scope.region is None},
    )  # fmt: skip


def _register_links(code: str, period: Period) -> dict[str, str]:
    """The register listing all the records behind each of the card's lists (the card shows
    the first CARD_ROWS): in force today, or as of the year's last day for a past year."""
    base = reverse("cooperation:register") + "?" + urlencode({"region": code})
    if period.on == period.today:
        active = base + "&in_force=on"
    else:
        active = base + "&" + urlencode({"per": period.on.isoformat()})
        active += "".join(f"&stage={stage}" for stage in IN_FORCE)
    return {
        "active": active,
        "signed": base + f"&signed_year={period.year}",
        "in_progress": base + "".join(f"&stage={stage}" for stage in BEFORE_SIGNING),
        "stalled": base + "&stalled=no_step",
    }


@dataclass
class Figure:
    key: str
    label: str
    value: Share | int
    province: Rank | None
    national: Rank | None
    ranked: bool

    @property
    def is_share(self) -> bool:
        return isinstance(self.value, Share)


def _figures(row: Row) -> list[Figure]:
    return [
        Figure(m.key, str(m.label), getattr(row, m.key), row.province_ranks.get(m.key),
               row.national_ranks.get(m.key), m.higher_is_better is not None)
        for m in METRICS
    ]  # fmt: skip


def _refused(request: HttpRequest, found: Table) -> HttpResponse:
    """A download with bad filters: the page with its message, nothing computed."""
    return render(
        request, "oversight/scorecard.html",
        {"form": found.form, "period": found.period, "rows": [], "sort": "name",
         "method_version": METHOD_VERSION},
        status=400,
    )  # fmt: skip


def _filename(found: Table, extension: str) -> str:
    return f'attachment; filename="rapor-kerja-sama-{found.period.year}.{extension}"'


@member_required
@require_safe
def export_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    found = _table(request, scope_of(request))
    if not found.valid:
        return _refused(request, found)
    response = StreamingHttpResponse(
        scorecard_export.csv_lines(found.rows, found.period),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = _filename(found, "csv")
    return response


@member_required
@require_safe
def export_xlsx(request: HttpRequest) -> HttpResponse:
    found = _table(request, scope_of(request))
    if not found.valid:
        return _refused(request, found)
    response = HttpResponse(
        scorecard_export.xlsx_bytes(found.rows, found.period),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = _filename(found, "xlsx")
    return response

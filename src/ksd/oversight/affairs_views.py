"""The affairs and gaps page, /pengawasan/urusan/ (oversight/affairs.py has the queries)."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ksd.core.access import member_required, sees_everything
from ksd.core.page_cache import cached_page
from ksd.core.widgets import PlainSelect
from ksd.oversight.affairs import overview, scope_for
from ksd.regions.flags import Flag
from ksd.regions.models import Region

ROWS_PER_PAGE = 50


class AffairsFilterForm(forms.Form):
    provinsi = forms.ModelChoiceField(
        label=gettext_lazy("Province"), required=False, empty_label=gettext_lazy("(all)"),
        queryset=Region.objects.filter(level=Region.Level.PROVINSI), to_field_name="code",
        widget=PlainSelect,
        error_messages={"invalid_choice": gettext_lazy("Choose a province from the list.")},
    )  # fmt: skip
    bendera = forms.ChoiceField(
        label=gettext_lazy("Regions without cooperation, only those flagged"), required=False,
        choices=[("", gettext_lazy("(all)"))] + [(f.value, f.label) for f in Flag],
        widget=PlainSelect,
        error_messages={"invalid_choice": gettext_lazy("Choose a flag from the list.")},
    )  # fmt: skip


@member_required
@require_safe
@cached_page
def affairs(request: HttpRequest) -> HttpResponse:
    """Which affairs each region in the user's scope cooperates on, and the gaps. Bad input is
    answered with 400 and the page without its filters, never a narrower or wider scope."""
    form = AffairsFilterForm(request.GET)
    valid = form.is_valid()
    if valid and form.cleaned_data["provinsi"] and not sees_everything(request.user):
        form.add_error("provinsi", _("Only the Ministry chooses a province here."))
        valid = False
    filters = form.cleaned_data if valid else {}
    scope = scope_for(request.user, filters.get("provinsi"))
    if scope is None:
        raise PermissionDenied(_("This page is for supervisors and regional officers."))
    flag = Flag(filters["bendera"]) if filters.get("bendera") else None
    board = overview(request.user, scope, flag=flag)
    page = Paginator(board.rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    kept = {
        k: v
        for k, v in (
            ("provinsi", request.GET.get("provinsi")),
            ("bendera", request.GET.get("bendera")),
        )
        if v and valid
    }
    return render(
        request,
        "oversight/affairs.html",
        {"form": form, "board": board, "page": page, "query": urlencode(kept),
         "flag": flag, "may_choose_province": sees_everything(request.user),
         "register": urlencode(scope.register_params()),
         # read once here, not per link: the national matrix has a link per region and affair
         "register_url": reverse("cooperation:register"), "en": get_language() == "en"},
        status=200 if valid else 400,
    )  # fmt: skip

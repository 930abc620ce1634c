"""The step endpoints of a cooperation abroad (services in cooperation/abroad/services.py)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ksd.cooperation.abroad import services as foreign
from ksd.cooperation.abroad.forms import ForeignFactsForm, ForeignStepForm
from ksd.cooperation.pages.acting import operator_region
from ksd.cooperation.pages.detail import render_detail, run_step
from ksd.core import clock
from ksd.core.access import get_cooperation_for, member_required

logged_in = member_required  # logged in, with a role (core/access.py)


@logged_in
@require_POST
def record_step(request: HttpRequest, pk: int) -> HttpResponse:
    """A party's operator records a central step of a KSDPL/KSDLL (PP 28/2018 Pasal 28-43)."""
    cooperation = get_cooperation_for(request.user, pk)
    if operator_region(request.user, cooperation) is None:
        raise PermissionDenied
    form = ForeignStepForm(request.POST)
    if not form.is_valid():
        return render_detail(request, cooperation, bound={"foreign": form}, status=400)
    return run_step(
        request, cooperation, "foreign", form,
        lambda d: foreign.record_foreign_step(
            cooperation.pk, actor=request.user, step=d["step"], on=d["on"],
            reference=d["reference"], result=d["result"] or None, now=clock.now()),
        _("The step has been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def state_facts(request: HttpRequest, pk: int) -> HttpResponse:
    """A party's operator states the object, the Pasal 27 requirements met and the plan's
    contents (Pasal 30 ayat (3)) of a KSDPL/KSDLL."""
    cooperation = get_cooperation_for(request.user, pk)
    if operator_region(request.user, cooperation) is None:
        raise PermissionDenied
    form = ForeignFactsForm(request.POST)
    return run_step(
        request, cooperation, "foreign_facts", form,
        lambda d: foreign.state_foreign_facts(
            cooperation.pk, actor=request.user, object_code=d["object_code"],
            requirements=d["requirements"], plan_contents=d["plan_contents"], now=clock.now()),
        _("The statement has been recorded."),
    )  # fmt: skip

"""The steps to a signature: opinions asked, the signing, and who signed for each region."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ksd.cooperation.pages.acting import operator_region, operator_step
from ksd.cooperation.pages.detail import run_step
from ksd.cooperation.signing import services
from ksd.cooperation.signing.forms import OpinionsForm, SignatoryForm, SignForm
from ksd.cooperation.signing.panels import signers_of
from ksd.core import clock
from ksd.core.access import member_required

logged_in = member_required  # logged in, with a role (core/access.py)


@logged_in
@require_POST
def sign_agreement(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = operator_step(request, pk)
    form = SignForm(request.POST)
    return run_step(
        request, cooperation, "sign", form,
        lambda d: services.sign_agreement(
            cooperation.pk, actor=request.user, number=d["number"], signed_on=d["signed_on"],
            starts_on=d["starts_on"], term_years=d["term_years"], now=clock.now()),
        _("The signed agreement has been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def request_opinions(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = operator_step(request, pk)
    form = OpinionsForm(request.POST)
    return run_step(
        request, cooperation, "opinions", form,
        lambda d: services.request_opinions(
            cooperation.pk, actor=request.user, addressees=d["addressees"],
            requested_on=d["requested_on"], now=clock.now()),
        _("The request for opinions has been recorded."),
    )  # fmt: skip


@logged_in
@require_POST
def record_signatory(request: HttpRequest, pk: int) -> HttpResponse:
    cooperation = operator_step(request, pk)
    own = operator_region(request.user, cooperation) or ""
    form = SignatoryForm(request.POST, signers=signers_of(own, cooperation))
    return run_step(
        request, cooperation, "signatory", form,
        lambda d: services.record_signatory(
            cooperation.pk, actor=request.user, region_code=own, official_id=d["official"],
            now=clock.now()),
        _("The signatory has been recorded."),
    )  # fmt: skip

"""PP 28/2018's DPRD clocks for KSDD and KSDPK, as an administrator enters them (issue 7 point 10).

Pasal 6 ayat (4) leaves the DPRD's time limits to a Minister's regulation (Permendagri 22/2020),
which KSD does not ship; ksd.law keeps them as the parameter pp28_dprd_clocks, null until set.
Here an administrator enters the numbers with the regulation they come from; every change is
audited, and the web app hands the values to ksd.law each time it assesses (`law_parameters`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from ksd.accounts.models import Role
from ksd.core import clock
from ksd.core.access import membership_of
from ksd.core.dates import show
from ksd.core.errors import StepRefused
from ksd.dprd.models import ClockSetting, ClockSettingChange
from ksd.law.parameters import ParameterValue, parameter, supplied_values
from ksd.law.regimes import INFO, Regime

if TYPE_CHECKING:
    from ksd.cooperation.models import Cooperation

PARAMETER = "pp28_dprd_clocks"
ARTICLE = "PP 28/2018 Pasal 6 ayat (4)"
FIRST_DAY = INFO[Regime.PP28_2018].in_force_from


def may_set_clocks(user: AbstractBaseUser) -> bool:
    membership = membership_of(user)
    return bool(getattr(user, "is_superuser", False)) or (
        membership is not None and membership.role == Role.ADMINISTRATOR
    )


def law_parameters() -> list[ParameterValue]:
    """The administrator's values, in the form ksd.law takes them (assess(..., parameters=))."""
    return [
        ParameterValue(
            PARAMETER,
            s.in_force_from,
            s.as_value(),
            f"{s.decree_number} ({s.decree_date.isoformat()})"
            + (f", {s.note}" if s.note else "")
            + _(", entered in KSD by %(user)s") % {"user": s.created_by.get_username()},
        )
        for s in ClockSetting.objects.filter(withdrawn_at__isnull=True).select_related("created_by")
    ]


def clocks_on(day: dt.date, values: list[ParameterValue] | None = None) -> dict[str, int] | None:
    """The DPRD clocks of KSDD/KSDPK in force on `day`, or None: no clock runs."""
    with supplied_values(law_parameters() if values is None else values):
        value = parameter(PARAMETER, on=day).value
    return value or None


@transaction.atomic
def set_clocks(
    *, actor: AbstractBaseUser, in_force_from: dt.date, assessment: int, opinion: int,
    revision: int, deemed_approval: int | None, decree_number: str, decree_date: dt.date,
    note: str = "", now: dt.datetime,
) -> ClockSetting:  # fmt: skip
    """Enter the numbers of the Minister's regulation; a value already entered for the same day
    is withdrawn, not overwritten, and the audit trail keeps both."""
    if not may_set_clocks(actor):
        raise StepRefused(_("Only an administrator may set the DPRD clocks."))
    if in_force_from < FIRST_DAY:
        raise StepRefused(
            _("PP 28/2018 is in force from %(day)s.") % {"day": show(FIRST_DAY)}, ARTICLE
        )
    if not decree_number.strip():
        raise StepRefused(_("Name the regulation the numbers come from."), ARTICLE)
    if decree_date > in_force_from:
        raise StepRefused(_("The values cannot hold before the regulation was made."), ARTICLE)
    if min(assessment, opinion, revision, deemed_approval or 1) < 1:
        raise StepRefused(_("Every time limit is at least one working day."), ARTICLE)
    old = (
        ClockSetting.objects.select_for_update()
        .filter(in_force_from=in_force_from, withdrawn_at__isnull=True)
        .first()
    )
    old_value = None
    if old is not None:
        old_value = old.as_value()
        old.withdrawn_at = now
        old.save(update_fields=["withdrawn_at"])
        ClockSettingChange.objects.create(
            setting=old, action=ClockSettingChange.Action.WITHDRAWN, actor=actor, at=now,
            old_value=old_value, new_value=None, reason=_("Replaced by a new entry."),
        )  # fmt: skip
    setting = ClockSetting.objects.create(
        in_force_from=in_force_from, assessment_days=assessment, opinion_days=opinion,
        revision_days=revision, deemed_approval_days=deemed_approval,
        decree_number=decree_number.strip(), decree_date=decree_date, note=note.strip(),
        created_by=actor, created_at=now,
    )  # fmt: skip
    ClockSettingChange.objects.create(
        setting=setting, action=ClockSettingChange.Action.SET, actor=actor, at=now,
        old_value=old_value, new_value=setting.as_value(),
    )  # fmt: skip
    _deadlines_moved()
    return setting


@transaction.atomic
def withdraw_clocks(
    setting_id: int, *, actor: AbstractBaseUser, reason: str, now: dt.datetime
) -> ClockSetting:
    """Withdraw an entry (e.g. entered by mistake); what held before it holds again."""
    if not may_set_clocks(actor):
        raise StepRefused(_("Only an administrator may set the DPRD clocks."))
    setting = (
        ClockSetting.objects.select_for_update()
        .filter(pk=setting_id, withdrawn_at__isnull=True)
        .first()
    )
    if setting is None:
        raise StepRefused(_("This entry does not exist or was already withdrawn."))
    if not reason.strip():
        raise StepRefused(_("Say why the entry is withdrawn."))
    setting.withdrawn_at = now
    setting.save(update_fields=["withdrawn_at"])
    ClockSettingChange.objects.create(
        setting=setting, action=ClockSettingChange.Action.WITHDRAWN, actor=actor, at=now,
        old_value=setting.as_value(), new_value=None, reason=reason.strip(),
    )  # fmt: skip
    _deadlines_moved()
    return setting


def _deadlines_moved() -> None:
    """The clocks changed: the open DPRD tracks' stored deadlines are computed again by the
    next `ksd tick` (cooperation/status.py)."""
    from ksd.cooperation.status import invalidate_open_tracks

    invalidate_open_tracks()


def dprd_clock_notice(
    user: AbstractBaseUser, cooperation: Cooperation | None = None, assessment: Any = None
) -> dict[str, bool]:
    """Whether a page should say that no DPRD clock runs: on a cooperation's page, for a KSDD or
    KSDPK under PP 28/2018 whose governing day has no clocks; on the dashboard, while none are
    in force today."""
    if cooperation is None:
        unset = clocks_on(clock.today_in()) is None
    else:
        abroad = assessment is not None and getattr(assessment, "foreign", None) is not None
        known = getattr(assessment, "parameters", {}).get(PARAMETER)  # the page's assessment
        unset = (
            cooperation.regime == Regime.PP28_2018
            and not abroad
            and not (known.value if known is not None else clocks_on(cooperation.governing_on))
        )
    return {"dprd_clock_unset": unset, "may_set_clocks": may_set_clocks(user)}

"""Hooks this app registers into apps it may import (MonitoringConfig.ready): the report and
obligation due dates into the reminders' digest and calendar feed, and the stalled rule
"report_overdue" (queries.cooperations_with_overdue_reports) into the cooperation app's
registry (cooperation/stalled.py), so the dashboards and the register's `stalled=` filter
count late monitoring reports like any other warning sign."""

from __future__ import annotations

import datetime as dt
from typing import Any


def register() -> None:
    from ksd.monitoring.reminders import monev_waiting
    from ksd.reminders.waiting import register_source

    register_source(monev_waiting)
    register_stalled_rule()


def _overdue_reports(grace_days: int, today: dt.date) -> Any:
    from ksd.monitoring.queries import cooperations_with_overdue_reports

    return cooperations_with_overdue_reports(today - dt.timedelta(days=grace_days))


def register_stalled_rule() -> None:
    from django.utils.translation import gettext_lazy as _

    from ksd.cooperation.stalled import (
        DAYS,
        DatedValue,
        Parameter,
        StalledRule,
        register_rule,
        rule,
    )
    from ksd.monitoring.models import PeriodicReport, ReportingDuty

    if rule("report_overdue") is not None:
        return
    register_rule(
        StalledRule(
            "report_overdue",
            _("Monitoring report overdue"),
            _(
                "An implementing agency's periodic report is past its due date. Monitoring and "
                "evaluation are part of supervising a cooperation (PP 50/2007 Pasal 25 ayat (1) "
                "huruf a; PP 28/2018 Pasal 44 ayat (5)); neither regulation sets a period, so "
                "the due dates follow the reporting schedule the parties set in KSD, and the "
                "days of grace after them are KSD's supervisory choice."
            ),
            Parameter(
                DAYS,
                (DatedValue(dt.date(2007, 8, 22), 0, "KSD's supervisory choice: no grace."),),
                "KSD_STALLED_REPORT_OVERDUE",
            ),
            _overdue_reports,
        ),
        reads=(ReportingDuty, PeriodicReport),
    )


def follow_in_audit_log() -> None:
    """django-auditlog keeps who changed a schedule, report, obligation or attachment (its
    withdrawal) and from what to what, as it does for the reference data (core/audit.py); the Correction rows keep the
    reason."""
    from auditlog.registry import auditlog

    from ksd.monitoring.models import (
        Obligation,
        PeriodicReport,
        ReportAttachment,
        ReportingSchedule,
    )

    for model in (ReportingSchedule, PeriodicReport, Obligation, ReportAttachment):
        if not auditlog.contains(model):
            fields = [f.name for f in model._meta.concrete_fields if not f.primary_key]
            auditlog.register(model, include_fields=fields)

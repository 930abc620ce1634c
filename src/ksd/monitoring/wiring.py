"""Hooks this app registers into apps it may import (MonitoringConfig.ready): the report and
obligation due dates into the reminders' digest and calendar feed. The stalled rule
"report_overdue" (queries.cooperations_with_overdue_reports) is registered here once the
cooperation app's rule registry exists."""

from __future__ import annotations


def register() -> None:
    from ksd.monitoring.reminders import monev_waiting
    from ksd.reminders.waiting import register_source

    register_source(monev_waiting)


def follow_in_audit_log() -> None:
    """django-auditlog keeps who changed a schedule, report or obligation and from what to
    what, as it does for the reference data (core/audit.py); the Correction rows keep the
    reason."""
    from auditlog.registry import auditlog

    from ksd.monitoring.models import Obligation, PeriodicReport, ReportingSchedule

    for model in (ReportingSchedule, PeriodicReport, Obligation):
        if not auditlog.contains(model):
            fields = [f.name for f in model._meta.concrete_fields if not f.primary_key]
            auditlog.register(model, include_fields=fields)

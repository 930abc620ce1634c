"""Recording monitoring facts: the schedule, a periodic report, an obligation or milestone and
its completion, and corrections that keep the old value.

Every function runs in one transaction that locks the cooperation row (cooperation/common.py),
checks who acts and the dates, writes, and keeps ReportingDuty.next_due_on current. A refusal
is a StepRefused with a message in the user's language and changes nothing. Dates follow the
one rule of KSD (core/dates.py, cooperation/dates.py): judgeable, a thing done not later than
today, nothing before the signing of the agreement.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ksd.cooperation.common import lock
from ksd.cooperation.dates import check_range
from ksd.cooperation.models import Cooperation, ImplementingAgency, Party, Stage
from ksd.core.audit import acting_as
from ksd.core.dates import show, today_at
from ksd.core.errors import StepRefused
from ksd.documents.storage import (
    DOCUMENT_TYPES,
    JPEG,
    PNG,
    XLSX,
    Upload,
    check_file_name,
    checked,
    keep_staged,
)
from ksd.monitoring.access import may_record, may_report_for
from ksd.monitoring.models import (
    PERIOD_MONTHS,
    Correction,
    Obligation,
    Period,
    PeriodicReport,
    ReportAttachment,
    ReportingDuty,
    ReportingSchedule,
)
from ksd.monitoring.schedule import dues_until, next_due

# Monitoring starts with the signed agreement and its records stay correctable after its end.
MONITORED_STAGES = (Stage.SIGNED, Stage.IMPLEMENTING, Stage.TERMINATED, Stage.EXPIRED)
REASON_MAX_LENGTH = 2000
TEXT_MAX_LENGTH = 5000
# The largest sum KSD records (a hundred trillion rupiah; the national budget is in the
# thousands of trillions, a single cooperation is far below).
MONEY_MAX = 10**14
# A report's attachments: the report document (PDF, DOCX), photos (JPEG, PNG), a spreadsheet
# (XLSX), each at most documents/storage.py's MAX_MEGABYTES; at most this many in one upload.
ATTACHMENT_TYPES = (*DOCUMENT_TYPES, XLSX, JPEG, PNG)
ATTACHMENTS_AT_ONCE = 10


def end_of(cooperation: Cooperation) -> dt.date | None:
    """The day the agreement ended or ends: its recorded ending, else its planned end."""
    return cooperation.ended_on or cooperation.ends_on


# ----- checks shared by the steps -----


def _monitored(cooperation_id: int) -> Cooperation:
    cooperation = lock(cooperation_id)
    if cooperation.stage not in MONITORED_STAGES or cooperation.signed_on is None:
        raise StepRefused(_("Monitoring starts once the agreement is signed."))
    return cooperation


def _require_party_operator(actor: AbstractBaseUser, cooperation: Cooperation) -> None:
    if not may_record(actor, cooperation):
        raise StepRefused(
            _("Only the cooperation officers of the party regions record monitoring.")
        )


def _not_before_signing(day: dt.date, what: str, cooperation: Cooperation) -> None:
    check_range(day)
    assert cooperation.signed_on is not None  # noqa: S101 - _monitored checked it
    if day < cooperation.signed_on:
        raise StepRefused(
            _("The date of %(what)s (%(date)s) is before the agreement was signed "
              "(%(signed)s).")
            % {"what": what, "date": show(day), "signed": show(cooperation.signed_on)}
        )  # fmt: skip


def _happened(day: dt.date, what: str, cooperation: Cooperation, now: dt.datetime) -> None:
    _not_before_signing(day, what, cooperation)
    today = today_at(now)
    if day > today:
        raise StepRefused(
            _("The date of %(what)s (%(date)s) is later than today (%(today)s): record it once "
              "it has happened.") % {"what": what, "date": show(day), "today": show(today)}
        )  # fmt: skip


def _text(value: str, label: str, *, required: bool = False, limit: int = TEXT_MAX_LENGTH) -> str:
    value = (value or "").strip()
    if required and not value:
        raise StepRefused(_("Fill in %(field)s.") % {"field": label})
    if len(value) > limit:
        raise StepRefused(_("%(field)s is too long.") % {"field": label.capitalize()})
    return value


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise StepRefused(_("Give the reason for this change to the record."))
    if len(reason) > REASON_MAX_LENGTH:
        raise StepRefused(_("The reason is too long."))
    return reason


def _money(value: int) -> int:
    if value < 0 or value > MONEY_MAX:
        raise StepRefused(_("Write the money spent as a whole number of rupiah, 0 or more."))
    return value


# ----- the reporting duties -----


def refresh_duties(cooperation: Cooperation) -> None:
    """Create each implementing agency's duty and set its next due date from the reports in.
    A few queries per cooperation, run inside the step's transaction."""
    schedule = ReportingSchedule.objects.filter(cooperation=cooperation).first()
    if schedule is None:
        return
    months = PERIOD_MONTHS[Period(schedule.period)]
    reported: dict[int, set[dt.date]] = {}
    for agency_id, due_on in PeriodicReport.objects.filter(cooperation=cooperation).values_list(
        "implementing_agency_id", "due_on"
    ):
        reported.setdefault(agency_id, set()).add(due_on)
    duties = {d.implementing_agency_id: d for d in cooperation.reporting_duties.all()}
    for agency in ImplementingAgency.objects.filter(cooperation=cooperation):
        due = next_due(schedule.first_due_on, months, reported.get(agency.pk, set()),
                       since=agency.assigned_on, end=end_of(cooperation))  # fmt: skip
        duty = duties.get(agency.pk)
        if duty is None:
            ReportingDuty.objects.create(cooperation=cooperation, implementing_agency=agency,
                                         region_id=agency.region_id, next_due_on=due)  # fmt: skip
        elif duty.next_due_on != due:
            duty.next_due_on = due
            duty.save(update_fields=["next_due_on"])


# ----- the schedule -----


@transaction.atomic
def set_schedule(
    cooperation_id: int, *, actor: AbstractBaseUser, period: str, first_due_on: dt.date,
    now: dt.datetime, reason: str = "",
) -> ReportingSchedule:  # fmt: skip
    """Set how often the implementing agencies report, and the first due date. Changing a set
    schedule is a correction: it needs a reason and keeps the old values."""
    cooperation = _monitored(cooperation_id)
    _require_party_operator(actor, cooperation)
    if period not in Period.values:
        raise StepRefused(_("Choose the reporting period from the list."))
    if (
        cooperation.implementation_started_on is None
        or not cooperation.implementing_agencies.exists()
    ):
        raise StepRefused(
            _("Record the start of implementation with its implementing agencies first: "
              "they are the ones who report.")
        )  # fmt: skip
    _not_before_signing(first_due_on, _("the first report"), cooperation)
    schedule = ReportingSchedule.objects.filter(cooperation=cooperation).first()
    with acting_as(actor):
        if schedule is None:
            schedule = ReportingSchedule.objects.create(
                cooperation=cooperation, period=period, first_due_on=first_due_on,
                set_by=actor, set_at=now,
            )  # fmt: skip
        else:
            changes = [(f, str(getattr(schedule, f)), str(v))
                       for f, v in (("period", period), ("first_due_on", first_due_on))
                       if getattr(schedule, f) != v]  # fmt: skip
            if not changes:
                raise StepRefused(_("The schedule is already as given: nothing changed."))
            why = _reason(reason)
            for field, old, new in changes:
                Correction.objects.create(cooperation=cooperation, field=f"schedule.{field}",
                                          old_value=old, new_value=new, reason=why, by=actor,
                                          at=now)  # fmt: skip
            schedule.period, schedule.first_due_on = period, first_due_on
            schedule.set_by, schedule.set_at = actor, now
            schedule.save()
        refresh_duties(cooperation)
    return schedule


# ----- periodic reports -----


@dataclass(frozen=True)
class ReportFacts:
    progress: str
    problems: str
    benefits: str
    money_spent: int
    submitted_on: dt.date


REPORT_LABELS: dict[str, Promise] = {
    "progress": gettext_lazy("progress"),
    "problems": gettext_lazy("problems"),
    "benefits": gettext_lazy("benefits"),
    "money_spent": gettext_lazy("money spent (rupiah)"),
    "submitted_on": gettext_lazy("the submission of the report"),
    "attachment": gettext_lazy("attachment withdrawn"),
}


@transaction.atomic
def file_report(
    cooperation_id: int, *, actor: AbstractBaseUser, agency_id: int, due_on: dt.date,
    facts: ReportFacts, now: dt.datetime, uploads: Sequence[Upload] = (),
) -> PeriodicReport:  # fmt: skip
    """Record an implementing agency's report for the period due on `due_on`, with its
    attachments (`uploads`): a bad file refuses the whole report, and nothing is stored."""
    cooperation = _monitored(cooperation_id)
    agency = ImplementingAgency.objects.filter(cooperation=cooperation, pk=agency_id).first()
    if agency is None:
        raise StepRefused(_("Choose one of this cooperation's implementing agencies."))
    if not may_report_for(actor, cooperation, agency.region_id):
        raise StepRefused(
            _("An implementing agency's report is recorded by its own region's cooperation "
              "officers.")
        )  # fmt: skip
    schedule = ReportingSchedule.objects.filter(cooperation=cooperation).first()
    if schedule is None:
        raise StepRefused(_("Set the reporting schedule first."))
    months = PERIOD_MONTHS[Period(schedule.period)]
    check_range(due_on)
    # The reports due so far and the next one to come (an early report); not a later one.
    owed = dues_until(schedule.first_due_on, months, today_at(now), since=agency.assigned_on,
                      end=end_of(cooperation))  # fmt: skip
    if due_on not in owed:
        raise StepRefused(
            _("%(date)s is not a due date of this agency's reports under the schedule.")
            % {"date": show(due_on)}
        )
    if PeriodicReport.objects.filter(implementing_agency=agency, due_on=due_on).exists():
        raise StepRefused(
            _("The report due on %(date)s is already recorded; correct it instead.")
            % {"date": show(due_on)}
        )
    _happened(facts.submitted_on, str(REPORT_LABELS["submitted_on"]), cooperation, now)
    with acting_as(actor):
        report = PeriodicReport.objects.create(
            cooperation=cooperation, implementing_agency=agency, region_id=agency.region_id,
            due_on=due_on, progress=_text(facts.progress, str(REPORT_LABELS["progress"]),
                                          required=True),
            problems=_text(facts.problems, str(REPORT_LABELS["problems"])),
            benefits=_text(facts.benefits, str(REPORT_LABELS["benefits"])),
            money_spent=_money(facts.money_spent), submitted_on=facts.submitted_on,
            submitted_by=actor, created_at=now,
        )  # fmt: skip
        _attach(cooperation, report, uploads, actor, now)
        refresh_duties(cooperation)
    return report


# ----- attachments -----


def _attach(
    cooperation: Cooperation, report: PeriodicReport, uploads: Sequence[Upload],
    actor: AbstractBaseUser, now: dt.datetime,
) -> list[ReportAttachment]:  # fmt: skip
    """Check every upload first (name, size, type), then store them all and write their rows:
    one bad file refuses them all, with nothing stored."""
    if len(uploads) > ATTACHMENTS_AT_ONCE:
        raise StepRefused(
            _("Attach at most %(count)d files at once.") % {"count": ATTACHMENTS_AT_ONCE}
        )
    with contextlib.ExitStack() as stack:
        staged = []
        for upload in uploads:
            name = check_file_name(upload.name)
            try:
                staged.append((name, stack.enter_context(checked(upload, ATTACHMENT_TYPES))))
            except StepRefused as refused:
                raise StepRefused(f"{name}: {refused}") from None
        rows = []
        for name, file in staged:
            stored = keep_staged(file)
            rows.append(ReportAttachment.objects.create(
                cooperation=cooperation, report=report, original_name=name,
                content_type=stored.content_type, size=stored.size, sha256=stored.sha256,
                uploaded_by=actor, uploaded_at=now,
            ))  # fmt: skip
    return rows


def _own_report(
    cooperation: Cooperation, report_id: int, actor: AbstractBaseUser
) -> PeriodicReport:
    report = PeriodicReport.objects.filter(cooperation=cooperation, pk=report_id).first()
    if report is None:
        raise StepRefused(_("This report is not recorded on this cooperation."))
    if not may_report_for(actor, cooperation, report.region_id):
        raise StepRefused(
            _("An implementing agency's report is corrected by its own region's cooperation "
              "officers.")
        )  # fmt: skip
    return report


@transaction.atomic
def attach_to_report(
    cooperation_id: int, report_id: int, *, actor: AbstractBaseUser, uploads: Sequence[Upload],
    now: dt.datetime,
) -> list[ReportAttachment]:  # fmt: skip
    """Add files to a recorded report, by its own region's operators."""
    cooperation = _monitored(cooperation_id)
    report = _own_report(cooperation, report_id, actor)
    if not uploads:
        raise StepRefused(_("Choose at least one file to attach."))
    with acting_as(actor):
        return _attach(cooperation, report, uploads, actor, now)


@transaction.atomic
def withdraw_attachment(
    cooperation_id: int, attachment_id: int, *, actor: AbstractBaseUser, reason: str,
    now: dt.datetime,
) -> ReportAttachment:  # fmt: skip
    """Withdraw a wrong file: a Correction keeps which file (its name and SHA-256), the reason,
    who and when; the file stays stored, listed as withdrawn and downloadable. The right file
    is attached anew."""
    cooperation = _monitored(cooperation_id)
    attachment = (
        ReportAttachment.objects.select_for_update()
        .filter(cooperation=cooperation, pk=attachment_id)
        .first()
    )
    if attachment is None:
        raise StepRefused(_("This attachment is not recorded on this cooperation."))
    report = _own_report(cooperation, attachment.report_id, actor)
    if attachment.withdrawal_id is not None:
        raise StepRefused(_("This attachment was already withdrawn."))
    why = _reason(reason)
    with acting_as(actor):
        correction = Correction.objects.create(
            cooperation=cooperation, report=report, field="attachment",
            old_value=f"{attachment.original_name} (SHA-256 {attachment.sha256})",
            new_value="", reason=why, by=actor, at=now,
        )  # fmt: skip
        attachment.withdrawal = correction
        attachment.save(update_fields=["withdrawal"])
    return attachment


# ----- obligations and milestones -----


@transaction.atomic
def add_obligation(
    cooperation_id: int, *, actor: AbstractBaseUser, party_id: int, kind: str,
    description: str, due_on: dt.date, now: dt.datetime,
) -> Obligation:  # fmt: skip
    cooperation = _monitored(cooperation_id)
    _require_party_operator(actor, cooperation)
    party = Party.objects.filter(cooperation=cooperation, pk=party_id).first()
    if party is None:
        raise StepRefused(_("Choose one of this cooperation's parties."))
    if kind not in Obligation.Kind.values:
        raise StepRefused(_("Choose whether it is an obligation or a milestone."))
    _not_before_signing(due_on, _("the due date"), cooperation)
    with acting_as(actor):
        return Obligation.objects.create(
            cooperation=cooperation, party=party, kind=kind,
            description=_text(description, _("the description"), required=True, limit=500),
            due_on=due_on, recorded_by=actor, created_at=now,
        )  # fmt: skip


@transaction.atomic
def mark_done(
    cooperation_id: int, obligation_id: int, *, actor: AbstractBaseUser, done_on: dt.date,
    evidence: str, now: dt.datetime,
) -> Obligation:  # fmt: skip
    cooperation = _monitored(cooperation_id)
    _require_party_operator(actor, cooperation)
    obligation = Obligation.objects.filter(cooperation=cooperation, pk=obligation_id).first()
    if obligation is None:
        raise StepRefused(_("This obligation or milestone is not recorded on this cooperation."))
    if obligation.done_on is not None:
        raise StepRefused(
            _("It was already recorded as done on %(date)s; correct it instead.")
            % {"date": show(obligation.done_on)}
        )
    _happened(done_on, _("the completion"), cooperation, now)
    obligation.done_on = done_on
    obligation.evidence = _text(evidence, _("the evidence"), required=True)
    with acting_as(actor):
        obligation.save(update_fields=["done_on", "evidence"])
    return obligation


# ----- corrections -----

Row = TypeVar("Row", PeriodicReport, Obligation)
SCHEDULE_LABELS: dict[str, Promise] = {
    "schedule.period": gettext_lazy("reporting period"),
    "schedule.first_due_on": gettext_lazy("first report due on"),
}


def correction_label(correction: Correction) -> str:
    """The words for what a correction changed, in the page's language."""
    labels = REPORT_LABELS if correction.report_id else OBLIGATION_LABELS
    label = SCHEDULE_LABELS.get(correction.field) or labels.get(correction.field)
    return str(label) if label else correction.field


REPORT_FIELDS = ("progress", "problems", "benefits", "money_spent", "submitted_on")
OBLIGATION_FIELDS = ("description", "due_on", "done_on", "evidence")
OBLIGATION_LABELS: dict[str, Promise] = {
    "description": gettext_lazy("the description"),
    "due_on": gettext_lazy("the due date"),
    "done_on": gettext_lazy("the completion"),
    "evidence": gettext_lazy("the evidence"),
}


@transaction.atomic
def correct_report(
    cooperation_id: int, report_id: int, *, actor: AbstractBaseUser, field: str, value: str,
    reason: str, now: dt.datetime,
) -> PeriodicReport:  # fmt: skip
    """Change one fact of a recorded report, keeping the old value, the reason, who and when."""
    cooperation = _monitored(cooperation_id)
    report = PeriodicReport.objects.filter(cooperation=cooperation, pk=report_id).first()
    if report is None:
        raise StepRefused(_("This report is not recorded on this cooperation."))
    if not may_report_for(actor, cooperation, report.region_id):
        raise StepRefused(
            _("An implementing agency's report is corrected by its own region's cooperation "
              "officers.")
        )  # fmt: skip
    if field not in REPORT_FIELDS:
        raise StepRefused(_("Choose what to correct from the list."))
    label = str(REPORT_LABELS[field])
    new: object
    if field == "submitted_on":
        new = _parse_date(value)
        _happened(new, label, cooperation, now)
    elif field == "money_spent":
        new = _money(_parse_int(value))
    else:
        new = _text(value, label, required=field == "progress")
    return _apply(cooperation, report, field, new, reason, actor, now)


@transaction.atomic
def correct_obligation(
    cooperation_id: int, obligation_id: int, *, actor: AbstractBaseUser, field: str,
    value: str, reason: str, now: dt.datetime,
) -> Obligation:  # fmt: skip
    cooperation = _monitored(cooperation_id)
    _require_party_operator(actor, cooperation)
    obligation = Obligation.objects.filter(cooperation=cooperation, pk=obligation_id).first()
    if obligation is None:
        raise StepRefused(_("This obligation or milestone is not recorded on this cooperation."))
    if field not in OBLIGATION_FIELDS:
        raise StepRefused(_("Choose what to correct from the list."))
    label = str(OBLIGATION_LABELS[field])
    new: object
    if field == "due_on":
        new = _parse_date(value)
        _not_before_signing(new, label, cooperation)
    elif field == "done_on":
        # An empty value takes back a completion recorded by mistake.
        new = _parse_date(value) if value.strip() else None
        if new is not None:
            _happened(new, label, cooperation, now)
    else:
        new = _text(value, label, required=field == "description",
                    limit=500 if field == "description" else TEXT_MAX_LENGTH)  # fmt: skip
    return _apply(cooperation, obligation, field, new, reason, actor, now)


def _apply(
    cooperation: Cooperation, row: Row, field: str, new: object, reason: str,
    actor: AbstractBaseUser, now: dt.datetime,
) -> Row:  # fmt: skip
    old = getattr(row, field)
    if old == new:
        raise StepRefused(_("The new value is the same as the recorded one: nothing changed."))
    why = _reason(reason)
    target = {"report": row} if isinstance(row, PeriodicReport) else {"obligation": row}
    with acting_as(actor):
        Correction.objects.create(
            cooperation=cooperation, field=field, old_value="" if old is None else str(old),
            new_value="" if new is None else str(new), reason=why, by=actor, at=now, **target,
        )  # fmt: skip
        setattr(row, field, new)
        row.save(update_fields=[field])
    return row


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise StepRefused(_("Write the date as YYYY-MM-DD, e.g. 2024-03-31.")) from None


def _parse_int(value: str) -> int:
    text = value.strip().replace(".", "").replace(",", "")
    if not text.isdigit():
        raise StepRefused(_("Write the money spent as a whole number of rupiah, 0 or more."))
    return int(text)

"""Monitoring and evaluation of a signed cooperation: the reporting schedule, each implementing
agency's periodic reports, the parties' obligations and milestones, and the corrections made to
them. Rows are written by monitoring/services.py.

What the regulations say, and what is KSD's choice (docs in monitoring/README.md):
- PP 50/2007 Pasal 25 ayat (1) huruf a and c: a badan kerja sama helps with "pengelolaan,
  monitoring dan evaluasi atas pelaksanaan kerja sama" and reports to each head of region;
- PP 28/2018 Pasal 43 ayat (1): the regional government reports the implementation of KSDPL and
  KSDLL to the Minister, the procedure left to a Peraturan Menteri (ayat (2));
- PP 28/2018 Pasal 44 ayat (5): monitoring and evaluation follow the rules on guidance and
  supervision of regional government.
Neither PP sets how often an implementing agency reports: the period (quarterly, by semester,
yearly) and the first due date are the parties' choice, recorded here per cooperation.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Period(models.TextChoices):
    QUARTERLY = "quarterly", _("Quarterly")
    SEMESTER = "semester", _("Every semester")
    YEARLY = "yearly", _("Yearly")


# Months between two due dates.
PERIOD_MONTHS = {Period.QUARTERLY: 3, Period.SEMESTER: 6, Period.YEARLY: 12}


class ReportingSchedule(models.Model):
    """How often the implementing agencies of one cooperation report, and the first due date."""

    cooperation = models.OneToOneField(
        "cooperation.Cooperation", verbose_name=_("cooperation"), on_delete=models.CASCADE,
        related_name="reporting_schedule",
    )  # fmt: skip
    period = models.CharField(_("period"), max_length=12, choices=Period.choices)
    first_due_on = models.DateField(_("first report due on"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("set by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    set_at = models.DateTimeField(_("set at"))

    class Meta:
        verbose_name = _("reporting schedule")
        verbose_name_plural = _("reporting schedules")

    def __str__(self) -> str:
        return f"{self.get_period_display()} ({self.first_due_on})"


class ReportingDuty(models.Model):
    """One implementing agency's duty to report under the schedule, with the earliest due date
    it has not reported for yet, kept current by the services in the transaction of every
    change: the late lists and the stalled rule read this one indexed column."""

    cooperation = models.ForeignKey(
        "cooperation.Cooperation", verbose_name=_("cooperation"), on_delete=models.CASCADE,
        related_name="reporting_duties",
    )  # fmt: skip
    implementing_agency = models.OneToOneField(
        "cooperation.ImplementingAgency", verbose_name=_("implementing agency"),
        on_delete=models.CASCADE, related_name="reporting_duty",
    )  # fmt: skip
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    # None: every report due until the agreement's end is in.
    next_due_on = models.DateField(_("next report due on"), null=True, blank=True)

    class Meta:
        verbose_name = _("reporting duty")
        verbose_name_plural = _("reporting duties")
        indexes = (
            models.Index(
                fields=("next_due_on", "cooperation"), name="monev_duty_due",
                condition=models.Q(next_due_on__isnull=False),
            ),
            models.Index(fields=("region", "next_due_on"), name="monev_duty_by_region"),
        )  # fmt: skip

    def __str__(self) -> str:
        return f"{self.implementing_agency} ({self.next_due_on})"


class PeriodicReport(models.Model):
    """What an implementing agency reported for the period ending on `due_on`. A recorded fact:
    a later change is a Correction that keeps the old value."""

    cooperation = models.ForeignKey(
        "cooperation.Cooperation", verbose_name=_("cooperation"), on_delete=models.PROTECT,
        related_name="periodic_reports",
    )  # fmt: skip
    implementing_agency = models.ForeignKey(
        "cooperation.ImplementingAgency", verbose_name=_("implementing agency"),
        on_delete=models.PROTECT, related_name="periodic_reports",
    )  # fmt: skip
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("due on"))
    progress = models.TextField(_("progress"))
    problems = models.TextField(_("problems"), blank=True)
    benefits = models.TextField(_("benefits"), blank=True)
    # Whole rupiah, as the regional budget (APBD) reports them.
    money_spent = models.PositiveBigIntegerField(_("money spent (rupiah)"), default=0)
    submitted_on = models.DateField(_("submitted on"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("periodic report")
        verbose_name_plural = _("periodic reports")
        ordering = ("due_on", "region", "id")
        constraints = (
            models.UniqueConstraint(
                fields=("implementing_agency", "due_on"), name="monev_report_once_per_period"
            ),
        )

    def __str__(self) -> str:
        return f"{self.implementing_agency} — {self.due_on}"


class Obligation(models.Model):
    """An obligation or a milestone of one party, with its due date. Its status (open, done,
    late) is computed from the dates, never stored."""

    class Kind(models.TextChoices):
        OBLIGATION = "obligation", _("Obligation")
        MILESTONE = "milestone", _("Milestone")

    cooperation = models.ForeignKey(
        "cooperation.Cooperation", verbose_name=_("cooperation"), on_delete=models.PROTECT,
        related_name="obligations",
    )  # fmt: skip
    party = models.ForeignKey(
        "cooperation.Party", verbose_name=_("party"), on_delete=models.PROTECT,
        related_name="obligations",
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    description = models.CharField(_("description"), max_length=500)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("obligation or milestone")
        verbose_name_plural = _("obligations and milestones")
        ordering = ("due_on", "id")
        indexes = (
            # The late lists: not done, oldest due date first.
            models.Index(
                fields=("due_on", "cooperation"), name="monev_obligation_open",
                condition=models.Q(done_on__isnull=True),
            ),
        )  # fmt: skip

    def __str__(self) -> str:
        return self.description


class Correction(models.Model):
    """A change to a recorded report, obligation or schedule: the old and the new value, the
    reason, who and when. Rows are only ever added."""

    cooperation = models.ForeignKey(
        "cooperation.Cooperation", verbose_name=_("cooperation"), on_delete=models.PROTECT,
        related_name="monev_corrections",
    )  # fmt: skip
    report = models.ForeignKey(
        PeriodicReport, verbose_name=_("report"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="corrections",
    )  # fmt: skip
    obligation = models.ForeignKey(
        Obligation, verbose_name=_("obligation or milestone"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="corrections",
    )  # fmt: skip
    field = models.CharField(_("what was corrected"), max_length=40)
    old_value = models.TextField(_("old value"), blank=True)
    new_value = models.TextField(_("new value"), blank=True)
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("corrected by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    at = models.DateTimeField(_("corrected at"))

    class Meta:
        verbose_name = _("monitoring correction")
        verbose_name_plural = _("monitoring corrections")
        ordering = ("at", "id")

    def __str__(self) -> str:
        return f"{self.field}: {self.old_value} → {self.new_value}"


class ReportAttachment(models.Model):
    """A file attached to a periodic report (the report document, photos, a spreadsheet), its
    bytes stored by their SHA-256 like the cooperation's documents (documents/storage.py) and
    never overwritten. A wrong file is never replaced nor deleted: it is withdrawn by a
    Correction (the reason, who and when) and stays listed, and downloadable, as withdrawn."""

    # core/backup.py keeps the stored file of every row of a model with this mark.
    KEEPS_STORED_FILE = True

    cooperation = models.ForeignKey(
        "cooperation.Cooperation", verbose_name=_("cooperation"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    report = models.ForeignKey(
        PeriodicReport, verbose_name=_("report"), on_delete=models.PROTECT,
        related_name="attachments",
    )  # fmt: skip
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    uploaded_at = models.DateTimeField(_("uploaded at"))
    # The correction that withdrew it (reason, who, when); None while it stands.
    withdrawal = models.OneToOneField(
        Correction, verbose_name=_("withdrawn by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="withdrawn_attachment",
    )  # fmt: skip

    class Meta:
        verbose_name = _("report attachment")
        verbose_name_plural = _("report attachments")
        ordering = ("uploaded_at", "id")

    def __str__(self) -> str:
        return self.original_name

"""The cooperation record, its parties and its append-only event log.

State changes go through the step packages' services (cooperation/services.py names them
all); nothing else writes these rows. Legal dates are DateFields named `*_on`, taken from the documents;
timestamps (`*_at`) belong to the audit trail.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from ksd.regions.names import region_name


class Kind(models.TextChoices):
    INTER_REGIONAL = "inter_regional", _("Between regions (KSAD/KSDD)")
    THIRD_PARTY = "third_party", _("With a third party (KSPK/KSDPK)")
    FOREIGN = "foreign", _("With a partner abroad (KSDPL/KSDLL)")


class Stage(models.TextChoices):
    """Where a cooperation stands. The order follows PP 50/2007 Pasal 7-12."""

    OFFERED = "offered", _("Offered")
    DECLINED = "declined", _("Offer declined")
    ACCEPTED = "accepted", _("Offer accepted")
    JOINT_AGREEMENT = "joint_agreement", _("Joint agreement signed")
    DRAFTING = "drafting", _("Agreement being drafted")
    DPRD_REVIEW = "dprd_review", _("Awaiting DPRD approval")
    READY_TO_SIGN = "ready_to_sign", _("Ready to sign")
    SIGNED = "signed", _("Signed")
    IMPLEMENTING = "implementing", _("Being implemented")
    TERMINATED = "terminated", _("Terminated")
    EXPIRED = "expired", _("Expired")
    # Ends of a record outside the law's steps (cooperation/corrections/): the offering region
    # withdrew its offer before it was accepted, or the record was entered by mistake.
    WITHDRAWN = "withdrawn", _("Offer withdrawn")
    CANCELLED = "cancelled", _("Cancelled (entered by mistake)")


# Records that leave the register, the dashboards and the public register; they stay in the
# audit (cooperation/corrections/).
CLOSED_BY_RECORD_KEEPING = (Stage.WITHDRAWN, Stage.CANCELLED)
# Records no longer alive: the offer was declined, or the agreement ended. ("Active"
# cooperation is narrower: in force, signed or being implemented; cooperation/status.py
# IN_FORCE, the register's `in_force` filter.)
ENDED_STAGES = (Stage.DECLINED, Stage.TERMINATED, Stage.EXPIRED)


class ManagementModel(models.TextChoices):
    """Models of cooperation by management arrangement."""

    CONSORTIUM = "konsorsium", _("Consortium")
    JOINT_PURCHASING = "joint_purchasing", _("Joint purchasing")
    EQUIPMENT_SHARING = "equipment_sharing", _("Equipment sharing")
    COOPERATIVE_CONSTRUCTION = "cooperative_construction", _("Cooperative construction")
    JOINT_SERVICE = "joint_service", _("Joint services")
    CONTRACT_SERVICE = "contract_service", _("Contract services")


class InstitutionModel(models.TextChoices):
    FORUM = "forum", _("Forum")
    BADAN = "badan", _("Cooperation body")


class Cooperation(models.Model):
    """One kerja sama daerah, from the offer letter to its end (DESIGN.md glossary)."""

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    # The regime of the offer date, stored so later rule changes do not move it. Steps taken
    # later (a dispute, an amendment, an ending) are judged by the regulation of their own date
    # (PP 28/2018 Pasal 51 repealed PP 50/2007 with no saving clause; Pasal 48 keeps only an
    # agreement already signed valid until it ends): see ksd.cooperation.articles.article_of.
    regime = models.CharField(_("regulation"), max_length=12)
    governing_on = models.DateField(_("governing date"))
    initiator = models.ForeignKey(
        "regions.Region", verbose_name=_("initiating region"), on_delete=models.PROTECT,
        related_name="+", null=True, blank=True,
    )  # fmt: skip
    # The offer (Pasal 7 huruf a), the joint agreement (huruf b) and the agreement (Pasal 5).
    offer_number = models.CharField(_("offer letter number"), max_length=100, blank=True)
    offered_on = models.DateField(_("offered on"))
    joint_agreement_number = models.CharField(
        _("joint agreement number"), max_length=100, blank=True
    )
    joint_agreement_signed_on = models.DateField(
        _("joint agreement signed on"), null=True, blank=True
    )
    draft_contents = models.JSONField(
        _("contents of the draft agreement"), default=list, blank=True
    )
    agreement_number = models.CharField(_("agreement number"), max_length=100, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    starts_on = models.DateField(_("in force from"), null=True, blank=True)
    ends_on = models.DateField(_("in force until"), null=True, blank=True)
    term_years = models.PositiveSmallIntegerField(_("term (years)"), null=True, blank=True)
    is_continuous = models.BooleanField(_("continuous"), default=False)
    # PP 28/2018 Pasal 3: compulsory cooperation of neighbouring regions; Penjelasan Pasal 7
    # ayat (2) huruf b counts its objects.
    is_compulsory = models.BooleanField(_("compulsory cooperation"), default=False)
    object_count = models.PositiveSmallIntegerField(_("number of objects"), default=1)
    # The object: a government affair within the regions' authority (PP 50/2007 Pasal 4,
    # UU 23/2014 Pasal 12).
    affair = models.ForeignKey(
        "regions.Affair", verbose_name=_("government affair"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    sector = models.CharField(_("sector"), max_length=200, blank=True)
    management_model = models.CharField(
        _("management arrangement"), max_length=30, choices=ManagementModel.choices, blank=True
    )
    institution_model = models.CharField(
        _("institution"), max_length=10, choices=InstitutionModel.choices, blank=True
    )
    # The substance the offer describes: what it is for, what it
    # covers, what it is worth, who pays, where, and whom to ask. Corrected only with a reason
    # (cooperation/corrections), never edited.
    objective = models.CharField(_("objective"), max_length=2000, blank=True)
    scope = models.CharField(_("scope of cooperation"), max_length=2000, blank=True)
    value = models.CharField(_("value"), max_length=200, blank=True)
    funding_source = models.CharField(_("funding source"), max_length=200, blank=True)
    location = models.CharField(_("location"), max_length=300, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=300, blank=True)
    implementation_started_on = models.DateField(
        _("implementation started on"), null=True, blank=True
    )
    # How it ended (PP 50/2007 Pasal 18-19; PP 28/2018 Pasal 9, 22).
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    termination_ground = models.CharField(_("ground for ending"), max_length=40, blank=True)
    termination_initiator = models.CharField(
        _("ended at the request of"), max_length=200, blank=True
    )
    termination_written_notice = models.BooleanField(_("written notice given"), default=False)
    is_published = models.BooleanField(_("published in the public register"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created at"))
    updated_at = models.DateTimeField(_("updated at"))
    # The status lists read, stored by cooperation/status.py in the transaction of every step and
    # by `ksd tick` as days pass; `ksd recompute_status` rebuilds them from ksd.law.
    next_due_on = models.DateField(_("next deadline"), null=True, blank=True)
    next_due_name = models.CharField(_("what is due"), max_length=30, blank=True)
    is_overdue = models.BooleanField(_("overdue"), default=False)
    is_expiring = models.BooleanField(_("expiring soon"), default=False)
    status_on = models.DateField(_("status computed for"), null=True, blank=True)
    last_step_on = models.DateField(_("last step recorded on"), null=True, blank=True)

    class Meta:
        verbose_name = _("cooperation")
        verbose_name_plural = _("cooperations")
        ordering = ("-offered_on", "-id")
        # One index per order the register offers (docs/performance.md): the first page is read
        # from the index instead of sorting the whole table.
        indexes = (
            models.Index(F("offered_on").desc(), F("id").desc(), name="coop_by_offered"),
            models.Index(F("signed_on").desc(), F("id").desc(), name="coop_by_signed"),
            models.Index(fields=("ends_on", "id"), name="coop_by_ends"),
            models.Index(fields=("title", "id"), name="coop_by_title"),
            models.Index(fields=("stage", "offered_on"), name="coop_by_stage"),
            models.Index(fields=("next_due_on", "id"), name="coop_by_next_due"),
            models.Index(
                F("offered_on").desc(),
                F("id").desc(),
                name="coop_overdue",
                condition=models.Q(is_overdue=True),
            ),
            models.Index(
                fields=("ends_on", "id"), name="coop_expiring", condition=models.Q(is_expiring=True)
            ),
            # The supervisors' stalled cooperations: not yet signed, oldest last step first.
            models.Index(
                fields=("last_step_on", "id"),
                name="coop_stalled",
                condition=models.Q(
                    stage__in=(
                        "offered",
                        "accepted",
                        "joint_agreement",
                        "drafting",
                        "dprd_review",
                        "ready_to_sign",
                    )
                ),
            ),
            # The stalled rule "joint agreement without an agreement" (cooperation/stalled.py).
            models.Index(
                fields=("joint_agreement_signed_on", "id"),
                name="coop_stalled_joint",
                condition=models.Q(
                    stage__in=(
                        "offered",
                        "accepted",
                        "joint_agreement",
                        "drafting",
                        "dprd_review",
                        "ready_to_sign",
                    ),
                    signed_on__isnull=True,
                ),
            ),
            # Records whose stored status `ksd tick` must compute (again).
            models.Index(
                fields=("id",), name="coop_status_stale", condition=models.Q(status_on__isnull=True)
            ),
            # The public register: published records, newest signature first.
            models.Index(
                F("signed_on").desc(),
                F("id").desc(),
                name="coop_public_by_signed",
                condition=models.Q(is_published=True),
            ),
        )

    def __str__(self) -> str:
        return self.title


class Party(models.Model):
    """A party to a cooperation: a region, or a third party named in the record."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE,
        related_name="parties",
    )  # fmt: skip
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="cooperation_parties",
    )  # fmt: skip
    # The third party's record, when it has one; name and form are kept as they were at the
    # offer, since the law judges the party as it stood then.
    third_party = models.ForeignKey(
        "regions.ThirdParty", verbose_name=_("third party record"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="cooperation_parties",
    )  # fmt: skip
    third_party_name = models.CharField(_("third party"), max_length=200, blank=True)
    third_party_form = models.CharField(_("legal form"), max_length=40, blank=True)
    third_party_domestic = models.BooleanField(_("domestic"), default=True)
    # A partner abroad (PP 28/2018 Pasal 1 angka 4-5): its name is third_party_name; the kind
    # is pemerintah_daerah (KSDPL) or lembaga (KSDLL); the country is ISO 3166-1 alpha-2.
    foreign_kind = models.CharField(_("kind of partner abroad"), max_length=20, blank=True)
    foreign_country = models.CharField(_("country"), max_length=2, blank=True)
    is_initiator = models.BooleanField(_("initiator"), default=False)
    accepted_on = models.DateField(_("offer accepted on"), null=True, blank=True)
    declined_on = models.DateField(_("offer declined on"), null=True, blank=True)
    # The facts of PP 50/2007 Pasal 9-10 for this region's DPRD (ksd.law.facts.Burden fields).
    burden = models.JSONField(_("burden on the region"), null=True, blank=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ("id",)
        # "The cooperations of region X" (the access door, the register's region filter) read
        # from this index alone.
        indexes = (models.Index(fields=("region", "cooperation"), name="party_by_region"),)
        constraints = (
            models.CheckConstraint(
                condition=(
                    models.Q(region__isnull=False, third_party_name="")
                    | (models.Q(region__isnull=True) & ~models.Q(third_party_name=""))
                ),
                name="party_is_region_or_third_party",
            ),
            models.UniqueConstraint(
                fields=("cooperation", "region"), name="party_region_once",
                condition=models.Q(region__isnull=False),
            ),
        )  # fmt: skip

    def __str__(self) -> str:
        return self.region.name if self.region_id and self.region else self.third_party_name

    @property
    def key(self) -> str:
        return self.region_id or self.third_party_name


class Amendment(models.Model):
    """A change to the agreement, in an agreement of the same level as its parent (PP 50/2007
    Pasal 17 ayat (3)); an extension is an amendment that moves the end date."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE,
        related_name="amendments",
    )  # fmt: skip
    number = models.CharField(_("number"), max_length=100)
    signed_on = models.DateField(_("signed on"))
    summary = models.TextField(_("what changes"))
    new_ends_on = models.DateField(_("new end date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ("signed_on", "id")
        constraints = (
            models.UniqueConstraint(fields=("cooperation", "number"), name="amendment_number_once"),
        )

    def __str__(self) -> str:
        return self.number


class CopySent(models.Model):
    """A copy of the signed agreement sent by one region to a recipient the law names
    (PP 50/2007 Pasal 12 ayat (5)-(6))."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE,
        related_name="copies_sent",
    )  # fmt: skip
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("sent by"), on_delete=models.PROTECT, related_name="+"
    )
    recipient = models.CharField(_("recipient"), max_length=40)
    sent_on = models.DateField(_("sent on"))
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("copy sent")
        verbose_name_plural = _("copies sent")
        ordering = ("sent_on", "id")
        constraints = (
            models.UniqueConstraint(
                fields=("cooperation", "region", "recipient"), name="copy_sent_once"
            ),
        )

    def __str__(self) -> str:
        return f"{region_name(self.region_id)} → {self.recipient}"


class ImplementingAgency(models.Model):
    """The perangkat daerah (SKPD/OPD) that carries out a region's part (PP 50/2007 Pasal 8)."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE,
        related_name="implementing_agencies",
    )  # fmt: skip
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey(
        "regions.Agency", verbose_name=_("agency record"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    agency_name = models.CharField(_("agency"), max_length=200)
    assigned_on = models.DateField(_("assigned on"))

    class Meta:
        verbose_name = _("implementing agency")
        verbose_name_plural = _("implementing agencies")
        ordering = ("region", "agency_name")

    def __str__(self) -> str:
        return self.agency_name


class Notification(models.Model):
    """Something a region's users must act on soon; created by `ksd tick`, once per subject."""

    class Kind(models.TextChoices):
        DPRD_DEADLINE = "dprd_deadline", _("DPRD deadline approaching")
        DEEMED_APPROVAL = "deemed_approval", _("DPRD deemed to have approved")
        EXPIRING = "expiring", _("Agreement expiring")
        EXPIRED = "expired", _("Agreement expired")

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE,
        related_name="notifications",
    )  # fmt: skip
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    message = models.TextField(_("message"))
    citation = models.CharField(_("article"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ("due_on", "id")
        indexes = (models.Index(fields=("region", "created_at"), name="notification_by_region"),)
        constraints = (
            models.UniqueConstraint(
                fields=("cooperation", "region", "kind", "due_on"), name="notification_once"
            ),
        )

    def __str__(self) -> str:
        return self.message


class Signatory(models.Model):
    """Who signed the agreement for one region, and on what authority: as its head, or under a
    Surat Kuasa (PP 50/2007 Pasal 1 angka 5, Pasal 3, Pasal 7 huruf d; PP 28/2018 Pasal 2)."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE,
        related_name="signatories",
    )  # fmt: skip
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    official = models.ForeignKey(
        "regions.Official", verbose_name=_("signed by"), on_delete=models.PROTECT, related_name="+"
    )
    power_of_attorney = models.ForeignKey(
        "regions.PowerOfAttorney", verbose_name=_("Surat Kuasa"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    signed_on = models.DateField(_("signed on"))
    citation = models.CharField(_("authority"), max_length=160)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ("region", "id")
        constraints = (
            models.UniqueConstraint(fields=("cooperation", "region"), name="signatory_once"),
        )

    def __str__(self) -> str:
        return f"{self.official} ({region_name(self.region_id)})"


class Dispute(models.Model):
    """A dispute between parties and how it was settled (PP 50/2007 Pasal 14-16; PP 28/2018
    Pasal 8 and 21 with UU 23/2014 Pasal 370). The authority comes from ksd.law; a governor's
    bureau records the governor's decision, the Ministry the Minister's."""

    class Settlement(models.TextChoices):
        DELIBERATION = "musyawarah", _("Deliberation (musyawarah)")
        GOVERNOR = "gubernur", _("Governor's decree")
        MINISTER = "menteri", _("Minister's decree")
        AGREEMENT = "perjanjian", _("As the agreement provides")

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE,
        related_name="disputes",
    )  # fmt: skip
    between = models.JSONField(_("between parties"), default=list)
    raised_on = models.DateField(_("raised on"))
    description = models.TextField(_("what it is about"))
    authority = models.CharField(_("authority"), max_length=12, blank=True)
    authority_province = models.ForeignKey(
        "regions.Region", verbose_name=_("province of the governor"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    citation = models.CharField(_("article"), max_length=120, blank=True)
    settled_on = models.DateField(_("settled on"), null=True, blank=True)
    settlement = models.CharField(
        _("settled by"), max_length=12, choices=Settlement.choices, blank=True
    )
    decision_number = models.CharField(_("decision number"), max_length=100, blank=True)
    decision_summary = models.TextField(_("decision"), blank=True)
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")
        ordering = ("raised_on", "id")
        # The stalled rule "dispute waiting to be settled" (cooperation/stalled.py).
        indexes = (
            models.Index(
                fields=("raised_on", "id"), name="dispute_unsettled",
                condition=models.Q(settled_on__isnull=True),
            ),
        )  # fmt: skip

    def __str__(self) -> str:
        return self.description[:80]


class OpenTask(models.Model):
    """One step that waits for someone: a region's office, its DPRD, a governor or the Minister
    (cooperation/status.py derives them from ksd.law; the dashboards read them by index)."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE,
        related_name="open_tasks",
    )  # fmt: skip
    # The region whose office or DPRD must act, or the province whose governor decides; None
    # for the Minister.
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=30)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    due_name = models.CharField(_("what is due"), max_length=30, blank=True)
    status = models.CharField(_("status"), max_length=30, blank=True)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    is_overdue = models.BooleanField(_("overdue"), default=False)

    class Meta:
        verbose_name = _("open task")
        verbose_name_plural = _("open tasks")
        ordering = ("due_on", "id")
        indexes = (
            models.Index(fields=("region", "kind", "due_on"), name="task_by_region"),
            models.Index(fields=("kind", "due_on"), name="task_by_kind"),
            # The operator's "waiting for the other parties": the tasks of the region's
            # cooperations, read from the index alone (the row's id last, for PostgreSQL's
            # index-only scan; SQLite keeps the rowid in every index).
            models.Index(
                fields=("cooperation", "region", "is_overdue", "due_on", "id"),
                name="task_by_cooperation",
            ),
            # What `ksd tick` turns overdue as days pass.
            models.Index(
                fields=("due_on",), name="task_turning_overdue",
                condition=models.Q(is_overdue=False, due_on__isnull=False),
            ),
        )  # fmt: skip

    def __str__(self) -> str:
        return f"{self.kind} ({self.region_id})"


class EventKind(models.IntegerChoices):
    """Stable numbers, never reused: the audit trail outlives the code (Zulip's event types)."""

    OFFERED = 101, _("Offer made")
    OFFER_ACCEPTED = 102, _("Offer accepted")
    OFFER_DECLINED = 103, _("Offer declined")
    JOINT_AGREEMENT_SIGNED = 104, _("Joint agreement signed")
    AGREEMENT_DRAFTED = 105, _("Agreement drafted")
    OPINIONS_REQUESTED = 106, _("Opinions requested")
    POWER_OF_ATTORNEY_ISSUED = 107, _("Surat Kuasa issued")
    OFFER_WITHDRAWN = 108, _("Offer withdrawn")
    DPRD_SUBMITTED = 201, _("Submitted to the DPRD")
    DPRD_OPINION = 202, _("DPRD opinion received")
    DPRD_RESUBMITTED = 203, _("Revised draft resubmitted to the DPRD")
    DPRD_APPROVED = 204, _("DPRD approved")
    DPRD_REJECTED = 205, _("DPRD refused")
    DPRD_DEEMED_APPROVED = 206, _("DPRD deemed to have approved")
    SIGNED = 301, _("Agreement signed")
    COPIES_SENT = 302, _("Copies of the agreement sent")
    IMPLEMENTATION_STARTED = 303, _("Implementation started")
    AMENDED = 304, _("Agreement amended")
    EXTENDED = 305, _("Agreement extended")
    PUBLISHED = 306, _("Published in the public register")
    TERMINATED = 401, _("Terminated")
    EXPIRED = 402, _("Expired")
    DOCUMENT_ATTACHED = 501, _("Document attached")
    DOCUMENT_SHARED = 502, _("Document shared with the parties")
    DOCUMENT_PUBLISHED = 503, _("Document published in the public register")
    # Documents drafted from the record and drafts checked by their text (documents/drafting).
    DOCUMENT_DRAFTED = 910, _("Document drafted from the record")
    DRAFT_TEXT_CHECKED = 911, _("Draft agreement checked by its text")
    DISPUTE_RAISED = 600, _("Dispute raised")
    DISPUTE_DECIDED = 601, _("Dispute decided")
    # Cooperation abroad, PP 28/2018 Pasal 28-43 (cooperation/abroad/).
    FOREIGN_CONSULTED = 701, _("Consulted the Minister and the Foreign Minister")
    FOREIGN_INTENT_SIGNED = 702, _("Letter of intent signed")
    FOREIGN_PLAN_VERIFIED = 703, _("Plan verified by the Minister")
    FOREIGN_DRAFT_APPROVED = 704, _("Draft approved after the inter-ministerial meeting")
    FOREIGN_CONFIRMED = 705, _("Foreign Minister's confirmation received")
    FOREIGN_REPORTED = 706, _("Reported to the Minister")
    FOREIGN_FACTS_STATED = 707, _("Requirements and plan contents stated")
    # Record keeping (cooperation/corrections/): the old and the new value, the reason, who.
    RECORD_CORRECTED = 801, _("Record corrected")
    RECORD_CANCELLED = 802, _("Record cancelled")
    # Agreements brought in from a sheet (exchange/importing): who, which file and row.
    IMPORTED = 920, _("Imported from a sheet")


class Event(models.Model):
    """One step in a cooperation's life: who, when, what changed, why, under which article.

    Append-only: rows are created by services and never updated or deleted; a database trigger
    refuses both (cooperation/append_only.py), and a cooperation with events cannot be deleted.
    """

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.PROTECT,
        related_name="events",
    )  # fmt: skip
    kind = models.PositiveSmallIntegerField(_("kind"), choices=EventKind.choices)
    # None when the system acted on its own (deemed approval, expiry).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("actor"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    at = models.DateTimeField(_("recorded at"))
    on = models.DateField(_("legal date"), null=True, blank=True)
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    citation = models.CharField(_("article"), max_length=120, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    changes = models.JSONField(_("what changed"), default=dict, blank=True)
    # The cooperation's stage once this event was recorded, so the register can say where each
    # record stood on a past date (cooperation/as_of.py). Empty on events recorded before it was
    # kept whose stage the log alone cannot tell (migration 0024 fills what it can).
    stage = models.CharField(_("stage after the event"), max_length=20, blank=True, default="")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ("at", "id")
        indexes = (
            # The register as of a date: each record's latest event recorded by then, read from
            # the index alone (cooperation/as_of.py).
            models.Index(fields=("cooperation", "at", "id", "stage"), name="event_asof_stage"),
            # Corrections recorded after a date, whose old values the register as of it shows.
            models.Index(
                fields=("cooperation", "at"), name="event_asof_corrections",
                condition=models.Q(kind=EventKind.RECORD_CORRECTED),
            ),
            # The public register as of a date: whether a record was published after it.
            models.Index(
                fields=("cooperation", "at"), name="event_asof_published",
                condition=models.Q(kind=EventKind.PUBLISHED),
            ),
            # The register as of a date sorted by end date: the records signed (or a
            # signatory recorded) after it, and those extended after it, each as one range
            # read from the index alone. One index per kind: SQLite uses a partial index only
            # when the query names its condition (kind = ..., not kind IN (...)), and reads
            # the table for a column the index lacks, the kind included.
            models.Index(
                fields=("kind", "at", "cooperation"), name="event_asof_signed",
                condition=models.Q(kind=EventKind.SIGNED),
            ),
            models.Index(
                fields=("kind", "at", "cooperation"), name="event_asof_extended",
                condition=models.Q(kind=EventKind.EXTENDED),
            ),
        )  # fmt: skip
        constraints = (
            # Deemed approval is applied once per DPRD track and due date, however often the job
            # runs; a correction of the track's dates may move the due date, and the job then
            # records the deemed approval of the corrected date.
            models.UniqueConstraint(
                fields=("cooperation", "region", "kind", "on"),
                name="event_deemed_approval_once_per_date",
                condition=models.Q(kind=EventKind.DPRD_DEEMED_APPROVED),
            ),
        )  # fmt: skip

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"

"""Who changed reference data, when, and from what to what: django-auditlog keeps one LogEntry
per create, change and delete of the models in REFERENCE_MODELS (officials, agencies, Surat
Kuasa, third parties, holiday overrides, cooperation bodies and their members and reports,
memberships and invitations), with the old and the new value of every changed field. Administrators read them in
the admin ("Log entries", and each record's "Audit log" link).

The actor of a web request (a page's form or the admin) is the logged-in user, set by
auditlog's middleware. A service that takes `actor=` also runs outside a request (the CLI, a
job, a test), so it names its actor with `acting_as`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from auditlog.context import auditlog_value, set_actor
from auditlog.mixins import AuditlogHistoryAdminMixin
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib import admin

# The models followed, with auditlog's options for each.
REFERENCE_MODELS: dict[str, dict[str, Any]] = {
    "regions.Agency": {},
    "regions.Official": {},
    "regions.PowerOfAttorney": {},
    # The NIK of an individual is personal data (UU 27/2022): the trail keeps it masked.
    "regions.ThirdParty": {"mask_fields": ["nik"]},
    "regions.HolidayOverride": {},
    "bodies.CooperationBody": {},
    "bodies.BodyMember": {},
    "bodies.BodyReport": {"m2m_fields": {"reported_to"}},
    "accounts.Membership": {},
    # Who invited whom, to which role and region; the key is a hash, masked all the same.
    "accounts.Invitation": {"mask_fields": ["key_hash"]},
}


def follow_reference_models() -> None:
    """Register REFERENCE_MODELS with auditlog (CoreConfig.ready). Only a model's own columns
    are compared, not its primary key (the entry names the object) nor the reverse relations
    auditlog would otherwise list as noise on creation."""
    for label, options in REFERENCE_MODELS.items():
        model = apps.get_model(label)
        fields = [f.name for f in model._meta.concrete_fields if not f.primary_key]
        auditlog.register(model, include_fields=fields, **options)


@contextmanager
def acting_as(actor: Any) -> Iterator[None]:
    """Record the changes made inside this block as `actor`'s, then give the surrounding
    context (a request's actor, say) back: auditlog's own set_actor leaves the inner context
    behind, so a change made after a nested block would lose its actor."""
    previous = auditlog_value.get(None)
    try:
        with set_actor(actor):
            yield
    finally:
        if previous is not None:
            auditlog_value.set(previous)


class AuditTrailAdmin(AuditlogHistoryAdminMixin, admin.ModelAdmin):  # type: ignore[misc,type-arg]
    """A reference record's admin with a link, in its list, to its audit trail: who changed
    what and when, with the old and new values."""

    show_auditlog_history_link = True

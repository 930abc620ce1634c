"""A cooperation's page as it stood on a past date (cooperation/as_of.py): read-only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404

from ksd.cooperation import as_of, queries
from ksd.cooperation.corrections.services import fact_label
from ksd.cooperation.events_html import events_html
from ksd.cooperation.law import facts_for, law_lang, law_parameters
from ksd.cooperation.models import Cooperation, Event
from ksd.cooperation.track_html import tracks_html
from ksd.core.access import visible_events
from ksd.law.assessment import assess
from ksd.regions.models import Affair


def as_of_page(user: Any, cooperation: Cooperation, day: dt.date) -> dict[str, Any]:
    """The context of the page: the record, its parties and DPRD tracks as they stood at the
    end of `day`, the events recorded by then, and ksd.law's assessment as of `day` on those
    facts. 404 for a record not yet entered then. A fixed number of queries."""
    queries.load_page(cooperation)
    events = list(
        Event.objects.filter(cooperation=cooperation)
        .select_related("actor", "region")
        .order_by("at", "id")
    )
    then = as_of.cooperation_then(cooperation, day, events)
    if then is None:
        raise Http404
    record = then.cooperation
    if record.affair_id != cooperation.affair_id:  # corrected later: the affair of the day
        record.affair = Affair.objects.filter(pk=record.affair_id).first()
    calendars = queries.calendars_of([cooperation])
    facts = facts_for(
        record, as_of=day, parties=then.parties, reviews=then.reviews, foreign_events=then.events
    )
    assessment = assess(facts, calendars=calendars, parameters=law_parameters())
    tracks = queries.dprd_tracks(
        record, assessment, calendars, today=day, parties=then.parties, reviews_then=then.reviews
    )
    lang = law_lang()
    names = {p.region_id: p.region.name for p in then.parties if p.region}
    findings = [(f.severity.value, f.message.render(lang), str(f.citation),
                 names.get(f.subject or "", ""))
                for f in assessment.findings]  # fmt: skip
    seen = {e.pk for e in visible_events(user, Event.objects.filter(cooperation=cooperation))
            .filter(at__lt=as_of.end_of(day)).only("pk")}  # fmt: skip
    timeline = queries.with_kind_labels(e for e in then.events if e.pk in seen)
    later = [(fact_label(e.changes.get("fact", "")), e.at) for e in then.later_corrections]
    return {
        "cooperation": record, "parties": then.parties, "tracks": tracks,
        "tracks_html": tracks_html(tracks),
        "timeline_html": events_html(timeline), "findings": findings,
        "timeline": timeline, "day": day, "banner": as_of.banner(day),
        "later_corrections": later, "parties_then": then.parties_then,
    }  # fmt: skip

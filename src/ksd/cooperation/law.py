"""The bridge from the records to ksd.law: facts built from the database, verdicts back.

Every rule stays in ksd.law; this module only translates rows into its plain facts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from itertools import product

from django.utils import translation

from ksd.cooperation.abroad.services import foreign_facts_for
from ksd.cooperation.models import Cooperation, Event, Party
from ksd.dprd.models import DprdReview
from ksd.law.assessment import RULES, Assessment, assess
from ksd.law.authority import PASAL_12_AFFAIRS, normalise_object
from ksd.law.calendar import WorkingCalendar, calendar_for
from ksd.law.citations import Lang
from ksd.law.facts import (
    BURDEN_FIELDS,
    Burden,
    DprdEvents,
    Facts,
    ForeignParty,
    ObjectFacts,
    ThirdParty,
    ThirdPartyForm,
)
from ksd.law.facts import Party as LawParty
from ksd.law.parameters import ParameterValue
from ksd.law.regimes import INFO, Regime
from ksd.law.region_history import region_on

PP50_IN_FORCE = INFO[Regime.PP50_2007].in_force_from


def law_lang() -> Lang:
    """The language of ksd.law's messages that matches the page's language."""
    return "en" if (translation.get_language() or "id").startswith("en") else "id"


def calendar_for_region(code: str) -> WorkingCalendar:
    """The working-day calendar of one region, with the administrator's overrides when the
    regions app provides them."""
    try:
        from ksd.regions.services import calendar_for_region as with_overrides
    except ImportError:  # the override table is not there yet
        return calendar_for(code)
    return with_overrides(code)


def law_party(party: Party, on: dt.date | None = None) -> LawParty:
    """A party as ksd.law sees it; a region in the province it belonged to on `on` (default:
    today's geography)."""
    if party.region_id:
        region = region_on(party.region_id, on or dt.date.max)
        return LawParty(region.code, region=region)
    if party.foreign_kind:
        name = party.third_party_name
        partner = ForeignParty(name, party.foreign_kind, party.foreign_country or None)
        return LawParty(name, foreign=partner)
    form = ThirdPartyForm(party.third_party_form)
    third = ThirdParty(party.third_party_name, form, party.third_party_domestic)
    return LawParty(third.name, third_party=third)


def known_burden(
    recorded: Mapping[str, bool | None] | None, regime: Regime, on: dt.date
) -> Burden | None:
    """The burden facts of one region as ksd.law reads them, or None while they are unknown.

    A fact that was never recorded (absent, or None) is unknown, never "no". The facts are known
    when the law's answer to "is DPRD approval needed?" is the same whatever the unknown facts
    turn out to be; otherwise they are unknown and the DPRD track waits for them.
    """
    if recorded is None:
        return None
    known = {k: bool(v) for k, v in recorded.items() if k in BURDEN_FIELDS and v is not None}
    base = Burden(**known)
    missing = [f for f in BURDEN_FIELDS if f not in known]
    if not missing:
        return base
    rule = RULES[regime].dprd_approval
    answers = {
        rule(replace(base, **dict(zip(missing, values, strict=True))), on).required
        for values in product((False, True), repeat=len(missing))
    }
    return base if len(answers) == 1 and None not in answers else None


def dprd_events(review: DprdReview) -> DprdEvents:
    return DprdEvents(
        received=review.received_on,
        opinion_sent=review.opinion_sent_on,
        opinion_received=review.opinion_received_on,
        resubmitted=review.resubmitted_on,
        approved=review.approved_on,
        rejected=review.rejected_on,
    )


def facts_for(
    cooperation: Cooperation,
    *,
    as_of: dt.date,
    parties: Iterable[Party] | None = None,
    reviews: Iterable[DprdReview] | None = None,
    draft_contents: Iterable[str] | None = None,
    foreign_events: Iterable[Event] | None = None,
) -> Facts:
    """The plain facts ksd.law assesses, from the record as it stands; `draft_contents`, when
    given, are the contents of a draft being recorded (an empty list is a draft with none);
    `foreign_events`: see foreign_facts_for."""
    party_rows = list(cooperation.parties.all() if parties is None else parties)
    review_rows = list(cooperation.dprd_reviews.all() if reviews is None else reviews)
    regime = Regime(cooperation.regime)
    burdens: dict[str, Burden | None] = {}
    for party in party_rows:
        if party.region_id:
            burdens[party.region_id] = known_burden(party.burden, regime, cooperation.governing_on)
    if draft_contents is not None:
        contents: frozenset[str] | None = frozenset(draft_contents)
    else:
        contents = frozenset(cooperation.draft_contents) if cooperation.draft_contents else None
    affair = normalise_object(cooperation.affair.code, None)[0] if cooperation.affair_id else None
    return Facts(
        date=cooperation.governing_on,
        regime=regime,
        regime_overridden=False,
        as_of=as_of,
        parties=tuple(law_party(p, cooperation.governing_on) for p in party_rows),
        burden_by_region=burdens,
        draft_contents=contents,
        dprd={r.region_id: dprd_events(r) for r in review_rows},
        duration_years=cooperation.term_years,
        continuous=cooperation.is_continuous,
        compulsory=cooperation.is_compulsory,
        object_count=cooperation.object_count,
        # The object's affair, so ksd.law can say whether each region's level holds authority
        # over it (UU 23/2014 Pasal 14-15 and its Lampiran).
        object=ObjectFacts(str(affair)) if affair in PASAL_12_AFFAIRS else None,
        foreign=foreign_facts_for(cooperation, foreign_events),
        # An agreement made before PP 50/2007 (Pasal 26-27): its making is not judged.
        before_pp50=cooperation.governing_on < PP50_IN_FORCE,
    )


def law_parameters() -> list[ParameterValue]:
    """The administrator's values of ksd.law's parameters (PP 28/2018's DPRD clocks)."""
    from ksd.dprd.clock_settings import law_parameters as clocks  # the dprd app keeps them

    return clocks()


def assessment_for(
    cooperation: Cooperation, *, as_of: dt.date, draft_contents: Iterable[str] | None = None
) -> Assessment:
    return assess(
        facts_for(cooperation, as_of=as_of, draft_contents=draft_contents),
        calendars=calendar_for_region,
        parameters=law_parameters(),
    )

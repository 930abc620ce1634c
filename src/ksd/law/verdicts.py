"""The verdicts each regime's rules return; assessment.py assembles them into one answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ksd.law.calendar import WorkingCalendar
from ksd.law.citations import Citation, Finding, Reason, Severity
from ksd.law.facts import Burden, DprdEvents, Facts, Party, Termination
from ksd.law.geography import Scope
from ksd.law.parameters import Parameter
from ksd.law.regions import Region


@dataclass(frozen=True, slots=True)
class PairKind:
    kind: str
    scope: Scope
    citation: Citation


@dataclass(slots=True)
class Approval:
    """Whether a region's DPRD must approve (None: the burden facts are unknown)."""

    required: bool | None
    reasons: list[Reason] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    parameters: list[Parameter] = field(default_factory=list)


@dataclass(slots=True)
class Track:
    deadlines: dict[str, dt.date | None]
    status: str
    findings: list[Finding] = field(default_factory=list)
    parameters: list[Parameter] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DisputeRoute:
    authority: str | None  # gubernur, menteri, perjanjian; None where no article covers it
    province: str | None
    citation: Citation
    message_id: str
    message_en: str
    parameter: str | None = None  # the parameter (law/data/parameters.yaml) that decided it
    final: bool | None = None  # the authority's decision is final (None: no authority, or unsaid)
    escalates_to: str | None = None  # who takes over when this authority cannot settle it


@dataclass(frozen=True, slots=True)
class ContentRequirement:
    code: str
    citation: Citation
    severity: Severity
    parameter: str | None = None  # the parameter (law/data/parameters.yaml) that decided it


@dataclass(frozen=True, slots=True)
class CopyRule:
    recipients: tuple[str, ...]
    citation: Citation


@dataclass(slots=True)
class BodyVerdict:
    allowed: bool
    reasons: list[Reason]


@dataclass(slots=True)
class TerminationVerdict:
    valid: bool
    citation: Citation
    reason: Reason
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RegimeRules:
    """One regime's answers to the questions every assessment asks, so the two compare."""

    regulation: str
    eligibility: Callable[[Sequence[Party]], list[Finding]]
    pair_kind: Callable[[Party, Party], PairKind | None]
    dprd_approval: Callable[[Burden | None, dt.date], Approval]
    dprd_track: Callable[[DprdEvents, WorkingCalendar, dt.date, dt.date], Track]
    required_contents: Callable[[Facts], list[ContentRequirement]]
    letter_contents: Callable[[], list[ContentRequirement]]
    dprd_letter_copies: Callable[[Region], CopyRule | None]
    agreement_copies: Callable[[Region], CopyRule | None]
    # Where the regulation names no recipients: the copies KSD advises, under the regime's own
    # article on who supervises the cooperation (None where the regulation names them).
    advised_agreement_copies: Callable[[Region], CopyRule | None]
    dispute_route: Callable[[Party, Party, dt.date], DisputeRoute | None]
    badan_kerja_sama: Callable[[Facts], BodyVerdict]
    sekretariat_kerja_sama: Callable[[Facts], BodyVerdict | None]
    termination: Callable[[Facts, Termination], TerminationVerdict]
    # The grounds for ending a cooperation the regime knows (argument: with a third party).
    termination_grounds: Callable[[bool], tuple[str, ...]]

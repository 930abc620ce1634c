"""Checking one row of the agreement sheet: every error with its column and a message in the
user's language, or the agreement ready to be written.

A row becomes a valid record or nothing: a signed agreement (stage signed, implementing or
expired, consistent with its dates), under the regulation of its governing date, with the
parties ksd.law accepts on that date, and DPRD tracks only where the sheet gives their dates.
The dates follow the lifecycle's one rule (cooperation/dates.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ksd.cooperation import dates
from ksd.cooperation.dates import Step
from ksd.cooperation.law import law_lang
from ksd.cooperation.models import Stage
from ksd.core.dates import show
from ksd.core.errors import StepRefused
from ksd.exchange.columns import BY_KEY, NO, STATUSES, YES
from ksd.exchange.importing.reader import Cell
from ksd.law.assessment import ELIGIBILITY_CODES, assess
from ksd.law.citations import Severity
from ksd.law.errors import LawInputError
from ksd.law.facts import Facts, ThirdParty, ThirdPartyForm
from ksd.law.facts import Party as LawParty
from ksd.law.regimes import Regime, regime_for_agreement
from ksd.law.region_history import region_on

MAX_TERM_YEARS = 100
FORMS = tuple(f.value for f in ThirdPartyForm)


@dataclass(frozen=True)
class RegionInfo:
    code: str
    name: str


@dataclass
class Context:
    """What a chunk of rows is checked against, read once per chunk."""

    regions: dict[str, RegionInfo]
    by_name: dict[str, list[str]]
    affairs: dict[str, int]
    today: dt.date
    now: dt.datetime
    scope: str | None = None  # an operator's region: it must be a party of every row


@dataclass
class Agreement:
    row: int
    agreement_number: str
    title: str
    initiator: str
    regions: list[str]
    third_parties: list[tuple[str, str]]
    affair_id: int | None
    sector: str
    offer_number: str
    offered_on: dt.date
    joint_agreement_number: str
    joint_agreement_signed_on: dt.date | None
    signed_on: dt.date
    starts_on: dt.date
    term_years: int | None
    ends_on: dt.date | None
    stage: str
    implementation_started_on: dt.date | None
    dprd: list[tuple[str, dt.date, dt.date]]
    published: bool
    regime: Regime
    before_pp50: bool

    @property
    def key(self) -> tuple[str, str]:
        return (self.initiator, self.agreement_number)

    @property
    def codes(self) -> list[str]:
        return [self.initiator, *self.regions]


@dataclass
class Checked:
    row: int
    agreement: Agreement | None
    errors: list[tuple[str, str]] = field(default_factory=list)
    number: str = ""
    title: str = ""
    initiator: str = ""


class _Row:
    """One row being checked: reads cells, collects errors per column."""

    def __init__(self, row: int, cells: dict[str, Cell], context: Context) -> None:
        self.row = row
        self.cells = cells
        self.context = context
        self.errors: list[tuple[str, str]] = []

    def error(self, key: str, message: str) -> None:
        self.errors.append((BY_KEY[key].header, message))

    def text(self, key: str, *, required: bool = False, limit: int = 300) -> str:
        value = self.cells.get(key)
        if isinstance(value, dict):
            self._bad_cell(key, value)
            return ""
        text = "" if value is None else str(value).strip()
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if required and not text:
            self.error(key, _("Required: the cell is empty."))
        if len(text) > limit:
            self.error(key, _("Too long: at most %(max)d characters.") % {"max": limit})
            return ""
        return text

    def _bad_cell(self, key: str, value: dict[str, str]) -> None:
        if "f" in value:
            self.error(
                key,
                _("The cell holds a formula (%(formula)s); KSD takes values only. Copy the "
                  "column and paste it as values.") % {"formula": value["f"][:60]},
            )  # fmt: skip
        elif "e" in value:
            self.error(key, _("The cell holds an error value (%(value)s).") % {"value": value["e"]})

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        value = self.cells.get(key)
        if isinstance(value, dict) and "d" in value:
            day = dt.date.fromisoformat(value["d"])
        elif isinstance(value, dict):
            self._bad_cell(key, value)
            return None
        elif value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(key, _("Required: the cell is empty."))
            return None
        else:
            text = str(value).strip()
            try:
                if len(text) != 10:
                    raise ValueError
                day = dt.date.fromisoformat(text)
            except ValueError:
                self.error(
                    key,
                    _("“%(text)s” is not a date. Use a date cell, or text written "
                      "YYYY-MM-DD (for example 2015-03-02).") % {"text": text[:40]},
                )  # fmt: skip
                return None
        try:
            dates.check_range(day)
        except StepRefused as refused:
            self.error(key, str(refused))
            return None
        return day

    def region(self, key: str, text: str) -> str | None:
        """A region given by its code, its exact name, or "code — name" as the export writes."""
        context = self.context
        code = text.split(" ", 1)[0].strip()
        if code in context.regions:
            return code
        found = context.by_name.get(text.casefold(), [])
        if len(found) == 1:
            return found[0]
        if found:
            self.error(
                key,
                _("“%(text)s” names several regions (%(codes)s): give the Kemendagri code.")
                % {"text": text, "codes": ", ".join(sorted(found))},
            )
        else:
            self.error(
                key,
                _("Unknown region “%(text)s”: give its Kemendagri code (for example 34.71) or "
                  "its exact name.") % {"text": text[:60]},
            )  # fmt: skip
        return None


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def check_row(row: int, cells: dict[str, Cell], context: Context) -> Checked:
    """Check one row; the agreement when it has no error."""
    r = _Row(row, cells, context)
    number = r.text("agreement_number", required=True, limit=100)
    title = r.text("title", required=True, limit=300)
    initiator_text = r.text("initiator", required=True, limit=200)
    initiator = r.region("initiator", initiator_text) if initiator_text else None
    regions: list[str] = []
    for text in _split(r.text("regions", limit=5000)):
        code = r.region("regions", text)
        if code is not None:
            regions.append(code)
    third_parties = _third_parties(r)
    affair_id = _affair(r)
    sector = r.text("sector", limit=200)
    offer_number = r.text("offer_number", limit=100)
    joint_number = r.text("joint_agreement_number", limit=100)
    offered_on = r.date("offered_on")
    joint_on = r.date("joint_agreement_signed_on")
    signed_on = r.date("signed_on", required=True)
    starts_on = r.date("starts_on")
    ends_on = r.date("ends_on")
    implemented_on = r.date("implementation_started_on")
    term = _term(r)
    status_text = r.text("status", limit=40).casefold()
    if status_text and status_text not in STATUSES:
        r.error(
            "status",
            _("Unknown status “%(text)s”: use one of %(known)s.")
            % {"text": status_text[:40], "known": ", ".join(STATUSES)},
        )
    published = _published(r)
    dprd = _dprd(r)
    checked = Checked(row, None, r.errors, number, title, initiator or initiator_text)
    if r.errors or initiator is None or signed_on is None:
        if not r.errors:
            r.error("initiator", _("Required: the cell is empty."))
        return checked
    if context.scope and context.scope not in [initiator, *regions]:
        r.error(
            "initiator",
            _("You import for %(region)s only: it must be the initiating region or a partner.")
            % {"region": context.regions[context.scope].name},
        )
    offered_on = offered_on or joint_on or signed_on
    starts_on = starts_on or signed_on
    if ends_on is None and term:
        ends_on = _end_of_term(starts_on, term)
    regime, before_pp50 = regime_for_agreement(offered_on)
    stage = _stage(r, status_text, ends_on, implemented_on)
    agreement = Agreement(
        row, number, title, initiator, regions, third_parties, affair_id, sector, offer_number,
        offered_on, joint_number, joint_on, signed_on, starts_on, term, ends_on, stage,
        implemented_on if stage != Stage.SIGNED else None, dprd, published, regime, before_pp50,
    )  # fmt: skip
    _check_dates(r, agreement)
    _check_parties(r, agreement)
    _check_dprd(r, agreement)
    if not r.errors:
        checked.agreement = agreement
    return checked


def _third_parties(r: _Row) -> list[tuple[str, str]]:
    found = []
    for text in _split(r.text("third_parties", limit=5000)):
        name, _bar, form = (part.strip() for part in text.partition("|"))
        form = form.casefold().replace(" ", "_")
        if not name or not form:
            r.error(
                "third_parties",
                _("Write each third party as “name | legal form”; “%(text)s” lacks one of them.")
                % {"text": text[:60]},
            )
        elif form not in FORMS:
            r.error(
                "third_parties",
                _("Unknown legal form “%(form)s”; use one of: %(known)s.")
                % {"form": form[:40], "known": ", ".join(FORMS)},
            )
        elif len(name) > 200:
            r.error("third_parties", _("Too long: at most %(max)d characters.") % {"max": 200})
        else:
            found.append((name, form))
    return found


def _affair(r: _Row) -> int | None:
    text = r.text("affair", limit=200)
    if not text:
        return None
    affair = r.context.affairs.get(text.casefold())
    if affair is None:
        r.error(
            "affair",
            _("Unknown government affair “%(text)s”: use a code or a name from KSD's list.")
            % {"text": text[:60]},
        )
    return affair


def _term(r: _Row) -> int | None:
    value = r.cells.get("term_years")
    if value is None or isinstance(value, dict):
        r.text("term_years")  # reports a formula or an error value
        return None
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        number = -1.0
    if not number.is_integer() or not 1 <= number <= MAX_TERM_YEARS:
        r.error(
            "term_years",
            _("The term must be a whole number of years from 1 to %(max)d.")
            % {"max": MAX_TERM_YEARS},
        )
        return None
    return int(number)


def _published(r: _Row) -> bool:
    value = r.cells.get("published")
    if isinstance(value, bool):
        return value
    text = r.text("published", limit=20).casefold()
    if text in YES:
        return True
    if text not in NO:
        r.error("published", _("Write “ya” or “tidak”."))
    return False


def _dprd(r: _Row) -> list[tuple[str, dt.date, dt.date]]:
    found = []
    for text in _split(r.text("dprd", limit=5000)):
        code, _eq, days = (part.strip() for part in text.partition("="))
        received, _slash, approved = (part.strip() for part in days.partition("/"))
        try:
            pair = (dt.date.fromisoformat(received), dt.date.fromisoformat(approved))
        except ValueError:
            r.error(
                "dprd",
                _("Write each DPRD approval as code=date received/date approved (for example "
                  "34.71=2015-02-02/2015-03-16); “%(text)s” is not.") % {"text": text[:60]},
            )  # fmt: skip
            continue
        code = r.region("dprd", code) or ""
        if code:
            found.append((code, *pair))
    return found


def _end_of_term(starts_on: dt.date, years: int) -> dt.date:
    """The last day in force of a term of `years` from `starts_on`, as the signing step counts."""
    try:
        end = starts_on.replace(year=starts_on.year + years)
    except ValueError:  # 29 February
        end = starts_on.replace(year=starts_on.year + years, day=28)
    return end - dt.timedelta(days=1)


def _stage(r: _Row, status: str, ends_on: dt.date | None, implemented: dt.date | None) -> str:
    today = r.context.today
    ended = ends_on is not None and ends_on < today
    if not status:
        return Stage.EXPIRED if ended else Stage.IMPLEMENTING if implemented else Stage.SIGNED
    stage = STATUSES[status]
    if stage == Stage.EXPIRED and not ended:
        r.error(
            "status",
            _(
                "Status “berakhir” needs a last day in force (or a term) that has passed; this "
                "agreement is still in force."
            ),
        )
    elif stage != Stage.EXPIRED and ended:
        r.error(
            "status",
            _("The last day in force (%(date)s) has passed: the status is “berakhir”, not "
              "“%(status)s”.") % {"date": show(ends_on), "status": status},
        )  # fmt: skip
    if stage == Stage.IMPLEMENTING and implemented is None:
        r.error(
            "implementation_started_on",
            _("Status “dilaksanakan” needs the date implementation started."),
        )
    return stage


def _check_dates(r: _Row, a: Agreement) -> None:
    """The lifecycle's order of dates (cooperation/dates.py): offer ≤ joint agreement ≤ DPRD ≤
    signing ≤ entry into force ≤ implementation; nothing done after today."""
    now = r.context.now
    checks: list[tuple[str, Step, dt.date | None, list[dates.Recorded]]] = [
        ("offered_on", Step.OFFER, a.offered_on, []),
        ("joint_agreement_signed_on", Step.JOINT_AGREEMENT, a.joint_agreement_signed_on,
         dates.recorded(Step.OFFER, a.offered_on)),
        ("signed_on", Step.SIGNING, a.signed_on,
         dates.recorded(Step.OFFER, a.offered_on)
         + dates.recorded(Step.JOINT_AGREEMENT, a.joint_agreement_signed_on)),
        ("starts_on", Step.ENTRY_INTO_FORCE, a.starts_on, dates.recorded(Step.SIGNING, a.signed_on)),
        ("implementation_started_on", Step.IMPLEMENTATION, a.implementation_started_on,
         dates.recorded(Step.SIGNING, a.signed_on)),
    ]  # fmt: skip
    for key, step, day, after in checks:
        if day is None:
            continue
        try:
            dates.check(step, day, now=now, after=after)
        except StepRefused as refused:
            r.error(key, str(refused))
    if a.ends_on is not None and a.ends_on < a.starts_on:
        r.error(
            "ends_on",
            _("The last day in force (%(end)s) is before the agreement comes into force "
              "(%(start)s).") % {"end": show(a.ends_on), "start": show(a.starts_on)},
        )  # fmt: skip


def _check_parties(r: _Row, a: Agreement) -> None:
    """The parties ksd.law accepts on the governing date (PP 50/2007 Pasal 1 and 3; PP 28/2018
    Pasal 1 and 2; the regions as they stood that day), with its own message and article."""
    seen: set[str] = set()
    for code in a.codes:
        if code in seen:
            r.error(
                "regions",
                _("%(region)s is named twice.") % {"region": r.context.regions[code].name},
            )
        seen.add(code)
    if r.errors:
        return
    try:
        parties = [LawParty(c, region=region_on(c, a.offered_on)) for c in a.codes]
    except LawInputError as exc:
        r.error("regions", exc.render(law_lang()))
        return
    for name, form in a.third_parties:
        third = ThirdParty(name, ThirdPartyForm(form), True)
        parties.append(LawParty(name, third_party=third))
    facts = Facts(
        date=a.offered_on, regime=a.regime, regime_overridden=False, as_of=a.offered_on,
        parties=tuple(parties), before_pp50=a.before_pp50,
    )  # fmt: skip
    lang = law_lang()
    third_names = {name for name, _form in a.third_parties}
    for finding in assess(facts).findings:
        if finding.code in ELIGIBILITY_CODES and finding.severity is Severity.ERROR:
            key = "third_parties" if finding.subject in third_names else "regions"
            if finding.subject == a.initiator:
                key = "initiator"
            r.error(key, f"{finding.message.render(lang)} ({finding.citation})")


def _check_dprd(r: _Row, a: Agreement) -> None:
    seen: set[str] = set()
    for code, received, approved in a.dprd:
        if code not in a.codes:
            r.error(
                "dprd",
                _("%(region)s is not a party of this agreement, so its DPRD has no track here.")
                % {"region": r.context.regions[code].name},
            )
            continue
        if code in seen:
            r.error("dprd", _("%(region)s is named twice.") % {"region": code})
        seen.add(code)
        try:
            dates.check(
                Step.DPRD_SUBMISSION, received, now=r.context.now,
                after=dates.recorded(Step.OFFER, a.offered_on),
            )  # fmt: skip
            dates.check(
                Step.DPRD_DECISION, approved, now=r.context.now,
                after=dates.recorded(Step.DPRD_SUBMISSION, received),
            )  # fmt: skip
            dates.check(
                Step.SIGNING, a.signed_on, now=r.context.now,
                after=dates.recorded(Step.DPRD_DECISION, approved),
            )  # fmt: skip
        except StepRefused as refused:
            r.error("dprd", str(refused))

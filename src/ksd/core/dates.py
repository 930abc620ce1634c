"""The range of dates KSD can judge, and the form validators that keep every date field in it.

A legal date of a cooperation lies between the day PP 50/2007 came into force (Pasal 28: 22
August 2007) and the last day of the working-day calendar (31 December 2100): before it no rule
of kerja sama daerah is held, after it no working day can be counted. Records about bodies and
people (a member's joining, an official's term, a Surat Kuasa) may be older, from 17 August 1945.
Years such as 1, 1900, 2006, 2101 or 9999 get a clear message, never a server error.

The order of the steps of a cooperation is ksd.cooperation.dates, which uses these bounds.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ksd.core.clock import date_in
from ksd.core.errors import StepRefused
from ksd.law.calendar import LAST_DAY
from ksd.law.citations import long_date
from ksd.law.regimes import REGIMES

FIRST_LEGAL_DAY = REGIMES[0].in_force_from
LAST_LEGAL_DAY = LAST_DAY
FIRST_RECORD_DAY = dt.date(1945, 8, 17)
# The zone whose date is the latest in Indonesia at any moment (WIT, UTC+9).
LATEST_ZONE = "Asia/Jayapura"


def today_at(now: dt.datetime) -> dt.date:
    """The latest calendar date anywhere in Indonesia at the moment `now`: a thing dated later
    has not happened yet, whichever region recorded it."""
    return date_in(now, LATEST_ZONE)


def show(day: dt.date) -> str:
    """A date as the letters write it, in the page's language."""
    from django.utils import translation

    text = long_date(day)
    return text.en if (translation.get_language() or "id").startswith("en") else text.id


def out_of_range(day: dt.date) -> str:
    return _(
        "The date %(date)s is outside what KSD can judge: a legal date lies between %(first)s and "
        "%(last)s (from PP 50/2007 coming into force to the end of the working-day calendar)."
    ) % {"date": day.isoformat(), "first": show(FIRST_LEGAL_DAY), "last": show(LAST_LEGAL_DAY)}


def judgeable_date(day: dt.date) -> None:
    """Form validator for a legal date of a cooperation."""
    if not FIRST_LEGAL_DAY <= day <= LAST_LEGAL_DAY:
        raise ValidationError(out_of_range(day))


def _unrecordable(day: dt.date) -> str:
    return _("The date %(date)s is outside what KSD can record: from %(first)s to %(last)s.") % {
        "date": day.isoformat(), "first": show(FIRST_RECORD_DAY), "last": show(LAST_LEGAL_DAY)
    }  # fmt: skip


def record_date(day: dt.date) -> None:
    """Form validator for a date about a body or a person, which may predate PP 50/2007."""
    if not FIRST_RECORD_DAY <= day <= LAST_LEGAL_DAY:
        raise ValidationError(_unrecordable(day))


def check_record_date(day: dt.date, *, now: dt.datetime) -> None:
    """Refuse, in a service, a record date KSD cannot hold or one after today."""
    if not FIRST_RECORD_DAY <= day <= LAST_LEGAL_DAY:
        raise StepRefused(_unrecordable(day))
    today = today_at(now)
    if day > today:
        raise StepRefused(
            _("The date %(date)s is later than today (%(today)s): record it once it has "
              "happened.") % {"date": show(day), "today": show(today)}
        )  # fmt: skip

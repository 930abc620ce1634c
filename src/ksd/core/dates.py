"""The range of dates KSD can judge, and the form validators that keep every date field in it.

A legal date lies between 17 August 1945 and the last day of the working-day calendar (31 December
2100). An agreement made before PP 50/2007 came into force (22 August 2007) is still recorded:
PP 50/2007 Pasal 26 keeps it valid and Pasal 27 settles its disputes, and ksd.law says which of its
rules it cannot judge. The DPRD steps (PP 50/2007 Pasal 9-12, PP 28/2018 Pasal 6) and their
working-day clocks start on 22 August 2007. Years such as 1, 1900, 2101 or 9999 get a clear
message, never a server error.

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

FIRST_RECORD_DAY = dt.date(1945, 8, 17)
FIRST_LEGAL_DAY = FIRST_RECORD_DAY
LAST_LEGAL_DAY = LAST_DAY
# PP 50/2007 Pasal 28: the first day of the DPRD's role in regional cooperation and its clocks.
FIRST_DPRD_DAY = REGIMES[0].in_force_from
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
        "%(last)s (the end of the working-day calendar)."
    ) % {"date": show(day), "first": show(FIRST_LEGAL_DAY), "last": show(LAST_LEGAL_DAY)}


def before_dprd_rules(day: dt.date) -> str:
    return _(
        "The date %(date)s is before %(first)s: the DPRD's approval of regional cooperation and "
        "its working-day clocks start with PP 50/2007 (Pasal 9-12, in force from that day)."
    ) % {"date": show(day), "first": show(FIRST_DPRD_DAY)}


def judgeable_date(day: dt.date) -> None:
    """Form validator for a legal date of a cooperation."""
    if not FIRST_LEGAL_DAY <= day <= LAST_LEGAL_DAY:
        raise ValidationError(out_of_range(day))


def dprd_date(day: dt.date) -> None:
    """Form validator for a date of a DPRD step."""
    judgeable_date(day)
    if day < FIRST_DPRD_DAY:
        raise ValidationError(before_dprd_rules(day))


def _unrecordable(day: dt.date) -> str:
    return _("The date %(date)s is outside what KSD can record: from %(first)s to %(last)s.") % {
        "date": show(day), "first": show(FIRST_RECORD_DAY), "last": show(LAST_LEGAL_DAY)
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
